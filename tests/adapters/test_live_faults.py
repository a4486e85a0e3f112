"""A live camera that stalls or drops is detected and reopened; a blocked reader is abandoned."""

from __future__ import annotations

import itertools
import threading
import time

import pytest

from mars_desktop.adapters.sources import source_from_spec
from tests.support.media import feat_file
from tests.support.mjpeg_server import MjpegCamera
from tests.support.rtsp_server import RtspCamera


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


def _gaps(frames, since):
    ts = [since] + [f.captured_at for f in frames if f.captured_at >= since]
    return [b - a for a, b in itertools.pairwise(ts)]


@pytest.mark.parametrize("read_timeout_s", [None, 5.0], ids=["blocking-read", "ffmpeg-timeout"])
def test_stalled_rtsp_stream_is_abandoned_and_reopened(read_timeout_s):
    """gst-rtsp-server stops sending on the open session; OpenCV's read may never return."""
    with RtspCamera(feat_file("single_face.mp4")) as cam:
        src = source_from_spec(cam.url, stall_s=1.5, backoff_initial_s=0.2,
                               read_timeout_s=read_timeout_s)
        with src:
            assert len(_frames_for(src, 1.5)) > 10
            connections = cam.connections
            cam.stall_open_connections()
            t_stall = time.monotonic()
            after = _frames_for(src, 8.0)
        late = [f for f in after if f.captured_at > t_stall + 1.0]  # past anything buffered
        assert late, "no frames after the stall"
        assert late[0].captured_at - t_stall < 6.0
        assert len(late) > 30, "the new connection does not keep streaming"
        assert max(_gaps(after, t_stall + 1.0)[1:], default=0) < 1.0
        assert src.stats.stalls >= 1 and src.stats.abandoned_readers >= 1
        assert src.stats.reopens >= 1
        assert cam.connections > connections


def test_rtsp_camera_power_cut_and_return():
    """Every connection drops, reconnects are refused for a while, then the camera is back."""
    with RtspCamera(feat_file("single_face.mp4")) as cam:
        src = source_from_spec(cam.url, stall_s=1.0, backoff_initial_s=0.2, backoff_max_s=1.0)
        with src:
            assert len(_frames_for(src, 1.0)) > 5
            cam.kill()
            t_cut = time.monotonic()
            during = _frames_for(src, 3.0)  # read() keeps returning, never hangs
            assert time.monotonic() - t_cut < 4.0
            assert not [f for f in during if f.captured_at > t_cut + 0.5]
            assert src.stats.state != "live"
            cam.restart()
            t_back = time.monotonic()
            after = _frames_for(src, 8.0)
        assert after, "no frames after the camera came back"
        assert after[0].captured_at - t_back < 6.0
        assert src.stats.reopens >= 1
