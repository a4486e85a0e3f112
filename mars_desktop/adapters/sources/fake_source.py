"""A synthetic camera for tests and demos: a moving bar and the frame number."""

from __future__ import annotations

import time
from urllib.parse import parse_qsl

import numpy as np

from .base import EndOfStream, Frame, FrameSource, SourceError, register_source


@register_source("fake")
class FakeSource(FrameSource):
    """Options: fps, width, height, frames (then it ends; 0 = endless), live (paced),
    fail_open (raise on open), stall_after (stop producing after N frames)."""

    live = True

    def __init__(self, *, fps: float = 30.0, width: int = 640, height: int = 480,
                 frames: int = 0, live: bool = True, fail_open: bool = False,
                 stall_after: int = 0, **_: object):
        super().__init__()
        if not (1 <= fps <= 240 and 16 <= width <= 4096 and 16 <= height <= 4096):
            raise SourceError("fake source: fps 1-240 and size 16-4096 pixels")
        self._fps, self.width, self.height = float(fps), int(width), int(height)
        self.total, self.paced = int(frames), bool(live)
        self.fail_open, self.stall_after = fail_open, int(stall_after)
        self._index = 0
        self._t0 = 0.0
        self._open = False

    @classmethod
    def from_spec(cls, query: str, **options: object) -> FakeSource:
        conv = {"fps": float, "width": int, "height": int, "frames": int, "stall_after": int,
                "live": lambda v: v not in ("0", "false"),
                "fail_open": lambda v: v in ("1", "true")}
        try:
            opts = {k: conv[k](v) for k, v in parse_qsl(query.lstrip("?"))}
        except (KeyError, ValueError):
            raise SourceError(f"bad fake source options: {query!r}") from None
        return cls(**{**options, **opts})

    @property
    def description(self) -> str:
        return f"test source {self.width}x{self.height} at {self._fps:g} fps"

    @property
    def fps(self) -> float:
        return self._fps

    def open(self) -> None:
        if self.fail_open:
            raise SourceError(f"{self.description}: failed to open (as asked)")
        self._open = True
        self._index = 0
        self._t0 = time.monotonic()
        self.stats.state = "live"

    def read(self, timeout: float = 1.0) -> Frame | None:
        if not self._open:
            raise SourceError(f"{self.description} is not open")
        if self.total and self._index >= self.total:
            self.stats.state = "ended"
            raise EndOfStream
        if self.stall_after and self._index >= self.stall_after:
            time.sleep(timeout)
            return None
        t = self._index / self._fps
        if self.paced:
            delay = self._t0 + t - time.monotonic()
            if delay > timeout:
                time.sleep(timeout)
                return None
            if delay > 0:
                time.sleep(delay)
        img = np.full((self.height, self.width, 3), 40, np.uint8)
        x = int((self._index * 7) % self.width)
        img[:, x:x + 8] = (0, 200, 255)
        img[:8, : min(self.width, self._index % self.width + 1)] = 255
        frame = Frame(img, t, self._index, time.monotonic())
        self._index += 1
        self.stats.frames += 1
        return frame

    def close(self) -> None:
        self._open = False
        self.stats.state = "closed"
