"""A throw-away PostgreSQL cluster for the tests: initdb in a temp dir, listening on a
loopback port and its own socket dir. initdb refuses to run as root, so as root the
cluster belongs to the `postgres` system user (runuser)."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

PG_BIN_DIRS = [Path("/usr/lib/postgresql/15/bin"), *sorted(Path("/usr/lib/postgresql").glob(
    "*/bin"), reverse=True)]


def pg_bin(name: str) -> str | None:
    for d in PG_BIN_DIRS:
        if (d / name).exists():
            return str(d / name)
    return shutil.which(name)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PostgresCluster:
    def __init__(self) -> None:
        if not pg_bin("initdb") or not pg_bin("pg_ctl"):
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
        self.root = Path(tempfile.mkdtemp(prefix="mars-pg-"))
        self.data = self.root / "data"
        self.sockets = self.root / "sock"
        self.sockets.mkdir()
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
            shutil.chown(self.sockets, "postgres", "postgres")
            os.chmod(self.root, 0o755)

    def _run(self, *cmd: str) -> subprocess.CompletedProcess:
        full = ["runuser", "-u", "postgres", "--", *cmd] if self.as_root else list(cmd)
        return subprocess.run(full, capture_output=True, text=True, timeout=120, check=True,
                              cwd=self.root)

    def start(self) -> PostgresCluster:
        self._run(pg_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", "mars",
                  "-E", "UTF8", "--no-locale", "--no-sync")
        opts = (f"-p {self.port} -k {self.sockets} -c listen_addresses=127.0.0.1 "
                "-c fsync=on -c max_connections=200")
        self._run(pg_bin("pg_ctl"), "-D", str(self.data), "-o", opts, "-l",
                  str(self.root / "server.log"), "-w", "-t", "60", "start")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if subprocess.run([pg_bin("pg_isready") or "pg_isready", "-h", "127.0.0.1", "-p",
                               str(self.port)], capture_output=True).returncode == 0:
                return self
            time.sleep(0.2)
        raise RuntimeError("PostgreSQL did not start: " + self.log())

    def log(self) -> str:
        try:
            return (self.root / "server.log").read_text()[-2000:]
        except OSError:
            return ""

    def new_database(self) -> str:
        """A fresh empty database; returns its URL."""
        import psycopg

        name = "mars_" + uuid.uuid4().hex[:12]
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=mars dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return f"postgresql://mars@127.0.0.1:{self.port}/{name}"

    def stop(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):
            self._run(pg_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
