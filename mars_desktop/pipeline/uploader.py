"""The background uploader: sends due outbox sessions to the directorate.

Never runs on the GUI thread. Each failed attempt moves the session's next
attempt by exponential backoff with full jitter, kept in its outbox row, so a
restart does not reset it. A session leaves the outbox only when the server has
acknowledged it; the session id is the idempotency key, so an answer lost on
the way back costs one repeat, never a second copy at the server.
"""

from __future__ import annotations

import logging
import random
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from ..adapters.store import NoSuchSession, Store, StoreError
from ..adapters.store.outbox import Outbox, OutboxRow
from ..adapters.sync_client import Outcome, SyncClient
from ..core.backoff import Backoff
from .sync_payload import upload_payload

log = logging.getLogger("mars.sync")


@dataclass
class SyncPass:
    due: int = 0
    delivered: int = 0
    failed: int = 0
    skipped: int = 0  # not tried: the server was found unreachable during this pass
    online: bool | None = None
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {"due": self.due, "delivered": self.delivered, "failed": self.failed,
                "skipped": self.skipped, "online": self.online, "errors": self.errors[:10]}


class Uploader:
    def __init__(self, store: Store, client: SyncClient, *, attach_report: bool = False,
                 backoff: Backoff | None = None, workers: int = 4,
                 rng: random.Random | None = None):
        self.store, self.client = store, client
        self.outbox = Outbox(store)
        self.attach_report = attach_report
        self.backoff = backoff or Backoff()
        self.workers = max(1, workers)
        self.rng = rng or random.Random()
        self._rng_lock = threading.Lock()

    def run_once(self, stop: threading.Event | None = None, limit: int = 1000) -> SyncPass:
        rows = self.outbox.due(limit=limit)
        result = SyncPass(due=len(rows))
        if not rows:
            return result
        unreachable = threading.Event()
        lock = threading.Lock()

        def one(row: OutboxRow) -> None:
            if unreachable.is_set() or (stop is not None and stop.is_set()):
                with lock:
                    result.skipped += 1
                return
            outcome = self._send(row)
            with lock:
                if outcome.delivered:
                    result.delivered += 1
                else:
                    result.failed += 1
                    result.errors.append(f"{row.session_id}: {outcome.message}")
                if outcome.reachable:
                    result.online = True
                elif result.online is None:
                    result.online = False
            if not outcome.reachable:
                unreachable.set()

        with ThreadPoolExecutor(self.workers, thread_name_prefix="mars-sync") as pool:
            list(pool.map(one, rows))
        if result.online is not None:
            self.outbox.note(online=result.online, success=result.delivered > 0,
                             error=result.errors[-1] if result.errors else None)
        return result

    def _send(self, row: OutboxRow) -> Outcome:
        try:
            pdf = None
            if self.attach_report:
                # Imported here: the PDF library takes 0.6 s to import, paid at the window's
                # start otherwise, and reports are attached only where an admin turned it on.
                from .report_export import report_pdf

                pdf = report_pdf(self.store, row.session_id)
            payload = upload_payload(self.store, row.session_id, report_pdf=pdf)
        except NoSuchSession:
            return Outcome(True, True, "purged locally")  # nothing left to send
        except Exception as exc:  # a local fault must not stop the other sessions
            log.exception("cannot build the upload of %s", row.session_id)
            outcome = Outcome(False, True, f"local error: {exc}", refused=True)
            self._failed(row, outcome)
            return outcome
        outcome = self.client.upload(row.session_id, payload)
        if outcome.delivered:
            try:
                self.store.mark_uploaded(row.session_id)
            except StoreError as exc:
                log.error("delivered %s but cannot mark it: %s", row.session_id, exc)
        else:
            self._failed(row, outcome)
            log.info("upload of %s failed (attempt %d): %s", row.session_id,
                     row.attempts + 1, outcome.message)
        return outcome

    def _failed(self, row: OutboxRow, outcome: Outcome) -> None:
        with self._rng_lock:
            delay = self.backoff.delay(row.attempts + 1, self.rng,
                                       retry_after_s=outcome.retry_after_s,
                                       refused=outcome.refused)
        self.outbox.failed(row.session_id, outcome.message, delay)
