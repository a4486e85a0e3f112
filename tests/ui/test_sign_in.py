"""Signing in to the window and the idle lock, on a real keyring and encrypted store."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from mars_desktop.adapters.keyring import Keyring
from mars_desktop.adapters.store import StoreLocation, queries
from mars_desktop.pipeline import accounts as acc
from mars_desktop.ui.sign_in import IdleLock, PasswordDialog

PW = "ana-kata-sandi-1"


@pytest.fixture
def office(tmp_path):
    loc = StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")
    acc.create_first_admin(loc, "admin", "Admin", "admin-kata-sandi")
    store, admin = acc.sign_in(loc, "admin", "admin-kata-sandi")
    with store:
        acc.add_user(store, admin, "ana", "Ana", "officer", PW)
    return loc


def test_sign_in_refuses_a_wrong_password_then_opens_the_store(qtbot, office):
    dialog = PasswordDialog("sign in", "", lambda u, p: acc.sign_in(office, u, p))
    qtbot.addWidget(dialog)
    dialog.user.setText("ana")
    dialog.password.setText("salah-sekali")
    dialog._submit()
    qtbot.waitUntil(lambda: "wrong" in dialog.message.text(), timeout=10_000)
    assert dialog.result_value is None and dialog.password.text() == ""
    dialog.password.setText(PW)
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog._submit()
    store, who = dialog.result_value
    with store:
        assert (who.username, who.role.value) == ("ana", "officer")
        with store.reader() as conn:
            actions = [e["action"] for e in queries.audit_events(conn)]
    assert actions[-2:] == ["login_failed", "login"]


def test_the_idle_lock_keeps_the_window_alive_and_asks_the_password(qtbot, office):
    store, _who = acc.sign_in(office, "ana", PW)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    ticks: list[float] = []
    heartbeat = QTimer(window)  # stands for the camera view and the interview going on
    heartbeat.timeout.connect(lambda: ticks.append(time.monotonic()))
    heartbeat.start(20)
    lock = IdleLock(window, Keyring.in_dir(office.key_file.parent), "ana", minutes=1 / 60,
                    record=store.record_event)
    try:
        with qtbot.waitSignal(lock.locked, timeout=5_000) as locked:
            pass
        assert locked.args == [True] and lock.dialog is not None
        lock.dialog.reject()  # Escape does not get past a lock
        assert lock.dialog.isVisible()
        before = len(ticks)
        qtbot.wait(300)
        assert len(ticks) > before + 5  # nothing stopped while locked
        lock.dialog.password.setText("bukan-ini-sandi")
        lock.dialog._submit()
        qtbot.waitUntil(lambda: "wrong" in lock.dialog.message.text(), timeout=10_000)
        lock.dialog.password.setText(PW)
        with qtbot.waitSignal(lock.locked, timeout=10_000) as unlocked:
            lock.dialog._submit()
        assert unlocked.args == [False] and lock.dialog is None
        store.writer.flush()
        with store.reader() as conn:
            actions = [e["action"] for e in queries.audit_events(conn)]
        assert "screen_locked" in actions and actions[-1] == "screen_unlocked"
    finally:
        lock.stop()
        store.close()


def test_an_officer_changes_their_own_password_in_the_window(qtbot, office):
    from PySide6.QtWidgets import QMainWindow, QToolBar

    from mars_desktop.ui.sign_in import add_password_action

    store, who = acc.sign_in(office, "ana", PW)
    window = QMainWindow()
    bar = QToolBar()
    bar.setObjectName("interview_toolbar")
    window.addToolBar(bar)
    qtbot.addWidget(window)
    try:
        add_password_action(window, store, who)
        [act] = [a for a in bar.actions() if a.objectName() == "change_password"]
        act.trigger()
        dialog = window.password_dialog
        dialog.old.setText("not-the-old-one")
        dialog.new.setText("ana-new-password")
        dialog.again.setText("ana-different")
        dialog._submit()
        assert "differ" in dialog.message.text()
        dialog.again.setText("ana-new-password")
        dialog._submit()
        qtbot.waitUntil(lambda: "wrong" in dialog.message.text(), timeout=10_000)
        dialog.old.setText(PW)
        with qtbot.waitSignal(dialog.accepted, timeout=10_000):
            dialog._submit()
        assert Keyring.in_dir(office.key_file.parent).unlock("ana", "ana-new-password")
    finally:
        store.close()
