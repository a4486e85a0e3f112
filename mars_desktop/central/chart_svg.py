"""The per-question stress-score chart as inline SVG: drawn on the server, so the
dashboard needs no script and looks the same in every browser."""

from __future__ import annotations

from html import escape
from typing import Any

WIDTH, HEIGHT = 720, 260
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 14, 58


def question_chart(questions: list[dict[str, Any]], threshold: float,
                   insufficient_label: str, title: str) -> str:
    scored = [q for q in questions if not q.get("baseline")]
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(1, len(scored))
    bar_w = min(48.0, slot * 0.7)

    def y(pct: float) -> float:
        return TOP + plot_h * (1 - max(0.0, min(100.0, pct)) / 100)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
             f'role="img" aria-label="{escape(title)}" class="chart">',
             f"<title>{escape(title)}</title>"]
    for pct in (0, 25, 50, 75, 100):
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(pct):.1f}" '
                     f'y2="{y(pct):.1f}" class="grid"/>'
                     f'<text x="{LEFT - 6}" y="{y(pct) + 4:.1f}" class="tick" '
                     f'text-anchor="end">{pct}</text>')
    for i, q in enumerate(scored):
        cx = LEFT + slot * (i + 0.5)
        label = escape(str(q.get("question_id", "")))[:12]
        score = q.get("score")
        if score is None:
            parts.append(f'<text x="{cx:.1f}" y="{y(4):.1f}" class="insufficient" '
                         f'text-anchor="middle" data-question="{label}">'
                         f"{escape(insufficient_label)}</text>")
        else:
            cls = "bar flagged" if q.get("flagged") else "bar"
            top = y(float(score))
            parts.append(f'<rect x="{cx - bar_w / 2:.1f}" y="{top:.1f}" width="{bar_w:.1f}" '
                         f'height="{y(0) - top:.1f}" class="{cls}" data-question="{label}" '
                         f'data-score="{float(score):.1f}"><title>{label}: '
                         f"{float(score):.0f}%</title></rect>")
        parts.append(f'<text x="{cx:.1f}" y="{HEIGHT - BOTTOM + 16}" class="tick" '
                     f'text-anchor="middle">{label}</text>')
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(threshold):.1f}" '
                 f'y2="{y(threshold):.1f}" class="threshold" '
                 f'data-threshold="{threshold:.1f}"/>')
    parts.append("</svg>")
    return "".join(parts)
