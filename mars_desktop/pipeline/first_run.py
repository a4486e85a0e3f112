"""Setting up a new workstation: office, directorate server, the first admin account.

The first-run wizard collects the answers; this module checks them and applies them
in an order that leaves nothing half done that matters: the admin account (and with
it the encrypted store and its recovery code) first, then the office and server
settings as that admin, then the enrolment with the server, which may fail at an
offline post and is then done later with `mars register`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from ..adapters.keyring import check_password
from ..adapters.store import StoreLocation
from ..adapters.store import users as u
from ..adapters.sync_client import SyncConfigError, SyncCredential, enrol, save_credential
from .accounts import ACCOUNT_ERRORS, create_first_admin, keyring_for, sign_in
from .settings_rules import check_setting

log = logging.getLogger(__name__)


class SetupError(ValueError):
    pass


@dataclass(frozen=True)
class SetupAnswers:
    office_code: str
    office_name: str
    server_url: str  # "" at an offline post
    enrolment_code: str  # "" to enrol later
    admin_username: str
    admin_full_name: str
    admin_password: str
    workstation_name: str = "workstation"
    ca_bundle: str | None = None


@dataclass(frozen=True)
class SetupOutcome:
    recovery_code: str
    credential: SyncCredential | None
    registration_problem: str  # why the workstation is not registered yet, or ""


def needs_first_run(location: StoreLocation) -> bool:
    """A workstation never used: no accounts and no store. One already in use without
    accounts is left as it is (an admin turns accounts on with `mars users init`)."""
    return not keyring_for(location).exists() and not location.database.exists()


def check_office(code: str, name: str) -> tuple[str, str]:
    return check_setting("office_code", code), check_setting("office_name", name)


def check_server(url: str, enrolment_code: str) -> str:
    url = check_setting("server_url", url)
    if enrolment_code.strip() and not url:
        raise SetupError("an enrolment code needs the server's URL")
    return url


def check_admin(username: str, full_name: str, password: str, again: str) -> None:
    u.check_username(username)
    u.check_full_name(full_name)
    check_password(password)
    if password != again:
        raise SetupError("the two passwords differ")


def apply_setup(location: StoreLocation, config_dir: Path, a: SetupAnswers) -> SetupOutcome:
    """Raises SetupError (or the account rules' errors) before anything is written if an
    answer is wrong; registration problems are returned, not raised."""
    code, name = check_office(a.office_code, a.office_name)
    url = check_server(a.server_url, a.enrolment_code)
    check_admin(a.admin_username, a.admin_full_name, a.admin_password, a.admin_password)
    if not needs_first_run(location):
        raise SetupError("this workstation is already set up")
    recovery = create_first_admin(location, a.admin_username, a.admin_full_name,
                                  a.admin_password)
    store, who = sign_in(location, a.admin_username, a.admin_password)
    with store:
        for key, value in (("office_code", code), ("office_name", name), ("server_url", url)):
            store.set_setting(key, value, actor=who.username)
    credential, problem = None, ""
    if url and a.enrolment_code.strip():
        try:
            credential = enrol(url, code, a.enrolment_code.strip(), a.workstation_name,
                               a.ca_bundle)
            save_credential(config_dir, credential)
        except SyncConfigError as exc:
            problem = str(exc)  # the text only: the exception's frames hold the connection
            log.warning("registration at set-up failed: %s", problem)
    elif url:
        problem = "no enrolment code given"
    return SetupOutcome(recovery, credential, problem)


SETUP_ERRORS = ACCOUNT_ERRORS  # SetupError is a ValueError
