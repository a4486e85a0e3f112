"""`mars export` / the Export button, and `mars verify-report`.

The report is built from the stored session (the same document `mars sessions
show` gives), its canonical record's SHA-256 goes on every page and into a QR
code, and each export is an audit event. A report file is never overwritten
unless asked (`--force`; the window asks the officer).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..adapters.atomic_file import AtomicWriteError, write_atomic
from ..adapters.pdf_report import render_report
from ..adapters.store import Store
from ..core.report_record import masked_nik, record_digest
from ..core.text_rules import APPLICANT_FIELDS
from .model_files import resources_dir
from .session_view import session_dict

DIGEST_RE = re.compile(r"SHA-256[^:\n]*:\s*([0-9a-f]{64})")
SESSION_RE = re.compile(r"\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b")


class ReportError(RuntimeError):
    pass


def _local_time(iso: str) -> str:
    dt = datetime.fromisoformat(iso).astimezone()
    return f"{dt:%Y-%m-%d %H:%M:%S} {dt.tzname()} (UTC{dt:%z})"


def build_report(store: Store, session_id: str, *, full_nik: bool = False) -> dict[str, Any]:
    doc = session_dict(store, session_id)
    applicant = doc["applicant"]
    shown = []
    for key in APPLICANT_FIELDS:
        value = applicant.get(key)
        if key == "nik":
            value = value if full_nik else masked_nik(value)
        if value or key in ("full_name", "nik"):
            shown.append((key, value or ""))
    now = datetime.now(UTC)
    return {
        "session_id": doc["session_id"], "state": doc["state"],
        "digest": record_digest(doc),
        "office": doc.get("office") or "", "workstation": doc.get("workstation") or "",
        "officer": doc.get("officer") or "",
        "created_local": _local_time(doc["created_at"]),
        "applicant": shown, "full_nik": full_nik, "consent": doc["consent"],
        "questions": doc["questions"], "threshold": doc["threshold"],
        "decision": doc.get("decision"),
        "model_version": doc["model"].get("model_version", "?"),
        "model_digest": doc["model"]["digest"],
        "exported_at_dt": now,
    }


def safe_file_name(report_or_doc: dict[str, Any]) -> str:
    """MARS_<date>_<name>_<id8>.pdf with only ASCII letters, digits, '-' and '_'."""
    name = ""
    for key, value in report_or_doc.get("applicant", []):
        if key == "full_name":
            name = value
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"[^A-Za-z0-9]+", "_", ascii_name).strip("_")[:40] or "pemohon"
    date = report_or_doc.get("created_local", "")[:10] or "undated"
    return f"MARS_{date}_{ascii_name}_{report_or_doc['session_id'][:8]}.pdf"


def report_pdf(store: Store, session_id: str, *, lang: str = "id") -> bytes:
    """The report as bytes (masked NIK), for the upload to the directorate."""
    return render_report(build_report(store, session_id), lang, resources_dir() / "fonts")


def export_report(store: Store, session_id: str, out: Path, *, lang: str = "id",
                  full_nik: bool = False, force: bool = False,
                  actor: str | None = None) -> Path:
    out = Path(out)
    report = build_report(store, session_id, full_nik=full_nik)
    if out.is_dir():
        out = out / safe_file_name(report)
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise ReportError(f"folder does not exist: {parent}")
    if out.exists() and not force:
        raise ReportError(f"{out} already exists; choose another name or use --force")
    try:
        write_atomic(out, render_report(report, lang, resources_dir() / "fonts"))
    except AtomicWriteError as exc:
        raise ReportError(str(exc)) from None
    store.record_event("report_export", session_id,
                       # The file name holds the applicant's name; the audit trail cannot be
                       # erased, so it keeps only a fingerprint of the name.
                       {"file_name_sha256": hashlib.sha256(out.name.encode()).hexdigest()[:16],
                        "lang": lang, "full_nik": full_nik,
                        "digest": report["digest"]}, actor)
    return out


def report_text(path: Path) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        return [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except (OSError, PdfReadError, ValueError) as exc:
        raise ReportError(f"{path} is not a readable PDF ({exc})") from None


def verify_report(store: Store, path: Path) -> tuple[bool, str]:
    """(matches, one-line explanation)."""
    pages = report_text(path)
    digests = [DIGEST_RE.findall(p) for p in pages]
    if not pages or not all(digests):
        return False, f"{path} is not a MARS report (no record digest on every page)"
    found = {d for ds in digests for d in ds}
    if len(found) != 1:
        return False, f"{path}: the pages carry different digests (pages were swapped in)"
    printed = found.pop()
    ids = SESSION_RE.findall(pages[0])
    if not ids:
        return False, f"{path}: no session id on the first page"
    session_id = ids[0]
    try:
        doc = session_dict(store, session_id)
    except Exception:
        return False, f"session {session_id} of {path} is not in this workstation's store"
    actual = record_digest(doc)
    if actual != printed:
        return False, (f"{path} does NOT match session {session_id}: the record has changed "
                       f"since the report was made (report {printed[:12]}..., now "
                       f"{actual[:12]}...)")
    return True, f"{path} matches session {session_id} (SHA-256 {actual})"
