"""The first-run wizard on a real window (offscreen): keyboard answers, a live camera
preview from a real video, the real keyring and encrypted store it creates."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWizard

from mars_desktop.adapters.keyring import Keyring
from mars_desktop.adapters.store import StoreLocation, queries
from mars_desktop.adapters.sync_client import load_credential
from mars_desktop.pipeline import accounts as acc
from mars_desktop.pipeline.first_run import needs_first_run
from mars_desktop.ui.first_run_wizard import LANGUAGE_CHANGED, FirstRunWizard
from tests.support.media import feat_file

PW = "kata-sandi-admin-1"


@pytest.fixture
def place(tmp_path):
    return StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c"), tmp_path / "c"


def type_into(wizard: FirstRunWizard, name: str, text: str) -> None:
    edit = wizard.currentPage().findChild(QLineEdit, name)
    edit.setFocus()
    edit.clear()
    QTest.keyClicks(edit, text)


def press_next(wizard: FirstRunWizard) -> None:
    # Alt+N is the wizard's own Next shortcut in the classic style; Enter works too.
    QTest.keyClick(wizard, Qt.Key.Key_Return)


def walk_to_admin(qtbot, wizard: FirstRunWizard, video: str, server: str = "",
                  code: str = "", ca: str = "") -> None:
    assert wizard.currentPage() is wizard.language
    press_next(wizard)
    assert wizard.currentPage() is wizard.office
    type_into(wizard, "office_code", " kanim-soetta ")
    type_into(wizard, "office_name", "Kantor Imigrasi  Soekarno-Hatta")
    press_next(wizard)
    assert wizard.currentPage() is wizard.camera
    chooser = wizard.camera.chooser
    chooser.file.setChecked(True)
    chooser.path.setText(video)
    wizard.camera.start_preview()
    qtbot.waitUntil(lambda: wizard.camera.preview.frames_displayed >= 5, timeout=15_000)
    press_next(wizard)
    assert wizard.currentPage() is wizard.server and wizard.camera.capture is None
    type_into(wizard, "server_url", server)
    type_into(wizard, "enrolment_code", code)
    wizard.server.ca_bundle.setText(ca)
    press_next(wizard)
    assert wizard.currentPage() is wizard.admin, wizard.server.problem.text()
    type_into(wizard, "admin_username", "kepala")
    type_into(wizard, "admin_full_name", "Kepala Kantor")
    type_into(wizard, "admin_password", PW)
    type_into(wizard, "admin_password_again", PW)


def finish(qtbot, wizard: FirstRunWizard) -> str:
    press_next(wizard)  # the commit button: "Set up"
    assert wizard.currentPage() is wizard.finish
    qtbot.waitUntil(lambda: wizard.finish.outcome is not None, timeout=30_000)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    QTest.keyClick(wizard, Qt.Key.Key_Escape)  # the code is on screen: no way out but Finish
    assert wizard.isVisible() and wizard.currentPage() is wizard.finish
    assert not wizard.button(QWizard.WizardButton.CancelButton).isEnabled()
    wizard.finish.written.setChecked(True)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    return wizard.finish.code.text()


def test_an_offline_post_is_set_up_from_the_keyboard(qtbot, place):
    location, config_dir = place
    assert needs_first_run(location)
    wizard = FirstRunWizard(location, config_dir, "id", None)
    qtbot.addWidget(wizard)
    wizard.show()
    walk_to_admin(qtbot, wizard, str(feat_file("single_face.mp4")))
    shown = wizard.camera.preview.first_frame_epoch
    assert shown is not None
    code = finish(qtbot, wizard)
    assert "No server" in wizard.finish.status.text()
    with qtbot.waitSignal(wizard.accepted, timeout=5_000):
        wizard.accept()

    assert not needs_first_run(location)
    assert Keyring.in_dir(config_dir).exists() and not location.key_file.exists()
    store, who = acc.sign_in(location, "kepala", PW)
    with store, store.reader() as conn:
        assert who.role == "admin"
        assert store.setting("office_code") == "KANIM-SOETTA"
        assert store.setting("office_name") == "Kantor Imigrasi Soekarno-Hatta"
        assert store.setting("server_url") == ""
        kinds = [e["action"] for e in queries.audit_events(conn)]
    assert "accounts_enabled" in kinds and kinds.count("setting_change") == 3
    assert load_credential(config_dir) is None
    assert wizard.camera_spec() == str(feat_file("single_face.mp4"))
    # The code shown once really opens the store.
    acc.recover(location, code, "kepala", "kata-sandi-baru-99")
    acc.sign_in(location, "kepala", "kata-sandi-baru-99")[0].close()


def test_wrong_answers_keep_the_page_and_say_why(qtbot, place):
    location, config_dir = place
    wizard = FirstRunWizard(location, config_dir, "en", None)
    qtbot.addWidget(wizard)
    wizard.show()
    press_next(wizard)
    type_into(wizard, "office_code", "kanim soetta")
    type_into(wizard, "office_name", "Soetta")
    press_next(wizard)
    assert wizard.currentPage() is wizard.office
    assert "office code" in wizard.office.problem.text()
    type_into(wizard, "office_code", "KANIM-1")
    wizard.office.name.setText("Soetta\x07")  # pasted: a key click cannot type it
    press_next(wizard)
    assert wizard.currentPage() is wizard.office, "a control character went through"
    type_into(wizard, "office_name", "Soetta")
    press_next(wizard)
    assert wizard.currentPage() is wizard.camera
    wizard.camera.chooser.ip.setChecked(True)
    wizard.camera.chooser.url.setText("ftp://camera")
    wizard.camera.start_preview()
    preview = wizard.camera.preview
    qtbot.waitUntil(lambda: preview.message not in ("", "Opening the camera..."), timeout=10_000)
    assert preview.frames_displayed == 0, preview.message
    press_next(wizard)
    for url, code, needle in (("http://mars.example", "", "https"),
                              ("", "ABCDE", "URL")):
        type_into(wizard, "server_url", url)
        type_into(wizard, "enrolment_code", code)
        press_next(wizard)
        assert wizard.currentPage() is wizard.server
        assert needle in wizard.server.problem.text()
    type_into(wizard, "server_url", "")
    type_into(wizard, "enrolment_code", "")
    press_next(wizard)
    for user, pw, again, needle in (("Kepala Kantor", PW, PW, "user name"),
                                    ("kepala", "pendek", "pendek", "10 characters"),
                                    ("kepala", PW, PW + "x", "differ")):
        type_into(wizard, "admin_username", user)
        type_into(wizard, "admin_full_name", "Kepala")
        type_into(wizard, "admin_password", pw)
        type_into(wizard, "admin_password_again", again)
        press_next(wizard)
        assert wizard.currentPage() is wizard.admin
        assert needle in wizard.admin.problem.text()
    wizard.reject()
    assert needs_first_run(location), "nothing may be written before the last page"


def test_choosing_the_other_language_shows_the_wizard_again(qtbot, place):
    wizard = FirstRunWizard(*place, "id", None)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.language.english.setChecked(True)
    press_next(wizard)
    assert wizard.result() == LANGUAGE_CHANGED and wizard.language.lang() == "en"


def test_an_unreachable_server_leaves_registration_for_later(qtbot, place, tmp_path):
    location, config_dir = place
    wizard = FirstRunWizard(location, config_dir, "en", None)
    qtbot.addWidget(wizard)
    wizard.show()
    walk_to_admin(qtbot, wizard, str(feat_file("single_face.mp4")),
                  server="https://127.0.0.1:9", code="ABCDE-FGHJK-MNPQR")
    finish(qtbot, wizard)
    assert "Not registered" in wizard.finish.status.text()
    assert "127.0.0.1:9" in wizard.finish.status.text()
    wizard.accept()
    store, _who = acc.sign_in(location, "kepala", PW)
    with store:
        assert store.setting("server_url") == "https://127.0.0.1:9"
    assert load_credential(config_dir) is None


def test_the_wizard_keeps_language_and_camera(qtbot, place, tmp_path, monkeypatch):
    from mars_desktop.ui import first_run_wizard as frw

    location, config_dir = place
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    video = str(feat_file("single_face.mp4"))

    class Scripted(FirstRunWizard):
        def exec(self) -> int:
            self.show()
            walk_to_admin(qtbot, self, video)
            finish(qtbot, self)
            self.accept()
            return self.result()

    monkeypatch.setattr(frw, "FirstRunWizard", Scripted)  # the admin's answers, scripted
    assert frw.run_first_run(QApplication.instance(), location, config_dir, settings, "id")
    assert settings.value("camera/source") == video and settings.value("ui/lang") == "id"


def test_a_new_pc_goes_from_the_wizard_to_the_signed_in_window(qtbot):
    """`mars gui` on a PC never used: the wizard, then the sign-in with the new account, then
    the window for that office with the camera chosen in the wizard."""
    from PySide6.QtCore import QTimer

    from mars_desktop.ui.main_window import MainWindow
    from mars_desktop.ui.run import run_gui
    from mars_desktop.ui.sign_in import PasswordDialog

    video = str(feat_file("single_face.mp4"))
    seen: list[str] = []
    busy = []

    def drive() -> None:
        if busy:
            return  # a step is still waiting inside its own event loop
        busy.append(1)
        try:
            modal = QApplication.activeModalWidget()
            if isinstance(modal, FirstRunWizard) and "wizard" not in seen:
                seen.append("wizard")
                walk_to_admin(qtbot, modal, video)
                finish(qtbot, modal)
                modal.accept()
            elif isinstance(modal, PasswordDialog) and "sign-in" not in seen:
                seen.append("sign-in")
                modal.user.setText("kepala")
                modal.password.setText(PW)
                modal._submit()
            else:
                windows = [w for w in QApplication.topLevelWidgets()
                           if isinstance(w, MainWindow) and w.isVisible()]
                if windows and windows[0].video.frames_displayed > 3:
                    w = windows[0]
                    seen.append(f"{w.windowTitle()}|{w.c.info['office']}|{w.c.source_spec}|"
                                f"{w.who.username}")
                    w.close()
        finally:
            busy.clear()

    timer = QTimer()
    timer.timeout.connect(drive)
    timer.start(100)
    code = run_gui(source=None, lang="en", font_scale=1.0, selftest=None, out=None,
                   screenshot=None, officer=None)
    timer.stop()
    assert code == 0 and seen[:2] == ["wizard", "sign-in"], seen
    assert seen[2] == (f"MARS Desktop - interview analysis - Kantor Imigrasi Soekarno-Hatta|"
                       f"KANIM-SOETTA|{video}|kepala")
