"""PySide6 6.12.0 on Python 3.11 drops a reference to None (or False) on every void call or
emit; a long session then aborts with `Fatal Python error: none_dealloc`. The pin keeps
6.11.x; these tests fail on a build with the bug, quickly, instead of after hours."""

from __future__ import annotations

import subprocess
import sys

import PySide6
from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    ping = Signal()
    flag = Signal(bool)


def test_pyside_is_below_6_12():
    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    assert (major, minor) < (6, 12), PySide6.__version__


def test_void_calls_and_emits_do_not_leak_references_to_none_or_false():
    obj = _Emitter()
    received = []
    obj.ping.connect(lambda: received.append(1))
    obj.flag.connect(lambda b: None)
    before_none, before_false = sys.getrefcount(None), sys.getrefcount(False)
    for _ in range(20_000):
        obj.ping.emit()
        obj.flag.emit(False)
        obj.setObjectName("x")  # a void C++ call
        obj.blockSignals(False)
    drift_none = before_none - sys.getrefcount(None)
    drift_false = before_false - sys.getrefcount(False)
    assert len(received) == 20_000
    assert drift_none < 1_000, f"None lost {drift_none} references over 20,000 calls"
    assert drift_false < 1_000, f"False lost {drift_false} references over 20,000 calls"


def test_a_long_run_of_emits_does_not_abort():
    code = (
        "from PySide6.QtCore import QObject, Signal\n"
        "class E(QObject):\n    s = Signal()\n"
        "e = E(); e.s.connect(lambda: None)\n"
        "for _ in range(300_000):\n    e.s.emit(); e.setObjectName('y')\n"
        "print('ok')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and r.stdout.strip() == "ok", r.stderr[-500:]
