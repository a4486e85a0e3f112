"""The sync status in the officer's window: it reports the real server's state, and a
server that hangs never freezes the window (uploads live in their own thread)."""

from __future__ import annotations

import itertools
import time

import pytest

from mars_desktop.adapters.store import Store, StoreLocation
from mars_desktop.adapters.sync_client import SyncCredential
from mars_desktop.central import accounts
from mars_desktop.core.backoff import Backoff
from tests.central.conftest import migrated_engine
from tests.central.sessions import finalised_session
from tests.support.fault_proxy import FaultPlan, FaultProxy
from tests.ui.conftest import message_boxes  # noqa: F401 - no unexpected dialog

pytest.importorskip("pytestqt")


@pytest.fixture
def workstation(tmp_path, model_config):
    with Store.open(StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")) as store:
        ids = [finalised_session(store, model_config, office="KANIM-A", seed=i)
               for i in range(3)]
        yield store, ids


def enrolled(db_url, office="KANIM-A"):
    engine = migrated_engine(db_url)
    ws, token = accounts.enrol(engine, accounts.new_enrolment_code(engine, office), office, "g")
    engine.dispose()
    return ws, token


def heartbeat_gaps(qtbot, seconds: float) -> float:
    """The longest the GUI thread went without running a 10 ms timer, in seconds."""
    from PySide6.QtCore import QTimer

    beats: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: beats.append(time.monotonic()))
    timer.start()
    qtbot.wait(int(seconds * 1000))
    timer.stop()
    return max(b - a for a, b in itertools.pairwise(beats))


def test_the_status_bar_follows_the_server_and_a_hung_server_never_freezes_it(
        qtbot, workstation, start_server, tls, tmp_path):
    from mars_desktop.ui.sync_status import SyncStatusLabel

    store, _ids = workstation
    db = f"sqlite:///{tmp_path / 'central.db'}"
    ws, token = enrolled(db)
    server = start_server(db, tls=None)
    # Every upload is held 3 s by the proxy; the client gives up after 1 s each time.
    proxy = FaultProxy(server.port, str(tls.cert_pem), str(tls.key_pem),
                       FaultPlan(1.0, seed=1, faults=("slow_after",)), slow_s=3).start()
    cred = SyncCredential(proxy.url, "KANIM-A", ws.id, token, str(tls.ca_pem))
    label = SyncStatusLabel(store, cred, idle_s=0.2, offline=Backoff(0.1, 0.3))
    label.loop.uploader.client.timeout = (2.0, 1.0)
    label.loop.uploader.backoff = Backoff(0.05, 0.2)
    qtbot.addWidget(label)
    try:
        worst = heartbeat_gaps(qtbot, 3.0)
        qtbot.waitUntil(lambda: label.last.get("online") is False, timeout=10_000)
        assert "offline" in label.text() and "3 waiting" in label.text()
        assert worst < 0.5, f"the GUI thread stalled {worst:.2f} s while uploads hung"

        proxy.plan.failure_rate = 0.0  # the network heals
        label.wake()
        qtbot.waitUntil(lambda: label.last.get("pending") == 0, timeout=20_000)
        assert "online" in label.text() and "0 waiting" in label.text()
    finally:
        label.stop()
        proxy.stop()


def test_an_unregistered_post_says_so(qtbot, workstation):
    from mars_desktop.ui.sync_status import SyncStatusLabel

    label = SyncStatusLabel(workstation[0], None)
    qtbot.addWidget(label)
    assert label.loop is None and "not registered" in label.text()
