"""Indonesian is complete: every string the window shows has a finished translation."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from mars_desktop.ui.app import translation_file

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "mars_id.ts"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.find("name").text
        for m in ctx.iter("message"):
            out[(name, m.find("source").text)] = m.find("translation")
    return out


def test_every_ui_string_has_a_finished_indonesian_translation(tmp_path):
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (ROOT / "mars_desktop" / "ui").glob("*.py"))
    subprocess.run([str(lupdate), *sources, "-ts", str(fresh)], check=True,
                   capture_output=True, timeout=120)
    wanted = _messages(fresh)
    have = _messages(TS)
    assert len(wanted) > 80
    missing = [src for key, _ in wanted.items() if key not in have for src in [key[1]]]
    assert not missing, f"strings without an Indonesian translation: {missing[:5]}"
    for (ctx, src), tr in have.items():
        if (ctx, src) not in wanted:
            continue
        assert tr is not None and tr.text and tr.get("type") not in ("unfinished", "vanished"), src
        assert re.findall(r"%\d", src) == re.findall(r"%\d", tr.text), src


def test_the_window_speaks_indonesian_by_default(qtbot, model_config, tmp_path):
    from mars_desktop.pipeline.model_files import load_script
    from mars_desktop.ui.app import make_app
    from mars_desktop.ui.main_window import MainWindow
    from mars_desktop.ui.session_controller import SessionController

    assert translation_file("id") is not None
    app = make_app("id")
    try:
        w = MainWindow(SessionController(model_config, None, load_script(), "id", {}))
        qtbot.addWidget(w)
        assert w.actions_by_name["new"].text().startswith("Sesi baru")
        assert "Tekan Ctrl+N" in w.idle.text()
        assert w.form.labels["birth_date"] == "Tanggal lahir"
        w.close()
    finally:
        for tr in app.findChildren(__import__("PySide6.QtCore", fromlist=["QTranslator"])
                                   .QTranslator):
            app.removeTranslator(tr)
