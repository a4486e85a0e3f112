"""The one place that knows where the store's key comes from.

Until officer accounts exist the key is 32 random bytes made at first start and
kept, hex-encoded, in a file only the user can read (0600 on POSIX; on Windows
the per-user profile folder's ACL). Accounts will wrap this same key per officer
(issue 7), so callers only ever ask a KeyProvider for the key.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path
from typing import Protocol

from .errors import StoreKeyError

KEY_BYTES = 32


class KeyProvider(Protocol):
    def key(self, *, create: bool) -> bytes | None:
        """The key; with create=True one is made if none exists yet."""


class FileKeyProvider:
    def __init__(self, path: Path):
        self.path = Path(path)

    def key(self, *, create: bool) -> bytes:
        if not self.path.exists():
            if not create:
                raise StoreKeyError(
                    f"the store key {self.path} is missing, so the existing session database "
                    "cannot be opened; restore the key file from the workstation backup "
                    "(nothing was changed)")
            return self._create()
        if os.name == "posix":
            mode = stat.S_IMODE(self.path.stat().st_mode)
            if mode & 0o077:
                os.chmod(self.path, 0o600)  # someone loosened it; tighten, do not refuse
        try:
            text = self.path.read_text(encoding="ascii").strip()
            key = bytes.fromhex(text)
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise StoreKeyError(f"the store key {self.path} cannot be read ({exc}); restore "
                                "it from the workstation backup") from None
        if len(key) != KEY_BYTES:
            raise StoreKeyError(f"the store key {self.path} is damaged (wrong length); restore "
                                "it from the workstation backup")
        return key

    def _create(self) -> bytes:
        key = secrets.token_bytes(KEY_BYTES)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(key.hex() + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        return key


class NoEncryption:
    """A plain SQLite file, for the benchmark's encrypted-against-plain figure only."""

    def key(self, *, create: bool) -> None:
        return None
