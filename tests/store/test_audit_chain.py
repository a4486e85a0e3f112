"""The audit trail is a hash chain in the real encrypted store: append-only through the
app (triggers), and any change made around the app is found by `mars audit verify`."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mars_desktop.adapters.store import (
    Store,
    StoreError,
    StoreLocation,
    database,
    queries,
    schema,
)
from mars_desktop.adapters.store.keys import FileKeyProvider
from mars_desktop.core.audit_chain import GENESIS, verify
from tests.conftest import run_mars
from tests.store.helpers import recorded_session


def user_location() -> StoreLocation:
    return StoreLocation.in_dirs(Path(os.environ["MARS_DATA_DIR"]),
                                 Path(os.environ["MARS_CONFIG_DIR"]))


def busy_store(store: Store, config) -> list[str]:
    ids = [recorded_session(store, config, seed=i) for i in range(3)]
    store.finalise(ids[0], decision="proceed", reason="lengkap", officer="budi",
                   disregarded_score=True, disregard_reason="kacamata gelap")
    store.set_setting("retention_days", "200", actor="admin")
    store.record_event("report_export", ids[1], {"lang": "id"}, "sari")
    store.writer.flush()
    return ids


def raw(location: StoreLocation):
    """The database as someone holding the key but going around MARS would open it."""
    return database.connect(location.database, FileKeyProvider(location.key_file).key(
        create=False))


def test_every_event_links_to_the_one_before(model_config):
    with Store.open(user_location()) as store:
        busy_store(store, model_config)
        with store.reader() as conn:
            rows = list(queries.audit_chain_rows(conn))
    assert rows[0][6] == GENESIS and len(rows) == 10  # 3 starts + consents, 4 more
    assert all(rows[i][6] == rows[i - 1][7] for i in range(1, len(rows)))
    assert verify(rows).ok
    out = run_mars("audit", "verify", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["events"] == len(rows)


def test_the_app_cannot_change_or_delete_an_event(model_config):
    with Store.open(user_location()) as store:
        busy_store(store, model_config)
        for sql in ("UPDATE audit_events SET actor = 'x' WHERE id = 2",
                    "DELETE FROM audit_events WHERE id = 2",
                    "INSERT INTO audit_events (at, action) VALUES ('2026', 'forged')"):
            with pytest.raises(StoreError,
                               match=r"append-only|chain hashes"):
                store.writer.call(lambda c, sql=sql: c.execute(sql))
        store.record_event("still_writing", None, {}, "budi")  # the writer lives on
        with store.reader() as conn:
            check = verify(queries.audit_chain_rows(conn))
        assert check.ok and check.events == 11


@pytest.mark.parametrize("tamper, broken_at, words", [
    ("UPDATE audit_events SET actor = 'someone else' WHERE id = 4", 4, "changed"),
    ("DELETE FROM audit_events WHERE id = 4", 5, "removed"),
    ("UPDATE audit_events SET detail_json = '{}' WHERE id = 1", 1, "changed"),
])
def test_a_change_around_the_app_is_found_and_named(model_config, tamper, broken_at, words):
    with Store.open(user_location()) as store:
        busy_store(store, model_config)
    conn = raw(user_location())
    conn.execute("DROP TRIGGER audit_events_append_only_update")
    conn.execute("DROP TRIGGER audit_events_append_only_delete")
    conn.execute(tamper)
    conn.commit()
    conn.close()
    out = run_mars("audit", "verify")
    assert out.returncode == 1
    assert f"BROKEN at event {broken_at}" in out.stdout and words in out.stdout


def test_cutting_off_the_newest_events_needs_the_checkpoint_to_show(model_config):
    with Store.open(user_location()) as store:
        busy_store(store, model_config)
        with store.reader() as conn:
            checkpoint = queries.last_audit_event(conn)
    conn = raw(user_location())
    conn.execute("DROP TRIGGER audit_events_append_only_delete")
    conn.execute("DELETE FROM audit_events WHERE id >= ?", (checkpoint[0] - 1,))
    conn.commit()
    with database.connect(user_location().database, FileKeyProvider(
            user_location().key_file).key(create=False)) as c2:
        rows = list(queries.audit_chain_rows(c2))
    conn.close()
    assert verify(rows).ok  # a shorter chain still fits ...
    check = verify(rows, checkpoint)  # ... but not the checkpoint the directorate holds
    assert not check.ok and "missing" in check.reason


def test_events_written_before_the_chain_existed_are_chained_by_the_migration(tmp_path,
                                                                              model_config):
    loc = StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")
    key = FileKeyProvider(loc.key_file).key(create=True)
    conn = database.connect(loc.database, key)
    schema.migrate(conn, target=3)
    for i in range(5):
        conn.execute("INSERT INTO audit_events (at, actor, action, detail_json) VALUES "
                     "(?, 'budi', 'login', '{}')", (f"2026-01-0{i + 1}T00:00:00",))
    conn.commit()
    conn.close()
    with Store.open(loc) as store, store.reader() as c:
        check = verify(queries.audit_chain_rows(c))
    assert check.ok and check.events == 5


def test_a_supervisor_exports_a_period_and_the_export_is_itself_recorded(model_config, tmp_path):
    with Store.open(user_location()) as store:
        busy_store(store, model_config)
        with store.reader() as conn:
            day = queries.audit_chain_rows(conn).__next__()[1][:10]
    out = run_mars("audit", "export", "--from", day, "--to", day, "--out",
                   str(tmp_path / "a.json"), "--actor", "sari")
    assert out.returncode == 0, out.stderr
    doc = json.loads((tmp_path / "a.json").read_text())
    assert doc["events"] and all(e["at"].startswith(day) for e in doc["events"])
    assert {"hash", "prev_hash", "detail"} <= set(doc["events"][0])
    bad = run_mars("audit", "export", "--from", "2026-13-01", "--to", day)
    assert bad.returncode == 2 and "not a date" in bad.stderr
    with Store.open(user_location()) as store, store.reader() as conn:
        last = queries.audit_events(conn)[-1]
    assert last["action"] == "audit_export" and last["actor"] == "sari"
