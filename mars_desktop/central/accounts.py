"""Offices, one-time enrolment codes, workstation credentials and dashboard users.

Secrets are only ever stored hashed: workstation tokens and enrolment codes are
random (SHA-256 is enough); dashboard passwords are chosen by people (argon2id).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Engine, text
from sqlalchemy.engine import Connection

from ..core.office import check_office_code as _office_code_rule

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,63}$")
MIN_PASSWORD = 10
MAX_FAILED_LOGINS = 5
LOCKOUT = timedelta(minutes=15)
WEB_SESSION_HOURS = 8

_hasher = PasswordHasher()


class AccountError(ValueError):
    pass


@dataclass(frozen=True)
class Workstation:
    id: str
    office: str
    name: str


def now_iso(at: datetime | None = None) -> str:
    return (at or datetime.now(UTC)).isoformat(timespec="milliseconds")


def sha256(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def check_office_code(code: str) -> str:
    try:
        return _office_code_rule(code)
    except ValueError as exc:
        raise AccountError(str(exc)) from None


def ensure_office(conn: Connection, code: str, name: str | None) -> None:
    code = check_office_code(code)
    row = conn.execute(text("SELECT name FROM offices WHERE code = :c"), {"c": code}).fetchone()
    if row is None:
        conn.execute(text("INSERT INTO offices VALUES (:c, :n)"), {"c": code, "n": name or code})
    elif name and row[0] != name:
        conn.execute(text("UPDATE offices SET name = :n WHERE code = :c"), {"c": code, "n": name})


def normalise_code(code: str) -> str:
    return re.sub(r"[\s-]", "", code or "").upper()


def new_enrolment_code(engine: Engine, office: str, office_name: str | None = None,
                       valid_hours: int = 72) -> str:
    """A one-time code an admin hands to the workstation's installer."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(15))
    now = datetime.now(UTC)
    with engine.begin() as conn:
        ensure_office(conn, office, office_name)
        conn.execute(text("INSERT INTO enrolment_codes (code_hash, office_code, created_at, "
                          "expires_at) VALUES (:h, :o, :c, :e)"),
                     {"h": sha256(raw), "o": check_office_code(office), "c": now_iso(now),
                      "e": now_iso(now + timedelta(hours=valid_hours))})
    return "-".join(raw[i:i + 5] for i in range(0, 15, 5))


def enrol(engine: Engine, code: str, office: str, name: str) -> tuple[Workstation, str]:
    """Spend an enrolment code; returns the new workstation and its bearer token."""
    office = check_office_code(office)
    code_hash = sha256(normalise_code(code))
    ws = Workstation(str(uuid.uuid4()), office, name.strip()[:100] or "workstation")
    secret = secrets.token_urlsafe(32)
    now = now_iso()
    with engine.begin() as conn:
        # The conditional update is the whole check, so two racing enrolments with one code
        # cannot both succeed.
        spent = conn.execute(text(
            "UPDATE enrolment_codes SET used_at = :now, workstation_id = :ws "
            "WHERE code_hash = :h AND office_code = :o AND used_at IS NULL AND expires_at > :now"),
            {"now": now, "ws": ws.id, "h": code_hash, "o": office}).rowcount
        if spent != 1:
            raise AccountError("the enrolment code is unknown, used, expired or for another "
                               "office")
        conn.execute(text("INSERT INTO workstations (id, office_code, name, token_hash, "
                          "enrolled_at) VALUES (:id, :o, :n, :t, :now)"),
                     {"id": ws.id, "o": office, "n": ws.name, "t": sha256(secret), "now": now})
    return ws, f"{ws.id}.{secret}"


def workstation_for_token(engine: Engine, token: str) -> Workstation | None:
    ws_id, _, secret = (token or "").partition(".")
    if not ws_id or not secret or len(token) > 200:
        return None
    with engine.connect() as conn:
        row = conn.execute(text("SELECT office_code, name, token_hash, disabled FROM "
                                "workstations WHERE id = :id"), {"id": ws_id}).fetchone()
    if row is None or row[3] or not hmac.compare_digest(row[2], sha256(secret)):
        return None
    return Workstation(ws_id, row[0], row[1])


