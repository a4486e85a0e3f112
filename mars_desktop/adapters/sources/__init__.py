"""Importing this package registers every source kind."""

from . import fake_source, file_source, ip_source, usb_source  # noqa: F401
from .base import (
    EndOfStream,
    Frame,
    FrameSource,
    SourceError,
    SourceStats,
    camera_from_spec,
    registered_kinds,
    source_from_spec,
)

__all__ = ["EndOfStream", "Frame", "FrameSource", "SourceError", "SourceStats",
           "camera_from_spec", "registered_kinds", "source_from_spec"]
