"""Uploaded session records: stored exactly once, read per office.

The session id is the idempotency key. The primary key makes the first upload
the only row; a repeat with the same body gets the first answer back, a repeat
with a different body is refused, whatever order concurrent requests land in.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, text

from ..core.report_record import digest_of_record
from .accounts import Workstation, now_iso, sha256


class UploadRefused(ValueError):
    """The upload contradicts itself or an earlier upload (HTTP 422)."""


class OfficeMismatch(PermissionError):
    """A workstation uploading for another office (HTTP 403)."""


@dataclass(frozen=True)
class UploadAnswer:
    body: dict[str, Any]
    replayed: bool


def body_digest(body: dict[str, Any]) -> str:
    """What makes two uploads "the same": not the audit checkpoint, which moves on between
    a lost answer and its retry."""
    same = {k: v for k, v in body.items() if k != "audit_checkpoint"}
    return sha256(json.dumps(same, sort_keys=True, ensure_ascii=False, separators=(",", ":")))


def store_upload(engine: Engine, ws: Workstation, body: dict[str, Any],
                 report_pdf: bytes | None) -> UploadAnswer:
    record = body["record"]
    sid = str(body["session_id"])
    if str(record.get("session_id")) != sid:
        raise UploadRefused("session_id differs from the record's session_id")
    if record.get("office") != ws.office:
        raise OfficeMismatch(f"this workstation uploads for office {ws.office}, not for "
                             f"{record.get('office')!r}")
    try:
        digest = digest_of_record(record)
    except (TypeError, ValueError) as exc:
        raise UploadRefused(f"the record cannot be digested: {exc}") from exc
    if digest != body["record_sha256"]:
        raise UploadRefused("record_sha256 does not match the record")
    questions = [q for q in record["questions"] if not q.get("baseline")]
    decision = record.get("decision") or {}
    row = {
        "id": sid, "office_code": ws.office, "workstation_id": ws.id, "received_at": now_iso(),
        "created_at": record["created_at"], "finalised_at": record.get("finalised_at"),
        "officer": record.get("officer"),
        "applicant_name": (record.get("applicant") or {}).get("full_name"),
        "decision": decision.get("decision"), "questions_count": len(questions),
        "flagged_count": sum(bool(q.get("flagged")) for q in questions),
        "insufficient_count": sum(q.get("status") == "insufficient_data" for q in questions),
        "record_json": json.dumps(record, ensure_ascii=False, sort_keys=True),
        "record_sha256": digest, "body_sha256": body_digest(body), "report_pdf": report_pdf,
    }
    with engine.begin() as conn:
        inserted = conn.execute(text(
            f"INSERT INTO sessions ({', '.join(row)}) VALUES ({', '.join(':' + k for k in row)}) "
            "ON CONFLICT (id) DO NOTHING"), row).rowcount
        conn.execute(text("UPDATE workstations SET last_seen_at = :n WHERE id = :id"),
                     {"n": row["received_at"], "id": ws.id})
        checkpoint = body.get("audit_checkpoint")
        if checkpoint:
            conn.execute(text(
                "INSERT INTO audit_checkpoints VALUES (:ws, :e, :h, :n) "
                "ON CONFLICT (workstation_id, event_id) DO NOTHING"),
                {"ws": ws.id, "e": checkpoint["event_id"], "h": checkpoint["hash"],
                 "n": row["received_at"]})
        if inserted == 1:
            first = row
        else:
            found = conn.execute(text("SELECT office_code, received_at, record_sha256, "
                                      "body_sha256 FROM sessions WHERE id = :id"),
                                 {"id": sid}).fetchone()
            if found is None or found[3] != row["body_sha256"]:
                raise UploadRefused("this session was uploaded before with different content")
            first = {"id": sid, "office_code": found[0], "received_at": found[1],
                     "record_sha256": found[2]}
    answer = {"session_id": first["id"], "office": first["office_code"],
              "received_at": first["received_at"], "record_sha256": first["record_sha256"]}
    return UploadAnswer(answer, replayed=inserted != 1)


LIST_COLUMNS = ("id", "created_at", "finalised_at", "received_at", "officer", "applicant_name",
                "decision", "questions_count", "flagged_count", "insufficient_count")


def list_sessions(engine: Engine, office: str, page: int, per_page: int) -> dict[str, Any]:
    with engine.connect() as conn:
        total = conn.execute(text("SELECT count(*) FROM sessions WHERE office_code = :o"),
                             {"o": office}).scalar_one()
        rows = conn.execute(text(
            f"SELECT {', '.join(LIST_COLUMNS)} FROM sessions WHERE office_code = :o "
            "ORDER BY finalised_at DESC, id LIMIT :lim OFFSET :off"),
            {"o": office, "lim": per_page, "off": (page - 1) * per_page}).fetchall()
    return {"office": office, "page": page, "per_page": per_page, "total": int(total),
            "items": [dict(zip(LIST_COLUMNS, r, strict=True)) for r in rows]}


def read_session(engine: Engine, session_id: str, offices: frozenset[str]) -> dict[str, Any] | None:
    """The session, or None when it does not exist or is not in `offices` (the same answer,
    so a caller cannot learn that another office's session exists)."""
    with engine.connect() as conn:
        row = conn.execute(text(
            "SELECT office_code, received_at, record_json, record_sha256, "
            "report_pdf IS NOT NULL FROM sessions WHERE id = :id"), {"id": session_id}).fetchone()
    if row is None or row[0] not in offices:
        return None
    return {"session_id": session_id, "office": row[0], "received_at": row[1],
            "record_sha256": row[3], "has_report_pdf": bool(row[4]),
            "record": json.loads(row[2])}


def report_pdf(engine: Engine, session_id: str, offices: frozenset[str]) -> bytes | None:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT office_code, report_pdf FROM sessions WHERE id = :id"),
                           {"id": session_id}).fetchone()
    if row is None or row[0] not in offices or row[1] is None:
        return None
    return bytes(row[1])


def office_summaries(engine: Engine, offices: frozenset[str]) -> list[dict[str, Any]]:
    if not offices:
        return []
    names = sorted(offices)
    params = {f"o{i}": o for i, o in enumerate(names)}
    marks = ", ".join(f":o{i}" for i in range(len(names)))
    with engine.connect() as conn:
        rows = conn.execute(text(
            f"SELECT o.code, o.name, count(s.id), coalesce(sum(s.flagged_count), 0), "
            f"max(s.received_at) FROM offices o LEFT JOIN sessions s ON s.office_code = o.code "
            f"WHERE o.code IN ({marks}) GROUP BY o.code, o.name ORDER BY o.code"),
            params).fetchall()
    return [{"code": r[0], "name": r[1], "sessions": int(r[2]), "flags": int(r[3]),
             "last_received_at": r[4]} for r in rows]


def office_name(engine: Engine, code: str) -> str | None:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT name FROM offices WHERE code = :c"),
                           {"c": code}).fetchone()
    return row[0] if row else None


def latest_checkpoint(engine: Engine, workstation_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(text(
            "SELECT event_id, hash, received_at FROM audit_checkpoints WHERE workstation_id = :w "
            "ORDER BY event_id DESC LIMIT 1"), {"w": workstation_id}).fetchone()
    return None if row is None else {"workstation_id": workstation_id, "event_id": int(row[0]),
                                     "hash": row[1], "received_at": row[2]}
