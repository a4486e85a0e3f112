"""The store's key, wrapped once for every account (and once for the recovery code).

One random 32-byte key encrypts the store. Each account's password is stretched
with argon2id into a key-encryption key that wraps it (AES-256-GCM, the user name
as associated data), so any officer can open the store on a shared PC without
anyone sharing a password, and a password change rewraps one entry only. The
recovery code, shown once when the first admin is made, wraps the key as well:
it is how an admin gets back in after forgetting the last admin password.

Failed sign-ins are counted here, because a wrong password cannot open the store
to record them; the next successful sign-in moves them into the audit trail.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import stat
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from .atomic_file import write_atomic

KEYRING_FILE = "keyring.json"
RECOVERY = "__recovery__"
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=15)
MIN_PASSWORD = 10
# argon2id for the key-encryption key: about 0.1-0.2 s on an office PC.
KDF = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 2}
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

_hasher = PasswordHasher()


class KeyringError(RuntimeError):
    pass


class SignInFailed(KeyringError):
    pass


class AccountLocked(SignInFailed):
    pass


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"))


def _kek(secret: str, salt: bytes, kdf: dict[str, int]) -> bytes:
    return hash_secret_raw(secret.encode("utf-8"), salt, hash_len=32, type=Type.ID, **kdf)


def _now() -> datetime:
    return datetime.now(UTC)


def check_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise KeyringError(f"a password needs at least {MIN_PASSWORD} characters")


def normalise_code(code: str) -> str:
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


@dataclass(frozen=True)
class FailedSignIn:
    username: str
    at: str


class Keyring:
    def __init__(self, path: Path):
        self.path = Path(path)

    @classmethod
    def in_dir(cls, config_dir: Path) -> Keyring:
        return cls(Path(config_dir) / KEYRING_FILE)

    def exists(self) -> bool:
        return self.path.exists()

    # -- file ----------------------------------------------------------------------------

    def _load(self) -> dict[str, Any]:
        try:
            doc = json.loads(self.path.read_text(encoding="utf-8"))
            if doc.get("version") != 1 or not isinstance(doc.get("entries"), dict):
                raise ValueError("unknown layout")
            return doc
        except (OSError, ValueError) as exc:
            raise KeyringError(f"the keyring {self.path} cannot be read ({exc}); restore it "
                               "from the workstation backup") from None

    def _save(self, doc: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.path, (json.dumps(doc, indent=1, sort_keys=True) + "\n").encode())
        if os.name == "posix" and stat.S_IMODE(self.path.stat().st_mode) & 0o077:
            os.chmod(self.path, 0o600)

    @staticmethod
    def _wrap(secret: str, store_key: bytes, aad: str) -> dict[str, Any]:
        salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
        sealed = AESGCM(_kek(secret, salt, KDF)).encrypt(nonce, store_key, aad.encode())
        return {"salt": _b64(salt), "nonce": _b64(nonce), "wrapped": _b64(sealed),
                "kdf": dict(KDF)}

    @staticmethod
    def _unwrap(entry: dict[str, Any], secret: str, aad: str) -> bytes | None:
        try:
            kek = _kek(secret, _unb64(entry["salt"]), entry["kdf"])
            return AESGCM(kek).decrypt(_unb64(entry["nonce"]), _unb64(entry["wrapped"]),
                                       aad.encode())
        except (InvalidTag, KeyError, ValueError, TypeError):
            return None

    # -- lifecycle -----------------------------------------------------------------------

    def create(self, store_key: bytes, admin: str, password: str) -> str:
        """The first account; returns the recovery code (shown once, never stored)."""
        if self.exists():
            raise KeyringError(f"{self.path} exists already")
        check_password(password)
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(30))
        doc = {"version": 1, "entries": {}, "failed": []}
        doc["entries"][RECOVERY] = self._wrap(raw, store_key, RECOVERY)
        doc["entries"][admin] = self._entry(admin, password, store_key)
        self._save(doc)
        return "-".join(raw[i:i + 5] for i in range(0, 30, 5))

    def _entry(self, username: str, password: str, store_key: bytes) -> dict[str, Any]:
        return {**self._wrap(password, store_key, username),
                "password_hash": _hasher.hash(password), "failures": 0, "locked_until": None}

    def usernames(self) -> list[str]:
        return sorted(u for u in self._load()["entries"] if u != RECOVERY)

    def add(self, username: str, password: str, store_key: bytes) -> None:
        check_password(password)
        doc = self._load()
        doc["entries"][username] = self._entry(username, password, store_key)
        self._save(doc)

    def remove(self, username: str) -> None:
        doc = self._load()
        doc["entries"].pop(username, None)
        self._save(doc)

    # -- signing in ----------------------------------------------------------------------

    def unlock(self, username: str, password: str) -> bytes:
        """The store key, for the right password; repeated failures lock the account."""
        doc = self._load()
        entry = doc["entries"].get(username) if username != RECOVERY else None
        now = _now()
        if entry and entry.get("locked_until") and entry["locked_until"] > now.isoformat():
            raise AccountLocked(f"{username} is locked after {MAX_FAILURES} failed sign-ins "
                                f"until {entry['locked_until'][11:16]} UTC")
        key = None
        if entry:
            try:
                _hasher.verify(entry["password_hash"], password or "")
                key = self._unwrap(entry, password, username)
            except (VerificationError, InvalidHashError):
                key = None
        else:
            _hasher.hash(password or "")  # as slow for an unknown name as for a known one
        if key is None:
            failed = {"username": username[:64], "at": now.isoformat(timespec="seconds")}
            doc["failed"] = [*(doc.get("failed") or [])[-200:], failed]
            if entry:
                entry["failures"] = int(entry.get("failures", 0)) + 1
                if entry["failures"] >= MAX_FAILURES:
                    entry["locked_until"] = (now + LOCKOUT).isoformat(timespec="seconds")
                    entry["failures"] = 0
            self._save(doc)
            raise SignInFailed("wrong user name or password")
        if entry.get("failures") or entry.get("locked_until"):
            entry["failures"], entry["locked_until"] = 0, None
            self._save(doc)
        return key

    def recover(self, code: str) -> bytes:
        doc = self._load()
        key = self._unwrap(doc["entries"][RECOVERY], normalise_code(code), RECOVERY)
        if key is None:
            raise SignInFailed("the recovery code is wrong")
        return key

    def take_failed_sign_ins(self) -> list[FailedSignIn]:
        """Failed sign-ins since the last successful one, removed from the file (the caller
        writes them into the audit trail)."""
        doc = self._load()
        failed = [FailedSignIn(f["username"], f["at"]) for f in doc.get("failed") or []]
        if failed:
            doc["failed"] = []
            self._save(doc)
        return failed


class UnlockedKey:
    """A KeyProvider for a key already unwrapped by a sign-in."""

    def __init__(self, key: bytes):
        self._key = key

    def key(self, *, create: bool) -> bytes:
        return self._key
