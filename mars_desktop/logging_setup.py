"""A rotating log file in the per-user log dir, with the thread name on every line."""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)-7s [%(threadName)s] %(name)s: %(message)s"
_installed: list[logging.Handler] = []


def setup_logging(log_file: Path, *, level: int = logging.INFO,
                  console: bool = False) -> Path | None:
    """Log to a rotating file (5 x 2 MB). Returns the file, or None if it could not be opened:
    an unwritable log dir must not stop an officer from working."""
    root = logging.getLogger()
    for h in _installed:
        root.removeHandler(h)
        h.close()
    _installed.clear()
    root.setLevel(level)
    target: Path | None = log_file
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    except OSError:
        handler, target = logging.StreamHandler(sys.stderr), None
        handler.setLevel(logging.ERROR)
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    _installed.append(handler)
    if console:
        ch = logging.StreamHandler(sys.stderr)
        ch.setFormatter(logging.Formatter(FORMAT))
        root.addHandler(ch)
        _installed.append(ch)
    logging.captureWarnings(True)
    return target


class NativeStderrToFile:
    """Send what C/C++ libraries (MediaPipe's absl/glog, TFLite, FFmpeg) write to file
    descriptor 2 into a log file, while Python's sys.stderr keeps the real terminal.

    Their warnings are for maintainers; an officer or a script reading our stderr sees only
    our own progress and one-line errors.
    """

    def __init__(self, log_file: Path):
        self.log_file = log_file
        self._saved_fd: int | None = None
        self._old_stderr = None

    def __enter__(self) -> NativeStderrToFile:
        try:
            self.log_file.parent.mkdir(parents=True, exist_ok=True)
            target = os.open(self.log_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        except OSError:
            target = os.open(os.devnull, os.O_WRONLY)
        sys.stderr.flush()
        self._saved_fd = os.dup(2)
        os.dup2(target, 2)
        os.close(target)
        self._old_stderr = sys.stderr
        sys.stderr = io.TextIOWrapper(os.fdopen(os.dup(self._saved_fd), "wb", buffering=0),
                                      encoding="utf-8", errors="replace", line_buffering=True,
                                      write_through=True)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._saved_fd is None:
            return
        sys.stderr.flush()
        os.dup2(self._saved_fd, 2)
        os.close(self._saved_fd)
        self._saved_fd = None
        sys.stderr.close()
        sys.stderr = self._old_stderr
