"""Question marks for headless analysis: `start_s,question_id,text,baseline`.

A question ends where the next one starts, the last at the end of the video.
Baseline questions (baseline = 1) come first: they are the calm reference the
later answers are compared with.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass

HEADER = ["start_s", "question_id", "text", "baseline"]
MAX_ROWS = 10_000
MAX_ID_LEN = 100
MAX_TEXT_LEN = 2_000


class MarksError(ValueError):
    pass


@dataclass(frozen=True)
class QuestionMark:
    question_id: str
    text: str
    start_s: float
    end_s: float
    baseline: bool


def parse_marks(text: str, duration_s: float) -> list[QuestionMark]:
    if "\x00" in text:
        raise MarksError("marks file contains NUL bytes; is it a CSV text file?")
    try:
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"), newline="")))
    except csv.Error as exc:  # e.g. a stray carriage return inside a field
        raise MarksError(f"marks file is not valid CSV: {exc}") from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise MarksError("marks file is empty; expected the header " + ",".join(HEADER))
    if [c.strip() for c in rows[0]] != HEADER:
        raise MarksError(f"marks header must be {','.join(HEADER)!r}, found {','.join(rows[0])!r}")
    body = rows[1:]
    if not body:
        raise MarksError("marks file has a header but no questions")
    if len(body) > MAX_ROWS:
        raise MarksError(f"marks file has {len(body)} rows; at most {MAX_ROWS} are allowed")
    parsed: list[tuple[float, str, str, bool]] = []
    seen: set[str] = set()
    for n, row in enumerate(body, start=2):
        if len(row) != 4:
            raise MarksError(f"marks line {n}: expected 4 fields, found {len(row)}")
        start_raw, qid, qtext, base_raw = (c.strip() for c in row)
        try:
            start = float(start_raw)
        except ValueError:
            raise MarksError(
                f"marks line {n}: start_s {start_raw[:40]!r} is not a number") from None
        if not math.isfinite(start) or start < 0:
            raise MarksError(f"marks line {n}: start_s {start_raw[:40]!r} must be >= 0")
        if start >= duration_s:
            raise MarksError(
                f"marks line {n}: start_s {start:g} is at or past the end of the video "
                f"({duration_s:.2f} s)")
        if parsed and start <= parsed[-1][0]:
            raise MarksError(f"marks line {n}: start_s {start:g} must be after the previous "
                             f"question's start ({parsed[-1][0]:g})")
        if not qid or len(qid) > MAX_ID_LEN or any(ord(c) < 32 for c in qid):
            raise MarksError(f"marks line {n}: question_id must be 1-{MAX_ID_LEN} printable "
                             "characters")
        if qid in seen:
            raise MarksError(f"marks line {n}: question_id {qid!r} appears twice")
        seen.add(qid)
        if len(qtext) > MAX_TEXT_LEN:
            raise MarksError(f"marks line {n}: text is longer than {MAX_TEXT_LEN} characters")
        if base_raw not in ("0", "1"):
            raise MarksError(f"marks line {n}: baseline must be 0 or 1, found {base_raw[:40]!r}")
        baseline = base_raw == "1"
        if baseline and parsed and not parsed[-1][3]:
            raise MarksError(f"marks line {n}: baseline question {qid!r} comes after a scored "
                             "question; baseline questions must come first")
        parsed.append((start, qid, qtext, baseline))
    if not any(p[3] for p in parsed):
        raise MarksError("marks have no baseline question (baseline = 1); "
                         "the score needs the applicant's own calm reference")
    out = []
    for i, (start, qid, qtext, baseline) in enumerate(parsed):
        end = parsed[i + 1][0] if i + 1 < len(parsed) else duration_s
        out.append(QuestionMark(qid, qtext, start, end, baseline))
    return out
