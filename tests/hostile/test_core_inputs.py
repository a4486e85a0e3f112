"""Hostile input catalogue, part 1: what an officer types and what an admin's files hold.

Every case must end in a clear message naming the problem (or a safe refusal), never an
unexpected exception. Fixed cases first, then hypothesis over random input.
"""

from __future__ import annotations

import contextlib
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mars_desktop.core.applicant import parse_date, validate_applicant
from mars_desktop.core.interview_script import ScriptError, parse_script
from mars_desktop.core.marks import MarksError, parse_marks
from mars_desktop.core.model_config import ModelConfigError, model_config_from_toml

TODAY = date(2026, 12, 4)
GOOD = {"full_name": "Siti Aminah", "nik": "3201014101900001", "birth_place": "Bogor",
        "birth_date": "01-01-1990", "sex": "F", "address": "Jl. Mawar 1",
        "passport_application_no": "P-1", "application_type": "new", "purpose": "tourism",
        "destination_country": "Malaysia", "intended_stay": "7 hari"}
ROOT = Path(__file__).resolve().parents[2]
SOM = (ROOT / "models" / "som.toml").read_text()
SCRIPT = (ROOT / "resources" / "scripts" / "pmi_screening.toml").read_text()
HEADER = "start_s,question_id,text,baseline\n"


def test_the_good_form_passes():
    assert validate_applicant(GOOD, TODAY) == []


FORM_CASES = [
    ({"nik": "320101410190000"}, "nik", "nik_digits"),            # 15 digits
    ({"nik": "32010141019000012"}, "nik", "nik_digits"),          # 17 digits
    ({"nik": "3201014101900O01"}, "nik", "nik_digits"),           # letter O for zero
    ({"nik": "٣٢٠١٠١٤١٠١٩٠٠٠٠١"}, "nik", "nik_digits"),           # Arabic-Indic digits
    ({"nik": "3201 0141 0190 0001"}, "nik", "nik_digits"),        # spaces inside
    ({"nik": "0001014101900001"}, "nik", "nik_province"),         # province 00
    ({"nik": "9901014101900001"}, "nik", "nik_province"),         # province 99
    ({"nik": "3201019901900001"}, "nik", "nik_birth_digits"),  # day 99
    ({"nik": "3201010101900001"}, "nik", "nik_sex_mismatch"),  # a woman without +40
    ({"nik": "3201014102900001"}, "nik", "nik_birth_mismatch"),  # another birth date
    ({"nik": "-201014101900001"}, "nik", "nik_digits"),
    ({"nik": "3201014101900001; DROP TABLE"}, "nik", "nik_digits"),
    ({"birth_date": "31-02-1990"}, "birth_date", "date_invalid"),
    ({"birth_date": "1990-13-01"}, "birth_date", "date_invalid"),
    ({"birth_date": "00-00-0000"}, "birth_date", "date_invalid"),
    ({"birth_date": "01-01-2090"}, "birth_date", "date_future"),
    ({"birth_date": "01-01-1800"}, "birth_date", "date_too_old"),
    ({"birth_date": "tomorrow"}, "birth_date", "date_invalid"),
    ({"birth_date": "1990-01-01T00:00"}, "birth_date", "date_invalid"),
    ({"birth_date": "１９９０-０１-０１"}, "birth_date", "date_invalid"),  # full-width digits
    ({"sex": "X"}, "sex", "choice"),
    ({"sex": "female"}, "sex", "choice"),
    ({"purpose": "smuggling"}, "purpose", "choice"),
    ({"application_type": "NEW"}, "application_type", "choice"),
    ({"full_name": "   "}, "full_name", "required"),
    ({"full_name": None}, "full_name", "required"),
    ({"purpose": "work_p3mi"}, "agency_name", "required"),
    ({"purpose": "family_visit"}, "sponsor", "required"),
    ({"purpose": "other"}, "officer_notes", "required"),
]


@pytest.mark.parametrize("change, field, code", FORM_CASES)
def test_form_problems_are_named(change, field, code):
    problems = validate_applicant({**GOOD, **change}, TODAY)
    assert any(p.field == field and p.code == code for p in problems), problems


