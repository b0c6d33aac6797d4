"""Where a self-paced learner stands: lessons, quizzes, practice, capstone, and what is left.

One widget-free model (`course_status`) feeds the progress table in the notebooks, ``pmcourse
progress`` and the certificate of completion, so the three never disagree. The same stored answers
drive the spaced review at the start of a lesson: earlier quiz questions the learner missed.
"""

from __future__ import annotations

import html
import json
import re
import time
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .progress import Progress, load_progress

CAPSTONE = "practice.capstone"
"""The self-check of the learner's own strategy document: done means the capstone is complete."""
PRACTICE_CALL = re.compile(r"""practice\(\s*["']([\w.]+)["']""")


@dataclass(frozen=True)
class LessonStatus:
    """One lesson: when it was first opened, and its quiz answered right out of its size."""

    id: str
    title: str
    notebook: str
    opened: float | None
    quiz_right: int
    quiz_total: int


@dataclass(frozen=True)
class PracticeStatus:
    """One practice problem: where it lives, attempts that could be read, best score, passed."""

    id: str
    title: str
    notebook: str
    attempts: int
    best: float
    passed: bool


@dataclass(frozen=True)
class CourseStatus:
    """The learner's whole course at a glance."""

    lessons: tuple[LessonStatus, ...]
    practice: tuple[PracticeStatus, ...]
    capstone: PracticeStatus | None
    warning: str = ""
    missing: tuple[str, ...] = field(default=())
    """What is left before the course is complete, in words."""

    @property
    def complete(self) -> bool:
        """Every lesson opened, every practice problem passed and the capstone complete."""
        return not self.missing

    @property
    def lessons_opened(self) -> int:
        return sum(lesson.opened is not None for lesson in self.lessons)

    @property
    def practice_passed(self) -> int:
        return sum(p.passed for p in self.practice)

    @property
    def quiz_right(self) -> int:
        return sum(lesson.quiz_right for lesson in self.lessons)

    @property
    def quiz_total(self) -> int:
        return sum(lesson.quiz_total for lesson in self.lessons)


@cache
def practice_notebooks(course: Path) -> dict[str, str]:
    """Practice problem id -> the notebook that uses it (a practice notebook, else a lesson)."""
    found: dict[str, str] = {}
    paths = [*sorted((course / "exercises").glob("*.ipynb")),
             *sorted((course / "notebooks").glob("*.ipynb"))]
    for path in paths:
        try:
            cells = json.loads(path.read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError):
            continue
        for cell in cells:
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else str(source)
            for short in PRACTICE_CALL.findall(source):
                pid = short if "." in short else f"practice.{short}"
                found.setdefault(pid, f"{path.parent.name}/{path.name}")
    return found


def _practice_status(pid: str, title: str, notebook: str, progress: Progress) -> PracticeStatus:
    entry = progress.exercises.get(pid, {})
    return PracticeStatus(pid, title, notebook, int(entry.get("attempts", 0)),
                          float(entry.get("best", 0.0)), bool(entry.get("passed", False)))


def course_status(course: Path | None = None, progress: Progress | None = None) -> CourseStatus:
    """The learner's status, from their stored progress and the course at ``course``."""
    from .content import LESSONS
    from .exercises import problems
    from .learner_cli import course_home

    course = course_home() if course is None else course
    progress = load_progress() if progress is None else progress
    lessons = []
    for lesson in LESSONS.values():
        right = sum(bool(progress.exercises.get(f"quiz.{lesson.id}.{q.id}", {}).get("passed"))
                    for q in lesson.quiz)
        lessons.append(LessonStatus(lesson.id, lesson.title, lesson.notebook,
                                    progress.lessons.get(lesson.id), right, len(lesson.quiz)))
    where = practice_notebooks(course)
    known = problems()
    practice = tuple(_practice_status(pid, known[pid].title, notebook, progress)
                     for pid, notebook in sorted(where.items(), key=lambda kv: (kv[1], kv[0]))
                     if pid in known and pid != CAPSTONE)
    capstone = (_practice_status(CAPSTONE, known[CAPSTONE].title, where.get(CAPSTONE, ""),
                                 progress) if CAPSTONE in known else None)
    missing = []
    unopened = [lesson.title for lesson in lessons if lesson.opened is None]
    if unopened:
        missing.append(f"open {len(unopened)} more lesson(s): " + "; ".join(unopened))
    open_practice = [p.title for p in practice if not p.passed]
    if open_practice:
        missing.append(f"pass {len(open_practice)} more practice exercise(s): "
                       + "; ".join(open_practice))
    if capstone is None or not capstone.passed:
        missing.append("complete the capstone: its self-check must pass")
    return CourseStatus(tuple(lessons), practice, capstone, progress.warning, tuple(missing))


