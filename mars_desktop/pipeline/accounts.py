"""Signing in and managing accounts: the keyring (who can unwrap the store key) and the
store's users table (who may do what) kept in step, every step audited.

Before the first admin exists a workstation runs as it always did: the store key
sits in `store.key` and whoever runs MARS may do everything. Making the first
admin wraps that key into the keyring and deletes `store.key`; from then on the
store opens only for a signed-in account.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..adapters.keyring import Keyring, KeyringError, SignInFailed, UnlockedKey, check_password
from ..adapters.store import Store, StoreError, StoreLocation
from ..adapters.store import users as u
from ..adapters.store.keys import FileKeyProvider
from ..core.permissions import Action, Role, require


@dataclass(frozen=True)
class SignedIn:
    username: str | None  # None: no accounts yet (first start)
    role: Role
    accounts: bool

    def may(self, action: Action) -> None:
        require(self.role, action)


NO_ACCOUNTS = SignedIn(None, Role.ADMIN, False)
# What an account action may raise with a message meant for the person at the keyboard
# (wrong password, locked account, a name or password the rules refuse, an unreadable store).
ACCOUNT_ERRORS = (KeyringError, StoreError, ValueError)


def keyring_for(location: StoreLocation) -> Keyring:
    return Keyring.in_dir(location.key_file.parent)


def create_first_admin(location: StoreLocation, username: str, full_name: str,
                       password: str) -> str:
    """Returns the recovery code. The store is created if it does not exist yet."""
    keyring = keyring_for(location)
    if keyring.exists():
        raise KeyringError("accounts exist already; an admin adds more with mars users add")
    username, full_name = u.check_username(username), u.check_full_name(full_name)
    check_password(password)
    legacy = FileKeyProvider(location.key_file)
    with Store.open(location, legacy) as store:
        key = legacy.key(create=False)
        u.add_account(store, username, full_name, "admin", actor=username)
        code = keyring.create(key, username, password)
        store.record_event("accounts_enabled", None, {"admin": username}, username)
    # The key now lives only inside the keyring: check that before the file goes.
    if keyring.unlock(username, password) != key:
        raise KeyringError("the keyring does not give back the store key; store.key is kept")
    location.key_file.unlink()
    return code


def sign_in(location: StoreLocation, username: str, password: str) -> tuple[Store, SignedIn]:
    """Opens the store for this account; the caller closes the store."""
    keyring = keyring_for(location)
    key = keyring.unlock(username, password)
    store = Store.open(location, UnlockedKey(key))
    try:
        acct = u.account(store, username)
        for failed in keyring.take_failed_sign_ins():
            store.record_event("login_failed", None, {"username": failed.username,
                                                      "at": failed.at}, None)
        if acct is None or acct.disabled:
            store.record_event("login_refused", None, {"reason": "disabled"}, username)
            raise SignInFailed(f"the account {username} is disabled")
        store.record_event("login", None, {}, username)
    except BaseException:
        store.close()
        raise
    return store, SignedIn(username, Role(acct.role), True)


def add_user(store: Store, who: SignedIn, username: str, full_name: str, role: str,
             password: str) -> None:
    who.may(Action.MANAGE_ACCOUNTS)
    if not who.accounts:
        raise u.AccountError("accounts are off: make the first admin with mars users init")
    keyring = keyring_for(store.location)
    check_password(password)
    u.add_account(store, username, full_name, role, actor=who.username)
    keyring.add(username, password, store.raw_key)


def disable_user(store: Store, who: SignedIn, username: str) -> None:
    who.may(Action.MANAGE_ACCOUNTS)
    if not who.accounts:
        raise u.AccountError("accounts are off: make the first admin with mars users init")
    if username == who.username:
        raise u.AccountError("an admin cannot disable their own account")
    u.set_disabled(store, username, True, actor=who.username)
    keyring_for(store.location).remove(username)  # can no longer unwrap the key


def reset_password(store: Store, who: SignedIn, username: str, password: str) -> None:
    """An admin sets a new password for someone (who should change it at once)."""
    who.may(Action.MANAGE_ACCOUNTS)
    if not who.accounts:
        raise u.AccountError("accounts are off: make the first admin with mars users init")
    acct = u.account(store, username)
    if acct is None or acct.disabled:
        raise u.AccountError(f"no active user {username}")
    keyring_for(store.location).add(username, password, store.raw_key)
    u.password_changed(store, username, who.username, reset=True)


def change_own_password(store: Store, who: SignedIn, old: str, new: str) -> None:
    keyring = keyring_for(store.location)
    if who.username is None:
        raise u.AccountError("there are no accounts yet")
    keyring.unlock(who.username, old)  # the old password, once more
    keyring.add(who.username, new, store.raw_key)
    u.password_changed(store, who.username, who.username, reset=False)


def recover(location: StoreLocation, code: str, username: str, new_password: str) -> None:
    """The written-down way back in: the recovery code sets a new password for an admin."""
    keyring = keyring_for(location)
    key = keyring.recover(code)
    check_password(new_password)
    with Store.open(location, UnlockedKey(key)) as store:
        acct = u.account(store, username)
        if acct is None or acct.role != "admin":
            raise u.AccountError(f"{username} is not an admin account")
        if acct.disabled:
            u.set_disabled(store, username, False, actor="recovery code")
        keyring.add(username, new_password, key)
        u.password_changed(store, username, "recovery code", reset=True)
