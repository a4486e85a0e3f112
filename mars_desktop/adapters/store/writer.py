"""The store's one writer: a thread that commits queued writes in small batches.

Analysis threads never wait on the disk: they queue a write and go on. The
writer runs everything queued in one transaction, but never more than about
`max_batch_s` of work, so a power cut loses at most that much. Each write runs
inside its own savepoint: a write that is refused (bad data) is undone alone and
never leaves half a record. A disk-level failure (full, read-only, I/O) rolls
the batch back, puts the writer in a failed state that every later call reports,
and keeps what was committed before.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

from .database import Connection, DatabaseError, explain
from .errors import StoreError, StoreNotWritable

log = logging.getLogger(__name__)
T = TypeVar("T")
Write = Callable[[Connection], Any]
_STOP = object()


class StoreWriter:
    def __init__(self, conn: Connection, path: Path, *, max_batch_s: float = 1.0):
        self._conn, self._path = conn, Path(path)
        self.max_batch_s = max_batch_s
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self.failure: StoreError | None = None
        self.commits = 0
        self.writes = 0
        self.last_commit_at: float | None = None
        self._thread = threading.Thread(target=self._run, name="store-writer", daemon=True)
        self._thread.start()

    # -- called from any thread -----------------------------------------------------------

    def submit(self, write: Write) -> Future:
        """Queue a write; the future completes once it is committed (or refused)."""
        if self.failure is not None:
            raise self.failure
        fut: Future = Future()
        self._queue.put((write, fut))
        return fut

    def call(self, write: Callable[[Connection], T], timeout: float = 30.0) -> T:
        return self.submit(write).result(timeout)

    def flush(self, timeout: float = 30.0) -> None:
        self.call(lambda conn: None, timeout)

    def close(self, timeout: float = 30.0) -> None:
        if not self._thread.is_alive():
            return
        self._queue.put(_STOP)
        self._thread.join(timeout)

    # -- the writer thread ------------------------------------------------------------------

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is _STOP:
                return
            batch = [item]
            stop = self._commit_batch(batch)
            if stop:
                return

    def _commit_batch(self, batch: list) -> bool:
        """Run batch[0] and whatever else is queued, within max_batch_s; commit once."""
        done: list[tuple[Future, Any]] = []
        stop = False
        began = time.monotonic()
        try:
            self._conn.execute("BEGIN IMMEDIATE")
            i = 0
            while True:
                write, fut = batch[i]
                done.append((fut, self._run_one(write)))
                i += 1
                if i < len(batch):
                    continue
                if time.monotonic() - began >= self.max_batch_s:
                    break
                try:
                    nxt = self._queue.get_nowait()
                except queue.Empty:
                    break
                if nxt is _STOP:
                    stop = True
                    break
                batch.append(nxt)
            self._conn.execute("COMMIT")
        except (DatabaseError, StoreError) as exc:
            self._fail(exc, [fut for _w, fut in batch])
            return True
        self.commits += 1
        self.writes += len(done)
        self.last_commit_at = time.time()
        for fut, outcome in done:
            if isinstance(outcome, _Refused):
                fut.set_exception(outcome.error)
            else:
                fut.set_result(outcome)
        return stop

    def _run_one(self, write: Write) -> Any:
        self._conn.execute("SAVEPOINT one_write")
        try:
            result = write(self._conn)
        except DatabaseError as exc:
            if _disk_level(exc):
                raise
            self._conn.execute("ROLLBACK TO one_write")
            self._conn.execute("RELEASE one_write")
            return _Refused(explain(exc, self._path))
        except Exception as exc:  # bad data: this write alone is undone
            self._conn.execute("ROLLBACK TO one_write")
            self._conn.execute("RELEASE one_write")
            return _Refused(exc)
        self._conn.execute("RELEASE one_write")
        return result

    def _fail(self, exc: Exception, futures: list[Future]) -> None:
        err = explain(exc, self._path)
        if not isinstance(err, StoreNotWritable):
            err = StoreNotWritable(str(err))
        log.error("store writer stopped: %s", err)
        try:
            if self._conn.in_transaction:
                self._conn.execute("ROLLBACK")
        except DatabaseError:
            pass
        self.failure = err
        for fut in futures:
            if not fut.done():
                fut.set_exception(err)
        while True:  # anything queued after the failure is refused too
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if item is not _STOP:
                item[1].set_exception(err)


class _Refused:
    def __init__(self, error: Exception):
        self.error = error


def _disk_level(exc: DatabaseError) -> bool:
    msg = str(exc).lower()
    return any(s in msg for s in ("full", "readonly", "disk i/o", "not a database", "malformed"))
