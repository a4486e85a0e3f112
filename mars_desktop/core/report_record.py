"""The canonical record a report stands for, and its SHA-256 digest.

The digest covers what the report says about the interview, not things that
change later without changing it (the upload state, the export itself). Two
exports of an unchanged session give the same digest; any change to the
applicant's data, a question, a score, the consent or the decision changes it.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

RECORD_VERSION = 1
QUESTION_KEYS = ("question_id", "text", "start_s", "end_s", "baseline", "windows",
                 "usable_windows", "status", "score", "flagged", "top_features")


def canonical_record(doc: dict[str, Any]) -> dict[str, Any]:
    """From a `mars sessions show` document."""
    decision = doc.get("decision") or {}
    return {
        "record_version": RECORD_VERSION,
        "session_id": doc["session_id"],
        "created_at": doc["created_at"],
        "finalised_at": doc.get("finalised_at"),
        "office": doc.get("office"), "workstation": doc.get("workstation"),
        "officer": doc.get("officer"),
        "applicant": doc["applicant"],
        "consent": doc["consent"],
        "model_digest": doc["model"]["digest"],
        "threshold": doc["threshold"],
        "questions": [{k: q.get(k) for k in QUESTION_KEYS} for q in doc["questions"]],
        "decision": {k: decision.get(k) for k in ("decision", "reason", "disregarded_score",
                                                  "disregard_reason", "decided_at",
                                                  "officer")} if decision else None,
    }


def record_digest(doc: dict[str, Any]) -> str:
    return digest_of_record(canonical_record(doc))


def digest_of_record(record: dict[str, Any]) -> str:
    """The digest of a record already in canonical shape (as uploaded to the directorate)."""
    text = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def masked_nik(nik: str | None) -> str:
    if not nik:
        return ""
    return "*" * max(0, len(nik) - 4) + nik[-4:]
