"""An IP camera by URL: RTSP or HTTP(S) MJPEG, read through OpenCV's FFmpeg backend."""

from __future__ import annotations

import socket
from urllib.parse import urlsplit, urlunsplit

import cv2

from .base import SourceError, register_source
from .live_capture import LiveCaptureSource

DEFAULT_PORTS = {"rtsp": 554, "rtsps": 322, "http": 80, "https": 443}


def redact_url(url: str) -> str:
    """The URL with any password replaced, for messages and logs."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    netloc = f"{parts.username}:***@{host}" if parts.username else host
    return urlunsplit(parts._replace(netloc=netloc))


@register_source("ip")
class IpCameraSource(LiveCaptureSource):
    def __init__(self, url: str, *, read_timeout_s: float | None = 5.0, **options: object):
        super().__init__(**options)
        self.url = url.strip()
        parts = urlsplit(self.url)
        self.scheme = parts.scheme.lower()
        if self.scheme not in DEFAULT_PORTS:
            raise SourceError(f"camera URL must start with rtsp://, http:// or https://: "
                              f"{redact_url(self.url)}")
        if not parts.hostname:
            raise SourceError(f"camera URL has no host: {redact_url(self.url)}")
        try:
            self.port = parts.port or DEFAULT_PORTS[self.scheme]
        except ValueError:
            raise SourceError(f"camera URL has a bad port: {redact_url(self.url)}") from None
        self.host = parts.hostname
        # None leaves FFmpeg without a read timeout: the watchdog alone must cope.
        self.read_timeout_s = read_timeout_s

    @property
    def description(self) -> str:
        return f"IP camera {redact_url(self.url)}"

    def _probe(self) -> None:
        """A plain TCP connect first: a refused or unreachable camera fails in seconds."""
        try:
            with socket.create_connection((self.host, self.port),
                                          timeout=min(self.open_timeout_s, 3.0)):
                pass
        except socket.gaierror:
            raise SourceError(f"{self.description}: unknown host {self.host!r}") from None
        except ConnectionRefusedError:
            raise SourceError(f"{self.description}: connection refused at "
                              f"{self.host}:{self.port}") from None
        except TimeoutError:
            raise SourceError(f"{self.description}: no answer from {self.host}:{self.port} "
                              "(camera off, wrong address or network down?)") from None
        except OSError as exc:
            raise SourceError(f"{self.description}: cannot reach {self.host}:{self.port} "
                              f"({exc.strerror or exc})") from None

    def _connect(self) -> cv2.VideoCapture:
        self._probe()
        params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, int(self.open_timeout_s * 1000)]
        if self.read_timeout_s is not None:
            params += [cv2.CAP_PROP_READ_TIMEOUT_MSEC, int(self.read_timeout_s * 1000)]
        cap = cv2.VideoCapture(self.url, cv2.CAP_FFMPEG, params)
        if not cap.isOpened():
            cap.release()
            raise SourceError(f"{self.description}: the camera answered but sent no video "
                              "(wrong path or credentials?)")
        return cap
