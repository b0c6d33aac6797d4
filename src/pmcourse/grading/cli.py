"""Instructor commands: ``pmcourse cohort init``, ``release``, ``grade`` and ``report``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    """Adds the instructor commands to the ``pmcourse`` parser."""
    cohort = subparsers.add_parser("cohort", help="set up an nbgrader course for a cohort")
    cohort_sub = cohort.add_subparsers(dest="cohort_command", required=True, metavar="ACTION")
    init = cohort_sub.add_parser("init", help="a new nbgrader course directory with the "
                                              "course's assignments as source")
    init.add_argument("directory", type=Path)
    init.add_argument("--course-id", default="pmcourse")
    init.add_argument("--force", action="store_true",
                      help="refresh source/ and autograders/ of an existing course")
    init.set_defaults(handler=_cohort_init)

    rel = subparsers.add_parser("release", help="student versions of assignments, leak-scanned")
    rel.add_argument("directory", type=Path)
    rel.add_argument("--assignment", help="one assignment id (default: all)")
    rel.add_argument("--db", help="gradebook URL (default: SQLite in the course)")
    rel.set_defaults(handler=_release)

    grd = subparsers.add_parser("grade", help="autograde every submission, feedback, exports")
    grd.add_argument("directory", type=Path)
    grd.add_argument("--assignment", help="one assignment id (default: all with submissions)")
    grd.add_argument("--workers", type=int, default=None,
                     help="parallel grading processes (default: number of cores)")
    grd.add_argument("--timeout", type=int, default=30, help="seconds per cell (default 30)")
    grd.add_argument("--notebook-timeout", type=int, default=300,
                     help="seconds per notebook before it is stopped (default 300)")
    grd.add_argument("--memory", type=int, default=2048, help="MiB per kernel (default 2048)")
    grd.add_argument("--db", help="gradebook URL, e.g. postgresql://user@host/db")
    grd.add_argument("--sandbox", choices=("bwrap", "none"), default="bwrap",
                     help="isolate each kernel with bubblewrap (default) or not at all")
    grd.add_argument("--regrade", action="store_true", help="grade again what is already graded")
    grd.set_defaults(handler=_grade)

    rep = subparsers.add_parser("report", help="cohort analytics as one HTML page")
    rep.add_argument("directory", type=Path)
    rep.add_argument("--output", type=Path, help="default: DIR/report.html")
    rep.add_argument("--db", help="gradebook URL")
    rep.set_defaults(handler=_report)


def _fail(message: str, code: int = 2) -> int:
    print(f"pmcourse: {message}", file=sys.stderr)
    return code


def _cohort_init(args: argparse.Namespace) -> int:
    from .course import CourseError, init_course

    try:
        course = init_course(args.directory, course_id=args.course_id, force=args.force)
    except CourseError as exc:
        return _fail(str(exc))
    names = ", ".join(course.assignments())
    print(f"course ready in {course.root}\nassignments: {names}\n"
          f"next: pmcourse release {args.directory} --assignment <id>")
    return 0


def _release(args: argparse.Namespace) -> int:
    from .course import Course, CourseError
    from .release import release

    try:
        course = Course.open(args.directory)
        names = [args.assignment] if args.assignment else course.assignments()
        failed = False
        for name in names:
            result = release(course, assignment=name, db_url=args.db)
            if result.ok:
                print(f"released {name}: {len(result.files)} file(s) in "
                      f"{course.root / 'release' / name}; leak scan clean")
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
        line = f"{result.student}/{result.assignment}: {result.status}"
        if result.score is not None:
            line += f" {result.score:g}/{result.max_score:g}"
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix_str(line[:40])
        else:
            print(f"[{done}/{total}] {line} ({result.seconds:.1f} s)", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _grade(args: argparse.Namespace) -> int:
    from .course import CourseError
    from .leaks import collect_secrets, files_under, scan
    from .pipeline import grade

    progress = _Progress()
    try:
        run = grade(args.directory, assignment=args.assignment, workers=args.workers,
                    cell_timeout=args.timeout, notebook_timeout=args.notebook_timeout,
                    memory_mb=args.memory, db_url=args.db, sandbox=args.sandbox == "bwrap",
                    regrade=args.regrade, progress=progress)
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
    from .course import Course

    course = Course.open(args.directory)
    leaks = []
    for name in sorted({r.assignment for r in run.results}):
        secrets = collect_secrets(course.source / name, course.autograders)
        files = [p for p in files_under(course.root / "feedback") if p.parent.name == name]
        leaks += scan(files, secrets)
    if leaks:
        print("LEAK in generated feedback: students would see instructor-only lines",
              file=sys.stderr)
        for leak in leaks:
            print(f"  {leak}", file=sys.stderr)
        return 1
    return 0


def _table(results: list[Any]) -> str:
    rows = [("student", "assignment", "score", "status", "message")]
    for r in results:
        score = "" if r.score is None or r.status in ("error", "missing") else (
            f"{r.score:g}/{r.max_score:g}")
        message = r.message if len(r.message) <= 70 else r.message[:67] + "..."
        rows.append((r.student, r.assignment, score, r.status, message))
    widths = [max(len(str(row[i])) for row in rows) for i in range(4)]
    lines = []
    for n, row in enumerate(rows):
        lines.append("  ".join(str(v).ljust(widths[i]) for i, v in enumerate(row[:4]))
                     + "  " + row[4])
        if n == 0:
            lines.append("  ".join("-" * w for w in widths) + "  -------")
    return "\n".join(lines)


def _report(args: argparse.Namespace) -> int:
    from .course import Course, CourseError

    try:
        course = Course.open(args.directory)
        from .report import write_report

        path = write_report(course, output=args.output, db_url=args.db)
    except CourseError as exc:
        return _fail(str(exc))
    print(f"report written to {path}")
    return 0


