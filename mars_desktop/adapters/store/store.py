"""The session store: one encrypted SQLite file, one writer thread, many readers.

Writes go through the writer (queued, committed in small batches); reads open
their own connection, so the GUI history or the uploader never wait behind the
writer and never see "database is locked" (WAL readers do not block).
"""

from __future__ import annotations

import json
import logging
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

from ...core.audit_chain import GENESIS, event_hash
from ...core.text_rules import (
    APPLICANT_FIELDS,
    DECISION_FIELDS,
    QUESTION_FIELDS,
    SESSION_FIELDS,
    check_record,
)
from ...core.windows import Window
from . import database, schema
from .database import Connection
from .errors import InvalidTransition, NoSuchSession, StoreUnreadable
from .keys import FileKeyProvider, KeyProvider
from .session_lock import SessionLock, held_elsewhere
from .writer import StoreWriter

log = logging.getLogger(__name__)
DECISIONS = ("proceed", "defer", "refer")
DEFAULT_SETTINGS = {"retention_days": "365", "keep_raw_video": "0", "sync_attach_report": "0",
                    "idle_lock_minutes": "5", "office_code": "", "office_name": "",
                    "server_url": ""}


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class StoreLocation:
    database: Path
    key_file: Path
    locks: Path

    @classmethod
    def in_dirs(cls, data_dir: Path, config_dir: Path) -> StoreLocation:
        return cls(Path(data_dir) / "mars.db", Path(config_dir) / "store.key",
                   Path(data_dir) / "locks")


