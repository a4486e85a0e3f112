"""A USB (UVC) camera by index."""

from __future__ import annotations

import sys

import cv2

from .base import SourceError, register_source
from .live_capture import LiveCaptureSource


def _backend() -> int:
    if sys.platform.startswith("win"):
        return cv2.CAP_DSHOW  # MSMF takes seconds to open on many webcams
    if sys.platform.startswith("linux"):
        return cv2.CAP_V4L2
    return cv2.CAP_ANY


@register_source("usb")
class UsbCameraSource(LiveCaptureSource):
    def __init__(self, index: int | str, *, width: int = 640, height: int = 480,
                 fps: float = 30.0, **options: object):
        super().__init__(**options)
        try:
            self.index = int(index)
        except (TypeError, ValueError):
            raise SourceError(f"USB camera index must be a number, not {index!r}") from None
        if not 0 <= self.index < 64:
            raise SourceError(f"USB camera index {self.index} is out of range (0-63)")
        self.width, self.height, self.requested_fps = width, height, fps

    @property
    def description(self) -> str:
        return f"USB camera {self.index}"

    def _connect(self) -> cv2.VideoCapture:
        cap = cv2.VideoCapture(self.index, _backend())
        if not cap.isOpened():
            cap.release()
            raise SourceError(f"no camera found at USB index {self.index} "
                              "(is it plugged in and not used by another program?)")
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, self.width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, self.height)
        cap.set(cv2.CAP_PROP_FPS, self.requested_fps)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        return cap
