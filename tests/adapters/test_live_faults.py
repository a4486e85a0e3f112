"""A live camera that stalls or drops is detected and reopened; a blocked reader is abandoned."""

from __future__ import annotations

import threading
import time

import pytest

from mars_desktop.adapters.sources import source_from_spec
from tests.support.media import feat_file
from tests.support.mjpeg_server import MjpegCamera


def _frames_for(src, seconds):
    got = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        f = src.read(timeout=0.2)
        if f is not None:
            got.append(f)
    return got


@pytest.mark.parametrize("read_timeout_s", [None, 5.0], ids=["blocking-read", "ffmpeg-timeout"])
def test_stalled_stream_is_abandoned_and_reopened(read_timeout_s):
    with MjpegCamera(feat_file("single_face.mp4")) as cam:
        src = source_from_spec(cam.url, stall_s=1.5, backoff_initial_s=0.2,
                               read_timeout_s=read_timeout_s)
        with src:
            assert len(_frames_for(src, 1.0)) > 10
            threads_before = threading.active_count()
            cam.stall_open_connections()
            t_stall = time.monotonic()
            after = _frames_for(src, 6.0)
        assert after, "no frames after the stall"
        recovered_in = after[0].captured_at - t_stall
        assert recovered_in < 5.0
        assert src.stats.stalls >= 1 and src.stats.abandoned_readers >= 1
        assert src.stats.reopens >= 1
        assert cam.connections >= 2
        # The abandoned reader is still blocked (read_timeout None) or gone; never more than one.
        assert threading.active_count() <= threads_before + 2


def test_dropped_connection_is_reopened():
    with MjpegCamera(feat_file("single_face.mp4")) as cam:
        cam.mode = "close"
        cam.close_after = 20
        src = source_from_spec(cam.url, stall_s=2.0, backoff_initial_s=0.2)
        with src:
            frames = _frames_for(src, 5.0)
        assert len(frames) > 40  # more than one connection's worth
        assert src.stats.reopens >= 1
        assert cam.connections >= 2


def test_close_returns_promptly_even_while_the_reader_is_blocked():
    with MjpegCamera(feat_file("single_face.mp4")) as cam:
        src = source_from_spec(cam.url, stall_s=30, read_timeout_s=None)
        src.open()
        cam.stall_open_connections()
        time.sleep(0.5)
        t0 = time.monotonic()
        src.close()
        assert time.monotonic() - t0 < 3.0
