"""Smoke check of a built bundle: run with any Python, `python installer/smoke_check.py
dist/mars VIDEO`. Runs `mars --version`, `mars analyze` on a real face video and the
window's self-test offscreen, in throw-away user folders; fails on any traceback in the
output or the logs. Prints JSON figures (bundle size, cold start to the first camera frame)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def folder_mb(path: Path) -> float:
    return round(sum(p.stat().st_size for p in path.rglob("*")
                     if p.is_file() and not p.is_symlink()) / 1e6, 1)


def main(bundle: Path, video: Path) -> int:
    exe = (bundle / ("mars.exe" if os.name == "nt" else "mars")).resolve()
    figures: dict[str, object] = {"bundle": str(bundle), "bundle_mb": folder_mb(bundle)}
    with tempfile.TemporaryDirectory(prefix="mars-smoke-") as tmp:
        t = Path(tmp)
        env = {**os.environ, "MARS_DATA_DIR": str(t / "data"), "MARS_CONFIG_DIR": str(t / "conf"),
               "MARS_LOG_DIR": str(t / "logs"), "QT_QPA_PLATFORM": "offscreen"}
        for var in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
            env.pop(var, None)  # the bundle must stand on its own
        outputs = []

        def run(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
            out = subprocess.run([str(exe), *args], capture_output=True, text=True, env=env,
                                 timeout=timeout, cwd=tmp)
            outputs.append(out.stdout + out.stderr)
            if out.returncode != 0:
                raise SystemExit(f"mars {' '.join(args[:1])} failed ({out.returncode}):\n"
                                 f"{out.stderr[-2000:]}")
            return out

        figures["version"] = run("--version").stdout.strip()
        marks = t / "marks.csv"
        marks.write_text("start_s,question_id,text,baseline\n0,b1,Nama,1\n6,b2,Alamat,1\n"
                         "12,q1,Tujuan,0\n", encoding="utf-8")
        start = time.monotonic()
        run("analyze", str(video), "--marks", str(marks), "--out", str(t / "r.json"))
        result = json.loads((t / "r.json").read_text())
        figures["analyze_s"] = round(time.monotonic() - start, 2)
        figures["analyze_questions"] = [q["status"] for q in result["questions"]]
        launched = time.time()
        run("gui", "--source", str(video), "--selftest", "8", "--out", str(t / "s.json"))
        stats = json.loads((t / "s.json").read_text())
        figures["selftest"] = stats
        if "first_frame_epoch" in stats:
            figures["cold_start_to_first_frame_s"] = round(stats["first_frame_epoch"] - launched,
                                                          2)
        logs = "".join(p.read_text(errors="replace") for p in (t / "logs").rglob("*.log"))
        if "Traceback" in logs or any("Traceback" in o for o in outputs):
            raise SystemExit("a traceback was logged:\n" + logs[-3000:])
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
