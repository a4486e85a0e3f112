"""GUI tests drive the real window offscreen. Any message box nobody expected fails the test,
and no QThread may be left running."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    """Texts of message boxes opened; a test that expects one empties the list."""
    opened: list[str] = []

    def refuse(self, *args, **kwargs):
        opened.append(self.text())
        return 0

    for name in ("exec", "open", "show"):
        monkeypatch.setattr(QMessageBox, name, refuse)
    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(QMessageBox, name,
                            staticmethod(lambda *a, **k: opened.append(str(a[2:3])) or 0))
    yield opened
    assert not opened, f"unexpected message box: {opened}"


@pytest.fixture
def store(tmp_path):
    from mars_desktop.adapters.store import Store, StoreLocation

    with Store.open(StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")) as s:
        yield s
