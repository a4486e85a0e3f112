"""The central server for real: uvicorn on loopback over TLS from a throw-away CA, on a
real PostgreSQL cluster started here (and on SQLite)."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi", reason="the central extra is not installed")

from tests.support.central_server import CentralServer, Tls
from tests.support.postgres import PostgresCluster


@pytest.fixture(scope="session")
def pg_cluster():
    try:
        cluster = PostgresCluster().start()
    except (RuntimeError, OSError) as exc:
        pytest.skip(f"no PostgreSQL server here: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture(scope="session")
def tls(tmp_path_factory):
    return Tls.make(tmp_path_factory.mktemp("tls"))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'central.db'}"
    return request.getfixturevalue("pg_cluster").new_database()


@pytest.fixture
def pg_url(pg_cluster):
    return pg_cluster.new_database()


@pytest.fixture
def start_server(tmp_path, tls):
    started = []

    def start(db: str, **kw) -> CentralServer:
        server = CentralServer(db, tmp_path / f"central-{len(started)}.log",
                               tls=kw.pop("tls", tls), **kw).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
        assert "Traceback" not in server.log_text(), server.log_text()


@pytest.fixture
def server(start_server, db_url):
    return start_server(db_url)


def migrated_engine(url: str):
    from mars_desktop.central.database import migrate, open_engine

    engine = open_engine(url)
    migrate(engine)
    return engine


@pytest.fixture
def admin(db_url):
    """The server's database, as its admin commands use it."""
    engine = migrated_engine(db_url)
    yield engine
    engine.dispose()


@pytest.fixture
def admin_pg(pg_url):
    engine = migrated_engine(pg_url)
    yield engine
    engine.dispose()
