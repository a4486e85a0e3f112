"""Help (F1): the instructions for use in the window's language, and the model card."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QTabWidget, QTextBrowser, QVBoxLayout, QWidget

from ..pipeline.model_files import models_dir, resources_dir


def _page(markdown: str) -> QTextBrowser:
    view = QTextBrowser()
    view.setOpenExternalLinks(False)
    view.setMarkdown(markdown)
    return view


class HelpDialog(QDialog):
    def __init__(self, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("MARS help"))
        help_dir = resources_dir() / "help"
        name = "instructions_id.md" if lang == "id" else "instructions_en.md"
        tabs = QTabWidget()
        tabs.setObjectName("help_tabs")
        tabs.addTab(_page((help_dir / name).read_text(encoding="utf-8")),
                    self.tr("Instructions for use"))
        tabs.addTab(_page((models_dir() / "MODEL_CARD.md").read_text(encoding="utf-8")),
                    self.tr("Model card"))
        lay = QVBoxLayout(self)
        lay.addWidget(tabs)
        self.tabs = tabs
        self.resize(820, 640)
