"""The real central server (`mars central serve`, uvicorn) as a subprocess on loopback,
and a throw-away TLS certificate authority for it (trustme)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import requests

from .postgres import free_port


@dataclass
class Tls:
    ca_pem: Path
    cert_pem: Path
    key_pem: Path

    @classmethod
    def make(cls, folder: Path) -> Tls:
        import trustme

        ca = trustme.CA()
        cert = ca.issue_cert("127.0.0.1", "localhost")
        tls = cls(folder / "ca.pem", folder / "server.pem", folder / "server.key")
        ca.cert_pem.write_to_path(str(tls.ca_pem))
        cert.private_key_pem.write_to_path(str(tls.key_pem))
        cert.cert_chain_pems[0].write_to_path(str(tls.cert_pem))
        for extra in cert.cert_chain_pems[1:]:
            with open(tls.cert_pem, "ab") as fh:
                fh.write(extra.bytes())
        return tls


class CentralServer:
    def __init__(self, db_url: str, log_path: Path, *, tls: Tls | None = None,
                 port: int | None = None):
        self.db_url, self.log_path, self.tls = db_url, log_path, tls
        self.port = port or free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"{'https' if self.tls else 'http'}://127.0.0.1:{self.port}"

    def start(self, timeout_s: float = 30.0) -> CentralServer:
        cmd = [sys.executable, "-m", "mars_desktop", "central", "serve", "--db", self.db_url,
               "--host", "127.0.0.1", "--port", str(self.port)]
        if self.tls:
            cmd += ["--tls-cert", str(self.tls.cert_pem), "--tls-key", str(self.tls.key_pem)]
        env = {**os.environ, "MARS_LOG_DIR": str(self.log_path.parent / "central-logs")}
        self._log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(cmd, stdout=self._log, stderr=subprocess.STDOUT, env=env)
        verify = str(self.tls.ca_pem) if self.tls else True
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"central server exited: {self.log_text()}")
            try:
                if requests.get(f"{self.url}/api/v1/health", verify=verify,
                                timeout=2).status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"central server did not answer: {self.log_text()}")

    def kill(self) -> None:
        """As a power cut would: no clean shutdown."""
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        if getattr(self, "_log", None):
            self._log.close()

    def log_text(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-3000:]
        except OSError:
            return ""