MARKS_CASES = [
    ("", "empty"),
    ("\ufeff", "empty"),
    ("start_s,question_id\n", "header"),
    ("Start_S,question_id,text,baseline\n0,b1,x,1\n", "header"),
    (HEADER, "no questions"),
    (HEADER + "0,b1,x\n", "expected 4 fields"),
    (HEADER + "0,b1,x,1,extra\n", "expected 4 fields"),
    (HEADER + "abc,b1,x,1\n", "not a number"),
    (HEADER + "nan,b1,x,1\n", "must be >= 0"),
    (HEADER + "inf,b1,x,1\n", "must be >= 0"),
    (HEADER + "-1,b1,x,1\n", "must be >= 0"),
    (HEADER + "1e309,b1,x,1\n", "must be >= 0"),
    (HEADER + "500,b1,x,1\n", "past the end"),
    (HEADER + "5,b1,x,1\n2,b2,x,1\n", "must be after"),
    (HEADER + "0,b1,x,1\n0,b2,x,1\n", "must be after"),
    (HEADER + "0,,x,1\n", "question_id"),
    (HEADER + "0,b\x01,x,1\n", "question_id"),
    (HEADER + "0," + "q" * 500 + ",x,1\n", "question_id"),
    (HEADER + "0,b1,x,1\n5,b1,y,1\n", "appears twice"),
    (HEADER + "0,b1," + "x" * 20_000 + ",1\n", "longer than"),
    (HEADER + "0,b1,x,yes\n", "baseline must be 0 or 1"),
    (HEADER + "0,b1,x,\n", "baseline must be 0 or 1"),
    (HEADER + "0,q1,x,0\n5,b1,y,1\n", "comes after a scored"),
    (HEADER + "0,q1,x,0\n", "no baseline"),
    (HEADER + "0,b1,x\x00,1\n", "NUL"),
    (HEADER + "".join(f"{i / 1000},q{i},x,1\n" for i in range(10_001)), "at most"),
    (HEADER + "0,b1,x,1\r\n5,q1,\"a\rb\",0\r\n", None),  # CRLF and a quoted CR: fine
    (HEADER + "0,b1,x\r,1\n", "expected 4 fields"),  # a stray CR splits the line
    (HEADER + '0,b1,"unterminated,1\n', "expected 4 fields"),
]


@pytest.mark.parametrize("text, words", MARKS_CASES)
def test_bad_marks_are_refused_with_the_line(text, words):
    if words is None:
        assert [m.question_id for m in parse_marks(text, duration_s=60.0)] == ["b1", "q1"]
        return
    with pytest.raises(MarksError, match=words):
        parse_marks(text, duration_s=60.0)


def _script_without(key: str) -> str:
    return "\n".join(line for line in SCRIPT.splitlines() if not line.startswith(key + " "))


SCRIPT_CASES = [
    ("", "missing"),
    ("id = ", "not valid TOML"),
    ("[[[", "not valid TOML"),
    (_script_without("id"), "missing 'id'"),
    (_script_without("title_en"), "missing 'title_en'"),
    ('id="x"\ntitle_id="x"\ntitle_en="x"\nquestions=[]', "first question must be a baseline"),
    ('id="x"\ntitle_id="x"\ntitle_en="x"\nquestions="all"', "question 1 needs"),
    ('id="x"\ntitle_id="x"\ntitle_en="x"\nquestions=[{id="b1"}]', "question 1 needs"),
    ('id="x"\ntitle_id="x"\ntitle_en="x"\nquestions=[1, 2]', "question 1 needs"),
    ('id="x"\ntitle_id="x"\ntitle_en="x"\n[[questions]]\nid="q"\nbaseline=false\n'
     'text_id="a"\ntext_en="a"', "first question must be a baseline"),
    ('id="x"\ntitle_id="x"\ntitle_en="x"\n[[questions]]\nid="b"\nbaseline=true\n'
     'text_id="a"\ntext_en="a"\n[[questions]]\nid="q"\nbaseline=false\ntext_id="a"\n'
     'text_en="a"', "at least two baseline"),
    ('id="x"\ntitle_id="x"\ntitle_en="x"\n' + "".join(
        f'[[questions]]\nid="b{i}"\nbaseline=true\ntext_id="a"\ntext_en="a"\n'
        for i in range(3)), "no question to score"),
    ('id="x"\ntitle_id="x"\ntitle_en="x"\n' + "".join(
        '[[questions]]\nid="b"\nbaseline=true\ntext_id="a"\ntext_en="a"\n'
        for _ in range(2)), "appears twice"),
    ('id="x"\ntitle_id="x"\ntitle_en="x"\n' + "".join(
        f'[[questions]]\nid="{q}"\nbaseline={b}\ntext_id="a"\ntext_en="a"\n'
        for q, b in (("b1", "true"), ("b2", "true"), ("q1", "false"), ("b3", "true"))),
     "must all come before"),
]


