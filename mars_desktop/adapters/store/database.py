"""Opening the encrypted SQLite file (SQLCipher) with the durability settings, and
turning SQLite's errors into messages an officer or admin can act on."""

from __future__ import annotations

import os
from pathlib import Path

import sqlcipher3

from .errors import StoreBusy, StoreError, StoreNotWritable, StoreUnreadable

BUSY_TIMEOUT_MS = 10_000
DatabaseError = sqlcipher3.DatabaseError
Connection = sqlcipher3.Connection


def explain(exc: Exception, path: Path) -> StoreError:
    msg = str(exc).lower()
    if isinstance(exc, StoreError):
        return exc
    if "not a database" in msg or "malformed" in msg or "hmac" in msg or "corrupt" in msg:
        return StoreUnreadable(
            f"cannot read the session store {path}: the key does not fit or the file is damaged. "
            "It was left unchanged. Restore the file and its key from backup, or move it aside "
            "and MARS starts an empty store")
    if "full" in msg:
        return StoreNotWritable(
            f"the disk holding the session store {path} is full: free some space. What was "
            "recorded before this is kept")
    if "readonly" in msg or "read-only" in msg:
        return StoreNotWritable(
            f"the session store {path} is read-only: give the MARS user write access to the "
            "file and its folder. What was recorded before this is kept")
    if "locked" in msg or "busy" in msg:
        return StoreBusy(f"the session store {path} stayed busy for "
                         f"{BUSY_TIMEOUT_MS // 1000} s; try again")
    if "unable to open" in msg:
        return StoreNotWritable(f"cannot open the session store {path}: check that its folder "
                                "exists and MARS may write there")
    if "disk i/o" in msg:
        return StoreNotWritable(f"the disk failed while writing the session store {path}; "
                                "check the disk. What was recorded before this is kept")
    return StoreError(f"session store {path}: {exc}")


def _check_writable(path: Path) -> None:
    folder = path.parent
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreNotWritable(f"the session store {path} is read-only: give the MARS user "
                               "write access to it (nothing was changed)")
    if not os.access(folder, os.W_OK):
        raise StoreNotWritable(f"the folder {folder} of the session store is read-only: MARS "
                               "needs to write there (nothing was changed)")


def connect(path: Path, key: bytes | None, *, write: bool = True) -> Connection:
    """An open, keyed connection in autocommit mode (transactions are explicit).

    key=None opens a plain, unencrypted SQLite file: only `mars bench store` does, to
    measure what the encryption costs.

    Raises StoreUnreadable before anything is written if the key or file is wrong.
    """
    path = Path(path)
    if write:
        path.parent.mkdir(parents=True, exist_ok=True)
        _check_writable(path)
        if not path.exists():  # only the user; SQLite gives -wal and -shm the same mode
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    elif not path.exists():
        raise StoreUnreadable(f"there is no session store at {path} yet")
    try:
        uri = path.resolve().as_uri() + ("" if write else "?mode=ro")
        conn = sqlcipher3.connect(uri, uri=True, isolation_level=None,
                                  check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    except DatabaseError as exc:
        raise explain(exc, path) from None
    try:
        # SQLCipher would print its HMAC failures to stderr; our own error says it plainly.
        conn.execute("PRAGMA cipher_log_level = NONE")
        # A raw key (x'...') skips SQLCipher's PBKDF2: the key is already random.
        if key is not None:
            conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        if write:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise StoreError(f"session store {path}: cannot switch to WAL ({mode})")
        conn.execute("PRAGMA synchronous = FULL")
    except DatabaseError as exc:
        conn.close()
        raise explain(exc, path) from None
    except StoreError:
        conn.close()
        raise
    return conn


def check_integrity(conn: Connection, path: Path) -> None:
    """Every page is read and its HMAC checked; a damaged store is refused, never repaired."""
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except DatabaseError as exc:
        raise explain(exc, path) from None
    if rows != [("ok",)]:
        raise StoreUnreadable(
            f"the session store {path} is damaged ({rows[0][0]}). It was left unchanged. "
            "Restore it from backup, or move it aside and MARS starts an empty store")
