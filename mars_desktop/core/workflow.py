"""The interview's steps, in the order the workstation enforces them.

new session -> applicant data -> notice and consent -> baseline questions ->
scripted questions -> officer's decision -> finalised. Without consent the
interview goes on without analysis (the report says so).
"""

from __future__ import annotations

from enum import Enum


class Step(Enum):
    IDLE = "idle"  # no session
    APPLICANT = "applicant"  # typing the form
    CONSENT = "consent"  # the notice is read out; the applicant agrees or not
    INTERVIEW = "interview"  # questions, baseline first
    DECISION = "decision"  # the officer's decision and reason
    FINALISED = "finalised"


NEXT: dict[Step, Step] = {
    Step.IDLE: Step.APPLICANT,
    Step.APPLICANT: Step.CONSENT,
    Step.CONSENT: Step.INTERVIEW,
    Step.INTERVIEW: Step.DECISION,
    Step.DECISION: Step.FINALISED,
    Step.FINALISED: Step.IDLE,
}


class WorkflowError(RuntimeError):
    pass


class Workflow:
    def __init__(self) -> None:
        self.step = Step.IDLE
        self.consent: bool | None = None
        self.question_index = -1  # into the script; -1 before the first question
        self.analysis_paused = False
        self.analysis_stopped = False

    def advance(self, expected: Step) -> Step:
        if self.step is not expected:
            raise WorkflowError(f"cannot leave {expected.value} while at {self.step.value}")
        self.step = NEXT[self.step]
        if self.step is Step.APPLICANT:
            self.consent, self.question_index = None, -1
            self.analysis_paused = self.analysis_stopped = False
        return self.step

    def record_consent(self, given: bool) -> None:
        if self.step is not Step.CONSENT:
            raise WorkflowError("consent is asked after the applicant's data")
        self.consent = given
        self.advance(Step.CONSENT)

    @property
    def analysing(self) -> bool:
        return (self.step is Step.INTERVIEW and bool(self.consent)
                and not self.analysis_paused and not self.analysis_stopped)

    def move_question(self, delta: int, count: int) -> int:
        if self.step is not Step.INTERVIEW:
            raise WorkflowError("questions are asked during the interview step")
        self.question_index = max(0, min(count - 1, self.question_index + delta))
        return self.question_index

    def take_up(self, consent: bool, question_index: int) -> None:
        """An interrupted session taken up from the history: what was recorded stays, and
        the interview goes on from the question it had reached."""
        if self.step not in (Step.IDLE, Step.FINALISED):
            raise WorkflowError("finish the current session first")
        self.step = Step.INTERVIEW
        self.consent = consent
        self.question_index = question_index
        self.analysis_paused = self.analysis_stopped = False
