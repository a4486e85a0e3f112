"""Starting the Qt application: language, Qt's messages into our log, crash dialog."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import traceback
from pathlib import Path

import platformdirs
from PySide6.QtCore import QLocale, QtMsgType, QTranslator, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from ..config import APP_AUTHOR, APP_NAME
from ..pipeline.model_files import resources_dir

log = logging.getLogger("mars.ui")
_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


def _qt_message(mode, _context, message) -> None:
    logging.getLogger("qt").log(_QT_LEVELS.get(mode, logging.INFO), "%s", message)


def translation_file(lang: str) -> Path | None:
    """The compiled .qm for lang, building it from the .ts source if needed."""
    ts = resources_dir() / "i18n" / f"mars_{lang}.ts"
    if not ts.exists():
        return None
    qm = ts.with_suffix(".qm")
    if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
        return qm
    cache = Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)) / "i18n"
    cached = cache / qm.name
    if cached.exists() and cached.stat().st_mtime >= ts.stat().st_mtime:
        return cached
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent /
                                                        "pyside6-lrelease")
    cache.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run([lrelease, str(ts), "-qm", str(cached)], check=True,
                       capture_output=True, timeout=60)
    except (OSError, subprocess.SubprocessError):
        log.warning("cannot build %s; showing English", qm.name)
        return None
    return cached


def make_app(lang: str, font_scale: float = 1.0) -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    # The analysis thread runs Python between MediaPipe calls (features, the baseline map);
    # a shorter switch interval hands the interpreter back to the window sooner.
    sys.setswitchinterval(0.0005)
    qInstallMessageHandler(_qt_message)
    app.setApplicationName("MARS Desktop")
    app.setOrganizationName(APP_AUTHOR)
    if font_scale != 1.0:
        f = app.font()
        f.setPointSizeF(f.pointSizeF() * font_scale)
        app.setFont(f)
    install_language(app, lang)
    return app


def install_language(app: QApplication, lang: str) -> None:
    """Show windows made from now on in lang (Indonesian or English)."""
    old = app.findChild(QTranslator, "mars_translator")
    if old is not None:
        app.removeTranslator(old)
        old.deleteLater()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    if lang == "en":
        return
    qm = translation_file(lang)
    translator = QTranslator(app)
    translator.setObjectName("mars_translator")
    if qm is not None and translator.load(str(qm)):
        app.installTranslator(translator)
        QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    else:
        log.warning("no %s translation; showing English", lang)


def install_crash_dialog(parent_getter) -> None:
    """An unexpected exception is logged and shown; the window and session stay."""

    def hook(kind, value, tb) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(kind, value, tb)))
        if QApplication.instance() is None:
            return
        box = QMessageBox(parent_getter())
        box.setObjectName("crash_dialog")
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QApplication.translate("crash", "Unexpected problem"))
        box.setText(QApplication.translate(
            "crash", "Something went wrong: %1\n\nThe interview session is kept. Details are "
                     "in the log file.").replace("%1", str(value)))
        box.open()

    sys.excepthook = hook
