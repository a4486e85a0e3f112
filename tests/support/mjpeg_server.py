"""A real HTTP MJPEG camera on 127.0.0.1 (multipart/x-mixed-replace), serving a video's frames.

Modes, switchable while running:
  normal - frames at the video's rate, looping
  stall  - connections already open stop receiving frames but stay open; new ones are served
  close  - each connection is closed after `close_after` frames
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import cv2

BOUNDARY = b"marsframe"


class MjpegCamera:
    def __init__(self, video: Path, fps: float | None = None, max_frames: int = 240):
        cap = cv2.VideoCapture(str(video))
        self.fps = fps or cap.get(cv2.CAP_PROP_FPS) or 25.0
        self.jpegs: list[bytes] = []
        while len(self.jpegs) < max_frames:
            ok, img = cap.read()
            if not ok:
                break
            ok, jpg = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 80])
            self.jpegs.append(jpg.tobytes())
        cap.release()
        assert self.jpegs, f"no frames in {video}"
        self.mode = "normal"
        self.close_after = 30
        self.connections = 0
        self._stall_epoch = 0
        self._stopped = threading.Event()
        camera = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                camera.connections += 1
                epoch = camera._stall_epoch
                self.send_response(200)
                self.send_header("Content-Type",
                                 "multipart/x-mixed-replace; boundary=" + BOUNDARY.decode())
                self.send_header("Cache-Control", "no-cache")
                self.end_headers()
                sent = 0
                try:
                    while not camera._stopped.is_set():
                        if camera.mode == "stall" and camera._stall_epoch != epoch:
                            # Hold the connection open and send nothing, like a hung camera.
                            while not camera._stopped.is_set():
                                time.sleep(0.05)
                            return
                        if camera.mode == "close" and sent >= camera.close_after:
                            return
                        jpg = camera.jpegs[sent % len(camera.jpegs)]
                        self.wfile.write(b"--" + BOUNDARY + b"\r\nContent-Type: image/jpeg\r\n"
                                         + f"Content-Length: {len(jpg)}\r\n\r\n".encode()
                                         + jpg + b"\r\n")
                        self.wfile.flush()
                        sent += 1
                        time.sleep(1.0 / camera.fps)
                except (BrokenPipeError, ConnectionResetError):
                    return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/video.mjpg"

    def stall_open_connections(self) -> None:
        """Freeze every connection open now; later connections are served."""
        self.mode = "stall"
        self._stall_epoch += 1

    def __enter__(self) -> MjpegCamera:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stopped.set()
        self.server.shutdown()
        self.server.server_close()
