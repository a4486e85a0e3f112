"""A stored session as a document: `mars sessions show`, and later the report and sync.

Questions closed during the run carry the result computed live. A question the
run never closed (a crash, a power cut) is scored from its stored windows up to
`recorded_until_s`, marked `"partial": true`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..adapters.store import Store
from ..adapters.store import queries as q
from ..core.interview import QuestionRecord, rescore
from ..core.model_config import ModelConfig, model_config_from_dict
from .result_json import interview_dict, question_dict


@dataclass
class StoredInterview:
    row: dict[str, Any]
    questions: list[dict[str, Any]]  # question rows, with their stored results
    records: list[QuestionRecord]  # rebuilt with their windows; an unclosed one ends at
    config: ModelConfig            # recorded_until_s


def load_interview(store: Store, session_id: str) -> StoredInterview:
    with store.reader() as conn:
        row = q.session_row(conn, session_id)
        questions = q.question_rows(conn, session_id)
        windows = q.windows_of(conn, session_id)
    model = dict(row["model"])
    model.pop("digest", None)
    records = []
    for qr in questions:
        rec = QuestionRecord(qr["question_id"], qr["text"], qr["start_s"], qr["baseline"],
                             end_s=qr["end_s"], windows=windows.get(qr["idx"], []))
        if rec.end_s is None:
            rec.end_s = max(rec.start_s, row["recorded_until_s"])
        records.append(rec)
    return StoredInterview(row, questions, records, model_config_from_dict(model))


def session_dict(store: Store, session_id: str) -> dict[str, Any]:
    stored = load_interview(store, session_id)
    row, questions, records = stored.row, stored.questions, stored.records
    interview = rescore(stored.config, records)
    doc_questions = []
    for qr, rec in zip(questions, records, strict=True):
        if qr["result"] is not None:
            doc_questions.append(qr["result"])
        else:
            doc_questions.append({**question_dict(rec), "partial": True})
    doc = interview_dict(interview)
    doc["questions"] = doc_questions
    summary = row["summary"] or {}
    return {
        "session_id": row["id"],
        "state": row["state"],
        "recording": row["recording"],
        "created_at": row["created_at"],
        "finalised_at": row["finalised_at"],
        "uploaded_at": row["uploaded_at"],
        "recorded_until_s": round(row["recorded_until_s"], 3),
        "media_started_at": row["media_started_at"],
        "office": row["office"], "workstation": row["workstation"], "officer": row["officer"],
        "source": row["source"],
        "consent": row["consent"],
        "applicant": row["applicant"],
        "decision": row["decision"],
        **{k: summary[k] for k in ("video", "duration_s", "fps", "frames", "frames_with_face",
                                   "others_in_view") if k in summary},
        **doc,
    }
