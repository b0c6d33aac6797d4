"""Instructor commands: ``pmcourse cohort init``, ``roster``, ``release``, ``collect``, ``grade``
and ``report``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    """Adds the instructor commands to the ``pmcourse`` parser."""
    from .pipeline.nbconfig import MEMORY_MB, NOTEBOOK_TIMEOUT

    cohort = subparsers.add_parser("cohort", help="set up an nbgrader course for a cohort")
    cohort_sub = cohort.add_subparsers(dest="cohort_command", required=True, metavar="ACTION")
    init = cohort_sub.add_parser("init", help="a new nbgrader course directory with the "
                                              "course's assignments as source")
    init.add_argument("directory", type=Path)
    init.add_argument("--course-id", default="pmcourse")
    init.add_argument("--exchange", type=Path,
                      help="nbgrader exchange folder students fetch from and submit to "
                           "(default: DIR/exchange, created with mode 1777)")
    init.add_argument("--force", action="store_true",
                      help="refresh the assignments pmcourse put in an existing course (never "
                           "files it did not write or that were edited)")
    init.set_defaults(handler=_cohort_init)

    ros = subparsers.add_parser("roster", help="the course's students, in nbgrader's gradebook")
    ros_sub = ros.add_subparsers(dest="roster_command", required=True, metavar="ACTION")
    imp = ros_sub.add_parser("import", help="add or update students from a CSV "
                                            "(columns: id, first_name, last_name, email)")
    imp.add_argument("csv", type=Path)
    imp.add_argument("--course", type=Path, default=Path("."), help="course directory (default .)")
    imp.add_argument("--db", help="gradebook URL (default: the course's)")
    imp.set_defaults(handler=_roster_import)
    lst = ros_sub.add_parser("list", help="the student ids on the roster")
    lst.add_argument("--course", type=Path, default=Path("."), help="course directory (default .)")
    lst.add_argument("--db", help="gradebook URL (default: the course's)")
    lst.set_defaults(handler=_roster_list)

    rel = subparsers.add_parser("release", help="student versions of assignments, leak-scanned "
                                                "and published to the exchange")
    rel.add_argument("directory", type=Path)
    rel.add_argument("--assignment", help="one assignment id (default: all)")
    rel.add_argument("--due", help="due date, e.g. '2026-12-08 17:00:00 UTC' (late penalties)")
    rel.add_argument("--no-publish", action="store_true",
                     help="generate and scan only; do not copy to the exchange")
    rel.add_argument("--db", help="gradebook URL (default: SQLite in the course)")
    rel.set_defaults(handler=_release)

    col = subparsers.add_parser("collect", help="students' submissions from the exchange into "
                                                "submitted/ (nbgrader collect)")
    col.add_argument("directory", type=Path)
    col.add_argument("--assignment", help="one assignment id (default: every released one)")
    col.add_argument("--db", help="gradebook URL (default: SQLite in the course)")
    col.set_defaults(handler=_collect)

    grd = subparsers.add_parser("grade", help="autograde every submission, feedback, exports")
    grd.add_argument("directory", type=Path)
    grd.add_argument("--assignment", help="one assignment id (default: all with submissions)")
    grd.add_argument("--workers", type=int, default=None,
                     help="parallel grading processes (default: number of cores)")
    grd.add_argument("--timeout", type=int, default=None,
                     help="seconds per cell (default: the course's Execute.timeout, else 30)")
    grd.add_argument("--notebook-timeout", type=int, default=NOTEBOOK_TIMEOUT,
                     help=f"seconds per notebook before it is stopped (default {NOTEBOOK_TIMEOUT})")
    grd.add_argument("--memory", type=int, default=MEMORY_MB,
                     help=f"MiB per kernel (default {MEMORY_MB})")
    grd.add_argument("--db", help="gradebook URL, e.g. postgresql://user@host/db")
    grd.add_argument("--sandbox", choices=("bwrap", "none"), default="bwrap",
                     help="isolate each kernel with bubblewrap (default) or not at all")
    grd.add_argument("--regrade", action="store_true", help="grade again what is already graded")
    grd.add_argument("--student", action="append", metavar="S",
                     help="grade again only this student's submissions (repeatable)")
    grd.set_defaults(handler=_grade)

    exp = subparsers.add_parser("export", help="rewrite grades.csv, the Canvas and nbgrader CSVs "
                                               "and feedback from the gradebook; grades nothing")
    exp.add_argument("directory", type=Path)
    exp.add_argument("--db", help="gradebook URL (default: the course's)")
    exp.add_argument("--no-feedback", action="store_true", help="only the CSV exports")
    exp.set_defaults(handler=_export)

    rep = subparsers.add_parser("report", help="cohort analytics as one HTML page")
    rep.add_argument("directory", type=Path)
    rep.add_argument("--output", type=Path, help="default: DIR/report.html")
    rep.add_argument("--db", help="gradebook URL")
    rep.set_defaults(handler=_report)


def _fail(message: str, code: int = 2) -> int:
    print(f"pmcourse: {message}", file=sys.stderr)
    return code


def _cohort_init(args: argparse.Namespace) -> int:
    from .pipeline.course import CourseError, init_course

    try:
        course = init_course(args.directory, course_id=args.course_id, force=args.force,
                             exchange=args.exchange)
        from .pipeline.exchange import STUDENT_CONFIG_NAME, course_settings

        course_id, exchange = course_settings(course)
    except CourseError as exc:
        return _fail(str(exc))
    names = ", ".join(course.assignments())
    print(f"course {course_id!r} ready in {course.root}\nassignments: {names}\n"
          f"exchange: {exchange} (students copy {course.root / STUDENT_CONFIG_NAME} to "
          "~/.jupyter/nbgrader_config.py)\n"
          f"next: pmcourse roster import students.csv --course {args.directory}\n"
          f"      pmcourse release {args.directory} --assignment <id> --due '<date> UTC'")
    return 0


def _roster_import(args: argparse.Namespace) -> int:
    from .pipeline.course import Course, CourseError
    from .pipeline.roster import import_roster

    try:
        outcome = import_roster(Course.open(args.course), args.csv, db_url=args.db)
    except CourseError as exc:
        return _fail(str(exc))
    print(f"roster: {len(outcome.added)} added, {len(outcome.updated)} updated "
          f"({', '.join(outcome.added + outcome.updated) or 'nobody'})")
    return 0


def _roster_list(args: argparse.Namespace) -> int:
    from .pipeline.course import Course, CourseError
    from .pipeline.roster import roster

    try:
        students = roster(Course.open(args.course), db_url=args.db)
    except CourseError as exc:
        return _fail(str(exc))
    print("\n".join(students) if students else "the roster is empty: pmcourse roster import CSV")
    return 0


def _collect(args: argparse.Namespace) -> int:
    from .pipeline.course import Course, CourseError
    from .pipeline.exchange import collect

    try:
        course = Course.open(args.directory)
        names = [args.assignment] if args.assignment else sorted(
            p.name for p in course.folder("release").glob("*") if p.is_dir())
        refused = False
        for name in names:
            outcome = collect(course, name, db_url=args.db)
            print(f"collected {name}: {len(outcome.collected)} submission(s) "
                  f"({', '.join(outcome.collected) or 'none yet'})")
            for line in outcome.refused:
                refused = True
                print(f"  REFUSED {line}", file=sys.stderr)
    except CourseError as exc:
        return _fail(str(exc))
    return 1 if refused else 0


def _release(args: argparse.Namespace) -> int:
    from .pipeline.course import Course, CourseError
    from .pipeline.release import release

    try:
        course = Course.open(args.directory)
        names = [args.assignment] if args.assignment else course.assignments()
        failed = False
        for name in names:
            result = release(course, assignment=name, db_url=args.db,
                             publish=not args.no_publish, due=args.due)
            if result.ok:
                where = (f"; published to {result.published}" if result.published
                         else "; not published (--no-publish)")
                print(f"released {name}: {len(result.files)} file(s) in "
                      f"{course.root / 'release' / name}; leak scan clean{where}")
            else:
                failed = True
                print(f"LEAK in the release of {name}: students would see instructor-only lines",
                      file=sys.stderr)
                for leak in result.leaks:
                    print(f"  {leak}", file=sys.stderr)
        return 1 if failed else 0
    except CourseError as exc:
        return _fail(str(exc))


class _Progress:
    """A progress bar with counts and an ETA on a terminal; plain log lines otherwise."""

    def __init__(self) -> None:
        self.bar: Any = None
        self.tty = sys.stderr.isatty()

    def __call__(self, result: Any, done: int, total: int) -> None:
        if self.tty and self.bar is None:
            import shutil

            from tqdm import tqdm

            size = shutil.get_terminal_size((100, 24))  # a terminal may report 0 x 0
            self.bar = tqdm(total=total, unit="submission", ncols=min(size.columns or 100, 120),
                            nrows=size.lines or 24)
        if result is None:
            return
        from .pipeline.feedback import points
        from .pipeline.textsafe import one_line

        line = f"{one_line(result.student)}/{result.assignment}: {result.status}"
        if result.score is not None:  # rounded for people, as in the feedback (10.9166 -> 10.92)
            line += f" {points(result.score)}/{points(result.max_score)}"
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix_str(line[:40])
        else:
            print(f"[{done}/{total}] {line} ({result.seconds:.1f} s)", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _grade(args: argparse.Namespace) -> int:
    from .pipeline.course import CourseError
    from .pipeline.leaks import collect_secrets, files_under, scan
    from .pipeline.run import grade

    if args.student:
        problem = _unknown_students(args.directory, args.student)
        if problem:
            return _fail(problem)
    progress = _Progress()
    try:
        run = grade(args.directory, assignment=args.assignment, workers=args.workers,
                    cell_timeout=args.timeout, notebook_timeout=args.notebook_timeout,
                    memory_mb=args.memory, db_url=args.db, sandbox=args.sandbox == "bwrap",
                    regrade=args.regrade, students=args.student, progress=progress)
    except CourseError as exc:
        return _fail(str(exc))
    finally:
        progress.close()
    print(_table(run.results))
    counts: dict[str, int] = {}
    for r in run.results:
        counts[r.status] = counts.get(r.status, 0) + 1
    summary = ", ".join(f"{n} {s}" for s, n in sorted(counts.items()))
    print(f"\n{len(run.results)} submission(s): {summary}. Graded now: {run.graded_now}, "
          f"already graded: {run.skipped}, in {run.seconds:.1f} s.")
    for kind, path in run.exports.items():
        print(f"{kind} export: {path}")
    from .pipeline.course import Course

    course = Course.open(args.directory)
    leaks = []
    for name in sorted({r.assignment for r in run.results}):
        secrets = collect_secrets(course.source / name, course.autograders)
        files = [p for p in files_under(course.folder("feedback")) if p.parent.name == name]
        leaks += scan(files, secrets)
    if leaks:
        print("LEAK in generated feedback: students would see instructor-only lines",
              file=sys.stderr)
        for leak in leaks:
            print(f"  {leak}", file=sys.stderr)
        return 1
    return 0


def _unknown_students(directory: Path, students: list[str]) -> str | None:
    """A message naming each requested student who has no submission folder, or None."""
    from .pipeline.course import Course, CourseError

    try:
        course = Course.open(directory)
    except CourseError as exc:
        return str(exc)
    submitted = course.folder("submitted")
    known = sorted(p.name for p in submitted.iterdir() if p.is_dir()) if submitted.is_dir() else []
    unknown = [s for s in students if s not in known]
    if not unknown:
        return None
    shown = ", ".join(known[:20]) + (" ..." if len(known) > 20 else "")
    return (f"no submission from {', '.join(unknown)} in {submitted} (students with "
            f"submissions: {shown or 'none'}); check the spelling or run `pmcourse collect` first")


def _table(results: list[Any]) -> str:
    from .pipeline.feedback import points
    from .pipeline.ledger import Status
    from .pipeline.textsafe import one_line

    rows = [("student", "assignment", "score", "status", "message")]
    for r in results:
        score = "" if r.score is None or r.status in (Status.ERROR, Status.MISSING) else (
            f"{points(r.score)}/{points(r.max_score)}")
        message = one_line(r.message)  # student text never drives the terminal
        message = message if len(message) <= 70 else message[:67] + "..."
        rows.append((one_line(r.student), r.assignment, score, r.status, message))
    widths = [max(len(str(row[i])) for row in rows) for i in range(4)]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(str(v).ljust(widths[i]) for i, v in enumerate(row[:4]))
                     + "  " + row[4])
        if n == 0:
            lines.append("  ".join("-" * w for w in widths) + "  -------")
    return "\n".join(lines)


def _export(args: argparse.Namespace) -> int:
    from .pipeline.course import CourseError
    from .pipeline.export import export_course
    from .pipeline.textsafe import one_line

    try:
        run = export_course(args.directory, db_url=args.db, feedback=not args.no_feedback)
    except CourseError as exc:
        return _fail(str(exc))
    for kind, path in run.paths.items():
        print(f"{kind} export: {path}")
    print(f"{len(run.rows)} row(s); feedback pages written: {len(run.feedback)}; "
          f"submissions newly flagged in formgrader: {run.flagged}")
    for path in run.kept_feedback:
        print(f"kept {path}: written by another tool (nbgrader generate_feedback without "
              "pmcourse's exporter, see `pmcourse doctor`); delete it to let pmcourse write its "
              "feedback there", file=sys.stderr)
    for (student, assignment), error in sorted(run.feedback_errors.items()):
        print(f"feedback for {one_line(student)}/{assignment} failed: {one_line(error)}",
              file=sys.stderr)
    for (student, assignment), found in sorted(run.blocked.items()):
        print(f"LEAK: feedback for {one_line(student)}/{assignment} NOT written, it would show "
              "instructor-only lines:", file=sys.stderr)
        for line in found[:5]:
            print(f"  {one_line(line)}", file=sys.stderr)
    return 1 if run.blocked else 0


def _report(args: argparse.Namespace) -> int:
    from .pipeline.course import Course, CourseError

    try:
        course = Course.open(args.directory)
        from .report.page import write_report

        path = write_report(course, output=args.output, db_url=args.db)
    except CourseError as exc:
        return _fail(str(exc))
    print(f"report written to {path}")
    return 0


