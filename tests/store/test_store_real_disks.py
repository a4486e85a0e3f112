"""A really full disk and a really read-only one: small tmpfs mounts (needs root with
mount rights, as on the CI machine; skipped elsewhere, the SQLite-level tests in
test_store_faults.py still run)."""

from __future__ import annotations

import contextlib
import subprocess

import numpy as np
import pytest

from mars_desktop.adapters.store import Store, StoreLocation, StoreNotWritable, queries
from mars_desktop.pipeline.store_run import model_record
from tests.store.helpers import recorded_session, window


@contextlib.contextmanager
def tmpfs(path, size):
    path.mkdir()
    ok = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
                        capture_output=True).returncode == 0
    if not ok:
        pytest.skip("cannot mount a tmpfs here (needs root with mount rights)")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def test_full_disk(tmp_path, model_config):
    with tmpfs(tmp_path / "disk", "1m") as disk:
        loc = StoreLocation(disk / "mars.db", tmp_path / "store.key", disk / "locks")
        with Store.open(loc) as store:
            kept = recorded_session(store, model_config)
            sid = store.create_session({}, model=model_record(model_config), info={},
                                       consent=True, recording=True)
            store.add_question(sid, 0, "b1", "t", 0.0, True)
            rng = np.random.default_rng(0)
            with pytest.raises(StoreNotWritable) as err:
                for k in range(100_000):
                    store.add_window(sid, 0, window("b1", 0.5 * k, rng), None)
                    if k % 200 == 0:
                        store.writer.flush()
            assert "full" in str(err.value) and str(loc.database) in str(err.value)
        subprocess.run(["mount", "-o", "remount,size=4m", str(disk)], check=True)
        with Store.open(loc) as store, store.reader() as conn:
            assert len(queries.windows_of(conn, kept)[0]) == 10
            stored = len(queries.windows_of(conn, sid).get(0, []))
            assert stored > 100  # what was committed before the disk filled is kept
            assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_read_only_disk(tmp_path, model_config):
    with tmpfs(tmp_path / "disk", "4m") as disk:
        loc = StoreLocation(disk / "mars.db", tmp_path / "store.key", disk / "locks")
        with Store.open(loc) as store:
            recorded_session(store, model_config)
        before = loc.database.read_bytes()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        with pytest.raises(StoreNotWritable) as err:
            Store.open(loc)
        assert "read-only" in str(err.value) and "nothing was changed" in str(err.value)
        assert loc.database.read_bytes() == before
