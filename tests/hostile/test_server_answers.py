"""Hostile input catalogue, part 3: what comes back from "the server". A captive portal,
a proxy, a wrong URL or a broken server must never take a session out of the outbox,
crash the uploader, or make registration keep a bogus credential."""

from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from mars_desktop.adapters.store import Store, StoreLocation
from mars_desktop.adapters.store.outbox import Outbox
from mars_desktop.adapters.sync_client import (
    SyncClient,
    SyncConfigError,
    SyncCredential,
    enrol,
)
from mars_desktop.pipeline.uploader import Uploader
from tests.central.sessions import finalised_session

ANSWERS: dict[str, tuple[int, dict[str, str], bytes]] = {
    "captive_portal": (200, {"Content-Type": "text/html"}, b"<html>Login to Wi-Fi</html>"),
    "ok_text": (200, {"Content-Type": "text/plain"}, b"OK"),
    "created_empty": (201, {}, b""),
    "created_list": (201, {"Content-Type": "application/json"}, b"[1, 2, 3]"),
    "created_other_session": (201, {"Content-Type": "application/json"},
                              b'{"session_id": "someone-else", "record_sha256": "00"}'),
    "created_not_json": (201, {"Content-Type": "application/json"}, b"{{{"),
    "redirect_307": (307, {"Location": "https://evil.example/api/v1/sessions"}, b""),
    "redirect_301": (301, {"Location": "/elsewhere"}, b""),
    "busy_bad_retry_after": (429, {"Retry-After": "soon-ish"}, b"{}"),
    "busy_date": (503, {"Retry-After": "Wed, 21 Oct 2099 07:28:00 GMT"}, b""),
    "teapot": (418, {}, b"I'm a teapot"),
    "unauthorised": (401, {"Content-Type": "application/json"}, b'{"detail": 5}'),
    "not_found": (404, {}, b"<html>nginx</html>"),
    "huge_error": (500, {"Content-Type": "text/plain"}, b"x" * 5_000_000),
    "unicode_junk": (502, {"Content-Type": "application/json"}, "\udcff".encode("utf-8",
                                                                               "surrogatepass")),
}


class Hostile(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    mode = "captive_portal"

    def log_message(self, *a) -> None:
        pass

    def _any(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        mode = type(self).mode
        if mode == "hang_up":
            self.connection.close()
            return
        if mode == "trickle":
            self.send_response(201)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.1)
            return
        status, headers, body = ANSWERS[mode]
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = _any


@pytest.fixture
def hostile():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def one_session(tmp_path, model_config):
    with Store.open(StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")) as store:
        finalised_session(store, model_config, office="KANIM-A", seed=1)
        yield store


@pytest.mark.parametrize("mode", [*ANSWERS, "hang_up", "trickle"])
def test_no_answer_but_the_directorates_takes_a_session_out(hostile, one_session, mode):
    Hostile.mode = mode
    client = SyncClient(SyncCredential(hostile, "KANIM-A", "w", "w.t"), read_timeout_s=1.0)
    done = Uploader(one_session, client).run_once()
    assert (done.delivered, done.failed) == (0, 1), done.errors
    [row] = Outbox(one_session).due(now="9999")
    assert row.attempts == 1 and row.last_error
    with one_session.reader() as conn:
        assert conn.execute("SELECT state FROM sessions").fetchone()[0] == "finalised"


@pytest.mark.parametrize("mode", ["captive_portal", "created_empty", "created_list",
                                  "created_not_json", "redirect_307", "not_found", "teapot",
                                  "unicode_junk", "hang_up"])
def test_registration_keeps_no_bogus_credential(hostile, mode, monkeypatch):
    monkeypatch.setenv("MARS_SYNC_ALLOW_HTTP", "1")
    Hostile.mode = mode
    with pytest.raises(SyncConfigError):
        enrol(hostile, "KANIM-A", "CODE", "ws", None, timeout_s=2)
    bogus = {"office": 1, "workstation_id": None, "token": ["x"]}
    ANSWERS["bogus_credential"] = (201, {"Content-Type": "application/json"},
                                   json.dumps(bogus).encode())
    Hostile.mode = "bogus_credential"
    with pytest.raises(SyncConfigError, match="not a MARS credential"):
        enrol(hostile, "KANIM-A", "CODE", "ws", None, timeout_s=2)


def test_a_port_that_answers_nothing_at_all(one_session):
    with socket.socket() as s:  # bound and listening, never accepting: a black hole
        s.bind(("127.0.0.1", 0))
        s.listen(0)
        url = f"http://127.0.0.1:{s.getsockname()[1]}"
        client = SyncClient(SyncCredential(url, "KANIM-A", "w", "w.t"), connect_timeout_s=1,
                            read_timeout_s=1)
        result = {}
        worker = threading.Thread(
            target=lambda: result.update(p=Uploader(one_session, client).run_once()))
        worker.start()
        worker.join(30)
        assert not worker.is_alive(), "the upload hung past its timeouts"
        assert result["p"].failed == 1 and result["p"].online is False
