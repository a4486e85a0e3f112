"""The sync state in the status bar: online or offline, sessions waiting, last success.

The uploads run in the sync loop's own thread (pipeline/sync_loop.py); its status
reaches this label only through a queued signal, so the network never touches the
GUI thread.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel

from ..adapters.store import Store
from ..adapters.sync_client import SyncClient, SyncConfigError, SyncCredential
from ..pipeline.sync_loop import SyncLoop
from ..pipeline.uploader import Uploader

log = logging.getLogger("mars.ui")


def _local_hhmm(iso: str | None) -> str:
    if not iso:
        return "-"
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%d-%m %H:%M")
    except ValueError:
        return "-"


class SyncStatusLabel(QLabel):
    """Shows what the sync loop last reported; owns the loop while the window lives."""

    status_arrived = Signal(dict)

    def __init__(self, store: Store | None, credential: SyncCredential | None,
                 problem: str = "", parent: QObject | None = None, **loop_kw: Any):
        super().__init__(parent)
        self.setObjectName("sync_status")
        self.loop: SyncLoop | None = None
        self.last: dict[str, Any] = {}
        self.status_arrived.connect(self._show, Qt.ConnectionType.QueuedConnection)
        if problem:
            self.setText(self.tr("Sync: %1").replace("%1", problem))
        elif store is None:
            self.setText(self.tr("Sync: no store"))
        elif credential is None:
            self.setText(self.tr("Sync: not registered (offline post)"))
            self.setToolTip(self.tr("An admin registers this workstation with: mars register "
                                    "--server URL --office CODE --code ENROLMENT-CODE"))
        else:
            uploader = Uploader(store, SyncClient(credential),
                                attach_report=store.setting("sync_attach_report") == "1")
            self.loop = SyncLoop(uploader, self.status_arrived.emit, **loop_kw)
            self.setText(self.tr("Sync: starting"))
            self.setToolTip(credential.server)
            self.loop.start()

    def wake(self) -> None:
        if self.loop is not None:
            self.loop.wake()

    def stop(self) -> None:
        if self.loop is not None and not self.loop.stop():
            log.warning("the sync loop is still waiting on the network; it ends with the "
                        "program and its session stays in the outbox")
        self.loop = None

    @Slot(dict)
    def _show(self, status: dict[str, Any]) -> None:
        self.last = status
        online = status.get("online")
        state = (self.tr("online") if online else self.tr("offline") if online is False
                 else self.tr("not tried yet"))
        text = (self.tr("Sync: %1 · %2 waiting · last sent %3")
                .replace("%1", state).replace("%2", str(status.get("pending", 0)))
                .replace("%3", _local_hhmm(status.get("last_success_at"))))
        if text != self.text():
            self.setText(text)
        self.setToolTip(status.get("last_error") or "")


def credential_or_problem(config_dir: Any) -> tuple[SyncCredential | None, str]:
    from ..adapters.sync_client import load_credential

    try:
        return load_credential(config_dir), ""
    except SyncConfigError as exc:
        log.error("sync: %s", exc)
        return None, str(exc)
