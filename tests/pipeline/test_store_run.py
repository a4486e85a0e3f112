"""A real video analysed into the store: what is stored rebuilds the live result exactly."""

from __future__ import annotations

from mars_desktop.adapters.store import Store, StoreLocation, queries
from mars_desktop.core.interview import QuestionRecord, rescore
from mars_desktop.core.marks import parse_marks
from mars_desktop.pipeline.result_json import question_dict
from mars_desktop.pipeline.store_run import analyse_into_store
from tests.support.media import feat_file

MARKS = ("start_s,question_id,text,baseline\n"
         "0,b1,Nama,1\n4,b2,Alamat,1\n8,q1,Tujuan,0\n10,q2,Pekerjaan,0\n")


def test_rescoring_stored_windows_gives_the_live_scores(tmp_path, model_config):
    video = feat_file("WolfgangLanger_Pexels.mp4")
    marks = parse_marks(MARKS, 19.7)
    with Store.open(StoreLocation.in_dirs(tmp_path / "d", tmp_path / "c")) as store:
        sid, run = analyse_into_store(store, video, marks, model_config, realtime=False,
                                      applicant={}, info={})
        with store.reader() as conn:
            rows = queries.question_rows(conn, sid)
            windows = queries.windows_of(conn, sid)
            assert queries.session_row(conn, sid)["state"] == "open"
    live = [question_dict(q) for q in run.interview.questions]
    assert [r["result"] for r in rows] == live
    records = [QuestionRecord(r["question_id"], r["text"], r["start_s"], r["baseline"],
                              end_s=r["end_s"], windows=windows.get(r["idx"], []))
               for r in rows]
    rebuilt = rescore(model_config, records)
    assert [question_dict(q) for q in rebuilt.questions] == live
    assert any(q["flagged"] for q in live)  # the laughing answer: a real score, not all zero
    stored = sum(len(w) for w in windows.values())
    assert stored == sum(len(q.windows) for q in run.interview.questions) > 30
