"""The JSON shapes of the central API; they are the OpenAPI document's schemas.

The session record is the one the workstation's report stands for
(core/report_record.py); its SHA-256 travels with it and the server checks it.
"""

from __future__ import annotations

import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Text = Field(max_length=10_000)


class TopFeature(BaseModel):
    name: str = Field(max_length=200)
    z: float
    label: str = Field(max_length=500)
    label_id: str = Field(max_length=200)


class QuestionRecord(BaseModel):
    question_id: str = Field(max_length=200)
    text: str = Field(max_length=10_000)
    start_s: float | None
    end_s: float | None
    baseline: bool
    windows: int | None = Field(ge=0)
    usable_windows: int | None = Field(ge=0)
    status: Literal["baseline", "scored", "insufficient_data"] | None
    score: float | None = Field(ge=0, le=100)
    flagged: bool | None
    top_features: list[TopFeature] | None = Field(max_length=50)


class DecisionRecord(BaseModel):
    decision: Literal["proceed", "defer", "refer"]
    reason: str = Field(min_length=1, max_length=10_000)
    disregarded_score: bool
    disregard_reason: str | None = Field(max_length=10_000)
    decided_at: str = Field(max_length=40)
    officer: str | None = Field(max_length=200)


class SessionRecord(BaseModel):
    model_config = ConfigDict(extra="forbid")
    record_version: Literal[1]
    session_id: uuid.UUID
    created_at: str = Field(max_length=40)
    finalised_at: str | None = Field(max_length=40)
    office: str = Field(max_length=32)
    workstation: str | None = Field(max_length=200)
    officer: str | None = Field(max_length=200)
    applicant: dict[str, str | None] = Field(max_length=40)
    consent: bool
    model_digest: str = Field(max_length=128)
    threshold: float = Field(ge=0, le=100)
    questions: list[QuestionRecord] = Field(max_length=500)
    decision: DecisionRecord | None


class AuditCheckpoint(BaseModel):
    """The newest link of the workstation's audit chain when it sent this upload."""
    event_id: int = Field(ge=1, le=2**62)
    hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class UploadRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    session_id: uuid.UUID
    record_sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    record: SessionRecord
    report_pdf_base64: str | None = Field(default=None, max_length=40_000_000)
    audit_checkpoint: AuditCheckpoint | None = None


class UploadAnswer(BaseModel):
    session_id: str
    office: str
    received_at: str
    record_sha256: str


class StoredCheckpoint(BaseModel):
    workstation_id: str
    event_id: int
    hash: str
    received_at: str


class EnrolRequest(BaseModel):
    enrolment_code: str = Field(min_length=1, max_length=64)
    office: str = Field(min_length=1, max_length=32)
    workstation_name: str = Field(min_length=1, max_length=100)


class EnrolAnswer(BaseModel):
    workstation_id: str
    office: str
    token: str


class SessionSummary(BaseModel):
    id: str
    created_at: str
    finalised_at: str | None
    received_at: str
    officer: str | None
    applicant_name: str | None
    decision: str | None
    questions_count: int
    flagged_count: int
    insufficient_count: int


class SessionPage(BaseModel):
    office: str
    page: int
    per_page: int
    total: int
    items: list[SessionSummary]


class StoredSession(BaseModel):
    session_id: str
    office: str
    received_at: str
    record_sha256: str
    has_report_pdf: bool
    record: dict[str, Any]


class Health(BaseModel):
    status: Literal["ok"]
    database: str
    schema_version: int
    version: str


class Problem(BaseModel):
    """An error: one sentence, or (a request that does not fit the schema) one entry per
    problem, as FastAPI reports them."""
    detail: str | list[dict[str, Any]]
