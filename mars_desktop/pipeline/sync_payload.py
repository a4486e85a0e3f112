"""What the uploader sends for a session: its canonical record, the record's digest
(the one printed on the report), and optionally the PDF report itself."""

from __future__ import annotations

import base64
from typing import Any

from ..adapters.store import Store
from ..adapters.store import queries as q
from ..core.model_config import model_config_from_dict
from ..core.report_record import canonical_record, digest_of_record
from .session_view import session_dict


def session_record(store: Store, session_id: str) -> dict[str, Any]:
    """The canonical record, as canonical_record(session_dict(...)) gives it.

    A finalised session carries every question's result, so this reads them instead of
    loading the windows and refitting the baseline map (which costs far more); only a
    session with an unscored question takes the long way.
    """
    with store.reader() as conn:
        row = q.session_row(conn, session_id)
        questions = q.question_rows(conn, session_id)
    if any(qr["result"] is None for qr in questions):
        return canonical_record(session_dict(store, session_id))
    model = dict(row["model"])
    model.pop("digest", None)
    config = model_config_from_dict(model)
    return canonical_record({
        "session_id": row["id"], "created_at": row["created_at"],
        "finalised_at": row["finalised_at"], "office": row["office"],
        "workstation": row["workstation"], "officer": row["officer"],
        "applicant": row["applicant"], "consent": row["consent"],
        "model": {"digest": config.digest()}, "threshold": config.scoring.threshold_percent,
        "questions": [qr["result"] for qr in questions], "decision": row["decision"],
    })


def upload_payload(store: Store, session_id: str, *, report_pdf: bytes | None = None
                   ) -> dict[str, Any]:
    record = session_record(store, session_id)
    payload: dict[str, Any] = {"session_id": session_id, "record_sha256": digest_of_record(record),
                               "record": record}
    with store.reader() as conn:
        last = q.last_audit_event(conn)
    if last is not None:  # the directorate keeps it: cutting the chain short then shows
        payload["audit_checkpoint"] = {"event_id": last[0], "hash": last[1]}
    if report_pdf is not None:
        payload["report_pdf_base64"] = base64.b64encode(report_pdf).decode("ascii")
    return payload
