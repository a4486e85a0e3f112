"""The live camera picture, painted as each new frame comes.

The capture thread has already scaled the frame to this view and turned it to
RGB, so painting is a plain copy (measured: 15-20 ms a frame when the GUI
thread scaled it itself). The landmark overlay draws the newest analysed
points over the picture.
"""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from .capture_thread import DisplayFrame


class VideoView(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._image: QImage | None = None
        self._buffer: np.ndarray | None = None
        self._scale = 1.0
        self.on_resize = None  # called with (width, height) so capture can pre-scale
        self._landmarks: np.ndarray | None = None
        self.show_landmarks = True
        self.message = ""
        self.frames_displayed = 0
        self.first_frame_epoch: float | None = None  # wall clock: cold start to live view
        self.on_first_frame = None  # called once, after the first picture is painted
        self.latencies_ms: list[float] = []

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.on_resize is not None:
            self.on_resize((self.width(), self.height()))

    def show_frame(self, shown: DisplayFrame) -> None:
        rgb, frame = shown.rgb, shown.frame
        h, w = rgb.shape[:2]
        self._buffer = rgb  # QImage borrows this memory
        self._image = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888)
        self._scale = shown.scale
        self.message = ""
        self.repaint()  # now, so the latency measured is the real one
        self.frames_displayed += 1
        if self.first_frame_epoch is None:
            self.first_frame_epoch = time.time()
            if self.on_first_frame is not None:
                self.on_first_frame()
        if frame.captured_at:
            self.latencies_ms.append((time.monotonic() - frame.captured_at) * 1000)
            if len(self.latencies_ms) > 10_000:
                del self.latencies_ms[:5_000]

    def set_landmarks(self, landmarks: np.ndarray | None) -> None:
        self._landmarks = landmarks

    def show_message(self, text: str) -> None:
        self.message = text
        self._image = None
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(20, 20, 20))
        if self._image is None:
            p.setPen(QColor(230, 230, 230))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                       self.message)
            return
        iw, ih = self._image.width(), self._image.height()
        fit = min(1.0, self.width() / iw, self.height() / ih)  # until the next frame fits
        target = QRectF((self.width() - iw * fit) / 2, (self.height() - ih * fit) / 2,
                        iw * fit, ih * fit)
        p.drawImage(target, self._image)
        if self.show_landmarks and self._landmarks is not None:
            p.setPen(QPen(QColor(0, 220, 120), 1.5))
            k = self._scale * fit
            pts = self._landmarks[::4, :2] * k  # every 4th point reads as a mesh, paints fast
            p.drawPoints([QPointF(target.x() + x, target.y() + y) for x, y in pts])
