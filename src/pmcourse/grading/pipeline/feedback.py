"""Per-student HTML feedback that teaches without leaking: no test code, no key, no traceback.

Scores and comments come from nbgrader's gradebook (`gradebook.SubmissionGrades`), so a manual
grade or a formgrader comment shows on the next ``pmcourse export``. Every graded cell gets a
line: its points (rounded for people), "awaiting a person" while nbgrader says it needs manual
grading, and the grader's comment. Student markdown is sanitised with nh3; sources and outputs
are escaped; TeX renders offline through matplotlib's mathtext (or stays readable TeX).

Pages go where ``nbgrader release_feedback`` reads them,
``feedback/<student>/<assignment>/<notebook>.html``, with the submission's ``timestamp.txt``
and ``submission_secret.txt`` beside them, readable by the student (files 0644, folders 0755).
A page at that path that pmcourse did not write (``nbgrader generate_feedback``'s stock page) is
never overwritten: it is kept and named in the export's report. With the course's
``GenerateFeedback.exporter_class`` set, ``nbgrader generate_feedback`` writes this module's page
itself (`feedback_exporter`, through `notebook_page`).
"""

from __future__ import annotations

import base64
import html
import io
import json
import os
import re
import stat
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..._io import atomic_write_text
from .gradebook import CellGrade, SubmissionGrades
from .textsafe import clean_html, strip_controls

GENERATOR = "pmcourse feedback"
"""The generator meta tag that marks a page as pmcourse's own (safe to regenerate)."""
FILE_MODE, DIR_MODE = 0o644, 0o755
"""Feedback is for students to read: files rw-r--r--, folders rwxr-xr-x."""
OUTPUT_CHARS = 5000
"""Characters of one cell's output shown (the rest is cut, and says so)."""
MATH_LIMIT = 40
"""Formulas rendered per page; later ones stay readable TeX."""
SIDE_FILES = ("timestamp.txt", "submission_secret.txt")
"""What ``nbgrader release_feedback`` reads next to each page."""
SIDE_FILE_BYTES = 4096
FEEDBACK_FAILED = "feedback could not be written"
"""How the grading worker notes a feedback failure (for the instructor, never the student)."""

