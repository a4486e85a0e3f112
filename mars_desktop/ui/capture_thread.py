"""Capture in its own QThread: the camera is read into two one-slot hand-overs.

The display slot feeds the view (newest frame wins, older ones count as dropped);
the analysis slot feeds the analysis thread the same way. `frame_ready` is
emitted only when the display slot was empty, so queued signals never pile up
behind a busy GUI.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import cv2
import numpy as np
from PySide6.QtCore import QThread, Signal

from ..adapters.sources import EndOfStream, Frame, FrameSource, SourceError
from ..pipeline.frame_slot import LatestSlot

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DisplayFrame:
    """A frame made ready to paint off the GUI thread: RGB, already at the view's size."""

    rgb: np.ndarray
    scale: float  # view pixels per camera pixel
    frame: Frame


def prepare_for_display(frame: Frame, box: tuple[int, int] | None) -> DisplayFrame:
    img = frame.image
    h, w = img.shape[:2]
    scale = 1.0
    if box is not None and box[0] > 0 and box[1] > 0:
        scale = min(box[0] / w, box[1] / h)
        if abs(scale - 1.0) > 0.02:
            img = cv2.resize(img, (max(1, round(w * scale)), max(1, round(h * scale))),
                             interpolation=cv2.INTER_LINEAR)
        else:
            scale = 1.0
    return DisplayFrame(cv2.cvtColor(img, cv2.COLOR_BGR2RGB), scale, frame)


class CaptureThread(QThread):
    frame_ready = Signal()
    source_failed = Signal(str)
    source_ended = Signal()

    def __init__(self, source: FrameSource, parent=None):
        super().__init__(parent)
        self.setObjectName("capture")
        self.source = source
        self.display: LatestSlot[DisplayFrame] = LatestSlot()
        self.display_box: tuple[int, int] | None = None  # set by the view when it resizes
        self.analysis: LatestSlot[Frame] = LatestSlot()
        self.frames_captured = 0
        self._stop = False

    def stop(self) -> None:
        self._stop = True

    def run(self) -> None:
        try:
            self.source.open()
            while not self._stop:
                try:
                    frame = self.source.read(timeout=0.25)
                except EndOfStream:
                    self.source_ended.emit()
                    break
                if frame is None:
                    continue
                self.frames_captured += 1
                self.analysis.put(frame)
                if self.display.put_was_empty(prepare_for_display(frame, self.display_box)):
                    self.frame_ready.emit()
        except SourceError as exc:
            log.warning("camera: %s", exc)
            self.source_failed.emit(str(exc))
        except Exception as exc:  # logged and shown; the session itself is kept
            log.exception("capture failed")
            self.source_failed.emit(str(exc))
        finally:
            self.source.close()
            self.analysis.close()
