"""The officer's whole day in the real window: keyboard only, a video file as the camera."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mars_desktop.adapters.store import queries
from mars_desktop.core.workflow import Step
from mars_desktop.pipeline.model_files import load_script
from mars_desktop.ui.app import make_app
from mars_desktop.ui.main_window import MainWindow
from mars_desktop.ui.session_controller import SessionController
from tests.support.media import feat_file
from tests.support.mjpeg_server import MjpegCamera

GOOD = {"full_name": "Siti Aminah", "nik": "3201014101900001", "birth_place": "Bogor",
        "birth_date": "01-01-1990", "sex": "F", "address": "Jl. Merdeka 1",
        "passport_application_no": "P-77", "application_type": "new", "purpose": "tourism",
        "destination_country": "Malaysia", "intended_stay": "14 hari"}


@pytest.fixture
def window(qtbot, store, model_config):
    make_app("en")
    controller = SessionController(model_config, store, load_script(), "en",
                                   {"officer": "budi"})
    w = MainWindow(controller, officer="budi")
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    c = w.c
    assert c.capture is None and c.worker_thread is None and not c._orphans, \
        "a QThread was left running"


def key(qtbot, w, seq):
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    ks = QKeySequence(seq)[0]
    QTest.keyClick((w.windowHandle() and w) or w, ks.key(), ks.keyboardModifiers())


def test_the_whole_interview_by_keyboard(qtbot, window, store):
    w = window
    w.c.open_camera(str(feat_file("WolfgangLanger_Pexels.mp4")), realtime=True, loop=True)
    qtbot.waitUntil(lambda: w.video.frames_displayed > 5, timeout=10_000)

    key(qtbot, w, "Ctrl+N")
    assert w.c.workflow.step is Step.APPLICANT
    # Empty form: a message next to each required field, and we stay here.
    key(qtbot, w, "Ctrl+Return")
    assert w.c.workflow.step is Step.APPLICANT
    assert w.form.messages["full_name"].isVisible()
    assert "16 digits" not in w.form.messages["nik"].text()  # required first, then format
    # A NIK that does not agree with the date of birth and sex.
    w.form.set_values({**GOOD, "nik": "3201010101900001"})
    key(qtbot, w, "Ctrl+Return")
    assert w.c.workflow.step is Step.APPLICANT
    assert "sex" in w.form.messages["nik"].text()
    assert not w.form.messages["full_name"].isVisible()
    # Tab order follows the paper form.
    w.form.inputs["full_name"].setFocus()
    qtbot.keyClick(w.form.inputs["full_name"], Qt.Key.Key_Tab)
    assert w.focusWidget() is w.form.inputs["nik"]
    w.form.set_values(GOOD)
    key(qtbot, w, "Ctrl+Return")
    assert w.c.workflow.step is Step.CONSENT

    # Consent gates the analysis: no questions, no analysis thread before it.
    assert not w.actions_by_name["next"].isEnabled() and w.c.worker is None
    key(qtbot, w, "Ctrl+Y")
    assert w.c.workflow.step is Step.INTERVIEW and w.c.worker is not None
    assert w.c.workflow.consent is True

    key(qtbot, w, "F5")
    assert w.c.workflow.question_index == 0 and w.script.currentRow() == 0
    n = len(w.c.script.questions)
    for _ in range(n - 1):
        qtbot.wait(3600)
        key(qtbot, w, "Ctrl+Right")
    assert w.c.workflow.question_index == n - 1
    key(qtbot, w, "Ctrl+Left")
    assert w.c.workflow.question_index == n - 2
    key(qtbot, w, "Ctrl+Right")
    qtbot.wait(3600)
    # Scores reach the plot as questions close: a bar per closed question.
    qtbot.waitUntil(lambda: w.scores.scored_count() >= 1, timeout=15_000)
    assert len(w.scores.bars.opts["height"]) >= 3

    key(qtbot, w, "F8")
    assert w.c.workflow.step is Step.DECISION
    qtbot.waitUntil(lambda: w.scores.scored_count() >= n - 3 - 1, timeout=10_000)
    key(qtbot, w, "Ctrl+Shift+F")  # no reason yet
    assert w.c.workflow.step is Step.DECISION
    assert "reason" in w.decision.message.text()
    w.decision.reason.setPlainText("Dokumen lengkap, cerita konsisten.")
    key(qtbot, w, "Ctrl+Shift+F")
    assert w.c.workflow.step is Step.FINALISED

    with store.reader() as conn:
        rows = queries.list_sessions(conn)
        row = queries.session_row(conn, rows[0]["id"])
        qs = queries.question_rows(conn, rows[0]["id"])
    assert len(rows) == 1 and rows[0]["state"] == "finalised"
    assert row["consent"] is True and row["decision"]["reason"].startswith("Dokumen")
    assert row["applicant"]["nik"] == GOOD["nik"]
    assert [q["question_id"] for q in qs][:3] == ["b1", "b2", "b3"]
    assert any(q["result"] and q["result"]["status"] == "scored" for q in qs)


def test_without_consent_there_is_no_analysis(qtbot, window, store):
    w = window
    w.c.open_camera(str(feat_file("WolfgangLanger_Pexels.mp4")), realtime=True, loop=True)
    key(qtbot, w, "Ctrl+N")
    w.form.set_values(GOOD)
    key(qtbot, w, "Ctrl+Return")
    key(qtbot, w, "Ctrl+Shift+Y")
    assert w.c.workflow.step is Step.INTERVIEW and w.c.worker is None
    assert "did not consent" in w.interview_note.text()
    key(qtbot, w, "F5")
    key(qtbot, w, "F8")
    w.decision.reason.setPlainText("Wawancara tanpa analisis.")
    key(qtbot, w, "Ctrl+Shift+F")
    with store.reader() as conn:
        rows = queries.list_sessions(conn)
        assert queries.session_row(conn, rows[0]["id"])["consent"] is False
        assert conn.execute("SELECT count(*) FROM windows").fetchone()[0] == 0


def test_a_camera_that_disappears_mid_session(qtbot, window, store):
    w = window
    with MjpegCamera(feat_file("WolfgangLanger_Pexels.mp4")) as cam:
        w.c.open_camera(cam.url, stall_s=1.0, backoff_initial_s=0.2, backoff_max_s=1.0)
        qtbot.waitUntil(lambda: w.video.frames_displayed > 5, timeout=10_000)
        key(qtbot, w, "Ctrl+N")
        w.form.set_values(GOOD)
        key(qtbot, w, "Ctrl+Return")
        key(qtbot, w, "Ctrl+Y")
        key(qtbot, w, "F5")
        qtbot.wait(2500)
    # Leaving the block switches the camera off: every connection drops, none is accepted.
    qtbot.waitUntil(lambda: "camera lost" in w.status_label.text(), timeout=10_000)
    key(qtbot, w, "Ctrl+Right")  # the interview goes on
    assert w.c.workflow.step is Step.INTERVIEW
    key(qtbot, w, "F8")
    w.decision.reason.setPlainText("Kamera mati; keputusan dari dokumen.")
    key(qtbot, w, "Ctrl+Shift+F")
    with store.reader() as conn:
        rows = queries.list_sessions(conn)
    assert rows[0]["state"] == "finalised" and rows[0]["recorded_until_s"] > 0


def test_no_camera_at_start_says_so(qtbot, window):
    w = window
    assert "No camera" in w.video.message
    qtbot.waitUntil(lambda: "no camera" in w.status_label.text(), timeout=2000)
