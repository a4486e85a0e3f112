"""A video file as a frame source: as fast as possible, or paced like a camera."""

from __future__ import annotations

import math
import os
import time
from pathlib import Path

import cv2

from .base import EndOfStream, Frame, FrameSource, SourceError, register_source

DEFAULT_FPS = 30.0


@register_source("file")
class FileSource(FrameSource):
    live = False

    def __init__(self, path: str | os.PathLike[str], *, realtime: bool = False,
                 start_frame: int = 0, loop: bool = False, **_: object):
        super().__init__()
        self.path = Path(path)
        self.realtime = realtime
        self.loop = loop
        self._start_frame = start_frame
        self._cap: cv2.VideoCapture | None = None
        self._fps = DEFAULT_FPS
        self._frame_count = 0
        self._size = (0, 0)
        self._next_index = 0
        self._t0 = 0.0

    @property
    def description(self) -> str:
        return f"file {self.path}"

    @property
    def fps(self) -> float:
        return self._fps

    @property
    def frame_count(self) -> int:
        return self._frame_count

    @property
    def duration_s(self) -> float:
        return self._frame_count / self._fps if self._fps else 0.0

    @property
    def size(self) -> tuple[int, int]:
        return self._size

    def open(self) -> None:
        p = self.path
        if not p.exists():
            raise SourceError(f"video file not found: {p}")
        if p.is_dir():
            raise SourceError(f"{p} is a folder, not a video file")
        try:
            size = p.stat().st_size
        except OSError as exc:
            raise SourceError(f"cannot read {p}: {exc.strerror}") from None
        if size == 0:
            raise SourceError(f"video file is empty: {p}")
        if not os.access(p, os.R_OK):
            raise SourceError(f"no permission to read {p}")
        # One decoder thread per file: offline analysis already runs one file reader per core.
        cap = cv2.VideoCapture(str(p), cv2.CAP_FFMPEG, [cv2.CAP_PROP_N_THREADS, 1])
        if not cap.isOpened():
            cap.release()
            raise SourceError(f"cannot open {p} as a video (not a video file, or corrupt)")
        ok, first = cap.read()
        if not ok or first is None or first.ndim != 3:
            cap.release()
            raise SourceError(f"{p} has no readable video frames (not a video file, or corrupt)")
        fps = cap.get(cv2.CAP_PROP_FPS)
        self._fps = fps if math.isfinite(fps) and 1.0 <= fps <= 240.0 else DEFAULT_FPS
        count = int(cap.get(cv2.CAP_PROP_FRAME_COUNT) or 0)
        self._frame_count = max(count, 1)
        self._size = (first.shape[1], first.shape[0])
        cap.set(cv2.CAP_PROP_POS_FRAMES, self._start_frame)
        self._cap = cap
        self._next_index = self._start_frame
        self._t0 = time.monotonic() - self._start_frame / self._fps
        self.stats.state = "live"

    def read(self, timeout: float = 1.0) -> Frame | None:
        if self._cap is None:
            raise SourceError(f"{self.description} is not open")
        ok, img = self._cap.read()
        if not ok or img is None:
            if self.loop and self._next_index > 0:
                # A file imitating a camera runs on: restart it, time keeps counting.
                self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
                ok, img = self._cap.read()
            if not ok or img is None:
                self.stats.state = "ended"
                raise EndOfStream
        index = self._next_index
        self._next_index += 1
        t = index / self._fps
        if self.realtime:
            due = self._t0 + t
            delay = due - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        self.stats.frames += 1
        return Frame(img, t, index, time.monotonic())

    def skip(self) -> bool:
        """Pass over the next frame without converting it to an image; False at the end."""
        if self._cap is None:
            raise SourceError(f"{self.description} is not open")
        if not self._cap.grab():
            return False
        self._next_index += 1
        return True

    @property
    def next_t(self) -> float:
        """Media time of the frame the next read() or skip() will give."""
        return self._next_index / self._fps

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
            self._cap = None
        if self.stats.state != "ended":
            self.stats.state = "closed"
