"""Writing an output file so that a crash or a full disk never leaves half of it."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class AtomicWriteError(OSError):
    """The file could not be written; the message names it and says why, in one line."""


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write to a temp file beside `path`, fsync, and rename over it. The file is readable
    by its owner only unless `mode` says otherwise: what MARS writes is personal data."""
    path = Path(path)
    parent = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise AtomicWriteError(f"cannot write to {parent}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            if hasattr(os, "fchmod"):
                os.fchmod(fh.fileno(), mode)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise AtomicWriteError(f"cannot write {path}: {exc.strerror}") from None
