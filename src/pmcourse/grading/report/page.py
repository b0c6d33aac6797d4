"""`pmcourse report DIR`: the cohort analytics page, one self-contained HTML file.

It reads the grading ledger (every submission's status, score, per-cell points and timing) and
the autograded notebooks (students' written answers), and shows how the cohort did: scores,
which questions were hard or did not separate strong from weak submissions, what failed, what
was slow, and which answers are near-identical across students and worth a look.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from ..._io import atomic_write_text
from ..pipeline.course import Course, CourseError
from ..pipeline.ledger import Status, SubmissionResult
from . import markup as h
from . import plots as plots
from . import stats as stats
from .answers import (
    GROUP_SIZE,
    Answer,
    DuplicateFindings,
    collect_answers,
    near_duplicates,
)
from .criteria import CRITERION_COLUMNS, criteria_frame, question_titles

SLOWEST = 10
"""How many of the slowest submissions the page lists."""
GROUPS_SHOWN = 50
"""At most this many groups of students sharing a wording are listed."""
STUDENTS_PER_GROUP = 30
"""Names listed per group before "and N more"."""
MESSAGES_SHOWN = 500
"""At most this many non-graded submissions are listed (grades.csv has them all)."""


@dataclass
class ReportOptions:
    """Thresholds of the near-identical-answer search."""

    similarity: float = 90.0
    """rapidfuzz token-sort similarity (0-100) at or above which two answers are listed."""
    min_words: int = 8
    """Answers shorter than this are not compared: short answers agree by chance."""
    max_pairs: int = 200
    """At most this many pairs are listed, most similar first."""


@dataclass
class ReportData:
    """Everything the page shows, computed once (the tests read these numbers)."""

    results: pd.DataFrame
    items: pd.DataFrame
    statuses: pd.DataFrame
    not_graded: pd.DataFrame
    slowest: pd.DataFrame
    headline: pd.DataFrame
    students: int
    duplicates: DuplicateFindings = field(default_factory=DuplicateFindings)
    criteria: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=list(CRITERION_COLUMNS)))
    """Per criterion of each pmcourse check: passed, partly, missed (most missed first)."""
    titles: dict[tuple[str, str, str], str] = field(default_factory=dict)
    """(assignment, notebook, grade id) -> the question's readable name."""
    awaiting: dict[tuple[str, str, str], int] = field(default_factory=dict)
    """(assignment, notebook, grade id) -> submissions whose cell still awaits a person."""


def analyse(results: list[SubmissionResult], answers: list[Answer] | None = None,
            options: ReportOptions | None = None, *, criteria: pd.DataFrame | None = None,
            titles: dict[tuple[str, str, str], str] | None = None) -> ReportData:
    """The report's numbers from results, collected answers, criteria counts and titles.

    Cells still awaiting a person are left out of difficulty and discrimination (and counted
    per question) until they are graded.
    """
    options = options or ReportOptions()
    frame = stats.results_frame(results)
    duplicates = near_duplicates(answers or [], threshold=options.similarity,
                                 min_words=options.min_words, limit=options.max_pairs)
    data = ReportData(
        results=frame, items=stats.item_statistics(stats.cells_frame(results)),
        statuses=stats.status_counts(frame), not_graded=stats.not_graded(frame),
        slowest=stats.slowest(frame, SLOWEST), headline=stats.headline(frame),
        students=stats.student_count(frame), duplicates=duplicates,
        titles=dict(titles or {}), awaiting=stats.awaiting_counts(results),
    )
    if criteria is not None:
        data.criteria = criteria
    return data


