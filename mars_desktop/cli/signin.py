"""Signing in on the command line, once accounts exist.

The user name comes from `mars --user NAME` (or MARS_USER), the password from
MARS_PASSWORD or, at a terminal, a prompt. Before the first admin exists nothing
is asked and everything is allowed, as on a new workstation.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from ..adapters.keyring import KeyringError
from ..adapters.store import Store, StoreError, StoreLocation
from ..adapters.store.users import AccountError
from ..config import app_paths
from ..core.permissions import Action, NotAllowed
from ..core.text_rules import InvalidText
from ..pipeline.accounts import NO_ACCOUNTS, SignedIn, keyring_for, sign_in
from .support import UserError

USER_ENV, PASSWORD_ENV = "MARS_USER", "MARS_PASSWORD"


def store_location() -> StoreLocation:
    paths = app_paths()
    return StoreLocation.in_dirs(paths.data_dir, paths.config_dir)


def credentials(purpose: str = "sign in") -> tuple[str, str]:
    user = os.environ.get(USER_ENV)
    password = os.environ.get(PASSWORD_ENV)
    if not user:
        raise UserError(f"accounts are on: {purpose} with `mars --user NAME ...` (or "
                        f"{USER_ENV}); the password comes from {PASSWORD_ENV} or a prompt")
    if password is None:
        if not sys.stdin.isatty():
            raise UserError(f"no password: set {PASSWORD_ENV} or run at a terminal")
        password = getpass.getpass(f"password for {user}: ")
    return user, password


@contextmanager
def signed_in_store(action: Action | None = None) -> Iterator[tuple[Store, SignedIn]]:
    """The store, opened for the signed-in account (checked against `action`), with its
    errors turned into one-line user errors."""
    location = store_location()
    try:
        if keyring_for(location).exists():
            store, who = sign_in(location, *credentials())
        else:
            store, who = Store.open(location), NO_ACCOUNTS
    except (StoreError, KeyringError) as exc:
        raise UserError(str(exc)) from None
    try:
        if action is not None:
            try:
                who.may(action)
            except NotAllowed:
                store.record_event("denied", None, {"action": action.value}, who.username)
                raise
        yield store, who
    except (StoreError, InvalidText, ValueError, NotAllowed, AccountError, KeyringError) as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()


@contextmanager
def opened_store(action: Action | None = None) -> Iterator[Store]:
    with signed_in_store(action) as (store, _who):
        yield store
