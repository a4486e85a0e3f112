"""The session store on a real SQLCipher file: states, finalise + outbox, retention, settings."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime, timedelta

import pytest

from mars_desktop.adapters.store import (
    InvalidTransition,
    Store,
    StoreKeyError,
    StoreLocation,
    StoreUnreadable,
    queries,
)
from mars_desktop.pipeline.session_view import session_dict
from tests.store.helpers import recorded_session


@pytest.fixture
def location(tmp_path):
    return StoreLocation.in_dirs(tmp_path / "data", tmp_path / "conf")


@pytest.fixture
def store(location):
    with Store.open(location) as s:
        yield s


def test_the_file_is_encrypted_and_the_key_private(store, location, model_config):
    recorded_session(store, model_config, applicant={"full_name": "Siti Aminah",
                                                     "nik": "3201014101900001"})
    store.writer.flush()
    raw = b"".join(p.read_bytes() for p in location.database.parent.glob("mars.db*"))
    assert b"Siti" not in raw and b"3201014101900001" not in raw
    assert not raw.startswith(b"SQLite format 3")
    if os.name == "posix":
        assert stat.S_IMODE(location.key_file.stat().st_mode) == 0o600
        assert stat.S_IMODE(location.database.stat().st_mode) == 0o600


def test_a_plain_sqlite_reader_cannot_open_it(store, location, model_config):
    import sqlite3

    recorded_session(store, model_config)
    conn = sqlite3.connect(location.database)
    with pytest.raises(sqlite3.DatabaseError):
        conn.execute("SELECT * FROM sessions").fetchall()
    conn.close()


def test_wrong_key_is_refused_and_the_file_left_alone(store, location, model_config):
    recorded_session(store, model_config)
    store.close()
    before = location.database.read_bytes()
    location.key_file.write_text("ab" * 32 + "\n")
    with pytest.raises(StoreUnreadable) as err:
        Store.open(location)
    assert str(location.database) in str(err.value) and "backup" in str(err.value)
    assert location.database.read_bytes() == before


def test_missing_key_with_an_existing_store_is_not_replaced(store, location, model_config):
    recorded_session(store, model_config)
    store.close()
    location.key_file.unlink()
    with pytest.raises(StoreKeyError) as err:
        Store.open(location)
    assert "missing" in str(err.value) and not location.key_file.exists()


def test_finalise_needs_a_reason_and_queues_the_upload_atomically(store, model_config):
    sid = recorded_session(store, model_config)
    with pytest.raises(ValueError, match="reason"):
        store.finalise(sid, decision="proceed", reason="  ", officer="budi")
    with pytest.raises(ValueError, match="decision"):
        store.finalise(sid, decision="maybe", reason="x", officer="budi")
    store.finalise(sid, decision="refer", reason="Cerita tidak konsisten", officer="budi",
                   disregarded_score=True, disregard_reason="kamera gelap")
    with store.reader() as conn:
        row = queries.session_row(conn, sid)
        outbox = conn.execute("SELECT session_id FROM sync_outbox").fetchall()
        actions = [e["action"] for e in queries.audit_events(conn, sid)]
    assert row["state"] == "finalised" and row["decision"]["decision"] == "refer"
    assert row["decision"]["disregarded_score"] is True
    assert outbox == [(sid,)]
    assert actions == ["session_start", "consent_given", "session_finalise", "score_disregarded"]
    with pytest.raises(InvalidTransition):
        store.finalise(sid, decision="proceed", reason="again", officer="budi")


def test_show_gives_analyze_shaped_questions(store, model_config):
    sid = recorded_session(store, model_config)
    doc = session_dict(store, sid)
    assert doc["state"] == "open" and doc["recorded_until_s"] > 0
    assert [q["question_id"] for q in doc["questions"]] == ["b1", "q1"]
    q1 = doc["questions"][1]
    assert set(q1) >= {"question_id", "text", "start_s", "end_s", "baseline", "windows",
                       "usable_windows", "status", "score", "flagged", "top_features"}
    assert q1["windows"] == 6 and q1["status"] == "scored" and q1.get("partial") is True


def test_retention_purges_only_old_uploaded_sessions(store, model_config):
    old_uploaded = recorded_session(store, model_config, seed=1)
    old_finalised = recorded_session(store, model_config, seed=2)
    fresh_uploaded = recorded_session(store, model_config, seed=3)
    open_one = recorded_session(store, model_config, seed=4)
    for sid in (old_uploaded, old_finalised, fresh_uploaded):
        store.finalise(sid, decision="proceed", reason="ok", officer="budi")
    store.mark_uploaded(old_uploaded)
    store.mark_uploaded(fresh_uploaded)
    later = datetime.now(UTC) + timedelta(days=40)
    store.writer.call(lambda c: c.execute(
        "UPDATE sessions SET finalised_at = ? WHERE id = ?",
        ((datetime.now(UTC) - timedelta(days=100)).isoformat(), old_uploaded)))
    store.writer.call(lambda c: c.execute(
        "UPDATE sessions SET finalised_at = ? WHERE id = ?",
        ((datetime.now(UTC) - timedelta(days=100)).isoformat(), old_finalised)))
    dry = store.purge(days=90, dry_run=True)
    assert [d["id"] for d in dry] == [old_uploaded]
    with store.reader() as conn:
        assert len(queries.list_sessions(conn)) == 4
    gone = store.purge(days=90, dry_run=False)
    assert [d["id"] for d in gone] == [old_uploaded]
    with store.reader() as conn:
        left = {r["id"] for r in queries.list_sessions(conn)}
        assert conn.execute("SELECT count(*) FROM windows WHERE session_id = ?",
                            (old_uploaded,)).fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM applicants").fetchone()[0] == 3
        purge_events = [e for e in queries.audit_events(conn) if e["action"] == "retention_purge"]
    assert left == {old_finalised, fresh_uploaded, open_one}
    assert purge_events and purge_events[0]["detail"]["sessions"] == [old_uploaded]
    assert store.purge(days=90, dry_run=False, now=later) == []


def test_settings_default_and_change(store):
    assert store.setting("retention_days") == "365" and store.setting("keep_raw_video") == "0"
    store.set_setting("retention_days", "30", actor="admin")
    assert store.setting("retention_days") == "30"
    with pytest.raises(KeyError):
        store.setting("nope")


def test_history_search_by_name_nik_and_date(store, model_config):
    a = recorded_session(store, model_config, applicant={"full_name": "Siti Aminah",
                                                         "nik": "3201014101900001"})
    b = recorded_session(store, model_config, applicant={"full_name": "Budi Santoso",
                                                         "nik": "3301011203850002"})
    with store.reader() as conn:
        assert [r["id"] for r in queries.list_sessions(conn, search="aminah")] == [a]
        assert [r["id"] for r in queries.list_sessions(conn, search="3301011203850002")] == [b]
        today = datetime.now(UTC).date().isoformat()
        assert {r["id"] for r in queries.list_sessions(conn, search=today)} == {a, b}
