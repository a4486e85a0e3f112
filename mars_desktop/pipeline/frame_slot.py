"""A one-slot hand-over between the capture thread and the analysis thread.

A new frame replaces one that was not taken yet, and the replaced frame is
counted as dropped: when analysis falls behind, the camera view stays current
instead of a queue growing.
"""

from __future__ import annotations

import threading
from typing import Generic, TypeVar

T = TypeVar("T")


class LatestSlot(Generic[T]):
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._item: T | None = None
        self._closed = False
        self.put_count = 0
        self.dropped = 0
        self.taken = 0

    def put(self, item: T) -> None:
        self.put_was_empty(item)

    def get(self, timeout: float | None = None) -> T | None:
        """The newest item, or None on timeout or when closed and empty."""
        with self._cond:
            if self._item is None and not self._closed:
                self._cond.wait(timeout)
            item, self._item = self._item, None
            if item is not None:
                self.taken += 1
            return item

    def take_nowait(self) -> T | None:
        with self._cond:
            item, self._item = self._item, None
            if item is not None:
                self.taken += 1
            return item

    def put_was_empty(self, item: T) -> bool:
        """put(), saying whether the slot was empty (nobody is waiting to be told again)."""
        with self._cond:
            empty = self._item is None
            if not empty:
                self.dropped += 1
            self._item = item
            self.put_count += 1
            self._cond.notify()
            return empty

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    @property
    def closed(self) -> bool:
        return self._closed
