"""Crashes, damaged files, full and read-only disks, concurrent readers, migrations."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import time

import pytest

from mars_desktop.adapters.store import (
    Store,
    StoreLocation,
    StoreNotWritable,
    StoreUnreadable,
    database,
    queries,
    schema,
)
from mars_desktop.pipeline.store_run import model_record
from tests.store.helpers import recorded_session, window


@pytest.fixture
def location(tmp_path):
    return StoreLocation.in_dirs(tmp_path / "data", tmp_path / "conf")


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_session_whose_process_died_becomes_interrupted(location, model_config):
    with Store.open(location) as store:
        sid = recorded_session(store, model_config, recording=True)
        store.writer.close()
        store.writer._conn.close()
        # The process "dies": its session lock goes with it, nothing else is cleaned up.
        for lock in store._locks.values():
            os.close(lock._fd)
            lock._fd = None
        store._locks.clear()
    with Store.open(location) as store, store.reader() as conn:
        row = queries.session_row(conn, sid)
        events = [e["action"] for e in queries.audit_events(conn, sid)]
    assert row["state"] == "interrupted" and not row["recording"]
    assert events[-1] == "session_interrupted"


def test_a_session_still_recorded_by_another_process_is_left_open(location, model_config):
    with Store.open(location) as store:
        sid = recorded_session(store, model_config, recording=True)
        # Another program (a second MARS) opens the store meanwhile.
        code = ("import sys, json; from mars_desktop.adapters.store import Store, StoreLocation;"
                "from pathlib import Path;"
                f"loc = StoreLocation.in_dirs(Path({str(location.database.parent)!r}),"
                f" Path({str(location.key_file.parent)!r}));"
                "s = Store.open(loc); print(json.dumps(s.recover_crashed())); s.close()")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             timeout=60)
        assert out.returncode == 0, out.stderr
        assert out.stdout.strip() == "[]"
        with store.reader() as conn:
            assert queries.session_row(conn, sid)["state"] == "open"


def test_resume_then_finalise_an_interrupted_session(location, model_config):
    with Store.open(location) as store:
        sid = recorded_session(store, model_config)
        store.writer.call(lambda c: c.execute(
            "UPDATE sessions SET state = 'interrupted' WHERE id = ?", (sid,)))
        store.resume(sid, actor="budi")
        with store.reader() as conn:
            assert queries.session_row(conn, sid)["state"] == "open"
        store.finalise(sid, decision="defer", reason="lanjut besok", officer="budi")
        with store.reader() as conn:
            assert queries.session_row(conn, sid)["state"] == "finalised"


@pytest.mark.parametrize("damage", ["truncated", "garbage", "zeroed-page"])
def test_a_damaged_file_is_refused_and_never_overwritten(location, model_config, damage):
    with Store.open(location) as store:
        for seed in range(5):
            recorded_session(store, model_config, seed=seed)
    data = bytearray(location.database.read_bytes())
    if damage == "truncated":
        data = data[: len(data) // 2 + 100]
    elif damage == "garbage":
        data = bytearray(os.urandom(len(data)))
    else:
        data[4096 * 2: 4096 * 3] = bytes(4096)
    location.database.write_bytes(bytes(data))
    for p in location.database.parent.glob("mars.db-*"):
        p.unlink()
    before = _digest(location.database)
    with pytest.raises(StoreUnreadable) as err:
        Store.open(location)
    msg = str(err.value)
    assert str(location.database) in msg and "unchanged" in msg and "\n" not in msg
    assert _digest(location.database) == before


def test_read_only_file_gives_a_clear_error(location, model_config):
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions")
    with Store.open(location) as store:
        recorded_session(store, model_config)
    os.chmod(location.database, 0o400)
    try:
        with pytest.raises(StoreNotWritable, match="read-only"):
            Store.open(location)
    finally:
        os.chmod(location.database, 0o600)


def test_read_only_folder_even_for_root(location, model_config, tmp_path):
    """A read-only mount: even root cannot write there. Simulated with SQLite's own
    read-only open, which fails the same way on the first write."""
    with Store.open(location) as store:
        sid = recorded_session(store, model_config)
    key = location.key_file.read_text().strip()
    conn = database.connect(location.database, bytes.fromhex(key), write=False)
    with pytest.raises(Exception) as err:
        conn.execute("UPDATE sessions SET officer = 'x'")
    conn.close()
    assert "read-only" in str(database.explain(err.value, location.database))
    with Store.open(location) as store, store.reader() as conn:
        assert queries.session_row(conn, sid)["officer"] == "budi"


def test_disk_full_stops_the_writer_and_keeps_what_was_committed(location, model_config):
    import numpy as np

    with Store.open(location) as store:
        kept = recorded_session(store, model_config)
        sid = store.create_session({}, model=model_record(model_config), info={},
                                   consent=True, recording=True)
        store.add_question(sid, 0, "b1", "t", 0.0, True)
        store.writer.flush()
        # SQLite's own page limit gives the same SQLITE_FULL a full disk gives.
        pages = store.writer._conn.execute("PRAGMA page_count").fetchone()[0]
        store.writer._conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        rng = np.random.default_rng(0)
        with pytest.raises(StoreNotWritable, match="full"):
            for k in range(5000):
                store.add_window(sid, 0, window("b1", 0.5 * k, rng), None)
                if k % 50 == 0:
                    store.writer.flush()
        with pytest.raises(StoreNotWritable):
            store.add_window(sid, 0, window("b1", 9999.0, rng), None)
    with Store.open(location) as store, store.reader() as conn:
        assert len(queries.windows_of(conn, kept)[0]) == 10
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_readers_never_see_locked_while_the_writer_commits(location, model_config):
    import numpy as np

    errors: list[BaseException] = []
    reads = [0]
    with Store.open(location) as store:
        for seed in range(20):
            recorded_session(store, model_config, seed=seed)
        sid = store.create_session({}, model=model_record(model_config), info={},
                                   consent=True, recording=True)
        store.add_question(sid, 0, "b1", "t", 0.0, True)
        stop = threading.Event()

        def reader():
            from mars_desktop.pipeline.session_view import session_dict

            try:
                while not stop.is_set():
                    with store.reader() as conn:
                        rows = queries.list_sessions(conn)
                    session_dict(store, rows[0]["id"])
                    reads[0] += 1
            except BaseException as exc:
                errors.append(exc)

        threads = [threading.Thread(target=reader) for _ in range(3)]
        for t in threads:
            t.start()
        rng = np.random.default_rng(1)
        for k in range(3000):
            store.add_window(sid, 0, window("b1", 0.5 * k, rng), None)
            if k % 100 == 0:
                time.sleep(0.01)
        store.writer.flush()
        stop.set()
        for t in threads:
            t.join(30)
        with store.reader() as conn:
            assert len(queries.windows_of(conn, sid)[0]) == 3000
    assert not errors, errors[:3]
    assert reads[0] > 10


def test_writer_batches_hold_at_most_about_a_second(location, model_config):
    import numpy as np

    with Store.open(location) as store:
        sid = store.create_session({}, model=model_record(model_config), info={},
                                   consent=True, recording=True)
        store.add_question(sid, 0, "b1", "t", 0.0, True)
        store.writer.flush()
        commits = store.writer.commits
        rng = np.random.default_rng(0)
        for k in range(40):  # 2 windows a second, like a live interview, for 20 s compressed
            store.add_window(sid, 0, window("b1", 0.5 * k, rng), None)
            time.sleep(0.05)
        store.writer.flush()
        # Committed as they came (the queue never held a second's worth), not in one lump.
        assert store.writer.commits - commits >= 10


@pytest.mark.parametrize("start", range(schema.LATEST))
def test_migrates_forward_from_every_earlier_version(location, model_config, start):
    from mars_desktop.adapters.store.keys import FileKeyProvider

    key = FileKeyProvider(location.key_file).key(create=True)
    conn = database.connect(location.database, key)
    schema.migrate(conn, target=start)
    if start >= 1:  # data written by that version must survive
        conn.execute("INSERT INTO applicants (id, created_at, full_name) "
                     "VALUES ('a1', '2026-01-01', 'Dewi')")
        conn.execute("INSERT INTO sessions (id, applicant_id, state, created_at, model_json) "
                     "VALUES ('s1', 'a1', 'finalised', '2026-01-01', ?)",
                     (__import__("json").dumps(model_record(model_config)),))
    conn.close()
    with Store.open(location) as store, store.reader() as conn:
        assert schema.version(conn) == schema.LATEST
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert {"sessions", "questions", "windows", "decisions", "audit_events",
                "sync_outbox", "idx_applicants_name"} <= names
        if start >= 1:
            assert queries.list_sessions(conn)[0]["applicant_name"] == "Dewi"


def test_a_store_from_a_newer_mars_is_refused(location):
    from mars_desktop.adapters.store import StoreError
    from mars_desktop.adapters.store.keys import FileKeyProvider

    key = FileKeyProvider(location.key_file).key(create=True)
    conn = database.connect(location.database, key)
    conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store.open(location)
