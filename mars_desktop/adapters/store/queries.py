"""Reads, each on a reader connection (see Store.reader)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import numpy as np

from ...core.text_rules import APPLICANT_FIELDS
from ...core.windows import Window
from .database import Connection
from .errors import NoSuchSession

LIST_COLUMNS = ("id", "state", "created_at", "finalised_at", "uploaded_at", "officer",
                "office", "recorded_until_s")


def list_sessions(conn: Connection, *, search: str | None = None, state: str | None = None,
                  limit: int | None = None) -> list[dict[str, Any]]:
    """Newest first; search matches name (any case), NIK or the creation date prefix."""
    sql = (f"SELECT {', '.join('s.' + c for c in LIST_COLUMNS)}, a.full_name, a.nik, "
           "(SELECT count(*) FROM questions q WHERE q.session_id = s.id AND q.flagged = 1), "
           "d.decision FROM sessions s JOIN applicants a ON a.id = s.applicant_id "
           "LEFT JOIN decisions d ON d.session_id = s.id")
    where, params = [], []
    if search:
        where.append("(a.full_name LIKE ? OR a.nik = ? OR s.created_at LIKE ?)")
        params += [f"%{search}%", search, f"{search}%"]
    if state:
        where.append("s.state = ?")
        params.append(state)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY s.created_at DESC, s.id"
    if limit:
        sql += f" LIMIT {int(limit)}"
    out = []
    for row in conn.execute(sql, params):
        rec = dict(zip(LIST_COLUMNS, row[:len(LIST_COLUMNS)], strict=True))
        rec["applicant_name"], rec["nik"], rec["flagged_questions"], rec["decision"] = \
            row[len(LIST_COLUMNS):]
        out.append(rec)
    return out


def session_row(conn: Connection, session_id: str) -> dict[str, Any]:
    cur = conn.execute("SELECT * FROM sessions WHERE id = ?", (session_id,))
    row = cur.fetchone()
    if row is None:
        raise NoSuchSession(f"no session {session_id}")
    rec = dict(zip([d[0] for d in cur.description], row, strict=True))
    rec["model"] = json.loads(rec.pop("model_json"))
    rec["summary"] = json.loads(rec.pop("summary_json") or "null")
    rec["recording"] = bool(rec["recording"])
    rec["consent"] = bool(rec["consent"])
    app = conn.execute(f"SELECT {', '.join(APPLICANT_FIELDS)} FROM applicants WHERE id = ?",
                       (rec["applicant_id"],)).fetchone()
    rec["applicant"] = dict(zip(APPLICANT_FIELDS, app, strict=True))
    cur = conn.execute("SELECT decision, reason, disregarded_score, disregard_reason, "
                       "decided_at, officer FROM decisions WHERE session_id = ?", (session_id,))
    d = cur.fetchone()
    rec["decision"] = (dict(zip([c[0] for c in cur.description], d, strict=True))
                       if d else None)
    if rec["decision"]:
        rec["decision"]["disregarded_score"] = bool(rec["decision"]["disregarded_score"])
    return rec


def question_rows(conn: Connection, session_id: str) -> list[dict[str, Any]]:
    cur = conn.execute("SELECT idx, question_id, text, start_s, end_s, baseline, result_json "
                       "FROM questions WHERE session_id = ? ORDER BY idx", (session_id,))
    cols = [c[0] for c in cur.description]
    out = []
    for row in cur:
        rec = dict(zip(cols, row, strict=True))
        rec["baseline"] = bool(rec["baseline"])
        rec["result"] = json.loads(rec.pop("result_json") or "null")
        out.append(rec)
    return out


def windows_of(conn: Connection, session_id: str) -> dict[int, list[Window]]:
    """Stored windows per question index, in time order, exactly as they were computed."""
    out: dict[int, list[Window]] = {}
    for idx, qid, start, end, frames, usable_frames, usable, blob in conn.execute(
            "SELECT w.question_idx, q.question_id, w.start_s, w.end_s, w.frames, "
            "w.usable_frames, w.usable, w.vector FROM windows w JOIN questions q "
            "ON q.session_id = w.session_id AND q.idx = w.question_idx "
            "WHERE w.session_id = ? ORDER BY w.question_idx, w.start_s", (session_id,)):
        vec = np.frombuffer(blob, dtype="<f8").astype(np.float64)
        out.setdefault(idx, []).append(
            Window(qid, start, end, frames, usable_frames, vec, bool(usable)))
    return out


def audit_events(conn: Connection, session_id: str | None = None) -> list[dict[str, Any]]:
    sql = "SELECT id, at, actor, action, session_id, detail_json FROM audit_events"
    params: list[Any] = []
    if session_id:
        sql += " WHERE session_id = ?"
        params.append(session_id)
    return [{"id": r[0], "at": r[1], "actor": r[2], "action": r[3], "session_id": r[4],
             "detail": json.loads(r[5] or "{}")} for r in conn.execute(sql + " ORDER BY id",
                                                                       params)]


def audit_chain_rows(conn: Connection) -> Iterator[tuple]:
    """Every event with its chain hashes, oldest first, for core.audit_chain.verify."""
    yield from conn.execute("SELECT id, at, actor, action, session_id, detail_json, prev_hash, "
                            "hash FROM audit_events ORDER BY id")


def audit_events_between(conn: Connection, first_day: str, last_day: str
                         ) -> list[dict[str, Any]]:
    """Events from the start of first_day to the end of last_day (UTC dates)."""
    cur = conn.execute(
        "SELECT id, at, actor, action, session_id, detail_json, prev_hash, hash "
        "FROM audit_events WHERE at >= ? AND at < date(?, '+1 day') ORDER BY id",
        (first_day, last_day))
    cols = [d[0] for d in cur.description]
    out = []
    for row in cur:
        rec = dict(zip(cols, row, strict=True))
        rec["detail"] = json.loads(rec.pop("detail_json") or "{}")
        out.append(rec)
    return out


def last_audit_event(conn: Connection) -> tuple[int, str] | None:
    row = conn.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else None
