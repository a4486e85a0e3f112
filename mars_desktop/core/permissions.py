"""Who may do what: the one table, tested as written.

Officers run interviews and see their own sessions. A supervisor sees the whole
office's sessions, may export a report with the NIK in full, erase an applicant
and export the audit trail. Only an admin changes settings, interview scripts,
the threshold and accounts. An admin is also a supervisor: remote posts are
small, and one person often holds both duties.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    OFFICER = "officer"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Action(StrEnum):
    INTERVIEW = "interview"                  # start, record, decide, export own reports
    VIEW_OWN_SESSIONS = "view_own_sessions"
    VIEW_OFFICE_SESSIONS = "view_office_sessions"
    EXPORT_FULL_NIK = "export_full_nik"
    ERASE_APPLICANT = "erase_applicant"
    EXPORT_AUDIT = "export_audit"
    VERIFY_AUDIT = "verify_audit"
    SYNC_NOW = "sync_now"
    CHANGE_SETTINGS = "change_settings"      # retention, raw video, report attachment
    MANAGE_SCRIPTS = "manage_scripts"
    CHANGE_THRESHOLD = "change_threshold"
    MANAGE_ACCOUNTS = "manage_accounts"
    REGISTER_WORKSTATION = "register_workstation"
    PURGE = "purge"


_O, _S, _A = Role.OFFICER, Role.SUPERVISOR, Role.ADMIN
PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.INTERVIEW: frozenset({_O, _S, _A}),
    Action.VIEW_OWN_SESSIONS: frozenset({_O, _S, _A}),
    Action.VIEW_OFFICE_SESSIONS: frozenset({_S, _A}),
    Action.EXPORT_FULL_NIK: frozenset({_S, _A}),
    Action.ERASE_APPLICANT: frozenset({_S, _A}),
    Action.EXPORT_AUDIT: frozenset({_S, _A}),
    Action.VERIFY_AUDIT: frozenset({_O, _S, _A}),
    Action.SYNC_NOW: frozenset({_O, _S, _A}),
    Action.CHANGE_SETTINGS: frozenset({_A}),
    Action.MANAGE_SCRIPTS: frozenset({_A}),
    Action.CHANGE_THRESHOLD: frozenset({_A}),
    Action.MANAGE_ACCOUNTS: frozenset({_A}),
    Action.REGISTER_WORKSTATION: frozenset({_A}),
    Action.PURGE: frozenset({_A}),
}


class NotAllowed(PermissionError):
    pass


def allowed(role: Role | str, action: Action) -> bool:
    return Role(role) in PERMISSIONS[action]


def require(role: Role | str, action: Action) -> None:
    if not allowed(role, action):
        raise NotAllowed(f"a {Role(role).value} may not {action.value.replace('_', ' ')}")


def may_view_session(role: Role | str, username: str, session_officer: str | None) -> bool:
    """Own sessions always; other officers' only with the office-wide right."""
    return session_officer == username or allowed(role, Action.VIEW_OFFICE_SESSIONS)