def status_lines(status: CourseStatus) -> list[str]:
    """The status as plain lines for a terminal (``pmcourse progress``)."""
    lines = [f"note: {status.warning}"] if status.warning else []
    lines.append(f"Lessons opened: {status.lessons_opened} of {len(status.lessons)}; quizzes "
                 f"answered right: {status.quiz_right} of {status.quiz_total}")
    for lesson in status.lessons:
        mark = "x" if lesson.opened else " "
        quiz = f"quiz {lesson.quiz_right}/{lesson.quiz_total}" if lesson.quiz_total else "no quiz"
        lines.append(f"  [{mark}] {lesson.title}  ({quiz})  {lesson.notebook}")
    lines.append(f"Practice passed: {status.practice_passed} of {len(status.practice)}")
    for p in status.practice:
        mark = "x" if p.passed else " "
        tried = (f"{p.attempts} attempt(s), best {p.best:.0%}" if p.attempts else "not tried yet")
        lines.append(f"  [{mark}] {p.title}  ({tried})  {p.notebook}")
    if status.capstone is not None:
        done = "complete" if status.capstone.passed else "not complete yet"
        lines.append(f"Capstone: {done}")
    if status.complete:
        lines.append("You have completed the course: `pmcourse certificate --name "
                     "\"Your Name\"` writes your certificate.")
    else:
        lines.append("Left to do: " + "; ".join(status.missing))
    return lines


def review_questions(lesson_id: str, progress: Progress | None = None, *, limit: int = 3
                     ) -> list[tuple[str, object]]:
    """Up to ``limit`` quiz questions from earlier lessons that the learner answered wrongly
    and has not yet got right: (lesson title, question), oldest lesson first."""
    from .content import LESSONS

    progress = load_progress() if progress is None else progress
    picked: list[tuple[str, object]] = []
    for lesson in LESSONS.values():
        if lesson.id >= lesson_id:
            break
        for question in lesson.quiz:
            entry = progress.exercises.get(f"quiz.{lesson.id}.{question.id}", {})
            if entry.get("attempts", 0) > 0 and not entry.get("passed"):
                picked.append((lesson.title, question))
    return picked[:limit]


CERTIFICATE_CSS = """
body { font-family: Georgia, 'DejaVu Serif', serif; color: #1a1a1a; background: #fff;
       max-width: 46rem; margin: 3rem auto; padding: 2.5rem; border: 6px double #1f3a5f; }
h1 { font-size: 2rem; color: #1f3a5f; text-align: center; margin-bottom: .25rem; }
.name { font-size: 1.8rem; text-align: center; margin: 1.5rem 0 .5rem; }
.lead, .date { text-align: center; }
ul { columns: 2; font-size: .95rem; }
@media print { body { margin: 0; border-width: 4px; } }
"""


def certificate_html(name: str, status: CourseStatus, *, when: float | None = None) -> str:
    """A certificate of completion as a self-contained page (print it or save it as PDF).

    Raises ValueError, saying what is left, when the course is not complete or the name is blank.
    """
    clean = " ".join(str(name).split())
    if not clean:
        raise ValueError("give the name to print on the certificate, e.g. --name \"Ada Lovelace\"")
    if not status.complete:
        raise ValueError("the course is not complete yet: " + "; ".join(status.missing))
    day = time.strftime("%d %B %Y", time.localtime(time.time() if when is None else when))
    lessons = "".join(f"<li>{html.escape(lesson.title)}</li>" for lesson in status.lessons)
    practice = "".join(f"<li>{html.escape(p.title)}</li>" for p in status.practice)
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>Certificate of completion: {html.escape(clean)}</title>"
        f"<style>{CERTIFICATE_CSS}</style></head><body><main>"
        "<h1>Certificate of completion</h1>"
        "<p class=\"lead\">pmcourse: product vision, mission, strategy, roadmap and backlog</p>"
        f"<p class=\"name\">{html.escape(clean)}</p>"
        f"<p class=\"lead\">completed all {len(status.lessons)} lessons, passed all "
        f"{len(status.practice)} practice exercises and completed the capstone: a product "
        "strategy of their own, from vision to backlog.</p>"
        f"<p class=\"date\">{html.escape(day)}</p>"
        f"<h2>Lessons</h2><ul>{lessons}</ul><h2>Practice</h2><ul>{practice}</ul>"
        f"<p>Quiz questions answered right: {status.quiz_right} of {status.quiz_total}.</p>"
        "</main></body></html>\n"
    )


def write_certificate(name: str, *, output: Path | None = None) -> Path:
    """Writes the certificate page (readable by others, 0644) and returns its path; raises
    ValueError with what is left when the course is not complete."""
    from ._io import atomic_write_text
    from .progress import progress_home

    page = certificate_html(name, course_status())
    path = progress_home() / "certificate.html" if output is None else Path(output)
    return atomic_write_text(path, page, mode=0o644)


def certificate(name: str) -> object:
    """In a notebook: writes the certificate and shows it, or says what is left to do."""
    from IPython.display import HTML, Markdown

    try:
        path = write_certificate(name)
    except ValueError as exc:
        return Markdown(f"**No certificate yet:** {html.escape(str(exc))}.")
    page = path.read_text(encoding="utf-8")
    body = page[page.index("<main>"):page.index("</main>") + len("</main>")]
    return HTML(f"<div class=\"pmcourse-certificate\">{body}</div>"
                f"<p>Saved as <code>{html.escape(str(path))}</code>: open it in a browser to "
                "print it or save it as a PDF.</p>")
