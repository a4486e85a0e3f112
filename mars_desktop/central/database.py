"""The server's database: one engine for PostgreSQL or SQLite, and forward migrations.

Timestamps are ISO-8601 UTC text, which sorts the same on both engines. Each
migration runs in one transaction with its version row; on PostgreSQL an
advisory lock keeps two servers starting together from migrating twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy import Engine, create_engine, event, inspect, text
from sqlalchemy.engine import Connection

log = logging.getLogger("mars.central.db")

MIGRATION_LOCK = 7_265_001  # any constant shared by every MARS central server


class DatabaseError(RuntimeError):
    pass


def open_engine(url: str) -> Engine:
    """`postgresql://...` (psycopg 3) or `sqlite:///path`."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            # The driver's own implicit transactions skip DDL; we begin them ourselves
            # (below) so a migration is all or nothing.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _begin(conn) -> None:  # type: ignore[no-untyped-def]
            conn.exec_driver_sql("BEGIN")
    elif url.startswith("postgresql+psycopg://"):
        engine = create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
    else:
        raise DatabaseError("the database URL must start with postgresql:// or sqlite:///")
    return engine


def _blob(dialect: str) -> str:
    return "BYTEA" if dialect == "postgresql" else "BLOB"


def _v1(conn: Connection, dialect: str) -> None:
    for sql in (
        "CREATE TABLE offices (code TEXT PRIMARY KEY, name TEXT NOT NULL)",
        """CREATE TABLE enrolment_codes (
             code_hash TEXT PRIMARY KEY,
             office_code TEXT NOT NULL REFERENCES offices(code),
             created_at TEXT NOT NULL, expires_at TEXT NOT NULL,
             used_at TEXT, workstation_id TEXT)""",
        """CREATE TABLE workstations (
             id TEXT PRIMARY KEY,
             office_code TEXT NOT NULL REFERENCES offices(code),
             name TEXT NOT NULL, token_hash TEXT NOT NULL,
             enrolled_at TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
             last_seen_at TEXT)""",
        f"""CREATE TABLE sessions (
             id TEXT PRIMARY KEY,
             office_code TEXT NOT NULL REFERENCES offices(code),
             workstation_id TEXT NOT NULL REFERENCES workstations(id),
             received_at TEXT NOT NULL, created_at TEXT NOT NULL, finalised_at TEXT,
             officer TEXT, applicant_name TEXT, decision TEXT,
             questions_count INTEGER NOT NULL, flagged_count INTEGER NOT NULL,
             insufficient_count INTEGER NOT NULL,
             record_json TEXT NOT NULL, record_sha256 TEXT NOT NULL,
             body_sha256 TEXT NOT NULL, report_pdf {_blob(dialect)})""",
        "CREATE INDEX sessions_by_office ON sessions (office_code, finalised_at, id)",
        """CREATE TABLE users (
             username TEXT PRIMARY KEY, password_hash TEXT NOT NULL,
             created_at TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0,
             failed_logins INTEGER NOT NULL DEFAULT 0, locked_until TEXT)""",
        """CREATE TABLE user_offices (
             username TEXT NOT NULL REFERENCES users(username),
             office_code TEXT NOT NULL REFERENCES offices(code),
             PRIMARY KEY (username, office_code))""",
        """CREATE TABLE web_sessions (
             token_hash TEXT PRIMARY KEY,
             username TEXT NOT NULL REFERENCES users(username),
             created_at TEXT NOT NULL, expires_at TEXT NOT NULL)""",
    ):
        conn.execute(text(sql))


def _v2_audit_checkpoints(conn: Connection, dialect: str) -> None:
    conn.execute(text("""CREATE TABLE audit_checkpoints (
        workstation_id TEXT NOT NULL REFERENCES workstations(id),
        event_id BIGINT NOT NULL, hash TEXT NOT NULL, received_at TEXT NOT NULL,
        PRIMARY KEY (workstation_id, event_id))"""))


MIGRATIONS: list[Callable[[Connection, str], None]] = [_v1, _v2_audit_checkpoints]
LATEST = len(MIGRATIONS)


def current_version(conn: Connection) -> int:
    """Read only (the health check calls it); 0 for an empty database."""
    if not inspect(conn).has_table("schema_version"):
        return 0
    row = conn.execute(text("SELECT max(version) FROM schema_version")).fetchone()
    return int(row[0] or 0)


def migrate(engine: Engine) -> list[int]:
    """Bring the database to LATEST; returns the versions applied."""
    dialect = engine.dialect.name
    applied: list[int] = []
    with engine.begin() as conn:
        if dialect == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
        conn.execute(text("CREATE TABLE IF NOT EXISTS schema_version "
                          "(version INTEGER NOT NULL)"))
        have = current_version(conn)
        if have > LATEST:
            raise DatabaseError(f"the database has schema version {have}, newer than this "
                                f"server ({LATEST}); run the newer server that wrote it")
        for v in range(have + 1, LATEST + 1):
            with conn.begin_nested():
                MIGRATIONS[v - 1](conn, dialect)
                conn.execute(text("INSERT INTO schema_version VALUES (:v)"), {"v": v})
            applied.append(v)
    if applied:
        log.info("central database migrated to schema %s", applied[-1])
    return applied
