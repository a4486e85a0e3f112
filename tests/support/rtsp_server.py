"""RtspCamera: a real RTSP server on 127.0.0.1 serving a real face video's frames.

The server is gst-rtsp-server under the system python3 (Debian packages
gir1.2-gst-rtsp-server-1.0, python3-gi, gstreamer1.0-plugins-good; `.ci/run`
installs them). See rtsp_server_main.py for what it does.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import cv2
import pytest

SYSTEM_PYTHON = "/usr/bin/python3"
_MAIN = Path(__file__).with_name("rtsp_server_main.py")


def rtsp_available() -> str | None:
    """None when the server can run here, else why not."""
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import gi; gi.require_version('GstRtspServer', '1.0'); "
         "from gi.repository import GstRtspServer"], capture_output=True, text=True)
    if probe.returncode != 0:
        return "gst-rtsp-server missing: apt-get install gir1.2-gst-rtsp-server-1.0 " \
               "python3-gi gstreamer1.0-plugins-good"
    return None


class RtspCamera:
    def __init__(self, video: Path, fps: float = 15.0, max_frames: int = 120):
        why = rtsp_available()
        if why:
            pytest.fail(why)  # .ci/run installs it: a missing server is a broken set-up
        self.fps = fps
        self._dir = Path(tempfile.mkdtemp(prefix="mars-rtsp-"))
        cap = cv2.VideoCapture(str(video))
        n = 0
        while n < max_frames:
            ok, img = cap.read()
            if not ok:
                break
            cv2.imwrite(str(self._dir / f"{n:04d}.jpg"), img)
            n += 1
        cap.release()
        assert n, f"no frames in {video}"
        self.connections = 0
        self._proc: subprocess.Popen | None = None
        self.url = ""
        self._ready = threading.Event()
        self._lines: list[str] = []

    def __enter__(self) -> RtspCamera:
        self._start("0")
        return self

    def restart(self) -> None:
        """The camera comes back on the same address after kill()."""
        port = self.url.rsplit(":", 1)[1].split("/")[0]
        self._start(port)

    def _start(self, port: str) -> None:
        self._ready.clear()
        self._lines = []
        self._proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(_MAIN), str(self._dir / "%04d.jpg"), str(self.fps), port],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True, bufsize=1)
        threading.Thread(target=self._read_stdout, daemon=True).start()
        if not self._ready.wait(15):
            self.__exit__()
            raise RuntimeError("the RTSP test server did not start")

    def _read_stdout(self) -> None:
        assert self._proc and self._proc.stdout
        for line in self._proc.stdout:
            line = line.strip()
            self._lines.append(line)
            if line.startswith("READY "):
                self.url = f"rtsp://127.0.0.1:{int(line.split()[1])}/cam"
                self._ready.set()
            elif line == "CLIENT":
                self.connections += 1

    def stall_open_connections(self) -> None:
        assert self._proc and self._proc.stdin
        self._proc.stdin.write("stall\n")
        self._proc.stdin.flush()
        deadline = time.monotonic() + 5
        while not any(x.startswith("STALLED") for x in self._lines):
            assert time.monotonic() < deadline, "the RTSP server did not stall"
            time.sleep(0.02)

    def kill(self) -> None:
        """The camera's power goes: every connection drops at once."""
        if self._proc and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait(5)

    def __exit__(self, *exc: object) -> None:
        if self._proc and self._proc.poll() is None:
            try:
                self._proc.stdin.write("quit\n")
                self._proc.stdin.flush()
                self._proc.wait(3)
            except (OSError, subprocess.TimeoutExpired):
                self.kill()
        shutil.rmtree(self._dir, ignore_errors=True)
