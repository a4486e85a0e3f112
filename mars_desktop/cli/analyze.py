"""`mars analyze` and `mars bench`."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from .support import EXIT_OK, MAX_MARKS_BYTES, ProgressBar, UserError, write_json_atomic

log = logging.getLogger("mars.cli")


def cmd_analyze(args: argparse.Namespace) -> int:
    from ..adapters.sources import SourceError
    from ..adapters.text_files import TextFileError, read_text_file
    from ..core.marks import MarksError, parse_marks
    from ..core.model_config import ModelConfigError
    from ..pipeline.model_files import load_model_config
    from ..pipeline.offline import NoFaceError, analyse_video, probe_video
    from ..pipeline.result_json import analysis_dict

    if args.workers is not None and not 1 <= args.workers <= 16:
        raise UserError("--workers must be a whole number from 1 to 16")
    if args.threshold is not None or args.model is not None:
        from ..core.permissions import Action
        from ..pipeline.accounts import keyring_for
        from .signin import signed_in_store, store_location

        if keyring_for(store_location()).exists():  # (no store is made for a plain run)
            with signed_in_store(Action.CHANGE_THRESHOLD):
                pass  # once accounts are on, only an admin scores with another threshold

    try:
        config = load_model_config(args.model)
        if args.threshold is not None:
            config = config.with_threshold(args.threshold)
    except ModelConfigError as exc:
        raise UserError(str(exc)) from None
    try:
        video = probe_video(args.video)
    except SourceError as exc:
        raise UserError(str(exc)) from None
    try:
        marks = parse_marks(read_text_file(args.marks, "marks file", MAX_MARKS_BYTES),
                            video.duration_s)
    except (TextFileError, MarksError) as exc:
        raise UserError(str(exc)) from None
    if args.out is None and not args.store:
        raise UserError("say where the result goes: --out FILE.json, --store, or both")
    if args.out is not None:
        out_parent = args.out.parent if str(args.out.parent) else Path(".")
        if not out_parent.is_dir():
            raise UserError(f"output folder does not exist: {out_parent}")
    applicant = _read_applicant(args.applicant) if args.applicant else {}
    bar = ProgressBar("analysing", args.progress)
    session_id = None
    try:
        if args.store:
            session_id, run = _analyse_into_store(args, marks, config, video, applicant, bar)
        elif args.realtime:
            from ..pipeline.live_run import analyse_live

            run = analyse_live(args.video, marks, config, progress=bar)
        else:
            run = analyse_video(args.video, marks, config, video=video, workers=args.workers,
                                progress=bar)
    except (SourceError, NoFaceError) as exc:
        raise UserError(str(exc)) from None
    finally:
        bar.close()
    if args.out is not None:
        write_json_atomic(args.out, analysis_dict(run))
    log.info("analysed %s: %d frames, %d with a face", args.video, run.frames,
             run.frames_with_face)
    if session_id:
        print(session_id)  # alone on the last line, for scripts
    return EXIT_OK


def _read_applicant(path: Path) -> dict:
    from ..adapters.text_files import TextFileError, read_text_file

    try:
        data = json.loads(read_text_file(path, "applicant file", MAX_MARKS_BYTES))
    except TextFileError as exc:
        raise UserError(str(exc)) from None
    except json.JSONDecodeError as exc:
        raise UserError(f"applicant file {path} is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise UserError(f"applicant file {path} must hold one JSON object")
    return data


def _analyse_into_store(args, marks, config, video, applicant, bar):
    import shutil
    import sys

    from ..core.permissions import Action
    from ..core.text_rules import InvalidText
    from ..pipeline.store_run import analyse_into_store
    from .signin import signed_in_store

    def announce(sid: str) -> None:
        sys.stderr.write(f"recording session {sid}\n")
        sys.stderr.flush()

    with signed_in_store(Action.INTERVIEW) as (store, who):
        try:
            sid, run = analyse_into_store(
                store, args.video, marks, config, realtime=args.realtime, applicant=applicant,
                info={"officer": who.username or args.officer, "office": args.office},
                video=video,
                workers=args.workers, progress=bar, on_session=announce)
        except InvalidText as exc:
            raise UserError(f"applicant data refused, nothing stored: {exc}") from None
        if store.setting("keep_raw_video") == "1":  # an admin choice; off by default
            videos = store.location.database.parent / "videos"
            videos.mkdir(exist_ok=True)
            shutil.copy2(args.video, videos / f"{sid}{Path(args.video).suffix.lower()}")
    return sid, run


def cmd_bench(args: argparse.Namespace) -> int:
    from ..adapters.sources import SourceError
    from ..core.model_config import ModelConfigError
    from ..pipeline.bench import run_bench
    from ..pipeline.model_files import load_model_config

    try:
        config = load_model_config(args.model)
        if str(args.video) == "store":
            from ..pipeline.store_bench import run_store_bench

            figures = run_store_bench(config)
        elif str(args.video) == "sync":
            from ..pipeline.sync_bench import run_sync_bench

            figures = run_sync_bench(config, db=args.db, sessions=args.sessions,
                                     workstations=args.workstations)
        elif str(args.video) == "export":
            from ..pipeline.report_bench import run_export_bench

            figures = run_export_bench()
        else:
            figures = run_bench(args.video, config, max_frames=args.max_frames)
    except (SourceError, ModelConfigError) as exc:
        raise UserError(str(exc)) from None
    write_json_atomic(args.out, figures)
    print(json.dumps(figures, indent=2))
    return EXIT_OK
