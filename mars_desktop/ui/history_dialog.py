"""Session history: search by name, NIK or date; open one read-only; take up an interrupted one.

Reads run on the store's reader connections, so the writer never blocks the list.
NIKs are shown masked except the last four digits.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from ..adapters.store import Store, queries
from ..core.permissions import Action, allowed
from ..core.report_record import masked_nik
from ..pipeline.accounts import NO_ACCOUNTS, SignedIn
from ..pipeline.session_view import session_dict
from .applicant_form import field_labels
from .score_panel import ScorePanel


def state_text(state: str) -> str:
    return {"open": QCoreApplication.translate("HistoryDialog", "open"),
            "interrupted": QCoreApplication.translate("HistoryDialog", "interrupted"),
            "finalised": QCoreApplication.translate("HistoryDialog", "finalised"),
            "uploaded": QCoreApplication.translate("HistoryDialog", "uploaded")}.get(state, state)


def decision_text(decision: str | None) -> str:
    return {"proceed": QCoreApplication.translate("HistoryDialog", "proceed"),
            "defer": QCoreApplication.translate("HistoryDialog", "defer"),
            "refer": QCoreApplication.translate("HistoryDialog", "refer to second interview"),
            }.get(decision or "", decision or "")



class SessionView(QDialog):
    """One stored session, read-only, with its per-question chart."""

    def __init__(self, doc: dict, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Session %1 (read-only)").replace("%1", doc["session_id"]))
        text = QTextBrowser()
        app = doc["applicant"]
        labels = field_labels()
        rows = "".join(f"<tr><td>{_esc(labels[k].replace('&', ''))}</td><td>{_esc(v)}</td></tr>"
                       for k, v in app.items() if v and k != "nik")
        decision = doc.get("decision") or {}
        state_label, decision_label = self.tr("State"), self.tr("Decision")
        text.setHtml(
            f"<p><b>{state_label}</b>: {state_text(doc['state'])}<br>"
            f"<b>NIK</b>: {masked_nik(app.get('nik'))}<br>"
            f"<b>{decision_label}</b>: {_esc(decision_text(decision.get('decision')))} "
            f"{_esc(decision.get('reason', ''))}</p><table>{rows}</table>")
        self.scores = ScorePanel(doc["threshold"])
        for i, q in enumerate(doc["questions"]):
            self.scores.set_question(i, q["question_id"], q)
        self.scores.redraw_if_dirty()
        lay = QVBoxLayout(self)
        lay.addWidget(text, 1)
        lay.addWidget(self.scores, 2)
        self.resize(800, 700)


def _esc(v) -> str:
    return escape(str(v))


class HistoryDialog(QDialog):
    COLUMNS = ("created_at", "applicant_name", "nik", "state", "flagged_questions", "decision")

    def __init__(self, store: Store, parent=None, who: SignedIn = NO_ACCOUNTS):
        super().__init__(parent)
        self.store, self.who = store, who
        self.setWindowTitle(self.tr("Session history"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, NIK or date (YYYY-MM-DD)"))
        self.search.textChanged.connect(self.refresh)
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Name"), self.tr("NIK"), self.tr("State"),
            self.tr("Flagged"), self.tr("Decision")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(self.open_selected)
        self.open_button = QPushButton(self.tr("&Open (read-only)"))
        self.open_button.clicked.connect(self.open_selected)
        self.resume_button = QPushButton(self.tr("&Resume interrupted session"))
        self.resume_button.clicked.connect(self.resume_selected)
        self.message = QLabel()
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.resume_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.search)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.message)
        lay.addLayout(buttons)
        self.rows: list[dict] = []
        self.resumed: str | None = None
        self.viewer: SessionView | None = None
        self.resize(900, 500)
        self.refresh()

    def refresh(self) -> None:
        with self.store.reader() as conn:
            self.rows = queries.list_sessions(conn, search=self.search.text().strip() or None,
                                              limit=500)
        if self.who.accounts and not allowed(self.who.role, Action.VIEW_OFFICE_SESSIONS):
            self.rows = [r for r in self.rows if r["officer"] == self.who.username]
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            values = [row["created_at"][:16].replace("T", " "), row["applicant_name"] or "",
                      masked_nik(row["nik"]), state_text(row["state"]),
                      str(row["flagged_questions"]), decision_text(row["decision"])]
            for c, v in enumerate(values):
                self.table.setItem(r, c, QTableWidgetItem(v))
        if self.rows:
            self.table.selectRow(0)

    def _selected(self) -> dict | None:
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) else None

    def open_selected(self) -> None:
        row = self._selected()
        if row is None:
            return
        if self.who.accounts and row["officer"] != self.who.username:
            self.store.record_event("session_view_other", row["id"],
                                    {"officer": row["officer"]}, self.who.username)
        self.viewer = SessionView(session_dict(self.store, row["id"]), self)
        self.viewer.open()

    def resume_selected(self) -> None:
        row = self._selected()
        if row is None or row["state"] != "interrupted":
            self.message.setText(self.tr("Only an interrupted session can be resumed."))
            return
        self.resumed = row["id"]  # the window takes it up (and locks it) from here
        self.accept()
