"""F1 opens the instructions for use (in the window's language) and the model card."""

from __future__ import annotations

from mars_desktop.ui.help_dialog import HelpDialog


def test_help_dialog_in_both_languages(qtbot):
    for lang, needle in (("id", "bukan pendeteksi kebohongan"), ("en", "not a lie detector")):
        dialog = HelpDialog(lang)
        qtbot.addWidget(dialog)
        first = dialog.tabs.widget(0).toPlainText()
        assert needle in first and "MediaPipe" in dialog.tabs.widget(1).toPlainText()
