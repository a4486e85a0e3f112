"""What each workstation setting may hold; `mars settings` and the first-run wizard both
check here before a value reaches the store."""

from __future__ import annotations

from ..adapters.sync_client import SyncConfigError, check_server_url
from ..core.office import check_office_code, check_office_name


def _whole(low: int, high: int, what: str):
    def check(value: str) -> str:
        if not (value.isascii() and value.isdigit() and low <= int(value) <= high):
            raise ValueError(f"must be a whole number of {what}, {low}-{high}")
        return str(int(value))
    return check


def _flag(value: str) -> str:
    if value not in ("0", "1"):
        raise ValueError("must be 0 or 1")
    return value


def _server_url(value: str) -> str:
    if not value.strip():
        return ""  # an offline post: no server
    try:
        return check_server_url(value)
    except SyncConfigError as exc:
        raise ValueError(str(exc)) from None


RULES = {
    "retention_days": _whole(1, 36500, "days"),
    "keep_raw_video": _flag,
    "sync_attach_report": _flag,
    "idle_lock_minutes": _whole(1, 120, "minutes"),
    "office_code": check_office_code,
    "office_name": check_office_name,
    "server_url": _server_url,
}


def check_setting(key: str, value: str) -> str:
    """The value as it is stored; ValueError naming the setting otherwise."""
    try:
        rule = RULES[key]
    except KeyError:
        raise ValueError(f"unknown setting {key}") from None
    try:
        return rule(value)
    except ValueError as exc:
        raise ValueError(f"{key} {exc}" if str(exc).startswith("must") else str(exc)) from None