def render(data: ReportData, *, title: str = "Cohort report", now: dt.datetime | None = None
           ) -> str:
    """The HTML page for `data` (a 'nothing graded yet' page when there are no results)."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    if data.results.empty:
        body = ('<p class="empty">Nothing has been graded yet, so there is nothing to report. '
                "Collect submissions into <code>submitted/&lt;student&gt;/&lt;assignment&gt;/"
                "</code> and run <code>pmcourse grade DIR</code>, then "
                "<code>pmcourse report DIR</code> again.</p>")
        return h.page(title, f"generated {stamp}", [("nothing", "", body)])
    subtitle = (f"{data.students} student(s), {len(data.results)} submission(s), "
                f"{len(data.statuses)} assignment(s); generated {stamp}")
    sections = [
        ("summary", "Summary", _summary(data)),
        ("scores", "Score distribution", _scores(data)),
        ("questions", "Questions: difficulty and discrimination", _questions(data)),
        ("criteria", "Criteria most learners missed", _criteria(data)),
        ("statuses", "Statuses", _statuses(data)),
        ("slowest", "Slowest submissions", _slowest(data)),
        ("similar", "Near-identical answers", _similar(data)),
    ]
    return h.page(title, subtitle, sections)


def _summary(data: ReportData) -> str:
    rows = [
        (r.assignment, r.submissions, r.scored, h.number(r.max_score), h.number(r.mean),
         h.number(r.median), _percent(r.mean_share), _percent(r.median_share))
        for r in data.headline.itertuples(index=False)
    ]
    return (f"<p><strong>{data.students}</strong> student(s) in the ledger.</p>"
            + h.table(["assignment", "submissions", "scored", "out of", "mean score",
                       "median score", "mean %", "median %"], rows,
                      numeric=range(1, 8), raw=range(3, 8))
            + '<p class="note">Scores count for the statuses whose score is exported to '
              "grades.csv (graded, late, tampered, timeout); error and missing submissions "
              "have no score and are left out of the means, never counted as 0.</p>")


def _percent(share: float) -> str:
    return h.number(None if pd.isna(share) else share * 100, 0, na="–") + (
        "" if pd.isna(share) else "%")


def _scores(data: ReportData) -> str:
    parts = []
    for assignment, group in data.results.groupby("assignment", sort=True):
        shares = group.loc[group["scored"], "share"]
        if shares.dropna().empty:
            parts.append(f"<p>{h.esc(assignment)}: no scored submission yet.</p>")
            continue
        png = plots.to_png_base64(plots.score_histogram(str(assignment), shares))
        parts.append(h.image(png, f"Histogram of scores for {assignment}"))
    return "".join(parts)


def _questions(data: ReportData) -> str:
    if data.items.empty:
        return ("<p>No per-question scores were recorded (no scored submission yet).</p>"
                + _ungraded_only(data))
    parts = ['<p class="note">Difficulty is the mean share of a question\'s points earned '
             "(near 0: almost nobody got it; near 1: almost everybody did). Discrimination is "
             "the correlation between a question's share and the student's score on the rest "
             "of the assignment: below 0.2 the question does not separate stronger from weaker "
             "submissions, below 0 it points the wrong way (check its key and wording).</p>"]
    for assignment, items in data.items.groupby("assignment", sort=True):
        rows = [
            (_question_name(data, str(assignment), r.notebook, r.cell), h.number(r.max_score),
             r.n, h.number(r.difficulty, trim=False),
             h.number(r.discrimination, why=r.why_na, trim=False),
             _item_note(data, str(assignment), r.notebook, r.cell, r.why_na))
            for r in items.itertuples(index=False)
        ]
        parts.append(f"<h3>{h.esc(assignment)}</h3>" + h.table(
            ["question", "points", "scored", "difficulty", "discrimination", "note"], rows,
            numeric=(1, 2, 3, 4), raw=(0, 1, 3, 4, 5)))
        png = plots.to_png_base64(plots.item_chart(str(assignment), items))
        parts.append(h.image(png, f"Difficulty and discrimination per question of {assignment}"))
    return "".join(parts) + _ungraded_only(data)


def _question_name(data: ReportData, assignment: str, notebook: str, cell: str) -> str:
    """A question's readable title with its cell id in small print (escaped HTML)."""
    title = data.titles.get((assignment, notebook, cell))
    where = f"{notebook} / {cell}"
    if not title:
        return h.esc(where)
    return f'{h.esc(title)} <span class="note">({h.esc(where)})</span>'


def _item_note(data: ReportData, assignment: str, notebook: str, cell: str, why: str) -> str:
    parts = [h.esc(why)] if why else []
    waiting = data.awaiting.get((assignment, notebook, cell), 0)
    if waiting:
        parts.append(f"{waiting} submission(s) await a person and are left out until graded")
    return "; ".join(parts)


