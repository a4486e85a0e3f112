"""Who is still recording a session: an OS file lock held by the recording process.

A session marked `recording` whose lock nobody holds was left by a process that
died (crash, kill, power cut); the next start marks it interrupted. The OS drops
the lock when the process dies, however it dies.
"""

from __future__ import annotations

import os
from pathlib import Path

if os.name == "nt":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False


class SessionLock:
    def __init__(self, folder: Path, session_id: str):
        self.path = Path(folder) / f"{session_id}.lock"
        self._fd: int | None = None

    def acquire(self) -> bool:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if _try_lock(fd):
            self._fd = fd
            return True
        os.close(fd)
        return False

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the lock
            self._fd = None
            self.path.unlink(missing_ok=True)

    @property
    def held(self) -> bool:
        return self._fd is not None


def held_elsewhere(folder: Path, session_id: str) -> bool:
    """True while another live process holds the session's lock."""
    probe = SessionLock(folder, session_id)
    if probe.acquire():
        probe.release()
        return False
    return True
