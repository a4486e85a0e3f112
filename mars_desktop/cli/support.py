"""Shared by the `mars` commands: user errors, atomic JSON output, the progress bar."""

from __future__ import annotations

import json
import logging
import sys
import time
from pathlib import Path
from typing import Any

from ..adapters.atomic_file import AtomicWriteError, write_atomic

log = logging.getLogger("mars.cli")
EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
MAX_MARKS_BYTES = 5_000_000


class UserError(Exception):
    """Bad input from the user: exit 2 with this one-line message."""


def one_line(msg: str) -> str:
    return " ".join(str(msg).split())


def write_json_atomic(path: Path, data: Any) -> None:
    """Write to a temp file beside the target and rename, so no half-written file is left."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise UserError(f"output {path} is a folder")
    if not parent.is_dir():
        raise UserError(f"output folder does not exist: {parent}")
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    try:
        write_atomic(path, text.encode("utf-8"))
    except AtomicWriteError as exc:
        raise UserError(str(exc)) from None


class ProgressBar:
    """A bar on stderr, only when stderr is a terminal unless forced."""

    def __init__(self, label: str, enabled: bool):
        self.label, self.enabled = label, enabled
        self._last = 0.0
        self._shown = False

    def __call__(self, fraction: float) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.2 and fraction < 1.0):
            return
        self._last = now
        width = 30
        fill = round(fraction * width)
        sys.stderr.write(f"\r{self.label} [{'#' * fill}{'.' * (width - fill)}] {fraction:5.1%}")
        sys.stderr.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            sys.stderr.write("\n")
            sys.stderr.flush()
            self._shown = False
