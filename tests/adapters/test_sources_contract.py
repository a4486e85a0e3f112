"""One contract, run over every kind of frame source."""

from __future__ import annotations

import contextlib
import os
import socket
import time

import numpy as np
import pytest

from mars_desktop.adapters.sources import (
    EndOfStream,
    FrameSource,
    SourceError,
    registered_kinds,
    source_from_spec,
)
from tests.support.media import feat_file
from tests.support.mjpeg_server import MjpegCamera
from tests.support.rtsp_server import RtspCamera


class Cameras:
    """Real IP cameras on loopback, started the first time a test asks for one."""

    def __init__(self):
        self._stack = contextlib.ExitStack()
        self._cams: dict[str, MjpegCamera | RtspCamera] = {}

    def url(self, protocol: str) -> str:
        if protocol not in self._cams:
            kind = MjpegCamera if protocol == "mjpeg" else RtspCamera
            self._cams[protocol] = self._stack.enter_context(kind(feat_file("single_face.mp4")))
        return self._cams[protocol].url


@pytest.fixture(scope="module")
def cameras():
    cams = Cameras()
    with cams._stack:
        yield cams


def _spec(variant: str, cameras: Cameras) -> str:
    if variant == "file":
        return str(feat_file("single_face.mp4"))
    if variant == "fake":
        return "fake:fps=60&width=320&height=240"
    if variant.startswith("ip-"):
        return cameras.url(variant.removeprefix("ip-"))
    if variant == "usb":
        if os.environ.get("MARS_HARDWARE") != "1":
            pytest.skip("needs a real USB camera (MARS_HARDWARE=1)")
        return "usb:0"
    raise AssertionError(variant)


KINDS = ["file", "fake", "ip-mjpeg", "ip-rtsp", pytest.param("usb", marks=pytest.mark.hardware)]


def test_every_registered_kind_is_covered():
    assert set(registered_kinds()) == {"file", "fake", "ip", "usb"}


@pytest.mark.parametrize("kind", KINDS)
def test_yields_frames_in_order(kind, cameras):
    src: FrameSource = source_from_spec(_spec(kind, cameras))
    assert src.kind == kind.split("-")[0]
    with src:
        frames = []
        deadline = time.monotonic() + 10
        while len(frames) < 20 and time.monotonic() < deadline:
            f = src.read(timeout=1.0)
            if f is not None:
                frames.append(f)
    assert len(frames) == 20
    for f in frames:
        assert f.image.dtype == np.uint8 and f.image.ndim == 3 and f.image.shape[2] == 3
    ts = [f.t for f in frames]
    assert ts == sorted(ts) and len(set(ts)) == len(ts)
    idx = [f.index for f in frames]
    assert idx == sorted(idx)
    assert src.stats.frames >= 20
    assert "password" not in src.description


@pytest.mark.parametrize("kind", KINDS)
def test_close_is_idempotent_and_read_after_close_fails(kind, cameras):
    src = source_from_spec(_spec(kind, cameras))
    src.open()
    src.close()
    src.close()
    with pytest.raises(SourceError):
        src.read(timeout=0.1)


def _silent_port():
    """A listening socket that never accepts: a camera that does not answer."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    s.listen(0)
    return s


@pytest.mark.parametrize("spec", [
    "/no/such/video.mp4",
    "usb:63",
    "usb:abc",
    "rtsp://127.0.0.1:1/stream",
    "http://127.0.0.1:1/video.mjpg",
    "ftp://127.0.0.1/video",
    "http:///nohost",
    "fake:fail_open=1",
    "fake:fps=oops",
    "",
])
def test_bad_targets_fail_fast_with_one_line(spec):
    t0 = time.monotonic()
    with pytest.raises(SourceError) as exc:
        source_from_spec(spec, open_timeout_s=3.0).open()
    assert time.monotonic() - t0 < 5.0
    msg = str(exc.value)
    assert msg and "\n" not in msg


def test_a_camera_that_accepts_but_never_sends_fails_within_the_open_timeout():
    with _silent_port() as s:
        url = f"http://127.0.0.1:{s.getsockname()[1]}/video.mjpg"
        t0 = time.monotonic()
        with pytest.raises(SourceError) as exc:
            source_from_spec(url, open_timeout_s=2.0).open()
        assert time.monotonic() - t0 < 5.0
        assert "no picture" in str(exc.value) or "no video" in str(exc.value)


def test_password_never_appears_in_messages():
    with pytest.raises(SourceError) as exc:
        source_from_spec("rtsp://officer:s3cret@127.0.0.1:1/x").open()
    assert "s3cret" not in str(exc.value)
    assert "officer:***@" in str(exc.value)


def test_file_source_paced_like_a_camera_takes_real_time():
    with source_from_spec(str(feat_file("single_face.mp4")), realtime=True) as src:
        t0 = time.monotonic()
        for _ in range(15):
            src.read()
        elapsed = time.monotonic() - t0
    # 15 frames of a 30 fps file: about half a second, not "as fast as possible".
    assert elapsed >= 14 / 30 * 0.9


def test_file_source_ends():
    with source_from_spec(str(feat_file("single_face.mp4"))) as src:
        n = sum(1 for _ in src)
        with pytest.raises(EndOfStream):
            src.read()
    assert n == 72


def test_file_seek_gives_the_same_frame_as_reading_through():
    path = str(feat_file("WolfgangLanger_Pexels.mp4"))
    with source_from_spec(path) as src:
        frames = [src.read() for _ in range(250)]
    with source_from_spec(path, start_frame=240) as src:
        f = src.read()
    assert f.index == 240 and f.t == frames[240].t
    assert np.array_equal(f.image, frames[240].image)
