"""Hostile text in every field: kept byte for byte, or refused whole with a clear message."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mars_desktop.adapters.store import Store, StoreLocation, queries
from mars_desktop.core.text_rules import APPLICANT_FIELDS, InvalidText
from mars_desktop.pipeline.store_run import model_record

NASTY_OK = [
    "Robert'); DROP TABLE sessions;--",
    '"quoted" \'single\' `back`',
    "emoji 👩🏽‍💼🇮🇩",
    "عربي ←right-to-left→ עברית",
    "\u202eoverride\u202c and zero\u200bwidth",
    "%s %d {0} \\x00 literally",
]
NASTY_REFUSED = {
    "nul": "Siti\x00Aminah",
    "control": "bell\x07",
    "surrogate": "half \ud800 pair",
    "too long": "A" * 10_000,
}


@pytest.fixture
def store(tmp_path):
    with Store.open(StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")) as s:
        yield s


def _counts(store):
    with store.reader() as conn:
        return [conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("applicants", "sessions", "audit_events")]


@pytest.mark.parametrize("field", sorted(APPLICANT_FIELDS))
def test_every_applicant_field_round_trips_hostile_text(store, model_config, field):
    for text in NASTY_OK:
        sid = store.create_session({field: text}, model=model_record(model_config),
                                   info={"officer": text}, consent=True, recording=False)
        with store.reader() as conn:
            row = queries.session_row(conn, sid)
        assert row["applicant"][field] == text
        assert row["officer"] == text
        assert row["applicant"][field].encode() == text.encode()


@pytest.mark.parametrize("field", ["full_name", "officer_notes", "address"])
@pytest.mark.parametrize("kind", sorted(NASTY_REFUSED))
def test_refused_text_names_the_field_and_stores_nothing(store, model_config, field, kind):
    value = NASTY_REFUSED[kind]
    if kind == "too long" and field == "officer_notes":
        value = "A" * 20_001  # notes take 20,000; 10,000 is kept (next test)
    before = _counts(store)
    with pytest.raises(InvalidText) as err:
        store.create_session({"full_name": "ok", field: value} if field != "full_name"
                             else {field: value}, model=model_record(model_config), info={},
                             consent=True, recording=False)
    assert str(err.value).startswith(field + ":")
    assert _counts(store) == before


def test_ten_thousand_characters_of_notes_are_kept(store, model_config):
    notes = "Catatan panjang.\n" * 588 + "x" * 4
    assert len(notes) == 10_000
    sid = store.create_session({"officer_notes": notes}, model=model_record(model_config),
                               info={}, consent=True, recording=False)
    with store.reader() as conn:
        assert queries.session_row(conn, sid)["applicant"]["officer_notes"] == notes


def test_hostile_question_text_and_decision_reason(store, model_config):
    sid = store.create_session({}, model=model_record(model_config), info={}, consent=True,
                               recording=False)
    store.add_question(sid, 0, "q'1", NASTY_OK[0] + NASTY_OK[3], 0.0, False)
    reason = "Alasan:\n" + "\n".join(NASTY_OK)
    store.finalise(sid, decision="refer", reason=reason, officer=NASTY_OK[2])
    with store.reader() as conn:
        row = queries.session_row(conn, sid)
        qs = queries.question_rows(conn, sid)
    assert row["decision"]["reason"] == reason
    assert qs[0]["question_id"] == "q'1" and qs[0]["text"] == NASTY_OK[0] + NASTY_OK[3]


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=300))
def test_any_text_is_kept_exactly_or_refused_whole(store, model_config, text):
    before = _counts(store)
    try:
        sid = store.create_session({"full_name": text[:200], "address": text},
                                   model=model_record(model_config), info={}, consent=True,
                                   recording=False)
    except InvalidText as exc:
        assert exc.field in ("full_name", "address")
        assert _counts(store) == before
        return
    with store.reader() as conn:
        app = queries.session_row(conn, sid)["applicant"]
    assert app["full_name"] == text[:200] and app["address"] == text
