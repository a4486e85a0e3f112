"""One slow call at a time off the GUI thread (password checks, account set-up, enrolment).

argon2id and network calls take from tenths of a second to many seconds; the window
keeps painting meanwhile. The result comes back on the GUI thread through a 20 ms
poll, so nothing but this object's own signals crosses threads.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger("mars.ui")
_pool = ThreadPoolExecutor(1, thread_name_prefix="mars-off-thread")


class OffThreadCall(QObject):
    """`succeeded(result)` or `failed(message)`; an exception of the `expected` kinds is a
    message for the user, any other is logged with its traceback and shown in one line."""

    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, expected: tuple[type[BaseException], ...], parent: QObject | None = None):
        super().__init__(parent)
        self.expected = expected
        self._future: Future | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(20)
        self._poll.timeout.connect(self._collect)

    @property
    def busy(self) -> bool:
        return self._future is not None

    def start(self, call: Callable[..., Any], *args: Any) -> bool:
        """False (and nothing started) while an earlier call is still running."""
        if self._future is not None:
            return False
        self._future = _pool.submit(call, *args)
        self._poll.start()
        return True

    def _collect(self) -> None:
        if self._future is None or not self._future.done():
            return
        self._poll.stop()
        future, self._future = self._future, None
        try:
            result = future.result()
        except self.expected as exc:
            self.failed.emit(str(exc))
            return
        except Exception as exc:
            log.exception("off-thread call failed")
            self.failed.emit(f"{type(exc).__name__}: {exc}")
            return
        self.succeeded.emit(result)
