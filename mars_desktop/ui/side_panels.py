"""The consent step, the script list and the decision step: small panels, no logic."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..adapters.store import DECISIONS
from ..core.interview_script import InterviewScript


class ConsentPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.notice = QLabel(self.tr(
            "<h3>Notice to the applicant</h3>"
            "<p>During this interview a camera records your face. A computer program measures "
            "how your facial expression changes compared with your own calm answers at the "
            "start. This is advice for the officer only: it is not a lie detector and it does "
            "not decide your application. The officer decides.</p>"
            "<p>No video is kept. The measurements are stored encrypted with your interview "
            "and sent to the Directorate General of Immigration.</p>"
            "<p>You may refuse. The interview then continues without the measurement.</p>"
            "<p><b>Does the applicant agree?</b> Yes: Ctrl+Y. No: Ctrl+Shift+Y.</p>"))
        self.notice.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.notice)
        lay.addStretch(1)


class ScriptPanel(QListWidget):
    def show_script(self, script: InterviewScript, lang: str) -> None:
        self.clear()
        for q in script.questions:
            tag = self.tr("[baseline]") if q.baseline else ""
            self.addItem(f"{q.question_id}  {tag} {q.text(lang)}".replace("  ", " ", 1))

    def highlight(self, index: int) -> None:
        self.setCurrentRow(index)
        item = self.item(index)
        if item is not None:
            self.scrollToItem(item)


class DecisionPanel(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.decision = QComboBox()
        self.decision.setObjectName("decision")
        names = {"proceed": self.tr("Proceed with the application"),
                 "defer": self.tr("Defer (more documents needed)"),
                 "refer": self.tr("Refer to a second interview")}
        for code in DECISIONS:
            self.decision.addItem(names[code], code)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.disregard = QCheckBox(self.tr("I set the stress score aside"))
        self.disregard.setObjectName("disregard")
        self.disregard_reason = QPlainTextEdit()
        self.disregard_reason.setObjectName("disregard_reason")
        self.disregard_reason.setTabChangesFocus(True)
        self.disregard_reason.setEnabled(False)
        self.disregard.toggled.connect(self.disregard_reason.setEnabled)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("<b>The officer's decision</b> (the score is advice only)")))
        form.addRow(self.tr("Decision"), self.decision)
        form.addRow(self.tr("Written reason (required)"), self.reason)
        form.addRow(self.disregard)
        form.addRow(self.tr("Why the score was set aside"), self.disregard_reason)
        form.addRow(self.message)

    def values(self) -> tuple[str, str, str | None]:
        why = self.disregard_reason.toPlainText() if self.disregard.isChecked() else None
        return self.decision.currentData(), self.reason.toPlainText(), why

    def check(self) -> bool:
        _code, reason, why = self.values()
        if not reason.strip():
            self.message.setText(self.tr("Write the reason for the decision."))
            self.reason.setFocus()
            return False
        if why is not None and not why.strip():
            self.message.setText(self.tr("Write why the score was set aside."))
            self.disregard_reason.setFocus()
            return False
        self.message.setText("")
        return True

    def reset(self) -> None:
        self.reason.clear()
        self.disregard.setChecked(False)
        self.disregard_reason.clear()
        self.message.clear()
