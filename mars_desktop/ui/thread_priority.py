"""Analysis runs below the window's priority.

On a 2-core workstation MediaPipe's own graph threads, the decoder and the window
share two cores; when a face is re-detected the graph briefly wants both, and the
window, starved of CPU, froze for 50-60 ms (measured). Threads inherit the nice
value of the thread that creates them, so the analysis thread lowers its own
before it builds anything, and the warm analyzer is built on such a thread.

"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import TypeVar

T = TypeVar("T")
ANALYSIS_NICE = 10


def lower_this_thread() -> None:
    if hasattr(os, "setpriority"):  # Linux: per-thread nice via the thread id
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), ANALYSIS_NICE)


def build_at_low_priority(build: Callable[[], T], done: Callable[[], None]) -> Future[T]:
    """Start build() on a low-priority thread (threads it starts stay low); done() is called
    there when it has finished, well or not."""
    future: Future[T] = Future()

    def run() -> None:
        lower_this_thread()
        try:
            future.set_result(build())
        except BaseException as exc:  # raised again by future.result()
            future.set_exception(exc)
        done()

    threading.Thread(target=run, name="build-analyzer", daemon=True).start()
    return future
