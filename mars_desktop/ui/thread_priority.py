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
from typing import TypeVar

T = TypeVar("T")
ANALYSIS_NICE = 10


def lower_this_thread() -> None:
    if hasattr(os, "setpriority"):  # Linux: per-thread nice via the thread id
        with contextlib.suppress(OSError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), ANALYSIS_NICE)


def build_at_low_priority(build: Callable[[], T]) -> T:
    """Run build() on a short-lived low-priority thread (so threads it starts stay low)."""
    box: list = []

    def run() -> None:
        lower_this_thread()
        try:
            box.append(build())
        except BaseException as exc:  # re-raised in the caller
            box.append(exc)

    t = threading.Thread(target=run, name="build-analyzer")
    t.start()
    t.join()
    if isinstance(box[0], BaseException):
        raise box[0]
    return box[0]
