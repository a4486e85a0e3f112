"""`mars gui`: open the store, start the camera, show the window."""

from __future__ import annotations

import logging
import platform
import tempfile
from pathlib import Path

from ..adapters.sources import SourceError
from ..adapters.store import Store, StoreError, StoreLocation
from ..config import app_paths
from ..pipeline.model_files import available_scripts, load_model_config, load_script

log = logging.getLogger("mars.ui")


def run_gui(*, source: str | None, lang: str | None, font_scale: float,
            selftest: float | None, out: Path | None, screenshot: Path | None,
            officer: str | None) -> int:
    """lang None: the language chosen in the window before (Indonesian at first)."""
    from PySide6.QtCore import QSettings, QTimer

    from ..adapters.keyring import Keyring
    from ..pipeline.accounts import NO_ACCOUNTS
    from ..pipeline.first_run import needs_first_run
    from .app import install_crash_dialog, make_app
    from .main_window import MainWindow
    from .selftest import SelfTest
    from .session_controller import SessionController
    from .sign_in import IdleLock, add_password_action, sign_in_dialog
    from .sync_status import SyncStatusLabel, credential_or_problem

    paths = app_paths()
    settings = QSettings(str(paths.config_dir / "workstation.ini"), QSettings.Format.IniFormat)
    lang = lang or str(settings.value("ui/lang", "id"))
    app = make_app(lang, font_scale)
    config = load_model_config()
    script = load_script()
    script_files = available_scripts(paths.data_dir / "scripts")
    tmp = tempfile.TemporaryDirectory(prefix="mars-selftest-") if selftest else None
    location = (StoreLocation.in_dirs(Path(tmp.name), Path(tmp.name)) if tmp
                else StoreLocation.in_dirs(paths.data_dir, paths.config_dir))
    store, store_problem, who = None, "", NO_ACCOUNTS
    if not tmp and needs_first_run(location):
        from .first_run_wizard import run_first_run

        if not run_first_run(app, location, paths.config_dir, settings, lang):
            return 0  # closed before the end: nothing was set up, it shows again next time
        lang = str(settings.value("ui/lang", lang))
    keyring = Keyring.in_dir(location.key_file.parent)
    if keyring.exists():  # accounts are on: nothing opens without a sign-in
        signed = sign_in_dialog(location)
        if signed is None:
            return 0
        store, who = signed
        officer = who.username
    else:
        try:
            store = Store.open(location)
        except StoreError as exc:  # the window still opens and says so; nothing is recorded
            store_problem = str(exc)
            log.error("store: %s", exc)
    # The self-test's throw-away sessions never go to the directorate.
    credential, sync_problem = (None, "") if tmp else credential_or_problem(paths.config_dir)
    office_code = office_name = ""
    if store is not None:
        office_code, office_name = store.setting("office_code"), store.setting("office_name")
    # A registration names the office as the directorate knows it; it wins.
    office = credential.office if credential else office_code or None
    controller = SessionController(config, store, script, lang,
                                   {"officer": officer, "workstation": platform.node() or None,
                                    "office": office}, script_files)
    window = MainWindow(controller, officer)
    if office_name:
        window.setWindowTitle(f"{window.windowTitle()} - {office_name}")
    window.who = who
    idle_lock = None
    if who.accounts and store is not None:
        idle_lock = IdleLock(window, keyring, who.username,
                             float(store.setting("idle_lock_minutes")), store.record_event)
        add_password_action(window, store, who)
    sync_label = SyncStatusLabel(store, credential, sync_problem, window)
    window.statusBar().addPermanentWidget(sync_label)
    controller.step_changed.connect(lambda _step: sync_label.wake())  # a decision was filed
    window.camera_chosen = lambda spec: settings.setValue("camera/source", spec)
    window.language_chosen = lambda chosen: settings.setValue("ui/lang", chosen)
    install_crash_dialog(lambda: window)
    if store_problem:
        window.statusBar().showMessage(store_problem)
    spec = source or settings.value("camera/source", "0")
    try:
        controller.open_camera(str(spec))
        if source:
            settings.setValue("camera/source", source)
    except SourceError as exc:
        window.video.show_message(str(exc))
    window.resize(1400, 820)
    window.show()
    # MediaPipe is imported and warmed once the camera is on screen (or after 1.5 s without
    # a picture): the officer sees the applicant at once and types while it loads.
    window.video.on_first_frame = controller.prepare_analysis
    QTimer.singleShot(1500, controller.prepare_analysis)
    runner = None
    if selftest:
        runner = SelfTest(window, selftest, out, screenshot)
        runner.start()
    code = app.exec()
    if idle_lock is not None:
        idle_lock.stop()
    sync_label.stop()
    controller.shutdown()
    if store is not None:
        store.close()
    if tmp is not None:
        tmp.cleanup()
    return runner.exit_code if runner else code
