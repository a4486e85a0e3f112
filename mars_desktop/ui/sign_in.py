"""Signing in to the window, and locking it when the officer walks away.

The password check (argon2id, a few tenths of a second) runs off the GUI thread,
so the camera view keeps moving behind the lock. Locking never stops the
interview in progress: capture, analysis and recording go on underneath.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..adapters.keyring import Keyring
from ..adapters.store import StoreLocation
from ..pipeline.accounts import ACCOUNT_ERRORS
from .off_thread import OffThreadCall

log = logging.getLogger("mars.ui")
INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                   QEvent.Type.Wheel})


class PasswordDialog(QDialog):
    """User name (unless fixed) and password; `check` runs in a worker thread and returns
    a result, or raises with the message to show."""

    def __init__(self, title: str, note: str, check: Any, username: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.check = check
        self.result_value: Any = None
        self.call = OffThreadCall(ACCOUNT_ERRORS, self)
        self.call.succeeded.connect(self._checked)
        self.call.failed.connect(self._refused)
        self.user = QLineEdit(username or "")
        self.user.setObjectName("username")
        self.user.setReadOnly(username is not None)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel(note)
        self.message.setObjectName("sign_in_message")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.user)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self._submit)
        lay = QVBoxLayout(self)
        lay.addWidget(self.message)
        lay.addLayout(form)
        lay.addWidget(self.buttons)
        (self.password if username else self.user).setFocus()

    def reject(self) -> None:  # Escape does not get past a lock
        if self.user.isReadOnly():
            return
        super().reject()

    def _submit(self) -> None:
        if self.call.start(self.check, self.user.text().strip(), self.password.text()):
            self.buttons.setEnabled(False)
            self.message.setText(self.tr("Checking..."))

    def _refused(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.message.setText(message)

    def _checked(self, result: Any) -> None:
        self.buttons.setEnabled(True)
        self.password.clear()
        self.result_value = result
        self.accept()


def sign_in_dialog(location: StoreLocation) -> tuple[Any, Any] | None:
    """(store, who) for a signed-in account, or None if the officer closed the dialog."""
    from ..pipeline.accounts import sign_in

    dialog = PasswordDialog(QApplication.translate("SignIn", "MARS - sign in"),
                            QApplication.translate("SignIn", "Sign in with your MARS account."),
                            lambda user, pw: sign_in(location, user, pw))
    return dialog.result_value if dialog.exec() == QDialog.DialogCode.Accepted else None


class IdleLock(QObject):
    """Watches keyboard and mouse input; after `minutes` without any, the window is locked
    until the signed-in officer's password is given again."""

    locked = Signal(bool)

    def __init__(self, window: QWidget, keyring: Keyring, username: str, minutes: float,
                 record: Any):
        super().__init__(window)
        self.window, self.keyring, self.username = window, keyring, username
        self.limit_s = minutes * 60
        self.record = record  # store.record_event
        self.last_input = time.monotonic()
        self.dialog: PasswordDialog | None = None
        QApplication.instance().installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in INPUT:
            self.last_input = time.monotonic()
        return False

    def _tick(self) -> None:
        if self.dialog is None and time.monotonic() - self.last_input >= self.limit_s:
            self.lock()

    def lock(self) -> None:
        if self.dialog is not None:
            return
        self.record("screen_locked", None, {"idle_s": round(self.limit_s)}, self.username)
        self.dialog = PasswordDialog(
            self.tr("MARS - locked"),
            self.tr("The window was locked after %1 minutes without input. The interview "
                    "goes on; give your password to continue.")
            .replace("%1", f"{self.limit_s / 60:g}"),
            lambda user, pw: self.keyring.unlock(user, pw), self.username, self.window)
        self.dialog.accepted.connect(self._unlocked)
        self.locked.emit(True)
        self.dialog.open()

    def _unlocked(self) -> None:
        self.dialog = None
        self.last_input = time.monotonic()
        self.record("screen_unlocked", None, {}, self.username)
        self.locked.emit(False)

    def stop(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)


class ChangePasswordDialog(QDialog):
    """The signed-in officer changes their own password (the old one is asked again)."""

    def __init__(self, change: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change password"))
        self.change = change  # (old, new) -> None, raises with the message to show
        self.call = OffThreadCall(ACCOUNT_ERRORS, self)
        self.call.succeeded.connect(lambda _none: self.accept())
        self.old, self.new, self.again = QLineEdit(), QLineEdit(), QLineEdit()
        for name, edit in (("old", self.old), ("new", self.new), ("again", self.again)):
            edit.setObjectName(f"password_{name}")
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Current password"), self.old)
        form.addRow(self.tr("&New password (10 characters or more)"), self.new)
        form.addRow(self.tr("New password &again"), self.again)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)
        self.call.failed.connect(self.message.setText)

    def _submit(self) -> None:
        if self.call.busy:
            return
        if self.new.text() != self.again.text():
            self.message.setText(self.tr("The two new passwords differ."))
            return
        self.message.setText(self.tr("Checking..."))
        self.call.start(self.change, self.old.text(), self.new.text())


def add_password_action(window: Any, store: Any, who: Any) -> None:
    """Ctrl+Shift+P on the interview toolbar: change your own password."""
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QToolBar

    from ..pipeline.accounts import change_own_password

    act = QAction(QApplication.translate("SignIn", "Change password") + " (Ctrl+Shift+P)",
                  window)
    act.setObjectName("change_password")
    act.setShortcut(QKeySequence("Ctrl+Shift+P"))

    def open_dialog() -> None:
        window.password_dialog = ChangePasswordDialog(
            lambda old, new: change_own_password(store, who, old, new), window)
        window.password_dialog.open()

    act.triggered.connect(open_dialog)
    bar = window.findChild(QToolBar, "interview_toolbar")
    (bar or window).addAction(act)