class Store:
    def __init__(self, location: StoreLocation, key: bytes | None, conn: Connection):
        self.location = location
        self._key = key
        self.writer = StoreWriter(conn, location.database)
        self._locks: dict[str, SessionLock] = {}
        self._lock = threading.Lock()

    @classmethod
    def open(cls, location: StoreLocation, keys: KeyProvider | None = None) -> Store:
        """Open (creating if new), check every page, migrate, and mark crashed sessions."""
        keys = keys or FileKeyProvider(location.key_file)
        is_new = not location.database.exists() or location.database.stat().st_size == 0
        key = keys.key(create=is_new)
        conn = database.connect(location.database, key)
        try:
            if not is_new:
                database.check_integrity(conn, location.database)
            applied = schema.migrate(conn)
        except Exception:
            conn.close()
            raise
        if applied:
            log.info("store %s migrated to schema %s", location.database, applied[-1])
        store = cls(location, key, conn)
        store.recover_crashed()
        return store

    @property
    def raw_key(self) -> bytes | None:
        """The database key, for the keyring to wrap for a new password (never logged)."""
        return self._key

    def close(self) -> None:
        self.writer.close()
        with self._lock:
            for lock in self._locks.values():
                lock.release()
            self._locks.clear()
        self.writer._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def reader(self) -> Iterator[Connection]:
        conn = database.connect(self.location.database, self._key, write=False)
        try:
            yield conn
        finally:
            conn.close()

    # -- sessions: writes -------------------------------------------------------------------

    def create_session(self, applicant: dict[str, Any], *, model: dict[str, Any],
                       info: dict[str, Any], consent: bool, recording: bool) -> str:
        """A new open session and its applicant, in one transaction."""
        app = check_record(applicant, APPLICANT_FIELDS, what="applicant")
        meta = check_record(info, SESSION_FIELDS, what="session")
        sid, aid, now = str(uuid.uuid4()), str(uuid.uuid4()), utc_now()
        if recording:
            lock = SessionLock(self.location.locks, sid)
            if not lock.acquire():
                raise InvalidTransition(f"session {sid} is locked")
            with self._lock:
                self._locks[sid] = lock

        def write(conn: Connection) -> str:
            cols = {"id": aid, "created_at": now, **app}
            conn.execute(f"INSERT INTO applicants ({', '.join(cols)}) "
                         f"VALUES ({', '.join('?' * len(cols))})", list(cols.values()))
            row = {"id": sid, "applicant_id": aid, "state": "open", "recording": int(recording),
                   "created_at": now, "consent": int(consent),
                   "model_json": json.dumps(model, sort_keys=True), **meta}
            conn.execute(f"INSERT INTO sessions ({', '.join(row)}) "
                         f"VALUES ({', '.join('?' * len(row))})", list(row.values()))
            _audit(conn, "session_start", sid, {"consent": bool(consent)}, meta.get("officer"))
            _audit(conn, "consent_given" if consent else "consent_refused", sid, {},
                   meta.get("officer"))
            return sid

        try:
            return self.writer.call(write)
        except BaseException:
            self._release(sid)
            raise

    def set_media_start(self, session_id: str, wall_epoch: float) -> None:
        self.writer.submit(lambda c: c.execute(
            "UPDATE sessions SET media_started_at = ? WHERE id = ?", (wall_epoch, session_id)))

    def add_question(self, session_id: str, idx: int, question_id: str, text: str,
                     start_s: float, baseline: bool) -> None:
        q = check_record({"question_id": question_id, "text": text}, QUESTION_FIELDS,
                         what="question")
        self.writer.submit(lambda c: c.execute(
            "INSERT INTO questions (session_id, idx, question_id, text, start_s, baseline) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (session_id, idx, q["question_id"], q["text"], start_s, int(baseline))))

    def add_window(self, session_id: str, question_idx: int, win: Window,
                   signal: float | None) -> None:
        blob = np.asarray(win.vector, dtype="<f8").tobytes()
        row = (session_id, question_idx, win.start_s, win.end_s, win.frames, win.usable_frames,
               int(win.usable), blob, signal)

        def write(conn: Connection) -> None:
            conn.execute("INSERT INTO windows VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
            conn.execute("UPDATE sessions SET recorded_until_s = max(recorded_until_s, ?) "
                         "WHERE id = ?", (win.end_s, session_id))

        self.writer.submit(write)

    def close_question(self, session_id: str, idx: int, end_s: float,
                       result: dict[str, Any]) -> None:
        """The question's result, as the officer is shown it (an audit event)."""
        def write(c: Connection) -> None:
            c.execute("UPDATE questions SET end_s = ?, status = ?, score = ?, flagged = ?, "
                      "result_json = ? WHERE session_id = ? AND idx = ?",
                      (end_s, result["status"], result["score"], int(result["flagged"]),
                       json.dumps(result, ensure_ascii=False), session_id, idx))
            officer = c.execute("SELECT officer FROM sessions WHERE id = ?",
                                (session_id,)).fetchone()
            _audit(c, "score_shown", session_id,
                   {"question": idx, "status": result["status"], "score": result["score"],
                    "flagged": bool(result["flagged"])}, officer[0] if officer else None)

        self.writer.submit(write)

    def end_recording(self, session_id: str, summary: dict[str, Any] | None = None) -> None:
        """The analysis ended: the session waits, open, for the officer's decision."""
        text = None if summary is None else json.dumps(summary, ensure_ascii=False)
        self.writer.call(lambda c: c.execute(
            "UPDATE sessions SET recording = 0, summary_json = coalesce(?, summary_json) "
            "WHERE id = ?", (text, session_id)))
        self._release(session_id)

    def resume(self, session_id: str, actor: str | None = None) -> None:
        """An interrupted session is taken up again by this process."""
        lock = SessionLock(self.location.locks, session_id)
        if not lock.acquire():
            raise InvalidTransition(f"session {session_id} is being recorded by another program")

        def write(conn: Connection) -> None:
            state = _state(conn, session_id)
            if state != "interrupted":
                raise InvalidTransition(f"session {session_id} is {state}; only an interrupted "
                                        "session can be resumed")
            conn.execute("UPDATE sessions SET state = 'open', recording = 1 WHERE id = ?",
                         (session_id,))
            _audit(conn, "session_resume", session_id, {}, actor)

        try:
            self.writer.call(write)
        except BaseException:
            lock.release()
            raise
        with self._lock:
            self._locks[session_id] = lock

    def finalise(self, session_id: str, *, decision: str, reason: str, officer: str | None,
                 disregarded_score: bool = False, disregard_reason: str | None = None,
                 results: list[dict[str, Any]] | None = None) -> None:
        """The officer's decision closes the session and queues it for upload, atomically."""
        if decision not in DECISIONS:
            raise ValueError(f"decision must be one of {', '.join(DECISIONS)}")
        d = check_record({"reason": reason, "disregard_reason": disregard_reason},
                         DECISION_FIELDS, what="decision")
        if not (d["reason"] or "").strip():
            raise ValueError("a written reason is required to finalise")
        if disregarded_score and not (d["disregard_reason"] or "").strip():
            raise ValueError("disregarding the score needs a reason")
        if held_elsewhere(self.location.locks, session_id) and session_id not in self._locks:
            raise InvalidTransition(f"session {session_id} is still being recorded")

        def write(conn: Connection) -> None:
            state = _state(conn, session_id)
            if state not in ("open", "interrupted"):
                raise InvalidTransition(f"session {session_id} is already {state}")
            now = utc_now()
            for idx, res in enumerate(results or []):
                conn.execute("UPDATE questions SET end_s = coalesce(end_s, ?), status = ?, "
                             "score = ?, flagged = ?, result_json = ? WHERE session_id = ? "
                             "AND idx = ? AND result_json IS NULL",
                             (res["end_s"], res["status"], res["score"], int(res["flagged"]),
                              json.dumps(res, ensure_ascii=False), session_id, idx))
            conn.execute("INSERT INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (session_id, decision, d["reason"], int(disregarded_score),
                          d["disregard_reason"], now, officer))
            conn.execute("UPDATE sessions SET state = 'finalised', recording = 0, "
                         "finalised_at = ? WHERE id = ?", (now, session_id))
            conn.execute("INSERT INTO sync_outbox (session_id, enqueued_at, next_attempt_at) "
                         "VALUES (?, ?, ?)", (session_id, now, now))
            _audit(conn, "session_finalise", session_id,
                   {"decision": decision, "disregarded_score": disregarded_score}, officer)
            if disregarded_score:
                _audit(conn, "score_disregarded", session_id, {}, officer)

        self.writer.call(write)
        self._release(session_id)

    def mark_uploaded(self, session_id: str, at: str | None = None) -> None:
        def write(conn: Connection) -> None:
            state = _state(conn, session_id)
            if state != "finalised":
                raise InvalidTransition(f"session {session_id} is {state}, not finalised")
            conn.execute("UPDATE sessions SET state = 'uploaded', uploaded_at = ? WHERE id = ?",
                         (at or utc_now(), session_id))
            conn.execute("DELETE FROM sync_outbox WHERE session_id = ?", (session_id,))
            _audit(conn, "session_uploaded", session_id, {}, None)

        self.writer.call(write)

    def recover_crashed(self) -> list[str]:
        """Sessions still marked recording whose process is gone become interrupted."""
        with self.reader() as conn:
            ids = [r[0] for r in conn.execute(
                "SELECT id FROM sessions WHERE state = 'open' AND recording = 1")]
        crashed = [s for s in ids if s not in self._locks
                   and not held_elsewhere(self.location.locks, s)]

        def write(conn: Connection) -> None:
            for sid in crashed:
                conn.execute("UPDATE sessions SET state = 'interrupted', recording = 0 "
                             "WHERE id = ? AND state = 'open'", (sid,))
                _audit(conn, "session_interrupted", sid, {"cause": "program ended while "
                                                          "recording"}, None)

        if crashed:
            self.writer.call(write)
            for sid in crashed:
                (self.location.locks / f"{sid}.lock").unlink(missing_ok=True)
            log.warning("%d session(s) left open by a crash are now interrupted", len(crashed))
        return crashed

    def record_event(self, action: str, session_id: str | None, detail: dict[str, Any],
                     actor: str | None = None) -> None:
        """An audit event for something done outside the store (a report exported)."""
        self.writer.call(lambda c: _audit(c, action, session_id, detail, actor))

    # -- settings and retention -------------------------------------------------------------

    def setting(self, key: str) -> str:
        if key not in DEFAULT_SETTINGS:
            raise KeyError(key)
        with self.reader() as conn:
            row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else DEFAULT_SETTINGS[key]

    def set_setting(self, key: str, value: str, actor: str | None = None) -> None:
        if key not in DEFAULT_SETTINGS:
            raise KeyError(key)

        def write(conn: Connection) -> None:
            conn.execute("INSERT INTO settings VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                         "value = excluded.value", (key, value))
            _audit(conn, "setting_change", None, {"key": key, "value": value}, actor)

        self.writer.call(write)

    def purge(self, *, days: int, dry_run: bool, now: datetime | None = None,
              actor: str | None = None) -> list[dict[str, Any]]:
        """Uploaded sessions finalised more than `days` ago, deleted (unless dry_run)."""
        cutoff = ((now or datetime.now(UTC)) - timedelta(days=days)).isoformat(
            timespec="milliseconds")
        with self.reader() as conn:
            rows = conn.execute(
                "SELECT id, finalised_at, uploaded_at FROM sessions WHERE state = 'uploaded' "
                "AND finalised_at < ? ORDER BY finalised_at", (cutoff,)).fetchall()
        doomed = [{"id": r[0], "finalised_at": r[1], "uploaded_at": r[2]} for r in rows]
        if dry_run or not doomed:
            return doomed

        def write(conn: Connection) -> None:
            for d in doomed:
                aid = conn.execute("SELECT applicant_id FROM sessions WHERE id = ?",
                                   (d["id"],)).fetchone()[0]
                conn.execute("DELETE FROM sessions WHERE id = ?", (d["id"],))
                conn.execute("DELETE FROM applicants WHERE id = ? AND NOT EXISTS "
                             "(SELECT 1 FROM sessions WHERE applicant_id = ?)", (aid, aid))
            _audit(conn, "retention_purge", None,
                   {"days": days, "sessions": [d["id"] for d in doomed]}, actor)

        self.writer.call(write)
        return doomed

    def erase_applicant(self, session_id: str, actor: str | None) -> list[str]:
        """Personal-data erasure: the applicant of this session and every session of theirs
        (questions, windows, decisions, outbox rows) are deleted. The audit event keeps the
        session ids and who erased, not the personal data."""
        with self.reader() as conn:
            row = conn.execute("SELECT applicant_id FROM sessions WHERE id = ?",
                               (session_id,)).fetchone()
            if row is None:
                raise NoSuchSession(f"no session {session_id}")
            ids = [r[0] for r in conn.execute(
                "SELECT id FROM sessions WHERE applicant_id = ? ORDER BY created_at", row)]
        busy = [s for s in ids if s in self._locks or held_elsewhere(self.location.locks, s)]
        if busy:
            raise InvalidTransition(f"session {busy[0]} is being recorded; end it first")

        def write(conn: Connection) -> None:
            conn.execute("DELETE FROM sessions WHERE applicant_id = ?", row)
            conn.execute("DELETE FROM applicants WHERE id = ?", row)
            _audit(conn, "applicant_erased", None, {"sessions": ids}, actor)

        self.writer.call(write)
        return ids

    def _release(self, session_id: str) -> None:
        with self._lock:
            lock = self._locks.pop(session_id, None)
        if lock:
            lock.release()


def _state(conn: Connection, session_id: str) -> str:
    row = conn.execute("SELECT state FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if row is None:
        raise NoSuchSession(f"no session {session_id}")
    return row[0]


def _audit(conn: Connection, action: str, session_id: str | None, detail: dict[str, Any],
           actor: str | None) -> None:
    """The next link of the audit chain (called on the single writer thread, so "the last
    event" cannot change under us)."""
    last = conn.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
    event_id, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    at, detail_json = utc_now(), json.dumps(detail, sort_keys=True)
    conn.execute("INSERT INTO audit_events (id, at, actor, action, session_id, detail_json, "
                 "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                 (event_id, at, actor, action, session_id, detail_json, prev,
                  event_hash(prev, event_id, at, actor, action, session_id, detail_json)))


__all__ = ["DECISIONS", "Store", "StoreLocation", "StoreUnreadable"]
