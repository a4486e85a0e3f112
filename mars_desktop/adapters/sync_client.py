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
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
        fields = {k: data.get(k) for k in ("server", "office", "workstation_id", "token")}
        bad = [k for k, v in fields.items() if not isinstance(v, str) or not v]
        ca = data.get("ca_bundle")
        if bad or (ca is not None and not isinstance(ca, str)):
            raise ValueError(f"missing or wrong {', '.join(bad) or 'ca_bundle'}")
        check_server_url(fields["server"])
        return SyncCredential(**fields, ca_bundle=ca)
    except (OSError, ValueError, TypeError, SyncConfigError) as exc:
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


def _acknowledges(resp: requests.Response, session_id: str, digest: str) -> bool:
    try:
        body = resp.json()
    except ValueError:
        return False
    return (isinstance(body, dict) and body.get("session_id") == session_id
            and body.get("record_sha256") == digest)


def classify(resp: requests.Response) -> Outcome:
    code = resp.status_code
    if code in (200, 201):
        return Outcome(True, True, "delivered", code)
    if 300 <= code < 400:  # never followed: the directorate does not move without telling
        return Outcome(False, True, f"HTTP {code}: the server redirects; check the server URL",
                       code, refused=True)
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
                                        verify=self.cred.verify, timeout=self.timeout,
                                        allow_redirects=False)
        except requests.exceptions.SSLError as exc:
            return Outcome(False, False, f"the server's certificate was rejected: {exc}")
        except requests.exceptions.Timeout:
            return Outcome(False, False, "the server did not answer in time")
        except requests.exceptions.RequestException as exc:
            return Outcome(False, False, f"cannot reach the server: {type(exc).__name__}")
        outcome = classify(resp)
        if outcome.delivered and not _acknowledges(resp, session_id, payload["record_sha256"]):
            # A captive portal or a misconfigured proxy answers 200 to anything: only the
            # directorate's own acknowledgement of this record takes it out of the outbox.
            return Outcome(False, True, f"HTTP {resp.status_code} without an acknowledgement "
                           "of this session (a captive portal or proxy?)", resp.status_code)
        return outcome

    def latest_checkpoint(self) -> tuple[int, str] | None:
        """The newest audit checkpoint the server holds from this workstation."""
        resp = self._session().get(f"{self.cred.server}/api/v1/audit-checkpoints/latest",
                                   verify=self.cred.verify, timeout=self.timeout,
                                   allow_redirects=False)
        if resp.status_code == 404:
            return None
        resp.raise_for_status()
        try:
            data = resp.json()
            return int(data["event_id"]), str(data["hash"])
        except (ValueError, KeyError, TypeError):
            raise requests.exceptions.InvalidJSONError("not a checkpoint") from None

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
                             verify=ca_bundle or True, timeout=(5.0, timeout_s),
                             allow_redirects=False)
    except requests.exceptions.SSLError as exc:
        raise SyncConfigError(f"the server's certificate was rejected ({exc}); give the "
                              "directorate's CA bundle with --ca-bundle") from None
    except requests.exceptions.RequestException as exc:
        raise SyncConfigError(f"cannot reach {server}: {type(exc).__name__}") from None
    # Closed before anything is raised: a refusal kept in a traceback (the wizard keeps its
    # failed call) would otherwise hold the connection open.
    with resp:
        status = resp.status_code
        problem = _problem(resp) if status != 201 else ""
        try:
            data = resp.json() if status == 201 else {}
        except ValueError:
            data = None
    if status != 201:
        raise SyncConfigError(f"the server refused the enrolment ({problem})")
    try:
        fields = [data["office"], data["workstation_id"], data["token"]]
        if not all(isinstance(f, str) and 0 < len(f) <= 400 for f in fields):
            raise TypeError
    except (KeyError, TypeError):
        raise SyncConfigError(f"{server} answered the enrolment with something that is not "
                              "a MARS credential; is the URL the directorate's server?") from None
    return SyncCredential(server, *fields, str(Path(ca_bundle).resolve()) if ca_bundle else None)