def _ungraded_only(data: ReportData) -> str:
    """Questions whose every answer still awaits a person (they have no difficulty yet)."""
    shown = {(a, nb, c) for a, nb, c in
             data.items[["assignment", "notebook", "cell"]].itertuples(index=False)}
    waiting = sorted(k for k in data.awaiting if k not in shown)
    if not waiting:
        return ""
    rows = [(a, _question_name(data, a, nb, c), data.awaiting[(a, nb, c)])
            for a, nb, c in waiting]
    return ("<h3>Awaiting a person</h3>" + h.table(["assignment", "question", "submissions"],
                                                    rows, numeric=(2,), raw=(1,)))


def _criteria(data: ReportData) -> str:
    frame = data.criteria
    if frame is None or frame.empty:
        return "<p>No per-criterion results were recorded (no scored pmcourse check yet).</p>"
    parts = ['<p class="note">Each automatic check scores its answer on several criteria; '
             "this lists, per assignment, how many scored submissions missed each one "
             "(most missed first). A criterion most learners miss points at a topic to "
             "revisit, or at a question to reword.</p>"]
    for assignment, rows in frame.groupby("assignment", sort=True):
        table_rows = [(r.question, r.criterion, r.n, r.missed, r.partly, r.passed,
                       _percent(r.missed_share)) for r in rows.itertuples(index=False)]
        parts.append(f"<h3>{h.esc(assignment)}</h3>" + h.table(
            ["question", "criterion", "scored", "missed", "partly", "passed", "missed %"],
            table_rows, numeric=(2, 3, 4, 5, 6), raw=(6,)))
    return "".join(parts)


def _statuses(data: ReportData) -> str:
    counts = data.statuses
    rows = [(assignment, *[int(counts.loc[assignment, s]) for s in Status],
             int(counts.loc[assignment].sum())) for assignment in counts.index]
    parts = [h.table(["assignment", *Status, "total"], rows, numeric=range(1, len(Status) + 2)),
             h.image(plots.to_png_base64(plots.status_chart(counts)),
                     "Bar chart of submission statuses per assignment")]
    listed = data.not_graded
    if listed.empty:
        parts.append("<p>Every submission was graded on time.</p>")
    else:
        shown = listed.head(MESSAGES_SHOWN)
        rows = [(r.assignment, r.student, h.status_label(r.status), h.esc(r.message))
                for r in shown.itertuples(index=False)]
        more = (f'<p class="note">{len(listed) - len(shown)} more in grades.csv.</p>'
                if len(listed) > len(shown) else "")
        parts.append(f"<h3>Submissions not graded normally ({len(listed)})</h3>"
                     + h.table(["assignment", "student", "status", "message"], rows,
                               raw=(2, 3)) + more)
    return "".join(parts)


def _slowest(data: ReportData) -> str:
    if data.slowest.empty:
        return "<p>No grading times were recorded.</p>"
    rows = [(r.assignment, r.student, h.status_label(r.status), h.number(r.seconds, 1),
             h.number(r.peak_mb, 0, na="–"))
            for r in data.slowest.itertuples(index=False)]
    return (h.table(["assignment", "student", "status", "seconds", "peak kernel memory (MB)"],
                    rows, numeric=(3, 4), raw=(2, 3, 4))
            + '<p class="note">Seconds are wall-clock time to grade the submission, kernel '
              "start-up included; a timeout shows where the limit stopped it.</p>")


def _similar(data: ReportData) -> str:
    found = data.duplicates
    intro = (f'<p class="note">{found.compared} answer(s) compared within each question '
             f"(blank answers, stubs, starter text, answers matching the reference solution and "
             f"answers under the minimum length are left out; {found.too_short} were too short)."
             " A pair is listed for review, not as proof of copying: similar wording can have "
             "innocent causes.</p>")
    if found.unreadable:
        intro += (f'<p class="note">Unreadable autograded notebooks skipped: '
                  f"{h.esc(', '.join(found.unreadable))}</p>")
    if not found.pairs:
        return intro + "<p>No near-identical answers were found.</p>"
    rows = [(p.assignment, p.question, f"{p.student_a} & {p.student_b}",
             h.number(p.similarity, 0), h.answer_text(p.text_a), h.answer_text(p.text_b))
            for p in found.pairs]
    more = (f'<p class="note">Showing the {len(found.pairs)} most similar of '
            f"{found.total_pairs} pairs.</p>" if found.total_pairs > len(found.pairs) else "")
    return (intro + _groups(found) + f"<h3>{found.total_pairs} pair(s) of near-identical "
            "answers</h3>" + h.table(
                ["assignment", "question", "students", "similarity", "first answer",
                 "second answer"], rows, numeric=(3,), raw=(3, 4, 5), css_class="pairs")
            + more)