# -- dashboard users ------------------------------------------------------------------------


def add_user(engine: Engine, username: str, password: str, offices: list[str]) -> None:
    username = (username or "").strip().lower()
    if not USERNAME.match(username):
        raise AccountError("a user name is 2-64 lower-case letters, digits, '.', '_' or '-'")
    if len(password or "") < MIN_PASSWORD:
        raise AccountError(f"a password needs at least {MIN_PASSWORD} characters")
    with engine.begin() as conn:
        if conn.execute(text("SELECT 1 FROM users WHERE username = :u"),
                        {"u": username}).fetchone():
            raise AccountError(f"user {username} exists")
        conn.execute(text("INSERT INTO users (username, password_hash, created_at) "
                          "VALUES (:u, :p, :c)"),
                     {"u": username, "p": _hasher.hash(password), "c": now_iso()})
        for office in offices:
            ensure_office(conn, office, None)
            conn.execute(text("INSERT INTO user_offices VALUES (:u, :o)"),
                         {"u": username, "o": check_office_code(office)})


def offices_of(engine: Engine, username: str) -> list[str]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text(
            "SELECT office_code FROM user_offices WHERE username = :u ORDER BY office_code"),
            {"u": username})]


def check_login(engine: Engine, username: str, password: str) -> bool:
    """True for the right password; repeated failures lock the account for a while."""
    username = (username or "").strip().lower()
    now = datetime.now(UTC)
    with engine.begin() as conn:
        row = conn.execute(text("SELECT password_hash, disabled, locked_until FROM users "
                                "WHERE username = :u"), {"u": username}).fetchone()
        if row is None:
            _hasher.hash(password or "")  # the same time for an unknown user as a known one
            return False
        if row[1] or (row[2] and row[2] > now_iso(now)):
            return False
        try:
            ok = _hasher.verify(row[0], password or "")
        except (VerificationError, InvalidHashError):
            ok = False
        if ok:
            conn.execute(text("UPDATE users SET failed_logins = 0, locked_until = NULL "
                              "WHERE username = :u"), {"u": username})
        else:
            conn.execute(text(
                "UPDATE users SET failed_logins = failed_logins + 1, locked_until = CASE WHEN "
                "failed_logins + 1 >= :m THEN :until ELSE NULL END WHERE username = :u"),
                {"u": username, "m": MAX_FAILED_LOGINS, "until": now_iso(now + LOCKOUT)})
            conn.execute(text("UPDATE users SET failed_logins = 0 WHERE username = :u AND "
                              "locked_until IS NOT NULL"), {"u": username})
        return ok


def new_web_session(engine: Engine, username: str) -> str:
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM web_sessions WHERE expires_at < :n"), {"n": now_iso(now)})
        conn.execute(text("INSERT INTO web_sessions VALUES (:t, :u, :c, :e)"),
                     {"t": sha256(token), "u": username.strip().lower(), "c": now_iso(now),
                      "e": now_iso(now + timedelta(hours=WEB_SESSION_HOURS))})
    return token


def user_for_web_session(engine: Engine, token: str | None) -> str | None:
    if not token or len(token) > 200:
        return None
    with engine.connect() as conn:
        row = conn.execute(text(
            "SELECT w.username FROM web_sessions w JOIN users u ON u.username = w.username "
            "WHERE w.token_hash = :t AND w.expires_at > :n AND u.disabled = 0"),
            {"t": sha256(token), "n": now_iso()}).fetchone()
    return row[0] if row else None


def end_web_session(engine: Engine, token: str | None) -> None:
    if token:
        with engine.begin() as conn:
            conn.execute(text("DELETE FROM web_sessions WHERE token_hash = :t"),
                         {"t": sha256(token)})
