"""History, camera settings, pause/stop, and what happens on an unexpected error."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QApplication

from mars_desktop.adapters.store import queries
from mars_desktop.core.workflow import Step
from mars_desktop.pipeline.model_files import load_script
from mars_desktop.ui.app import install_crash_dialog, make_app
from mars_desktop.ui.main_window import MainWindow
from mars_desktop.ui.session_controller import SessionController
from tests.store.helpers import recorded_session
from tests.support.media import feat_file
from tests.support.mjpeg_server import MjpegCamera
from tests.ui.test_workflow import GOOD, key


@pytest.fixture
def window(qtbot, store, model_config):
    make_app("en")
    w = MainWindow(SessionController(model_config, store, load_script(), "en", {}), "budi")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    assert w.c.capture is None and w.c.worker_thread is None


def test_history_search_open_and_resume(qtbot, window, store, model_config):
    siti = recorded_session(store, model_config, applicant={"full_name": "Siti Aminah",
                                                            "nik": "3201014101900001"})
    recorded_session(store, model_config, applicant={"full_name": "Budi"}, seed=2)
    store.writer.call(lambda c: c.execute(
        "UPDATE sessions SET state = 'interrupted' WHERE id = ?", (siti,)))
    w = window
    key(qtbot, w, "Ctrl+H")
    h = w.history
    assert h.table.rowCount() == 2
    assert "0001" in h.table.item(0, 2).text() + h.table.item(1, 2).text()
    assert "3201014101" not in h.table.item(0, 2).text() + h.table.item(1, 2).text()
    h.search.setText("aminah")
    assert h.table.rowCount() == 1 and h.table.item(0, 1).text() == "Siti Aminah"
    h.open_selected()
    assert h.viewer is not None and h.viewer.scores.scored_count() == 1
    h.viewer.close()
    w.c.open_camera(str(feat_file("WolfgangLanger_Pexels.mp4")))
    h.resume_selected()
    # The interview goes on from the question it had reached (q1), with its baseline.
    assert w.c.workflow.step is Step.INTERVIEW and w.c.session_id == siti
    assert w.c.current_question().question_id == "q1"
    assert w.form.values()["full_name"] == "Siti Aminah"
    qtbot.waitUntil(lambda: w.scores.scored_count() >= 1, timeout=10_000)  # q1's bar is back
    w.activateWindow()  # back from the history dialog and the viewer
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=5000)
    key(qtbot, w, "Ctrl+Right")
    assert w.c.current_question().question_id == "q2"
    qtbot.wait(3000)
    key(qtbot, w, "F8")
    assert w.c.workflow.step is Step.DECISION
    w.decision.reason.setPlainText("Dilanjutkan setelah listrik padam.")
    key(qtbot, w, "Ctrl+Shift+F")
    with store.reader() as conn:
        row = queries.session_row(conn, siti)
        qs = queries.question_rows(conn, siti)
        windows = queries.windows_of(conn, siti)
    assert row["state"] == "finalised"
    assert [q["question_id"] for q in qs] == ["b1", "q1", "q2"]
    assert len(windows[0]) == 10 and len(windows[1]) == 6  # nothing written twice
    assert windows[2] and windows[2][0].start_s > qs[1]["end_s"]  # the clock went on
    assert all(q["result"] is not None for q in qs)


def test_camera_dialog_tests_a_source_without_freezing(qtbot, window):
    w = window
    key(qtbot, w, "Ctrl+K")
    d = w.camera_dialog.chooser
    with MjpegCamera(feat_file("single_face.mp4")) as cam:
        d.ip.setChecked(True)
        d.url.setText(cam.url)
        d.test()
        assert not d.test_button.isEnabled()
        qtbot.waitUntil(lambda: d.test_button.isEnabled(), timeout=10_000)
        assert d.result.text().startswith("Works:")
        w.camera_dialog.accept()
        qtbot.waitUntil(lambda: w.video.frames_displayed > 3, timeout=10_000)
        assert w.c.source_spec == cam.url
    key(qtbot, w, "Ctrl+K")
    d = w.camera_dialog.chooser
    d.ip.setChecked(True)
    d.url.setText("rtsp://127.0.0.1:9/nothing")
    d.test()
    qtbot.waitUntil(lambda: d.test_button.isEnabled(), timeout=10_000)
    assert d.result.text().startswith("Does not work:") and "refused" in d.result.text()
    w.camera_dialog.reject()


def test_pause_resume_and_stop_analysis(qtbot, window):
    w = window
    w.c.open_camera(str(feat_file("WolfgangLanger_Pexels.mp4")))
    key(qtbot, w, "Ctrl+N")
    w.form.set_values(GOOD)
    key(qtbot, w, "Ctrl+Return")
    key(qtbot, w, "Ctrl+Y")
    key(qtbot, w, "F5")
    qtbot.waitUntil(lambda: w.c.worker.session is not None
                    and w.c.worker.session.frames > 5, timeout=10_000)
    key(qtbot, w, "F6")
    assert "paused" in w.interview_note.text()
    qtbot.wait(300)
    frozen = w.c.worker.session.frames
    qtbot.wait(700)
    assert w.c.worker.session.frames == frozen  # nothing analysed while paused
    key(qtbot, w, "F6")
    qtbot.waitUntil(lambda: w.c.worker.session.frames > frozen, timeout=5000)
    key(qtbot, w, "F7")
    assert w.c.worker is None and "stopped" in w.interview_note.text()
    key(qtbot, w, "Ctrl+Right")  # the interview itself goes on
    assert w.c.workflow.question_index == 1


def test_an_unexpected_error_is_logged_and_shown_and_the_session_kept(qtbot, window,
                                                                       message_boxes, caplog):
    w = window
    install_crash_dialog(lambda: w)
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    assert message_boxes == ["Something went wrong: boom in a slot\n\nThe interview session "
                             "is kept. Details are in the log file."]
    message_boxes.clear()
    assert "boom in a slot" in caplog.text
    assert w.isVisible()
    sys.excepthook = sys.__excepthook__


def test_qt_messages_go_to_the_log(qtbot, caplog):
    from PySide6.QtCore import qWarning

    make_app("en")
    qWarning("a warning from Qt itself")
    QApplication.processEvents()
    assert "a warning from Qt itself" in caplog.text


CUSTOM = """id = "visa_check"
title_id = "Pemeriksaan visa"
title_en = "Visa check"
[[questions]]
id = "c1"
baseline = true
text_id = "Nama?"
text_en = "Name?"
[[questions]]
id = "c2"
baseline = true
text_id = "Alamat?"
text_en = "Address?"
[[questions]]
id = "c9"
baseline = false
text_id = "Siapa yang membayar?"
text_en = "Who pays?"
"""


def test_an_admin_added_script_is_chosen_per_session(qtbot, store, model_config, tmp_path):
    from mars_desktop.pipeline.model_files import available_scripts

    extra = tmp_path / "scripts"
    extra.mkdir()
    (extra / "visa_check.toml").write_text(CUSTOM, encoding="utf-8")
    (extra / "broken.toml").write_text("not [ toml", encoding="utf-8")
    make_app("en")
    c = SessionController(model_config, store, load_script(), "en", {},
                          available_scripts(extra))
    w = MainWindow(c, "budi")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.on_new()  # keys are tested in test_workflow; here the script choice is
    titles = [w.script_choice.itemText(i) for i in range(w.script_choice.count())]
    assert "Visa check" in titles and "Migrant worker screening interview" in titles
    assert len(titles) == 2  # the broken file is skipped (and logged)
    w.script_choice.setCurrentIndex(titles.index("Visa check"))
    w.form.set_values(GOOD)
    w.on_applicant_done()
    assert [w.script.item(i).text().split()[0] for i in range(w.script.count())] == \
        ["c1", "c2", "c9"]
    w.on_consent(False)
    w.on_move(+1)
    w.on_move(+1)
    assert c.current_question().question_id == "c2"
    w.close()


def test_landmarks_toggle_language_switch_and_larger_font(qtbot, window):
    w = window
    key(qtbot, w, "Ctrl+L")
    assert w.video.show_landmarks is False
    key(qtbot, w, "Ctrl+L")
    assert w.video.show_landmarks is True
    chosen = []
    w.language_chosen = chosen.append
    key(qtbot, w, "Ctrl+Shift+L")
    assert chosen == ["id"] and "next start" in w.statusBar().currentMessage()
    app = QApplication.instance()
    before = app.font().pointSizeF()
    make_app("en", font_scale=1.25)
    try:
        assert app.font().pointSizeF() == pytest.approx(before * 1.25)
    finally:
        f = app.font()
        f.setPointSizeF(before)
        app.setFont(f)


def test_export_after_finalising_without_freezing(qtbot, window, store, model_config,
                                                  tmp_path):
    from mars_desktop.pipeline.report_export import verify_report

    w = window
    w.c.open_camera(str(feat_file("WolfgangLanger_Pexels.mp4")))
    key(qtbot, w, "Ctrl+N")
    w.form.set_values(GOOD)
    key(qtbot, w, "Ctrl+Return")
    key(qtbot, w, "Ctrl+Shift+Y")
    key(qtbot, w, "F5")
    key(qtbot, w, "F8")
    assert not w.actions_by_name["export"].isEnabled()  # only a finalised session
    w.decision.reason.setPlainText("Dokumen lengkap.")
    key(qtbot, w, "Ctrl+Shift+F")
    assert w.actions_by_name["export"].isEnabled()
    key(qtbot, w, "Ctrl+E")
    default = w.export_dialog.selectedFiles()[0]
    assert default.endswith(".pdf") and "Siti_Aminah" in default
    w.export_dialog.reject()
    target = tmp_path / "laporan.pdf"
    w.export_to(str(target))
    assert w.progress.isVisible()
    qtbot.waitUntil(lambda: "Report saved" in w.statusBar().currentMessage(), timeout=15_000)
    assert not w.progress.isVisible()
    assert verify_report(store, target)[0]
    w.export_to(str(target))  # exists and not confirmed: refused, never overwritten
    qtbot.waitUntil(lambda: "not saved" in w.statusBar().currentMessage(), timeout=15_000)
