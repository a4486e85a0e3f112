"""Frame sources: one interface over video files, USB cameras and IP cameras.

A source yields `Frame`s (BGR image, timestamp in seconds, index). Opening
never hangs: a bad path, an unreachable URL or a missing camera raises
`SourceError` with one line that names the problem within a few seconds.
Sources register themselves by kind; `source_from_spec` turns what an officer
or a command line gives ("0", "usb:1", "rtsp://...", "http://...", a path)
into a source.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import numpy as np


class SourceError(RuntimeError):
    """A source cannot be opened or read; the message is one line for the user."""


class EndOfStream(Exception):
    """A finite source (a file) has no more frames."""


@dataclass(frozen=True)
class Frame:
    image: np.ndarray  # H x W x 3, uint8, BGR
    t: float  # media time for files; seconds since open for live sources
    index: int
    captured_at: float = 0.0  # time.monotonic() when the frame was read


@dataclass
class SourceStats:
    frames: int = 0
    reopens: int = 0
    stalls: int = 0
    abandoned_readers: int = 0
    state: str = "closed"  # closed | connecting | live | reconnecting | ended | failed
    last_error: str = ""


class FrameSource(ABC):
    kind: ClassVar[str]
    live: ClassVar[bool]

    def __init__(self) -> None:
        self.stats = SourceStats()

    @property
    @abstractmethod
    def description(self) -> str:
        """What the source is, safe to show and log (no passwords)."""

    @property
    def fps(self) -> float | None:
        return None

    @abstractmethod
    def open(self) -> None:
        """Open or raise SourceError within a few seconds."""

    @abstractmethod
    def read(self, timeout: float = 1.0) -> Frame | None:
        """Next frame; None if a live source had none within timeout; EndOfStream at the end."""

    @abstractmethod
    def close(self) -> None:
        """Release the device; safe to call twice."""

    def __enter__(self) -> FrameSource:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[Frame]:
        while True:
            try:
                frame = self.read()
            except EndOfStream:
                return
            if frame is not None:
                yield frame


_REGISTRY: dict[str, type[FrameSource]] = {}


def register_source(kind: str) -> Callable[[type[FrameSource]], type[FrameSource]]:
    def deco(cls: type[FrameSource]) -> type[FrameSource]:
        cls.kind = kind
        _REGISTRY[kind] = cls
        return cls

    return deco


def registered_kinds() -> list[str]:
    return sorted(_REGISTRY)


def source_class(kind: str) -> type[FrameSource]:
    try:
        return _REGISTRY[kind]
    except KeyError:
        raise SourceError(f"unknown source kind {kind!r}; known: {', '.join(registered_kinds())}")\
            from None


_URL = re.compile(r"^(rtsps?|https?)://", re.IGNORECASE)


def source_from_spec(spec: str, **options: object) -> FrameSource:
    """'0' or 'usb:0' -> USB camera; rtsp/http(s) URL -> IP camera; 'fake:' -> test source;
    'file:PATH' or anything else -> video file."""
    spec = spec.strip()
    if not spec:
        raise SourceError("no video source given")
    if spec.isdigit() or spec.lower().startswith("usb:"):
        return source_class("usb")(spec.split(":", 1)[-1], **options)
    if _URL.match(spec):
        return source_class("ip")(spec, **options)
    if spec.startswith("fake:"):
        return source_class("fake").from_spec(spec[5:], **options)
    if spec.startswith("file:"):
        spec = spec[5:]
    return source_class("file")(spec, **options)


def camera_from_spec(spec: str, **options: object) -> FrameSource:
    """A source used as the live camera: a recording standing in for one plays in real time,
    looped."""
    if Path(spec.strip().removeprefix("file:")).is_file():
        options = {"realtime": True, "loop": True, **options}
    return source_from_spec(spec, **options)