@pytest.mark.parametrize("text, words", SCRIPT_CASES)
def test_bad_interview_scripts_are_refused(text, words):
    with pytest.raises(ScriptError, match=words):
        parse_script(text, "admin.toml")


def _som(old: str, new: str) -> str:
    assert old in SOM, old
    return SOM.replace(old, new, 1)


MODEL_CASES = [
    "", "[[[", SOM.replace("schema_version = 1", "schema_version = 2"),
    _som("threshold_percent = 70.0", "threshold_percent = 170.0"),
    _som("threshold_percent = 70.0", "threshold_percent = -1.0"),
    _som("threshold_percent = 70.0", "threshold_percent = nan"),
    _som("threshold_percent = 70.0", 'threshold_percent = "70"'),
    _som("threshold_percent = 70.0", "threshold_percent = inf"),
    _som("rows = 3", "rows = 0"),
    _som("rows = 3", "rows = 3.5"),
    _som("rows = 3", "rows = 100000"),
    _som("iterations = 1000", "iterations = -5"),
    _som("sigma = 1.2", "sigma = true"),
    _som("length_s = 1.0", "length_s = 0.0"),
    _som("hop_s = 0.5", "hop_s = 5.0"),
    _som("analysis_fps = 12.0", "analysis_fps = 1e9"),
    _som("min_usable_share = 0.6", "min_usable_share = 1.5"),
    _som("[som]", "[somx]"),
    _som("seed = 20261204", 'seed = "random"'),
    _som("holdout_every = 2", "holdout_every = 0"),
]


@pytest.mark.parametrize("text", MODEL_CASES, ids=range(len(MODEL_CASES)))
def test_a_tampered_model_config_is_refused(text):
    with pytest.raises(ModelConfigError):
        model_config_from_toml(text)


# -- random input: only the declared refusal, never anything else --------------------------

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.text(max_size=400))
def test_random_marks_text(text):
    with contextlib.suppress(MarksError):
        parse_marks(text, duration_s=60.0)


@FAST
@given(st.lists(st.tuples(st.one_of(st.floats(allow_nan=True), st.text(max_size=8)),
                          st.text(max_size=10), st.text(max_size=20),
                          st.sampled_from(["0", "1", "2", ""])), max_size=8))
def test_random_marks_rows(rows):
    text = HEADER + "".join(",".join(str(c).replace(",", " ").replace("\n", " ")
                                     for c in row) + "\n" for row in rows)
    try:
        marks = parse_marks(text, duration_s=60.0)
    except MarksError:
        return
    assert all(0 <= m.start_s < m.end_s <= 60.0 for m in marks)


@FAST
@given(st.text(max_size=300))
def test_random_scripts(text):
    with contextlib.suppress(ScriptError):
        parse_script(text)


@FAST
@given(st.sampled_from(["threshold_percent = 70.0", "rows = 3", "sigma = 1.2",
                        "length_s = 1.0", "seed = 20261204"]),
       st.one_of(st.floats(), st.integers(), st.text(max_size=10), st.booleans()))
def test_random_model_values(line, value):
    key = line.split(" = ")[0]
    literal = repr(value).lower() if not isinstance(value, str) else f'"{value}"'
    text = SOM.replace(line, f"{key} = {literal}")
    with contextlib.suppress(ModelConfigError):
        model_config_from_toml(text)


@FAST
@given(st.dictionaries(st.sampled_from(sorted(GOOD)), st.one_of(st.none(), st.text(max_size=40))))
def test_random_forms(change):
    for problem in validate_applicant({**GOOD, **change}, TODAY):
        assert problem.field in set(GOOD) | {"occupation", "agency_name", "sponsor",
                                             "labour_recommendation_no", "officer_notes"}


@FAST
@given(st.text(max_size=30))
def test_random_dates(text):
    parsed = parse_date(text)
    assert parsed is None or 1 <= parsed.year <= 9999
