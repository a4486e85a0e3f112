"""The `mars analyze` output document."""

from __future__ import annotations

from typing import Any

from ..core.interview import InterviewAnalysis, QuestionRecord
from .offline import AnalysisRun

RESULT_SCHEMA = 1


def question_dict(q: QuestionRecord) -> dict[str, Any]:
    r = q.result
    assert r is not None, "question not closed"
    return {
        "question_id": q.question_id,
        "text": q.text,
        "start_s": round(q.start_s, 3),
        "end_s": round(q.end_s if q.end_s is not None else q.start_s, 3),
        "baseline": q.baseline,
        "windows": r.windows,
        "usable_windows": r.usable_windows,
        "status": r.status,
        "score": r.score,
        "flagged": r.flagged,
        "top_features": [{"name": m.name, "z": m.z, "label": m.label, "label_id": m.label_id}
                         for m in r.top_features],
        "others_in_view": q.max_faces_in_view > 1,
    }


def interview_dict(interview: InterviewAnalysis) -> dict[str, Any]:
    cfg = interview.config
    model = interview.model
    return {
        "threshold": cfg.scoring.threshold_percent,
        "model": {**cfg.to_dict(), "digest": cfg.digest()},
        "baseline": {
            "status": "ready" if model else "insufficient_data",
            "problem": interview.baseline_problem,
            "train_windows": model.train_windows if model else 0,
            "holdout_windows": model.holdout_windows if model else 0,
            "reference_error": round(model.reference_error, 4) if model else None,
        },
        "questions": [question_dict(q) for q in interview.questions],
        "disclaimer": ("The stress score is the share of an answer's windows that lie outside the "
                       "applicant's own calm baseline. It measures change, not truthfulness, and "
                       "never decides: the officer does."),
    }


def analysis_dict(run: AnalysisRun) -> dict[str, Any]:
    return {
        "schema": RESULT_SCHEMA,
        "video": str(run.video.path),
        "duration_s": round(run.video.duration_s, 3),
        "fps": round(run.video.fps, 3),
        "frames": run.frames,
        "frames_with_face": run.frames_with_face,
        "others_in_view": run.max_faces_in_view > 1,
        **interview_dict(run.interview),
    }
