from __future__ import annotations

import pytest

from mars_desktop.core.marks import MarksError, parse_marks

HEAD = "start_s,question_id,text,baseline\n"


def test_questions_end_where_the_next_starts_and_the_last_at_the_end():
    marks = parse_marks(HEAD + '0,q1,"Nama, lengkap?",1\n4.5,q2,Alamat,1\n9,q3,Tujuan,0\n', 20.0)
    assert [(m.question_id, m.start_s, m.end_s, m.baseline) for m in marks] == [
        ("q1", 0.0, 4.5, True), ("q2", 4.5, 9.0, True), ("q3", 9.0, 20.0, False)]
    assert marks[0].text == "Nama, lengkap?"


def test_bom_and_blank_lines_are_tolerated():
    marks = parse_marks("\ufeff" + HEAD + "\n0,a,x,1\n\n2,b,y,0\n", 5)
    assert [m.question_id for m in marks] == ["a", "b"]


@pytest.mark.parametrize("text, needle", [
    ("", "empty"),
    ("start,id,text,base\n0,a,x,1\n", "header"),
    (HEAD, "no questions"),
    (HEAD + "0,a,x\n", "expected 4 fields"),
    (HEAD + "zero,a,x,1\n", "not a number"),
    (HEAD + "-1,a,x,1\n", "must be >= 0"),
    (HEAD + "nan,a,x,1\n", "must be >= 0"),
    (HEAD + "inf,a,x,1\n", "must be >= 0"),
    (HEAD + "0,a,x,1\n99,b,y,0\n", "past the end of the video"),
    (HEAD + "0,a,x,1\n0,b,y,0\n", "must be after"),
    (HEAD + "2,a,x,1\n1,b,y,0\n", "must be after"),
    (HEAD + "0,a,x,1\n1,a,y,0\n", "appears twice"),
    (HEAD + "0,,x,1\n", "question_id"),
    (HEAD + "0,a\x01b,x,1\n", "question_id"),
    (HEAD + "0,a,x,yes\n", "baseline must be 0 or 1"),
    (HEAD + "0,a,x,0\n1,b,y,0\n", "no baseline question"),
    (HEAD + "0,a,x,1\n1,b,y,0\n2,c,z,1\n", "baseline questions must come first"),
    (HEAD + "0,a,x\x00,1\n", "NUL"),
    (HEAD + "0,a," + "x" * 3000 + ",1\n", "longer than"),
])
def test_bad_marks_are_refused_with_a_line_number_or_reason(text, needle):
    with pytest.raises(MarksError) as exc:
        parse_marks(text, 10.0)
    assert needle in str(exc.value)
    assert "\n" not in str(exc.value)
