"""The workstation window: camera | form and steps | script and plot, with a status bar.

It shows and forwards only: the workflow, threads and store are the
SessionController's. Every action has a shortcut, shown on its button.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..core.workflow import Step, WorkflowError
from ..pipeline.accounts import NO_ACCOUNTS
from .applicant_form import ApplicantForm
from .score_panel import ScorePanel
from .session_controller import SessionController
from .side_panels import ConsentPanel, DecisionPanel, ScriptPanel
from .video_view import VideoView

log = logging.getLogger(__name__)
REPAINT_MS = 50  # plots and status; frames are shown as they come
STATUS_EVERY = 5  # ticks: the status bar changes four times a second, enough to read


class MainWindow(QMainWindow):
    def __init__(self, controller: SessionController, officer: str | None = None):
        super().__init__()
        self.c = controller
        self.officer = officer
        self.who = NO_ACCOUNTS  # run.py sets the signed-in account
        self.setWindowTitle(self.tr("MARS Desktop - interview analysis"))
        self.video = VideoView()
        self.video.on_resize = controller.set_display_box
        self.video.show_message(self.tr("No camera yet. Choose a camera, an IP camera URL or "
                                         "a video file in the settings."))
        self.form = ApplicantForm()
        self.consent = ConsentPanel()
        self.decision = DecisionPanel()
        self.idle = QLabel(self.tr("Press Ctrl+N to start a new interview session."))
        self.idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle.setWordWrap(True)  # a long sentence must not widen its pane
        self.interview_note = QLabel()
        self.interview_note.setWordWrap(True)
        # A new question's text must not re-lay out the window (and repaint the plots).
        self.interview_note.setSizePolicy(QSizePolicy.Policy.Ignored,
                                          QSizePolicy.Policy.Ignored)
        self.interview_note.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.steps = QStackedWidget()
        scroll = QScrollArea()
        scroll.setWidget(self.form)
        scroll.setWidgetResizable(True)
        self.script_choice = QComboBox()
        self.script_choice.setObjectName("script_choice")
        applicant_page = QWidget()
        ap = QFormLayout(applicant_page)
        ap.addRow(self.tr("Interview script"), self.script_choice)
        ap.addRow(scroll)
        self._pages = {Step.IDLE: self.idle, Step.APPLICANT: applicant_page,
                       Step.CONSENT: self.consent, Step.INTERVIEW: self.interview_note,
                       Step.DECISION: self.decision,
                       Step.FINALISED: self.idle}
        for page in dict.fromkeys(self._pages.values()):
            self.steps.addWidget(page)
        self.script = ScriptPanel()
        self.script.show_script(controller.script, controller.lang)
        self.scores = ScorePanel(controller.config.scoring.threshold_percent)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.script, 2)
        rl.addWidget(self.scores, 5)
        split = QSplitter()
        split.addWidget(self.video)
        split.addWidget(self.steps)
        split.addWidget(right)
        split.setSizes([500, 330, 450])
        for i, stretch in enumerate((3, 2, 3)):  # the picture and the plot matter most
            split.setStretchFactor(i, stretch)
        self.setCentralWidget(split)
        self.status_label = QLabel()
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored,
                                        QSizePolicy.Policy.Preferred)
        self.statusBar().addPermanentWidget(self.status_label, 1)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # busy: an export takes under a second or so
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        self.statusBar().addPermanentWidget(self.progress)
        self._make_actions()
        self._connect()
        self._ticks = 0
        self._timer = QTimer(self)
        self._timer.setInterval(REPAINT_MS)
        self._timer.timeout.connect(self._tick)
        self._timer.start()
        self._show_step(controller.workflow.step)

    # -- actions ------------------------------------------------------------------------------

    def _make_actions(self) -> None:
        bar = QToolBar(self.tr("Interview"))
        bar.setObjectName("interview_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(Qt.ToolBarArea.LeftToolBarArea, bar)  # every label fits, one a row
        self.actions_by_name: dict[str, QAction] = {}
        specs = [
            ("new", self.tr("New session"), "Ctrl+N", self.on_new),
            ("continue", self.tr("Applicant data done"), "Ctrl+Return", self.on_applicant_done),
            ("consent_yes", self.tr("Consent given"), "Ctrl+Y", lambda: self.on_consent(True)),
            ("consent_no", self.tr("Consent refused"), "Ctrl+Shift+Y",
             lambda: self.on_consent(False)),
            ("start", self.tr("Start questions"), "F5", lambda: self.on_move(+1)),
            ("previous", self.tr("Previous question"), "Ctrl+Left", lambda: self.on_move(-1)),
            ("next", self.tr("Next question"), "Ctrl+Right", lambda: self.on_move(+1)),
            ("pause", self.tr("Pause analysis"), "F6", self.on_pause),
            ("stop", self.tr("Stop analysis"), "F7", self.on_stop),
            ("end", self.tr("End interview"), "F8", self.on_end),
            ("finalise", self.tr("Finalise"), "Ctrl+Shift+F", self.on_finalise),
            ("export", self.tr("Export report"), "Ctrl+E", self.on_export),
            ("history", self.tr("History"), "Ctrl+H", self.on_history),
            ("camera", self.tr("Camera"), "Ctrl+K", self.on_camera),
            ("landmarks", self.tr("Landmarks"), "Ctrl+L", self.on_landmarks),
            ("language", self.tr("English / Indonesia"), "Ctrl+Shift+L", self.on_language),
            ("help", self.tr("Help"), "F1", self.on_help),
        ]
        for name, text, keys, slot in specs:
            seq = QKeySequence(keys)
            act = QAction(f"{text} ({seq.toString(QKeySequence.SequenceFormat.NativeText)})",
                          self)
            act.setObjectName(name)
            act.setShortcut(seq)
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            bar.addAction(act)
            self.actions_by_name[name] = act
        self.actions_by_name["landmarks"].setCheckable(True)
        self.actions_by_name["landmarks"].setChecked(True)

    def on_help(self) -> None:
        from .help_dialog import HelpDialog

        self.help = HelpDialog(self.c.lang, self)
        self.help.open()

    def _connect(self) -> None:
        c = self.c
        c.step_changed.connect(self._show_step)
        c.question_changed.connect(self._show_question)
        c.question_closed.connect(lambda i, r: self.scores.set_question(
            i, r["question_id"], r))
        c.window_signal.connect(self._add_signal)
        c.analysed.connect(self._analysed)
        c.camera_changed.connect(self._camera_changed)
        c.frame_ready.connect(self._show_latest_frame)
        c.analysis_ready.connect(self._analysis_ready)
        c.store_failed.connect(lambda msg: self.statusBar().showMessage(
            self.tr("Recording problem: %1. The interview can go on; the session is kept "
                    "up to here.").replace("%1", msg)))

    def _analysis_ready(self, problem: str) -> None:
        if problem:
            self.statusBar().showMessage(self.tr(
                "Face analysis could not start: %1. The interview can be recorded without "
                "scores.").replace("%1", problem))
        else:
            self.statusBar().showMessage(self.tr("Face analysis ready."), 5000)

    def _enabled_for(self, step: Step) -> set[str]:
        w = self.c.workflow
        if step is Step.INTERVIEW:
            names = {"next", "previous", "end"} if w.question_index >= 0 else {"start", "end"}
            if w.analysing or w.analysis_paused:
                names |= {"pause", "stop"}
            return names
        always = {"camera", "landmarks", "language"}
        return always | {Step.IDLE: {"new", "history"}, Step.APPLICANT: {"continue"},
                         Step.CONSENT: {"consent_yes", "consent_no"},
                         Step.DECISION: {"finalise"},
                         Step.FINALISED: {"new", "history", "export"}}[step]

    def _show_step(self, step: Step) -> None:
        self.steps.setCurrentWidget(self._pages[step])
        on = self._enabled_for(step)
        for name, act in self.actions_by_name.items():
            act.setEnabled(name in on)
        if step is Step.APPLICANT:
            self._fill_script_choice()
            self.form.inputs["full_name"].setFocus()
        elif step is Step.INTERVIEW:
            self._interview_note()
        elif step is Step.DECISION:
            self.decision.reset()
            self.decision.decision.setFocus()
        elif step is Step.FINALISED:
            self.idle.setText(self.tr("Session finalised. Press Ctrl+N for the next applicant."))

    def _interview_note(self) -> None:
        w = self.c.workflow
        if not w.consent:
            text = self.tr("The applicant did not consent: the interview goes on without "
                           "analysis, and the record says so.")
        elif w.analysis_stopped:
            text = self.tr("Analysis stopped by the officer.")
        elif w.analysis_paused:
            text = self.tr("Analysis paused (F6 resumes).")
        else:
            text = self.tr("Analysis running. Ask the calm baseline questions first.")
        q = self.c.current_question()
        if q is not None:
            text += "<p><b>" + q.text(self.c.lang) + "</b></p>"
        self.interview_note.setText(text)

    def _show_question(self, index: int) -> None:
        self.script.highlight(index)
        self._show_step(Step.INTERVIEW)

    # -- slots --------------------------------------------------------------------------------

    def on_new(self) -> None:
        self.scores.clear()
        self.form.set_values(dict.fromkeys(self.form.inputs))
        self.c.new_session()

    def _fill_script_choice(self) -> None:
        self.script_choice.clear()
        for name, script in self.c.scripts().items():
            self.script_choice.addItem(script.title(self.c.lang), name)
        self.script_choice.setCurrentIndex(max(0, self.script_choice.findData(
            self.c.script_name)))

    def on_applicant_done(self) -> None:
        if self.form.validate():
            self.statusBar().showMessage(self.tr("Check the marked fields."), 5000)
            return
        chosen = self.script_choice.currentData()
        if chosen and chosen != self.c.script_name:
            self.c.choose_script(chosen)
            self.script.show_script(self.c.script, self.c.lang)
        self.c.applicant_done(self.form.values())

    def on_landmarks(self) -> None:
        self.video.show_landmarks = self.actions_by_name["landmarks"].isChecked()

    def on_language(self) -> None:
        lang = "en" if self.c.lang == "id" else "id"
        self.language_chosen(lang)
        self.statusBar().showMessage(
            self.tr("The language changes at the next start of MARS."), 8000)

    def language_chosen(self, lang: str) -> None:
        """Overridden by the app to remember the choice."""

    def on_consent(self, given: bool) -> None:
        self.scores.expect([q.question_id for q in self.c.script.questions])
        self.c.record_consent(given)

    def on_move(self, delta: int) -> None:
        try:
            self.c.move_question(delta)
        except WorkflowError as exc:
            log.info("ignored: %s", exc)

    def on_pause(self) -> None:
        self.c.set_paused(not self.c.workflow.analysis_paused)
        self._show_step(Step.INTERVIEW)

    def on_stop(self) -> None:
        self.c.stop_analysis()
        self._show_step(Step.INTERVIEW)

    def on_end(self) -> None:
        self.c.end_interview()

    def on_finalise(self) -> None:
        if not self.decision.check():
            return
        code, reason, why = self.decision.values()
        self.c.finalise(code, reason, self.officer, why)

    def on_export(self) -> None:
        """Ask where (the dialog confirms before overwriting), then export off the GUI thread."""
        if self.c.store is None or not self.c.session_id:
            return
        from PySide6.QtWidgets import QFileDialog

        from ..pipeline.report_export import build_report, safe_file_name

        folder = self.c.store.location.database.parent / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        name = safe_file_name(build_report(self.c.store, self.c.session_id))
        self.export_dialog = QFileDialog(self, self.tr("Export report"), str(folder / name),
                                         self.tr("PDF (*.pdf)"))
        self.export_dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        self.export_dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        self.export_dialog.fileSelected.connect(lambda p: self.export_to(p, overwrite=True))
        self.export_dialog.open()

    def export_to(self, path: str, overwrite: bool = False) -> None:
        from .report_job import ReportJob

        self.progress.show()
        self.statusBar().showMessage(self.tr("Exporting the report..."))
        self.report_job = ReportJob(self.c.store, self.c.session_id, path, self.c.lang,
                                    overwrite, self.officer)
        self.report_job.done.connect(self._exported)
        self.report_job.start()

    def _exported(self, ok: bool, detail: str) -> None:
        self.progress.hide()
        text = self.tr("Report saved: %1") if ok else self.tr("Report not saved: %1")
        self.statusBar().showMessage(text.replace("%1", detail), 15000)

    def on_history(self) -> None:
        if self.c.store is None:
            self.statusBar().showMessage(self.tr("The session store is not available."), 5000)
            return
        from .history_dialog import HistoryDialog

        self.history = HistoryDialog(self.c.store, self, self.who)
        self.history.accepted.connect(self._history_closed)
        self.history.open()

    def _history_closed(self) -> None:
        if self.history.resumed:
            self.scores.clear()
            self.c.take_up(self.history.resumed)
            self.form.set_values({**dict.fromkeys(self.form.inputs), **self.c.applicant})

    def on_camera(self) -> None:
        from .camera_dialog import CameraDialog

        self.camera_dialog = CameraDialog(self.c.source_spec, self)
        self.camera_dialog.accepted.connect(self._camera_chosen)
        self.camera_dialog.open()

    def _camera_chosen(self) -> None:
        from ..adapters.sources import SourceError

        spec = self.camera_dialog.spec()
        try:
            self.c.open_camera(spec)
        except SourceError as exc:
            self.video.show_message(str(exc))
            return
        self.camera_chosen(spec)

    def camera_chosen(self, spec: str) -> None:
        """Overridden by the app to remember the choice."""

    def _add_signal(self, t: float, value: float) -> None:
        self.scores.add_signal(t, value)

    def _analysed(self, _t: float, landmarks, faces: int) -> None:
        self.video.set_landmarks(landmarks)
        self.c.status.face = landmarks is not None
        self.c.status.faces = faces

    def _camera_changed(self) -> None:
        s = self.c.status
        if s.camera == "failed":
            self.video.show_message(self.tr("Camera lost: %1. The session is kept; choose "
                                            "another camera or wait for it to come back.")
                                    .replace("%1", s.camera_error))
        elif s.camera == "ended":
            self.video.show_message(self.tr("The video has ended."))

    def _show_latest_frame(self) -> None:
        frame = self.c.take_display_frame()
        if frame is not None:
            self.video.show_frame(frame)

    def _tick(self) -> None:
        self._show_latest_frame()  # in case a signal was merged away
        self.scores.redraw_if_dirty()
        self._ticks += 1
        if self._ticks % STATUS_EVERY == 0:
            self._update_status()

    def _update_status(self) -> None:
        self.c.refresh_camera_state()
        s = self.c.status
        lat = self.video.latencies_ms[-1] if self.video.latencies_ms else 0.0
        face = self.tr("face found") if s.face else self.tr("no face")
        if s.faces > 1:
            face += self.tr(" (others in view)")
        cam = {"live": self.tr("camera %1 fps").replace("%1", f"{s.fps:.0f}"),
               "reconnecting": self.tr("camera lost, reconnecting"),
               "failed": self.tr("camera lost"), "ended": self.tr("video ended"),
               "off": self.tr("no camera")}[s.camera]
        store = {"ok": self.tr("store ok"), "failed": self.tr("store FAILED"),
                 "unavailable": self.tr("store unavailable")}[s.store]
        self._set_status_text(" | ".join([
            cam, face, self.tr("latency %1 ms").replace("%1", f"{lat:.0f}"),
            self.tr("dropped %1").replace("%1", str(s.dropped)), store]))

    def _set_status_text(self, text: str) -> None:
        if text != self.status_label.text():
            self.status_label.setText(text)

    def closeEvent(self, event) -> None:
        self._timer.stop()
        self.c.shutdown()
        super().closeEvent(event)
