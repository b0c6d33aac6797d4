"""Per-student HTML feedback that teaches without leaking: no test code, no key, no traceback.

nbgrader's own feedback shows hidden test code (its issues #917, #1363). Here a grade cell is
shown only as its title, its points and the per-criterion messages; the student's own answers
are shown as they wrote them (inside ``<pre class="student">``, which the leak scan skips).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from .._io import atomic_write_text
from .course import Course
from .ledger import SubmissionResult
from .report_state import SubmissionReport

STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#1f2328;line-height:1.5}
h1{font-size:1.5rem}.summary{border:1px solid #d0d7de;border-radius:6px;padding:1rem;
background:#f6f8fa}.cell{margin:1rem 0}.check{border-left:4px solid #0969da;padding:.5rem 1rem;
background:#f6f8fa}.check.full{border-color:#1a7f37}.check.zero{border-color:#cf222e}
pre{white-space:pre-wrap;background:#f6f8fa;padding:.75rem;border-radius:6px;overflow-x:auto}
.note{color:#57606a}.status{font-weight:600}
"""


def _esc(text: Any) -> str:
    return html.escape(str(text))


def _markdown(text: str) -> str:
    try:
        from nbconvert.filters.markdown import markdown2html

        return markdown2html(text)
    except Exception:  # rendering must never fail a student's feedback
        return f"<pre>{_esc(text)}</pre>"


def _text(value: Any) -> str:
    """Notebook JSON stores text as a string or a list of lines."""
    return "".join(value) if isinstance(value, list) else str(value or "")


def _output_text(outputs: list[dict[str, Any]]) -> str:
    parts = []
    for out in outputs:
        kind = out.get("output_type")
        if kind == "stream" and out.get("name") == "stdout":
            parts.append(_text(out.get("text")))
        elif kind in ("execute_result", "display_data"):
            parts.append(_text(out.get("data", {}).get("text/plain")))
        elif kind == "error":
            parts.append(f"{out.get('ename', 'Error')}: {out.get('evalue', '')}")
    text = "".join(p if p.endswith("\n") else p + "\n" for p in parts if p)
    return text[:5000] + ("\n… (output cut)" if len(text) > 5000 else "")


def _grade_cell_html(cell: dict[str, Any], grade: dict[str, Any] | None,
                     lines: list[str] | None) -> str:
    meta = cell["metadata"]["nbgrader"]
    points = float(meta.get("points", 0))
    score = None if grade is None else grade.get("score")
    css = "check"
    if score is not None:
        css += " full" if score >= points else (" zero" if score == 0 else "")
    shown = "awaiting manual grading" if score is None else f"{score:g} / {points:g} points"
    body = ""
    if lines:
        body = f"<pre>{_esc(chr(10).join(lines))}</pre>"
    else:
        errors = [o for o in cell.get("outputs", []) if o.get("output_type") == "error"]
        if errors:
            body = (f"<p>This check stopped with <code>{_esc(errors[0].get('ename', 'an error'))}"
                    "</code>: the answer it checks is missing, has the wrong form, or gives a "
                    "different result. Re-run your notebook from the top and compare with the "
                    "question.</p>")
    title = _esc(meta.get("grade_id", "check"))
    return f'<div class="cell {css}"><b>Check {title}</b>: {shown}{body}</div>'


def render(notebook: dict[str, Any], student: str, assignment: str, name: str,
           result: SubmissionResult, state: SubmissionReport) -> str:
    """The feedback page of one notebook as a self-contained HTML string."""
    grades = {(c["notebook"], c["cell"]): c for c in result.details.get("cells", [])}
    blocks = []
    for cell in notebook.get("cells", []):
        meta = cell.get("metadata", {}).get("nbgrader", {})
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        if meta.get("grade") and not meta.get("solution") and cell.get("cell_type") == "code":
            blocks.append(_grade_cell_html(cell, grades.get((name, meta.get("grade_id"))),
                                           state.feedback.get(meta.get("grade_id", ""))))
        elif cell.get("cell_type") == "markdown":
            css = ' class="student"' if meta.get("solution") else ""
            if meta.get("solution"):
                blocks.append(f'<div class="cell"><pre class="student">{_esc(source)}</pre></div>')
            else:
                blocks.append(f'<div class="cell"{css}>{_markdown(source)}</div>')
            if meta.get("grade"):
                grade = grades.get((name, meta.get("grade_id")))
                score = None if grade is None else grade.get("score")
                shown = ("awaiting manual grading" if score is None
                         else f"{score:g} / {float(meta.get('points', 0)):g} points")
                blocks.append(f'<div class="cell check"><b>Written answer</b>: {shown}</div>')
        elif cell.get("cell_type") == "code":
            outputs = _output_text(cell.get("outputs", []))
            css = "given" if meta.get("locked") else "student"  # added cells are theirs too
            out_html = f'<pre class="student">{_esc(outputs)}</pre>' if outputs else ""
            blocks.append(f'<div class="cell"><pre class="{css}">{_esc(source)}</pre>{out_html}</div>')
    notes = "".join(f"<li>{_esc(n)}</li>" for n in [*state.notes, *state.tampered])
    score = "—" if result.score is None else f"{result.score:g} / {result.max_score:g}"
    return (
        f"<!doctype html><html lang=en><head><meta charset=utf-8><title>Feedback: {_esc(assignment)}"
        f" / {_esc(name)}</title><style>{STYLE}</style></head><body>"
        f"<h1>Feedback on {_esc(assignment)}: {_esc(name)}</h1>"
        f'<div class="summary"><div>Student: <b>{_esc(student)}</b></div>'
        f'<div>Assignment score: <b>{score}</b> &nbsp; <span class="status">{_esc(result.status)}'
        f"</span></div>{f'<ul class=note>{notes}</ul>' if notes else ''}</div>"
        + "".join(blocks) + "</body></html>"
    )


def write_feedback(course: Course, assignment: str, student: str, result: SubmissionResult,
                   state: SubmissionReport) -> list[Path]:
    """Writes ``feedback/<student>/<assignment>/<notebook>.html`` for each autograded notebook."""
    graded_dir = course.root / "autograded" / student / assignment
    out_dir = course.root / "feedback" / student / assignment
    written = []
    for path in sorted(graded_dir.glob("*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        page = render(notebook, student, assignment, path.stem, result, state)
        written.append(atomic_write_text(out_dir / f"{path.stem}.html", page))
    return written
