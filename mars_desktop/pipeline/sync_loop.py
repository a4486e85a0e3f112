"""The uploader in a background thread: passes when sessions are due, quiet otherwise.

While the server is unreachable the loop itself backs off (full jitter), so an
offline post does not spin; finalising a session wakes it at once.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from ..core.backoff import Backoff
from .uploader import SyncPass, Uploader

log = logging.getLogger("mars.sync")


class SyncLoop:
    def __init__(self, uploader: Uploader, on_status: Callable[[dict[str, Any]], None],
                 *, idle_s: float = 60.0, offline: Backoff | None = None):
        self.uploader = uploader
        self.on_status = on_status
        self.idle_s = idle_s
        self.offline = offline or Backoff(base_s=5.0, cap_s=600.0)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._rng = random.Random()

    def start(self) -> None:
        # A daemon thread: a request stuck until its read timeout must not hold up the
        # window closing; whatever it was sending stays in the outbox.
        self._thread = threading.Thread(target=self._run, name="mars-sync-loop", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout_s: float = 3.0) -> bool:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout_s)
            return not self._thread.is_alive()
        return True

    def status(self, last: SyncPass | None = None) -> dict[str, Any]:
        state = self.uploader.outbox.state()
        if last is not None:
            state["last_pass"] = last.as_dict()
        return state

    def _run(self) -> None:
        offline_streak = 0
        while not self._stop.is_set():
            try:
                done = self.uploader.run_once(self._stop)
                self.on_status(self.status(done))
            except Exception:  # the loop must outlive any single fault
                log.exception("sync pass failed")
                done = SyncPass(online=None)
            if done.online is False:
                offline_streak += 1
                wait = self.offline.delay(offline_streak, self._rng)
            else:
                offline_streak = 0
                wait = self._until_next_due()
            self._wake.wait(wait)
            self._wake.clear()

    def _until_next_due(self) -> float:
        nxt = self.uploader.outbox.next_attempt_at()
        if nxt is None:
            return self.idle_s
        seconds = (datetime.fromisoformat(nxt) - datetime.now(UTC)).total_seconds()
        return min(self.idle_s, max(0.05, seconds))
