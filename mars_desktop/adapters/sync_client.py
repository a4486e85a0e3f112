"""The workstation's HTTPS client for the directorate server.

Certificates are always verified: against the system's CAs, or against the
directorate's private CA bundle when one is configured. Every request has a
connect and a read timeout, so a dead or silent server costs seconds, never a hang.
"""

from __future__ import annotations

import email.utils
import json
import logging
import os
import threading
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests

from .atomic_file import write_atomic

log = logging.getLogger("mars.sync")
CREDENTIAL_FILE = "sync.json"


class SyncConfigError(ValueError):
    pass


@dataclass(frozen=True)
class SyncCredential:
    server: str
    office: str
    workstation_id: str
    token: str
    ca_bundle: str | None = None

    @property
    def verify(self) -> str | bool:
        return self.ca_bundle or True


def credential_path(config_dir: Path) -> Path:
    return Path(config_dir) / CREDENTIAL_FILE


def load_credential(config_dir: Path) -> SyncCredential | None:
    path = credential_path(config_dir)
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return SyncCredential(**{k: data.get(k) for k in
                                 ("server", "office", "workstation_id", "token", "ca_bundle")})
    except (OSError, ValueError, TypeError) as exc:
        raise SyncConfigError(f"{path} is unreadable ({exc}); register the workstation "
                              "again with `mars register`") from None


def save_credential(config_dir: Path, cred: SyncCredential) -> Path:
    path = credential_path(config_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, (json.dumps(asdict(cred), indent=2) + "\n").encode("utf-8"), mode=0o600)
    return path


def check_server_url(url: str) -> str:
    url = (url or "").strip().rstrip("/")
    if not url.startswith("https://"):
        if url.startswith("http://") and os.environ.get("MARS_SYNC_ALLOW_HTTP") == "1":
            return url  # only for a test server on loopback
        raise SyncConfigError("the server URL must start with https://")
    return url


@dataclass(frozen=True)
class Outcome:
    delivered: bool
    reachable: bool
    message: str
    status: int | None = None
    retry_after_s: float | None = None
    refused: bool = False  # retrying soon will not help (the server refused the record)


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _problem(resp: requests.Response) -> str:
    try:
        detail = resp.json().get("detail")
    except ValueError:
        detail = None
    return f"HTTP {resp.status_code}" + (f": {detail}" if isinstance(detail, str) else "")


def classify(resp: requests.Response) -> Outcome:
    code = resp.status_code
    if code in (200, 201):
        return Outcome(True, True, "delivered", code)
    retry_after = retry_after_seconds(resp.headers.get("Retry-After"))
    if code == 401:
        return Outcome(False, True, "the server no longer accepts this workstation's "
                       "credential; register it again", code, retry_after, refused=True)
    if code in (400, 403, 404, 413, 422):
        return Outcome(False, True, _problem(resp), code, retry_after, refused=True)
    return Outcome(False, True, _problem(resp), code, retry_after)


class SyncClient:
    """One requests.Session per thread (a Session is not promised to be thread-safe).

    `verify` goes with every request, not on the Session: requests lets
    REQUESTS_CA_BUNDLE in the environment override a Session's own CA bundle."""

    def __init__(self, cred: SyncCredential, *, connect_timeout_s: float = 5.0,
                 read_timeout_s: float = 20.0):
        self.cred = cred
        self.timeout = (connect_timeout_s, read_timeout_s)
        self._local = threading.local()

    def _session(self) -> requests.Session:
        s = getattr(self._local, "session", None)
        if s is None:
            s = requests.Session()
            s.headers["Authorization"] = f"Bearer {self.cred.token}"
            s.headers["User-Agent"] = "mars-desktop-sync"
            self._local.session = s
        return s

    def upload(self, session_id: str, payload: dict[str, Any]) -> Outcome:
        try:
            resp = self._session().post(f"{self.cred.server}/api/v1/sessions", json=payload,
                                        headers={"Idempotency-Key": session_id},
                                        verify=self.cred.verify, timeout=self.timeout)
        except requests.exceptions.SSLError as exc:
            return Outcome(False, False, f"the server's certificate was rejected: {exc}")
        except requests.exceptions.Timeout:
            return Outcome(False, False, "the server did not answer in time")
        except requests.exceptions.RequestException as exc:
            return Outcome(False, False, f"cannot reach the server: {type(exc).__name__}")
        return classify(resp)

    def health(self) -> Outcome:
        try:
            resp = self._session().get(f"{self.cred.server}/api/v1/health",
                                       verify=self.cred.verify, timeout=self.timeout)
        except requests.exceptions.RequestException as exc:
            return Outcome(False, False, f"cannot reach the server: {type(exc).__name__}")
        return Outcome(resp.status_code == 200, True, _problem(resp), resp.status_code)


def enrol(server: str, office: str, code: str, name: str, ca_bundle: str | None,
          timeout_s: float = 20.0) -> SyncCredential:
    """Spend a one-time enrolment code; returns the credential to keep."""
    server = check_server_url(server)
    if ca_bundle and not Path(ca_bundle).is_file():
        raise SyncConfigError(f"no such CA bundle: {ca_bundle}")
    try:
        resp = requests.post(f"{server}/api/v1/enrolments",
                             json={"enrolment_code": code, "office": office,
                                   "workstation_name": name},
                             verify=ca_bundle or True, timeout=(5.0, timeout_s))
    except requests.exceptions.SSLError as exc:
        raise SyncConfigError(f"the server's certificate was rejected ({exc}); give the "
                              "directorate's CA bundle with --ca-bundle") from None
    except requests.exceptions.RequestException as exc:
        raise SyncConfigError(f"cannot reach {server}: {type(exc).__name__}") from None
    if resp.status_code != 201:
        raise SyncConfigError(f"the server refused the enrolment ({_problem(resp)})")
    data = resp.json()
    return SyncCredential(server, data["office"], data["workstation_id"], data["token"],
                          str(Path(ca_bundle).resolve()) if ca_bundle else None)
