"""The first-run wizard: what an admin answers once, on a new interview-room PC.

Language, the office (code and name), the camera with a live preview, the
directorate's server (empty at an offline post) and the first admin account. The
answers are checked page by page; applying them (argon2id, the encrypted store,
the enrolment over the network) runs off the GUI thread, and the recovery code is
shown once at the end, to be written down before the wizard can be closed.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from ..adapters.sources import SourceError, camera_from_spec
from ..adapters.store import StoreLocation
from ..pipeline.first_run import (
    SETUP_ERRORS,
    SetupAnswers,
    SetupOutcome,
    apply_setup,
    check_admin,
    check_office,
    check_server,
)
from .camera_dialog import CameraChooser
from .capture_thread import CaptureThread
from .off_thread import OffThreadCall
from .video_view import VideoView

LANGUAGE_CHANGED = 2  # the wizard's result when it must be shown again in another language


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("problem")
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020")
    return label


class LanguagePage(QWizardPage):
    def __init__(self, lang: str):
        super().__init__()
        self.setTitle(self.tr("Welcome to MARS Desktop"))
        self.setSubTitle(self.tr("This PC is set up once, by an admin. Choose the language of "
                                 "the program."))
        self.indonesian = QRadioButton("Bahasa &Indonesia")
        self.english = QRadioButton("&English")
        (self.english if lang == "en" else self.indonesian).setChecked(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.indonesian)
        lay.addWidget(self.english)

    def lang(self) -> str:
        return "en" if self.english.isChecked() else "id"


class OfficePage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Office"))
        self.setSubTitle(self.tr("The immigration office or TPI where this PC stands, as the "
                                 "directorate names it."))
        self.code, self.name = QLineEdit(), QLineEdit()
        self.code.setObjectName("office_code")
        self.name.setObjectName("office_name")
        self.code.setPlaceholderText("KANIM-SOETTA")
        self.problem = _problem_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Office &code"), self.code)
        form.addRow(self.tr("Office na&me"), self.name)
        form.addRow(self.problem)

    def validatePage(self) -> bool:
        try:
            code, name = check_office(self.code.text(), self.name.text())
        except SETUP_ERRORS as exc:
            self.problem.setText(str(exc))
            return False
        self.code.setText(code)
        self.name.setText(name)
        self.problem.clear()
        return True


class CameraPage(QWizardPage):
    """The chosen camera runs in the preview until the page is left."""

    def __init__(self, current: str | None):
        super().__init__()
        self.setTitle(self.tr("Camera"))
        self.setSubTitle(self.tr("Choose the camera that faces the applicant and check the "
                                 "picture. It can be changed later (Ctrl+K)."))
        self.chooser = CameraChooser(current, self)
        self.preview = VideoView(self)
        self.preview.setMinimumSize(320, 200)
        self.show_button = QPushButton(self.tr("&Preview"))
        self.show_button.clicked.connect(self.start_preview)
        self.capture: CaptureThread | None = None
        lay = QVBoxLayout(self)
        lay.addWidget(self.chooser)
        lay.addWidget(self.show_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.preview, 1)

    def initializePage(self) -> None:
        self.start_preview()

    def cleanupPage(self) -> None:
        self.stop_preview()

    def validatePage(self) -> bool:
        self.stop_preview()
        return True

    def start_preview(self) -> None:
        self.stop_preview()
        try:
            source = camera_from_spec(self.chooser.spec())
        except SourceError as exc:
            self.preview.show_message(str(exc))
            return
        self.preview.show_message(self.tr("Opening the camera..."))
        self.capture = CaptureThread(source)
        self.capture.display_box = (self.preview.width(), self.preview.height())
        self.capture.frame_ready.connect(self._show_frame)
        self.capture.source_failed.connect(self.preview.show_message)
        self.capture.start()

    def _show_frame(self) -> None:
        frame = self.capture.display.take_nowait() if self.capture is not None else None
        if frame is not None:
            self.preview.show_frame(frame)

    def stop_preview(self) -> None:
        if self.capture is not None:
            self.capture.stop()
            self.capture.wait(5000)
            self.capture = None


class ServerPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Directorate server"))
        self.setSubTitle(self.tr("Leave the address empty at a post without a network: "
                                 "sessions are kept on this PC and can be sent later."))
        self.url, self.code, self.ca_bundle = QLineEdit(), QLineEdit(), QLineEdit()
        self.url.setObjectName("server_url")
        self.code.setObjectName("enrolment_code")
        self.url.setPlaceholderText("https://mars.imigrasi.go.id")
        browse = QPushButton(self.tr("&Browse..."))
        browse.clicked.connect(self._browse)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_bundle, 1)
        ca_row.addWidget(browse)
        self.problem = _problem_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Server &address"), self.url)
        form.addRow(self.tr("One-time &enrolment code"), self.code)
        form.addRow(self.tr("Directorate &CA certificates (if private)"), ca_row)
        form.addRow(self.problem)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("CA certificates"), "",
                                              "PEM (*.pem *.crt)")
        if path:
            self.ca_bundle.setText(path)

    def validatePage(self) -> bool:
        try:
            url = check_server(self.url.text(), self.code.text())
        except SETUP_ERRORS as exc:
            self.problem.setText(str(exc))
            return False
        if self.ca_bundle.text().strip() and not Path(self.ca_bundle.text().strip()).is_file():
            self.problem.setText(self.tr("No such file: %1").replace("%1",
                                                                     self.ca_bundle.text()))
            return False
        self.url.setText(url)
        self.problem.clear()
        return True


class AdminPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Admin account"))
        self.setSubTitle(self.tr("The first account, with every right. It adds the officers "
                                 "and supervisors afterwards."))
        self.username, self.full_name = QLineEdit(), QLineEdit()
        self.password, self.again = QLineEdit(), QLineEdit()
        for name, edit in (("admin_username", self.username), ("admin_full_name",
                           self.full_name), ("admin_password", self.password),
                           ("admin_password_again", self.again)):
            edit.setObjectName(name)
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = _problem_label()
        form = QFormLayout(self)
        form.addRow(self.tr("&User name"), self.username)
        form.addRow(self.tr("&Full name"), self.full_name)
        form.addRow(self.tr("&Password (10 characters or more)"), self.password)
        form.addRow(self.tr("Password &again"), self.again)
        form.addRow(self.problem)
        self.setCommitPage(True)  # what follows creates the account: no way back
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Set up"))

    def validatePage(self) -> bool:
        try:
            check_admin(self.username.text().strip(), self.full_name.text(),
                        self.password.text(), self.again.text())
        except SETUP_ERRORS as exc:
            self.problem.setText(str(exc))
            return False
        self.problem.clear()
        return True


class FinishPage(QWizardPage):
    """Applies the answers off the GUI thread, then shows the recovery code once."""

    def __init__(self, location: StoreLocation, config_dir: Path):
        super().__init__()
        self.location, self.config_dir = location, config_dir
        self.setTitle(self.tr("Setting up"))
        self.status = QLabel()
        self.status.setObjectName("setup_status")
        self.status.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setObjectName("recovery_code")
        self.code.setReadOnly(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(mono.pointSizeF() * 1.4)
        self.code.setFont(mono)
        self.code.hide()
        self.written = QCheckBox(self.tr("I have &written the recovery code down; it will be "
                                         "sealed in the office safe."))
        self.written.setObjectName("code_written")
        self.written.hide()
        self.written.toggled.connect(self.completeChanged)
        self.outcome: SetupOutcome | None = None
        self.call = OffThreadCall(SETUP_ERRORS, self)
        self.call.succeeded.connect(self._done)
        self.call.failed.connect(self._failed)
        lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addWidget(self.code)
        lay.addWidget(self.written)
        lay.addStretch(1)

    def initializePage(self) -> None:
        self.status.setText(self.tr("Creating the admin account and the encrypted store..."))
        QTimer.singleShot(0, lambda: self.call.start(apply_setup, self.location,
                                                     self.config_dir, self.wizard().answers()))

    def _failed(self, message: str) -> None:
        self.status.setText(self.tr("Setting up failed: %1. Details are in the log; close "
                                    "the wizard and ask support.").replace("%1", message))

    def _done(self, outcome: SetupOutcome) -> None:
        self.outcome = outcome
        if outcome.credential is not None:
            sync = self.tr("Registered with %1 for office %2.").replace(
                "%1", outcome.credential.server).replace("%2", outcome.credential.office)
        elif outcome.registration_problem:
            sync = self.tr("Not registered with the server yet (%1). An admin registers later "
                           "with: mars register --code CODE").replace(
                "%1", outcome.registration_problem)
        else:
            sync = self.tr("No server: sessions stay on this PC.")
        self.status.setText(self.tr("Done. %1\n\nThe recovery code below opens the store if "
                                    "every admin password is lost. It is shown only now: "
                                    "write it down and seal it in the office safe.")
                            .replace("%1", sync))
        self.code.setText(outcome.recovery_code)
        self.wizard().button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.code.show()
        self.written.show()
        self.written.setFocus()
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.outcome is not None and self.written.isChecked()


class FirstRunWizard(QWizard):
    def __init__(self, location: StoreLocation, config_dir: Path, lang: str,
                 camera: str | None, parent=None):
        super().__init__(parent)
        self.setObjectName("first_run_wizard")
        self.setWindowTitle(self.tr("MARS Desktop - first start"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.start_lang = lang
        self._restarting = False
        self.language = LanguagePage(lang)
        self.office = OfficePage()
        self.camera = CameraPage(camera)
        self.server = ServerPage()
        self.admin = AdminPage()
        self.finish = FinishPage(location, config_dir)
        for page in (self.language, self.office, self.camera, self.server, self.admin,
                     self.finish):
            self.addPage(page)
        # Qt's own texts for these buttons are not loaded: they are ours, with access keys
        # that no page's fields use.
        for button, text in ((QWizard.WizardButton.NextButton, self.tr("&Next >")),
                             (QWizard.WizardButton.BackButton, self.tr("< Bac&k")),
                             (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
                             (QWizard.WizardButton.CancelButton, self.tr("Cancel"))):
            self.setButtonText(button, text)
        self.resize(760, 600)

    def validateCurrentPage(self) -> bool:
        if self._restarting:  # QWizard.done() validates the page once more
            return True
        if self.currentPage() is self.language and self.language.lang() != self.start_lang:
            self._restarting = True
            self.done(LANGUAGE_CHANGED)  # shown again, in the chosen language
            return False
        return super().validateCurrentPage()

    def answers(self) -> SetupAnswers:
        s, a = self.server, self.admin
        return SetupAnswers(
            office_code=self.office.code.text(), office_name=self.office.name.text(),
            server_url=s.url.text(), enrolment_code=s.code.text(),
            admin_username=a.username.text().strip(), admin_full_name=a.full_name.text(),
            admin_password=a.password.text(),
            workstation_name=platform.node() or "workstation",
            ca_bundle=s.ca_bundle.text().strip() or None)

    def camera_spec(self) -> str:
        return self.camera.chooser.spec()

    def reject(self) -> None:
        # While the account is written, and once the recovery code is on screen, the only way
        # out is Finish: the code is shown this once and must be written down first.
        if self.finish.call.busy or self.finish.outcome is not None:
            return
        super().reject()  # done() stops the preview

    def done(self, result: int) -> None:
        self.camera.stop_preview()
        super().done(result)


def run_first_run(app, location: StoreLocation, config_dir: Path, settings, lang: str) -> bool:
    """Shows the wizard until it is finished (True) or closed (False); keeps the language and
    camera chosen in the workstation's settings."""
    from .app import install_language

    while True:
        wizard = FirstRunWizard(location, config_dir, lang,
                                str(settings.value("camera/source", "usb:0")))
        result = wizard.exec()
        if result != LANGUAGE_CHANGED:
            break
        lang = wizard.language.lang()
        settings.setValue("ui/lang", lang)
        install_language(app, lang)
    if result != QDialog.DialogCode.Accepted.value:
        return False
    settings.setValue("ui/lang", lang)
    settings.setValue("camera/source", wizard.camera_spec())
    return True
