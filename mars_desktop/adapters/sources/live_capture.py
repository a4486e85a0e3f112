"""A live camera read by a supervised reader thread that can be abandoned.

OpenCV's `read()` on an RTSP stream that stalls with its connection open can
block forever, whatever timeout is set. So each connection is read by its own
daemon thread (a "reader"), which hands every frame to a one-slot buffer. A
watchdog thread notices when no frame has arrived for `stall_s` seconds,
abandons that reader (it is left blocked; it exits by itself if the read ever
returns) and opens a fresh connection after an exponential backoff. The caller
never blocks on the device: `read()` waits on the buffer with a timeout.
"""

from __future__ import annotations

import logging
import threading
import time
from abc import abstractmethod

import cv2

from .base import Frame, FrameSource, SourceError

log = logging.getLogger(__name__)


class LiveCaptureSource(FrameSource):
    live = True

    def __init__(self, *, open_timeout_s: float = 5.0, stall_s: float = 3.0,
                 backoff_initial_s: float = 0.5, backoff_max_s: float = 10.0, **_: object):
        super().__init__()
        self.open_timeout_s = open_timeout_s
        self.stall_s = stall_s
        self.backoff_initial_s = backoff_initial_s
        self.backoff_max_s = backoff_max_s
        self._cond = threading.Condition()
        self._generation = 0
        self._latest: Frame | None = None
        self._seq = 0
        self._read_seq = 0
        self._last_frame_at = 0.0
        self._reader_done = False
        self._reader_error = ""
        self._closed = True
        self._watchdog: threading.Thread | None = None
        self._t0 = 0.0
        self._index = 0
        self._fps: float | None = None

    @abstractmethod
    def _connect(self) -> cv2.VideoCapture:
        """Open the device; return an opened capture or raise SourceError."""

    @property
    def fps(self) -> float | None:
        return self._fps

    def open(self) -> None:
        if not self._closed:
            return
        self._closed = False
        self._t0 = time.monotonic()
        self.stats.state = "connecting"
        self._start_reader()
        deadline = time.monotonic() + self.open_timeout_s
        with self._cond:
            while self._seq == 0 and not self._reader_done:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(left)
            got_frame, error = self._seq > 0, self._reader_error
        if not got_frame:
            self._abandon_reader()
            self._closed = True
            self.stats.state = "failed"
            msg = error or f"{self.description}: no picture within {self.open_timeout_s:g} s"
            self.stats.last_error = msg
            raise SourceError(msg)
        self.stats.state = "live"
        self._watchdog = threading.Thread(target=self._watch, name=f"watchdog-{self.kind}",
                                          daemon=True)
        self._watchdog.start()

    def read(self, timeout: float = 1.0) -> Frame | None:
        if self._closed:
            raise SourceError(f"{self.description} is not open")
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._seq == self._read_seq and not self._closed:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None
                self._cond.wait(left)
            if self._closed:
                raise SourceError(f"{self.description} was closed")
            self._read_seq = self._seq
            return self._latest

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._abandon_reader(count=False)
        with self._cond:
            self._cond.notify_all()
        if self._watchdog is not None:
            self._watchdog.join(timeout=2.0)
            self._watchdog = None
        self.stats.state = "closed"

    # -- reader ---------------------------------------------------------------------------------

    def _start_reader(self) -> None:
        with self._cond:
            self._generation += 1
            gen = self._generation
            self._reader_done = False
            self._reader_error = ""
            self._last_frame_at = time.monotonic()
        threading.Thread(target=self._read_loop, args=(gen,), name=f"reader-{self.kind}-{gen}",
                         daemon=True).start()

    def _abandon_reader(self, count: bool = True) -> None:
        with self._cond:
            self._generation += 1
            if count:
                self.stats.abandoned_readers += 1

    def _read_loop(self, gen: int) -> None:
        cap = None
        try:
            cap = self._connect()
            fps = cap.get(cv2.CAP_PROP_FPS)
            if fps and 1.0 <= fps <= 240.0:
                self._fps = fps
            while True:
                ok, img = cap.read()
                with self._cond:
                    if gen != self._generation:
                        return  # abandoned while blocked; a newer reader owns the source
                    if not ok or img is None:
                        self._reader_error = f"{self.description}: the stream ended"
                        return
                    now = time.monotonic()
                    self._latest = Frame(img, now - self._t0, self._index, now)
                    self._index += 1
                    self._seq += 1
                    self._last_frame_at = now
                    self.stats.frames += 1
                    self._cond.notify_all()
        except SourceError as exc:
            with self._cond:
                if gen == self._generation:
                    self._reader_error = str(exc)
        except Exception as exc:  # a device library failing must not kill the app
            log.exception("reader of %s failed", self.description)
            with self._cond:
                if gen == self._generation:
                    self._reader_error = f"{self.description}: {exc}"
        finally:
            if cap is not None:
                cap.release()
            with self._cond:
                if gen == self._generation:
                    self._reader_done = True
                    self._cond.notify_all()

    # -- watchdog -------------------------------------------------------------------------------

    def _watch(self) -> None:
        backoff = self.backoff_initial_s
        while not self._closed:
            time.sleep(0.1)
            with self._cond:
                silent = time.monotonic() - self._last_frame_at
                done, error = self._reader_done, self._reader_error
            if self._closed:
                return
            if not done and silent < self.stall_s:
                if self.stats.state == "live" and silent < 1.0:
                    backoff = self.backoff_initial_s
                continue
            if done:
                log.warning("%s: reader stopped (%s); reconnecting in %.1f s",
                            self.description, error or "no reason", backoff)
            else:
                self.stats.stalls += 1
                log.warning("%s: no frame for %.1f s; abandoning the reader, reconnecting in "
                            "%.1f s", self.description, silent, backoff)
                self._abandon_reader()
            self.stats.state = "reconnecting"
            self.stats.last_error = error or f"no frame for {silent:.0f} s"
            deadline = time.monotonic() + backoff
            while not self._closed and time.monotonic() < deadline:
                time.sleep(0.05)
            if self._closed:
                return
            backoff = min(backoff * 2, self.backoff_max_s)
            self.stats.reopens += 1
            self._start_reader()
            self._wait_reconnected()

    def _wait_reconnected(self) -> None:
        deadline = time.monotonic() + self.open_timeout_s + self.stall_s
        with self._cond:
            seq = self._seq
            while (self._seq == seq and not self._reader_done and not self._closed
                   and time.monotonic() < deadline):
                self._cond.wait(0.1)
            if self._seq != seq:
                self.stats.state = "live"
