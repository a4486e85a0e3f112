"""Interview scripts: TOML files with the questions in Indonesian and English, baseline first."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass


class ScriptError(ValueError):
    pass


@dataclass(frozen=True)
class ScriptQuestion:
    question_id: str
    baseline: bool
    text_id: str
    text_en: str

    def text(self, lang: str) -> str:
        return self.text_en if lang == "en" else self.text_id


@dataclass(frozen=True)
class InterviewScript:
    script_id: str
    title_id: str
    title_en: str
    questions: tuple[ScriptQuestion, ...]

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_id


def parse_script(text: str, name: str = "script") -> InterviewScript:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ScriptError(f"{name}: not valid TOML ({exc})") from None
    for key in ("id", "title_id", "title_en", "questions"):
        if key not in raw:
            raise ScriptError(f"{name}: missing {key!r}")
    questions = []
    seen = set()
    for i, q in enumerate(raw["questions"], 1):
        try:
            sq = ScriptQuestion(str(q["id"]), bool(q["baseline"]), str(q["text_id"]),
                                str(q["text_en"]))
        except (KeyError, TypeError):
            raise ScriptError(f"{name}: question {i} needs id, baseline, text_id and text_en") \
                from None
        if sq.question_id in seen:
            raise ScriptError(f"{name}: question id {sq.question_id!r} appears twice")
        seen.add(sq.question_id)
        questions.append(sq)
    if not questions or not questions[0].baseline:
        raise ScriptError(f"{name}: the first question must be a baseline question")
    if sum(q.baseline for q in questions) < 2:
        raise ScriptError(f"{name}: at least two baseline questions are needed")
    first_scored = next((i for i, q in enumerate(questions) if not q.baseline), len(questions))
    if any(q.baseline for q in questions[first_scored:]):
        raise ScriptError(f"{name}: baseline questions must all come before the others")
    if first_scored == len(questions):
        raise ScriptError(f"{name}: there is no question to score")
    return InterviewScript(str(raw["id"]), str(raw["title_id"]), str(raw["title_en"]),
                           tuple(questions))