STYLE = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;max-width:60rem;margin:2rem auto;
padding:0 1rem;color:#1f2328;line-height:1.5;overflow-wrap:anywhere}
h1{font-size:1.5rem}.summary{border:1px solid #d0d7de;border-radius:6px;padding:1rem;
background:#f6f8fa}.cell{margin:1rem 0}.check{border-left:4px solid #0969da;padding:.5rem 1rem;
background:#f6f8fa}.check.full{border-color:#1a7f37}.check.zero{border-color:#cf222e}
.check.waiting{border-color:#9a6700}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f6f8fa;padding:.75rem;
border-radius:6px}.comment{border-left:4px solid #8250df;padding:.25rem 1rem;margin:.5rem 0}
.note{color:#57606a}.status{font-weight:600}img.math{vertical-align:middle}
"""


class FeedbackLeak(Exception):
    """A feedback page would show instructor-only lines; it was not written."""

    def __init__(self, leaks: list[str]) -> None:
        # the message names no secret: it travels to the ledger, grades.csv and the terminal
        super().__init__(f"feedback blocked: {len(leaks)} instructor-only line(s) or other "
                         "students' data on the page; `pmcourse export DIR` shows where")
        self.leaks = leaks


@dataclass
class FeedbackOutcome:
    """What writing one submission's feedback did."""

    written: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    """Pages another tool wrote (nbgrader generate_feedback), left as they were."""


def points(value: float | None) -> str:
    """Points for people: at most two decimals, no trailing zeros (14.3998 -> 14.4)."""
    if value is None:
        return "–"
    return f"{round(float(value), 2):g}"


def _esc(text: Any) -> str:
    return html.escape(strip_controls(text))


def _text(value: Any) -> str:
    """Notebook JSON stores text as a string or a list of lines."""
    return "".join(value) if isinstance(value, list) else str(value or "")


# --- math --------------------------------------------------------------------------------------

_MATH = re.compile(r"\$\$(.+?)\$\$|\$([^$\n]{1,300})\$", re.S)


_SVG_METADATA = re.compile(rb"\s*<metadata>.*?</metadata>", re.S)
"""matplotlib's SVG metadata block: it holds the time of drawing, so a page would differ on
every run (pmcourse export and nbgrader generate_feedback must write the same page)."""


@lru_cache(maxsize=512)
def _math_svg(tex: str) -> str | None:
    """`tex` rendered by matplotlib's mathtext as a base64 SVG (the same bytes on every run),
    or None if it cannot be."""
    try:
        import matplotlib
        from matplotlib import mathtext

        buffer = io.BytesIO()
        with matplotlib.rc_context({"svg.hashsalt": GENERATOR}):  # stable element ids
            mathtext.math_to_image(f"${tex}$", buffer, format="svg", dpi=100)
    except Exception:  # any TeX mathtext does not support stays readable TeX
        return None
    svg = _SVG_METADATA.sub(b"", buffer.getvalue(), count=1)
    return base64.b64encode(svg).decode("ascii")


def render_math(markup: str) -> str:
    """Replaces ``$...$`` and ``$$...$$`` in sanitised HTML by offline-rendered images.

    The TeX is kept as the image's alt text; a formula mathtext cannot draw stays as code.
    """
    count = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal count
        tex = html.unescape(match.group(1) or match.group(2) or "").strip()
        count += 1
        svg = _math_svg(" ".join(tex.split())) if tex and count <= MATH_LIMIT else None
        if svg is None:
            return f'<code class="math">{html.escape(match.group(0))}</code>'
        return (f'<img class="math" alt="{html.escape(tex, quote=True)}" '
                f'src="data:image/svg+xml;base64,{svg}">')

    return _MATH.sub(replace, markup)


def _markdown(text: str) -> str:
    """Markdown from a notebook as sanitised HTML with rendered math."""
    try:
        from nbconvert.filters.markdown import markdown2html

        markup = markdown2html(strip_controls(text))
    except Exception:  # rendering must never fail a student's feedback
        return f"<pre>{_esc(text)}</pre>"
    return render_math(clean_html(markup))


# --- cells -------------------------------------------------------------------------------------


def _outputs(cell: dict[str, Any]) -> list[dict[str, Any]]:
    """A cell's outputs that are well-formed (a hostile notebook may hold anything there)."""
    outputs = cell.get("outputs")
    return [o for o in outputs if isinstance(o, dict)] if isinstance(outputs, list) else []


def _output_text(outputs: list[dict[str, Any]]) -> str:
    parts = []
    for out in outputs:
        kind = out.get("output_type")
        if kind == "stream":
            parts.append(_text(out.get("text")))
        elif kind in ("execute_result", "display_data"):
            data = out.get("data")
            parts.append(_text(data.get("text/plain")) if isinstance(data, dict) else "")
        elif kind == "error":
            parts.append(f"{out.get('ename', 'Error')}: {out.get('evalue', '')}")
    text = "".join(p if p.endswith("\n") else p + "\n" for p in parts if p)
    return text[:OUTPUT_CHARS] + ("\n… (output cut)" if len(text) > OUTPUT_CHARS else "")


def _check_lines(cell: dict[str, Any]) -> list[str]:
    """The per-criterion lines the grader printed into a pmcourse grade cell."""
    from .preprocessors import graded_problem_id

    if graded_problem_id(_text(cell.get("source"))) is None:
        return []
    for out in _outputs(cell):
        if out.get("output_type") == "stream":
            return _text(out.get("text")).rstrip("\n").splitlines()
    return []


def score_line(grade: CellGrade | None, max_points: float) -> tuple[str, str]:
    """(css class, text) of a graded cell's score: points, or who it is waiting for."""
    if grade is None:
        return "waiting", "not graded yet"
    if grade.needs_manual_grade:
        return "waiting", f"awaiting a person (out of {points(grade.max_score or max_points)})"
    css = "full" if grade.score >= grade.max_score else ("zero" if grade.score == 0 else "")
    return css, f"{points(grade.score)} / {points(grade.max_score)} points"


def _comment(grade: CellGrade | None, comment: str) -> str:
    text = comment or (grade.comment if grade else "")
    if not text.strip():
        return ""
    return f'<div class="comment"><b>Grader\'s comment</b>: {_markdown(text)}</div>'


def _check_box(title: str, grade: CellGrade | None, max_points: float, body: str = "",
               comment: str = "") -> str:
    css, shown = score_line(grade, max_points)
    return (f'<div class="cell check {css}"><b>{_esc(title)}</b>: {shown}{body}'
            f"{_comment(grade, comment)}</div>")


def _student_source(source: str, outputs: str = "") -> str:
    """The student's own code and what running it printed (outputs are leak-scanned)."""
    out = f'<pre class="output">{_esc(outputs)}</pre>' if outputs else ""
    return f'<div class="cell"><pre class="student">{_esc(source)}</pre>{out}</div>'


def _tests_box(cell: dict[str, Any], meta: dict[str, Any], grade: CellGrade | None,
               comment: str) -> str:
    lines = _check_lines(cell)
    title = lines[0].strip("[]") if lines else f"Check {meta.get('grade_id', '')}"
    body = ""
    if len(lines) > 1:
        body = f'<pre class="output">{_esc(chr(10).join(lines[1:]))}</pre>'
    elif grade is None or grade.score < grade.max_score:
        errors = [o for o in _outputs(cell) if o.get("output_type") == "error"]
        if errors:
            body = (f"<p>This check stopped with <code>{_esc(errors[0].get('ename', 'an error'))}"
                    "</code>: the answer it checks is missing, has the wrong form, or gives a "
                    "different result. Re-run your notebook from the top and compare with the "
                    "question.</p>")
    return _check_box(title, grade, float(meta.get("points", 0) or 0), body, comment)


def _cell_html(cell: dict[str, Any], name: str, grades: dict[tuple[str, str], CellGrade],
               comments: dict[tuple[str, str], str]) -> str:
    meta = cell.get("metadata")
    meta = meta.get("nbgrader") if isinstance(meta, dict) else None
    meta = meta if isinstance(meta, dict) else {}
    kind = cell.get("cell_type")
    source = _text(cell.get("source"))
    grade_id = str(meta.get("grade_id", ""))
    grade = grades.get((name, grade_id))
    comment = comments.get((name, grade_id), "")
    max_points = float(meta.get("points", 0) or 0)
    graded = bool(meta.get("grade") or meta.get("task"))
    if kind == "code" and meta.get("grade") and not meta.get("solution"):
        return _tests_box(cell, meta, grade, comment)
    if kind == "code":
        block = _student_source(source, _output_text(_outputs(cell)))
        if meta.get("solution") and graded:
            block += _check_box(f"Your code ({grade_id})", grade, max_points)
        elif comment:
            block += _comment(None, comment)
        return block
    if kind != "markdown":
        return ""
    if meta.get("solution"):
        block = _student_source(source)
        if graded:
            return block + _check_box("Your written answer", grade, max_points, "", comment)
        return block + (_comment(None, comment) if comment else "")
    block = f'<div class="cell">{_markdown(source)}</div>'
    if meta.get("task"):
        block += _check_box("Task", grade, max_points, "", comment)
    return block


def render(notebook: dict[str, Any], *, student: str, assignment: str, name: str,
           grades: SubmissionGrades | None, status: str, notes: list[str] | None = None) -> str:
    """The feedback page of one notebook as a self-contained HTML string."""
    by_cell = {(c.notebook, c.cell): c for c in (grades.cells if grades else ())}
    comments = grades.comments if grades else {}
    blocks = [_cell_html(cell, name, by_cell, comments) for cell in notebook.get("cells", [])
              if isinstance(cell, dict)]
    notes = list(notes or [])
    if grades is None:
        score = "—"
    else:
        score = f"{points(grades.score)} / {points(grades.max_score)}"
        if grades.late_penalty:
            notes.insert(0, f"Submitted late: {points(grades.raw_score)} points earned, minus a "
                            f"late penalty of {points(grades.late_penalty)}.")
        if grades.awaiting_manual:
            notes.insert(0, f"{grades.awaiting_manual} answer(s) await a person; the score "
                            "will change once they are graded.")
    listed = "".join(f"<li>{_esc(n)}</li>" for n in notes)
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta name="generator" content="{GENERATOR}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Feedback: {_esc(assignment)} / {_esc(name)}</title><style>{STYLE}</style>"
        f"</head><body><main><h1>Feedback on {_esc(assignment)}: {_esc(name)}</h1>"
        f'<div class="summary"><div>Student: <b>{_esc(student)}</b></div>'
        f'<div>Assignment score: <b>{score}</b> &nbsp; <span class="status">{_esc(status)}'
        f"</span></div>{f'<ul class=note>{listed}</ul>' if listed else ''}</div>"
        + "".join(blocks) + "</main></body></html>"
    )


# --- files -------------------------------------------------------------------------------------


def read_regular(path: Path, limit: int, *, head: bool = False) -> bytes | None:
    """A regular file's bytes, opened without following a link, or None (missing, a link, a
    FIFO or device, or larger than `limit`; with `head`, its first `limit` bytes instead)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or (info.st_size > limit and not head):
            return None
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(limit + 1)[:limit]
    finally:
        os.close(fd)


def is_ours(page: Path) -> bool:
    """Whether an existing feedback page was written by pmcourse (so it may be regenerated)."""
    start = read_regular(page, 2000, head=True)
    return start is not None and f'content="{GENERATOR}"'.encode() in start


def _make_dirs(folder: Path, top: Path) -> None:
    """Creates `folder` below `top` with 0755 folders (whatever the umask)."""
    folder.mkdir(parents=True, exist_ok=True)
    current = folder
    while current != top and top in current.parents:
        os.chmod(current, DIR_MODE, follow_symlinks=False)
        current = current.parent


NOTEBOOK_BYTES = 200_000_000
"""The largest autograded notebook feedback is made from."""


def read_notebook(path: Path) -> dict[str, Any] | None:
    """An autograded notebook as JSON, or None when it is not a regular file of at most
    `NOTEBOOK_BYTES` (a link is never followed) or not a JSON object."""
    raw = read_regular(path, NOTEBOOK_BYTES)
    if raw is None:
        return None
    try:
        notebook = json.loads(raw.decode("utf-8"))
    except ValueError:
        return None
    return notebook if isinstance(notebook, dict) else None


@dataclass(frozen=True)
class PageInputs:
    """What every feedback page of one submission shows, and what it is leak-scanned against."""

    student: str
    assignment: str
    grades: SubmissionGrades | None
    status: str
    notes: tuple[str, ...]
    secrets: tuple[Any, ...]
    others: tuple[str, ...]


def page_inputs(course_root: Path, assignment: str, student: str, result: Any, *, db_url: str,
                grades: SubmissionGrades | None = None, secrets: list[Any] | None = None,
                others: tuple[str, ...] | None = None) -> PageInputs:
    """Grades, status, notes and leak-scan lists of one submission.

    Grades come from `grades`, else from the gradebook at `db_url`, else from the ledger row
    `result` (a pmcourse grade with no gradebook entry). Status and notes come from `result`
    ("graded" when there is none). Secrets default to every assignment's keys, solutions and
    hidden tests (`leaks.course_secrets`); `others` to the other students' ids and emails on
    the gradebook's roster.
    """
    from . import leaks
    from .gradebook import from_ledger_cells, read_submission, roster_identities

    if grades is None:
        grades = read_submission(db_url, assignment, student)
    if grades is None and result is not None and getattr(result, "score", None) is not None:
        grades = from_ledger_cells(assignment, student, result.score, result.max_score,
                                   (result.details or {}).get("cells", []))
    if secrets is None:
        secrets = leaks.course_secrets(course_root)
    if others is None:
        roster = roster_identities(db_url)
        others = tuple(x for who, names in roster.items() if who != student for x in names)
    status = getattr(result, "status", "graded") if result is not None else "graded"
    details = getattr(result, "details", {}) or {}
    notes = tuple(str(n) for n in [*details.get("notes", []), *details.get("tampered", [])]
                  if not str(n).startswith(FEEDBACK_FAILED))
    return PageInputs(student, assignment, grades, status, notes, tuple(secrets), tuple(others))


def notebook_page(notebook: dict[str, Any], name: str, inputs: PageInputs,
                  label: str) -> tuple[str, list[str]]:
    """The feedback page of one notebook, and the leaks found on it (as `label`:line: ...).

    The one place a page is made: `write_feedback` and nbgrader's ``generate_feedback``
    (`feedback_exporter.FeedbackExporter`) both call it, so both write the same page.
    """
    from . import leaks

    page = render(notebook, student=inputs.student, assignment=inputs.assignment, name=name,
                  grades=inputs.grades, status=inputs.status, notes=list(inputs.notes))
    found = leaks.scan_page(page, list(inputs.secrets), others=inputs.others, label=label)
    return page, [str(leak) for leak in found]


def write_feedback(course: Any, assignment: str, student: str, result: Any, state: Any = None,
                   *, grades: SubmissionGrades | None = None, db_url: str | None = None,
                   secrets: list[Any] | None = None, others: tuple[str, ...] | None = None
                   ) -> FeedbackOutcome:
    """Writes ``feedback/<student>/<assignment>/<notebook>.html`` for each autograded notebook.

    Grades, notes and the leak-scan lists are as `page_inputs` finds them (`db_url` defaults
    to the course's gradebook). Each page is leak-scanned (`leaks.scan_page`); when any page
    has a leak, none is written, older pages of ours are removed, and `FeedbackLeak` says why.
    `state` is accepted for the grading worker's call and not needed: the per-criterion lines
    are read from the autograded notebook the grader wrote.
    """
    if db_url is None and (grades is None or others is None):  # else the gradebook is not read
        db_url = _course_db_url(course)
    inputs = page_inputs(course.root, assignment, student, result, db_url=db_url or "",
                         grades=grades, secrets=secrets, others=others)
    graded_dir = course.folder("autograded") / student / assignment
    feedback_root = course.folder("feedback")
    out_dir = feedback_root / student / assignment
    outcome = FeedbackOutcome()
    found_leaks: list[str] = []
    pages: list[tuple[Path, str]] = []
    for path in sorted(graded_dir.glob("*.ipynb")):
        notebook = read_notebook(path)
        if notebook is None:
            continue
        target = out_dir / f"{path.stem}.html"
        page, found = notebook_page(notebook, path.stem, inputs, str(target))
        found_leaks += found
        pages.append((target, page))
    if found_leaks:
        for target, _ in pages:
            if target.exists() and is_ours(target):
                target.unlink()
        raise FeedbackLeak(found_leaks)
    for target, page in pages:
        if target.exists() and not is_ours(target):
            outcome.kept.append(target)
            continue
        _make_dirs(out_dir, feedback_root)
        outcome.written.append(atomic_write_text(target, page, mode=FILE_MODE))
    if outcome.written:
        for side in SIDE_FILES:
            data = read_regular(graded_dir / side, SIDE_FILE_BYTES)
            if data is not None:
                atomic_write_text(out_dir / side, data.decode("utf-8", "replace"),
                                  mode=FILE_MODE)
    return outcome


def _course_db_url(course: Any) -> str:
    from .nbconfig import course_config

    return str(course_config(course).CourseDirectory.db_url)
