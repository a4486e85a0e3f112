"""Camera settings: a USB camera by name, an IP camera URL, or a video file; a Test button.

The test opens the source on a worker thread (opening can take seconds) and says
what happened in one line; the window never waits on it.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..adapters.sources import SourceError, source_from_spec


def usb_camera_names() -> list[str]:
    """Names of the cameras Qt can see, in the order OpenCV numbers them."""
    try:
        from PySide6.QtMultimedia import QMediaDevices

        return [d.description() for d in QMediaDevices.videoInputs()]
    except Exception:  # QtMultimedia missing or no backend: offer indexes only
        return []


class _Tester(QObject):
    done = Signal(bool, str)

    def run(self, spec: str) -> None:
        def work() -> None:
            try:
                src = source_from_spec(spec, open_timeout_s=5.0)
                with src:
                    frame = src.read(timeout=5.0)
                if frame is None:
                    self.done.emit(False, "no picture within 5 s")
                else:
                    h, w = frame.image.shape[:2]
                    self.done.emit(True, f"{w}x{h}")
            except SourceError as exc:
                self.done.emit(False, str(exc))

        threading.Thread(target=work, name="camera-test", daemon=True).start()


class CameraChooser(QWidget):
    """USB camera by name, IP camera URL or video file, with a Test button; `spec()` is the
    choice as `mars gui --source` takes it."""

    changed = Signal()

    def __init__(self, current: str | None, parent=None):
        super().__init__(parent)
        self.usb = QRadioButton(self.tr("&USB camera"))
        self.ip = QRadioButton(self.tr("&IP camera (RTSP or HTTP MJPEG)"))
        self.file = QRadioButton(self.tr("&Video file"))
        group = QButtonGroup(self)
        for b in (self.usb, self.ip, self.file):
            group.addButton(b)
        group.buttonToggled.connect(lambda *_: self.changed.emit())
        self.usb_list = QComboBox()
        names = usb_camera_names()
        for i in range(max(len(names), 4)):
            label = names[i] if i < len(names) else self.tr("Camera %1").replace("%1", str(i))
            self.usb_list.addItem(label, f"usb:{i}")
        self.usb_list.currentIndexChanged.connect(lambda *_: self.changed.emit())
        self.url = QLineEdit()
        self.url.setPlaceholderText("rtsp://user:password@192.168.1.20:554/stream1")
        self.path = QLineEdit()
        browse = QPushButton(self.tr("&Browse..."))
        browse.clicked.connect(self._browse)
        self.test_button = QPushButton(self.tr("&Test"))
        self.test_button.clicked.connect(self.test)
        self.result = QLabel()
        self.result.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.usb, 0, 0)
        grid.addWidget(self.usb_list, 0, 1, 1, 2)
        grid.addWidget(self.ip, 1, 0)
        grid.addWidget(self.url, 1, 1, 1, 2)
        grid.addWidget(self.file, 2, 0)
        grid.addWidget(self.path, 2, 1)
        grid.addWidget(browse, 2, 2)
        grid.addWidget(self.test_button, 3, 0)
        grid.addWidget(self.result, 3, 1, 1, 2)
        self._tester = _Tester(self)
        self._tester.done.connect(self._tested)
        self._select(current or "usb:0")

    def _select(self, spec: str) -> None:
        if spec.startswith(("rtsp://", "rtsps://", "http://", "https://")):
            self.ip.setChecked(True)
            self.url.setText(spec)
        elif spec.isdigit() or spec.startswith("usb:"):
            self.usb.setChecked(True)
            i = self.usb_list.findData(spec if spec.startswith("usb:") else f"usb:{spec}")
            self.usb_list.setCurrentIndex(max(0, i))
        else:
            self.file.setChecked(True)
            self.path.setText(spec.removeprefix("file:"))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Video file"), "",
                                              self.tr("Videos (*.mp4 *.mov *.avi *.mkv)"))
        if path:
            self.path.setText(path)
            self.file.setChecked(True)

    def spec(self) -> str:
        if self.ip.isChecked():
            return self.url.text().strip()
        if self.file.isChecked():
            return self.path.text().strip()
        return self.usb_list.currentData()

    def test(self) -> None:
        self.result.setText(self.tr("Testing..."))
        self.test_button.setEnabled(False)
        self._tester.run(self.spec())

    def _tested(self, ok: bool, detail: str) -> None:
        self.test_button.setEnabled(True)
        self.result.setText((self.tr("Works: %1") if ok else self.tr("Does not work: %1"))
                            .replace("%1", detail))


class CameraDialog(QDialog):
    def __init__(self, current: str | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Camera"))
        self.chooser = CameraChooser(current, self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.chooser)
        lay.addWidget(buttons)

    def spec(self) -> str:
        return self.chooser.spec()