def _groups(found: DuplicateFindings) -> str:
    if not found.groups:
        return ""
    rows = []
    for group in found.groups[:GROUPS_SHOWN]:
        names = ", ".join(group.students[:STUDENTS_PER_GROUP])
        if len(group.students) > STUDENTS_PER_GROUP:
            names += f" and {len(group.students) - STUDENTS_PER_GROUP} more"
        rows.append((group.assignment, group.question, len(group.students), names,
                     h.number(group.lowest_similarity, 0)))
    return (f"<h3>Groups of {GROUP_SIZE} or more students ({len(found.groups)})</h3>"
            '<p class="note">Students whose answers to one question are joined by '
            "near-identical pairs; the lowest similarity is the weakest link in the group.</p>"
            + h.table(["assignment", "question", "students", "who", "lowest similarity"], rows,
                      numeric=(2, 4), raw=(4,)))


def load_results(db_url: str) -> list[SubmissionResult]:
    """Every result in the ledger at `db_url` (none when a SQLite gradebook does not exist yet)."""
    import sqlalchemy as sa

    from ..pipeline.ledger import Ledger

    if db_url.startswith("sqlite:///"):
        path = Path(db_url.removeprefix("sqlite:///"))
        if not path.is_file():
            return []
    ledger = None
    try:
        ledger = Ledger(db_url)
        return ledger.results()
    except (sa.exc.SQLAlchemyError, ImportError) as exc:
        msg = f"cannot open the gradebook at {_safe_url(db_url)}: {exc.__class__.__name__}: {exc}"
        raise CourseError(msg.splitlines()[0] + " (check --db, or that the server is running)"
                          ) from exc
    finally:
        if ledger is not None:
            ledger.close()


def _safe_url(db_url: str) -> str:
    """The URL without its password, for messages."""
    import sqlalchemy as sa

    try:
        return sa.engine.make_url(db_url).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL is shown as given, minus nothing to hide
        return db_url


def write_report(course: Course | str | os.PathLike[str], output: str | os.PathLike[str] | None
                 = None, db_url: str | None = None, *, options: ReportOptions | None = None
                 ) -> Path:
    """Writes the cohort report of `course` (default ``DIR/report.html``) and returns its path.

    `db_url` is the gradebook (default: the course's configured one, SQLite in the course).
    """
    course = course if isinstance(course, Course) else Course.open(course)
    if db_url is None:
        from ..pipeline.run import _configured_db_url

        db_url = _configured_db_url(course)
    results = load_results(db_url)
    from ..pipeline.export import fresh_results, has_gradebook

    if has_gradebook(db_url):  # today's scores: manual grades and late penalties included
        from ..pipeline.gradebook import read_gradebook

        results = fresh_results(read_gradebook(db_url), results,
                                excluded=course.excluded_students)
    unreadable: list[str] = []
    assignments = sorted({r.assignment for r in results})
    answers = collect_answers(course.root, assignments, unreadable=unreadable) if results else []
    titles = {(a, nb, cell): title for a in assignments
              for (nb, cell), title in question_titles(course.root, a).items()}
    scored = [(r.assignment, r.student) for r in results
              if r.status in stats.SCORED and r.score is not None]
    data = analyse(results, answers, options, criteria=criteria_frame(course.root, scored),
                   titles=titles)
    data.duplicates.unreadable = unreadable
    page = render(data, title=f"Cohort report: {course.root.name}")
    target = Path(output) if output is not None else course.root / "report.html"
    return atomic_write_text(target, page)
