"""A TLS-terminating HTTP proxy that breaks requests on purpose, between the workstation
and the real central server (plain HTTP on loopback behind it, as behind a real proxy).

Faults, chosen per request by a seeded plan:
  pass          forwarded untouched
  500_before    500 without reaching the server
  500_after     forwarded (the server stores it), then 500 instead of its answer
  429           429 with Retry-After, not forwarded
  slow_after    forwarded, then the answer held past the client's read timeout
  reset_before  the connection reset before forwarding
  reset_after   forwarded, then the connection reset instead of the answer
While `down` is set every connection is reset at once (the directorate unreachable).
"""

from __future__ import annotations

import contextlib
import http.client
import random
import socket
import socketserver
import ssl
import struct
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler

FAULTS = ("500_before", "500_after", "429", "slow_after", "reset_before", "reset_after")


class FaultPlan:
    def __init__(self, failure_rate: float, seed: int, faults: tuple[str, ...] = FAULTS):
        self.failure_rate, self.faults = failure_rate, faults
        self._rng = random.Random(seed)
        self._lock = threading.Lock()

    def choose(self, method: str, path: str) -> str:
        if method != "POST" or not path.startswith("/api/v1/sessions"):
            return "pass"
        with self._lock:
            if self._rng.random() >= self.failure_rate:
                return "pass"
            return self._rng.choice(self.faults)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _ProxyServer

    def log_message(self, *args: object) -> None:
        pass

    def _reset(self) -> None:
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def _answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for k, v in headers.items():
            if k.lower() not in ("content-length", "transfer-encoding", "connection"):
                self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _forward(self, body: bytes) -> tuple[int, bytes, dict[str, str]] | None:
        conn = http.client.HTTPConnection("127.0.0.1", self.server.upstream_port, timeout=60)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() != "connection"}
            conn.request(self.command, self.path, body=body or None, headers=headers)
            resp = conn.getresponse()
            return resp.status, resp.read(), dict(resp.getheaders())
        except OSError:
            return None  # the server is down
        finally:
            conn.close()

    def _handle(self) -> None:
        proxy = self.server.proxy
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        if proxy.down.is_set():
            proxy.count("down")
            self._reset()
            return
        fault = proxy.plan.choose(self.command, self.path)
        proxy.count(fault)
        if fault == "reset_before":
            self._reset()
            return
        if fault == "500_before":
            self._answer(500, b'{"detail":"injected"}', {"Content-Type": "application/json"})
            return
        if fault == "429":
            self._answer(429, b'{"detail":"slow down"}', {"Content-Type": "application/json",
                                                         "Retry-After": str(proxy.retry_after)})
            return
        answer = self._forward(body)
        if answer is None:
            proxy.count("upstream_down")
            self._answer(502, b'{"detail":"bad gateway"}', {"Content-Type": "application/json"})
            return
        if fault == "reset_after":
            self._reset()
        elif fault == "500_after":
            self._answer(500, b'{"detail":"injected"}', {"Content-Type": "application/json"})
        else:
            if fault == "slow_after":
                time.sleep(proxy.slow_s)
            with contextlib.suppress(OSError):  # the client may have given up waiting
                self._answer(*answer)

    do_GET = do_POST = do_PUT = _handle


class _ProxyServer(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, proxy: FaultProxy):
        self.proxy = proxy
        self.upstream_port = proxy.upstream_port
        super().__init__(("127.0.0.1", proxy.port), _Handler)

    def get_request(self):  # type: ignore[no-untyped-def]
        sock, addr = self.socket.accept()
        sock.settimeout(30)
        try:
            return self.proxy.context.wrap_socket(sock, server_side=True), addr
        except (ssl.SSLError, OSError):
            sock.close()
            raise

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        pass  # resets and client time-outs are the point here


class FaultProxy:
    def __init__(self, upstream_port: int, cert_pem: str, key_pem: str, plan: FaultPlan,
                 *, port: int = 0, slow_s: float = 2.0, retry_after: int = 1):
        self.upstream_port, self.plan = upstream_port, plan
        self.slow_s, self.retry_after = slow_s, retry_after
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert_pem, key_pem)
        self.port = port
        self.down = threading.Event()
        self.counts: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._server = _ProxyServer(self)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def count(self, what: str) -> None:
        with self._lock:
            self.counts[what] += 1

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
