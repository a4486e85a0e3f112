"""Accounts in the store: names, roles, disabled or not. Every change is audited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .store import Store, _audit, utc_now

USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
ROLES = ("officer", "supervisor", "admin")


class AccountError(ValueError):
    pass


@dataclass(frozen=True)
class Account:
    username: str
    full_name: str
    role: str
    disabled: bool
    created_at: str
    password_changed_at: str | None


def check_username(name: str) -> str:
    name = (name or "").strip()
    if not USERNAME.match(name):
        raise AccountError("a user name is 2-32 lower-case letters, digits, '.', '_' or '-', "
                           "starting with a letter or digit")
    return name


def check_full_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not 1 <= len(name) <= 100 or any(ord(c) < 32 for c in name):
        raise AccountError("a full name has 1-100 printable characters")
    return name


def accounts(store: Store) -> list[Account]:
    with store.reader() as conn:
        rows = conn.execute("SELECT username, full_name, role, disabled, created_at, "
                            "password_changed_at FROM users ORDER BY username").fetchall()
    return [Account(r[0], r[1], r[2], bool(r[3]), r[4], r[5]) for r in rows]


def account(store: Store, username: str) -> Account | None:
    return next((a for a in accounts(store) if a.username == username), None)


def add_account(store: Store, username: str, full_name: str, role: str,
                actor: str | None) -> None:
    username, full_name = check_username(username), check_full_name(full_name)
    if role not in ROLES:
        raise AccountError(f"a role is one of {', '.join(ROLES)}")

    def write(conn: Any) -> None:
        if conn.execute("SELECT 1 FROM users WHERE username = ?", (username,)).fetchone():
            raise AccountError(f"user {username} exists")
        conn.execute("INSERT INTO users (username, full_name, role, created_at, created_by) "
                     "VALUES (?, ?, ?, ?, ?)", (username, full_name, role, utc_now(), actor))
        _audit(conn, "account_create", None, {"username": username, "role": role}, actor)

    store.writer.call(write)


def set_disabled(store: Store, username: str, disabled: bool, actor: str | None) -> None:
    def write(conn: Any) -> None:
        if conn.execute("UPDATE users SET disabled = ? WHERE username = ?",
                        (int(disabled), username)).rowcount != 1:
            raise AccountError(f"no user {username}")
        _audit(conn, "account_disable" if disabled else "account_enable", None,
               {"username": username}, actor)

    store.writer.call(write)


def password_changed(store: Store, username: str, actor: str | None, *, reset: bool) -> None:
    def write(conn: Any) -> None:
        conn.execute("UPDATE users SET password_changed_at = ? WHERE username = ?",
                     (utc_now(), username))
        _audit(conn, "password_reset" if reset else "password_change", None,
               {"username": username}, actor)

    store.writer.call(write)
