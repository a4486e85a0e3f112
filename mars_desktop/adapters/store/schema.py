"""The store's tables and their forward migrations.

`PRAGMA user_version` is the schema version. Each migration runs in its own
transaction together with the version bump, so a crash mid-migration leaves the
previous version intact. Migrations only ever go forward; a store from a newer
MARS is refused rather than guessed at.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils

from ...core.audit_chain import GENESIS, event_hash
from ...core.text_rules import APPLICANT_FIELDS
from .database import Connection
from .errors import StoreError

SESSION_STATES = ("open", "interrupted", "finalised", "uploaded")


def _v1_tables(db: sqlite_utils.Database) -> None:
    columns = {"id": str, "created_at": str, **dict.fromkeys(APPLICANT_FIELDS, str)}
    db.create_table("applicants", columns, pk="id")
    db.execute(f"""
        CREATE TABLE sessions (
          id TEXT PRIMARY KEY,
          applicant_id TEXT NOT NULL REFERENCES applicants(id) ON DELETE CASCADE,
          state TEXT NOT NULL CHECK (state IN {SESSION_STATES!r}),
          recording INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL,
          media_started_at REAL,
          recorded_until_s REAL NOT NULL DEFAULT 0,
          office TEXT, workstation TEXT, officer TEXT, source TEXT,
          consent INTEGER NOT NULL DEFAULT 0,
          model_json TEXT NOT NULL,
          summary_json TEXT,
          finalised_at TEXT, uploaded_at TEXT
        )""")
    db.execute("""
        CREATE TABLE questions (
          session_id TEXT NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
          idx INTEGER NOT NULL,
          question_id TEXT NOT NULL, text TEXT NOT NULL,
          start_s REAL NOT NULL, end_s REAL, baseline INTEGER NOT NULL,
          status TEXT, score REAL, flagged INTEGER,
          result_json TEXT,
          PRIMARY KEY (session_id, idx)
        )""")
    db.execute("""
        CREATE TABLE windows (
          session_id TEXT NOT NULL,
          question_idx INTEGER NOT NULL,
          start_s REAL NOT NULL, end_s REAL NOT NULL,
          frames INTEGER NOT NULL, usable_frames INTEGER NOT NULL, usable INTEGER NOT NULL,
          vector BLOB NOT NULL,
          signal REAL,
          PRIMARY KEY (session_id, question_idx, start_s),
          FOREIGN KEY (session_id, question_idx) REFERENCES questions(session_id, idx)
            ON DELETE CASCADE
        )""")
    db.execute("""
        CREATE TABLE decisions (
          session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
          decision TEXT NOT NULL, reason TEXT NOT NULL,
          disregarded_score INTEGER NOT NULL DEFAULT 0, disregard_reason TEXT,
          decided_at TEXT NOT NULL, officer TEXT
        )""")
    db.execute("""
        CREATE TABLE audit_events (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL, actor TEXT, action TEXT NOT NULL, session_id TEXT,
          detail_json TEXT
        )""")
    db.execute("""
        CREATE TABLE sync_outbox (
          session_id TEXT PRIMARY KEY REFERENCES sessions(id) ON DELETE CASCADE,
          enqueued_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
          next_attempt_at TEXT NOT NULL, last_error TEXT
        )""")
    db.create_table("settings", {"key": str, "value": str}, pk="key")


def _v2_history_indexes(db: sqlite_utils.Database) -> None:
    """Session history searches by name, NIK and date; retention by state and age."""
    db["sessions"].create_index(["created_at"])
    db["sessions"].create_index(["state", "finalised_at"])
    db["applicants"].create_index(["nik"])
    db.execute("CREATE INDEX idx_applicants_name ON applicants(full_name COLLATE NOCASE)")


def _v3_sync_state(db: sqlite_utils.Database) -> None:
    """What the uploader last saw of the server, kept across restarts for the status bar."""
    db.create_table("sync_state", {"key": str, "value": str}, pk="key")
    db["sync_outbox"].create_index(["next_attempt_at"])


def _v4_audit_chain(db: sqlite_utils.Database) -> None:
    """Audit events become a hash chain, append-only: the app cannot change or delete one
    (triggers), and a change made around the app breaks the chain (`mars audit verify`)."""
    db.execute("ALTER TABLE audit_events ADD COLUMN prev_hash TEXT")
    db.execute("ALTER TABLE audit_events ADD COLUMN hash TEXT")
    prev = GENESIS
    rows = db.execute("SELECT id, at, actor, action, session_id, detail_json FROM audit_events "
                      "ORDER BY id").fetchall()
    for event_id, at, actor, action, sid, detail in rows:
        digest = event_hash(prev, event_id, at, actor, action, sid, detail)
        db.execute("UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?",
                   (prev, digest, event_id))
        prev = digest
    for sql in (
        "CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
        "CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events "
        "BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END",
        "CREATE TRIGGER audit_events_chained BEFORE INSERT ON audit_events "
        "WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL "
        "BEGIN SELECT RAISE(ABORT, 'an audit event needs its chain hashes'); END",
    ):
        db.execute(sql)


def _v5_users(db: sqlite_utils.Database) -> None:
    """Accounts: who may do what. Their passwords are not here (see adapters/keyring.py)."""
    db.execute("""
        CREATE TABLE users (
          username TEXT PRIMARY KEY,
          full_name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'admin')),
          disabled INTEGER NOT NULL DEFAULT 0,
          created_at TEXT NOT NULL, created_by TEXT,
          password_changed_at TEXT
        )""")
    db["sessions"].create_index(["officer"])


MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_tables, _v2_history_indexes, _v3_sync_state, _v4_audit_chain, _v5_users]
LATEST = len(MIGRATIONS)


def version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: Connection, *, target: int = LATEST) -> list[int]:
    """Bring the store to `target`; returns the versions applied."""
    current = version(conn)
    if current > LATEST:
        raise StoreError(f"this store has schema version {current}, newer than this MARS "
                         f"({LATEST}); install the newer MARS that wrote it")
    db = sqlite_utils.Database(conn)
    applied = []
    for v in range(current + 1, target + 1):
        conn.execute("BEGIN IMMEDIATE")
        try:
            MIGRATIONS[v - 1](db)
            conn.execute(f"PRAGMA user_version = {v}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(v)
    return applied
