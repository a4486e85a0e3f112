"""A report export on a worker thread; the result comes back as a queued signal."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..adapters.store import Store, StoreError

log = logging.getLogger(__name__)


class ReportJob(QObject):
    done = Signal(bool, str)  # ok, the file written or what went wrong

    def __init__(self, store: Store, session_id: str, path: str, lang: str, overwrite: bool,
                 actor: str | None):
        super().__init__()
        self._args = (store, session_id, Path(path), lang, overwrite, actor)
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        self.thread = threading.Thread(target=self._run, name="report-export", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        from ..pipeline.report_export import ReportError, export_report

        store, sid, path, lang, overwrite, actor = self._args
        try:
            out = export_report(store, sid, path, lang=lang, force=overwrite, actor=actor)
        except (ReportError, StoreError, OSError) as exc:
            self.done.emit(False, str(exc))
            return
        except Exception as exc:  # logged; the window says it failed, the session is kept
            log.exception("report export failed")
            self.done.emit(False, str(exc))
            return
        self.done.emit(True, str(out))
