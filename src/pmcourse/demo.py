"""`make demo`: the instructor loop on a synthetic cohort, end to end, in a scratch directory.

``python -m pmcourse.demo build/demo`` creates a course there (replacing an earlier demo),
releases every assignment, writes a sample cohort of good, partial, blank, broken and tampering
submissions for each, grades them all, writes feedback, exports and the cohort report, and
prints the grades table.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def run_demo(directory: Path, *, workers: int | None = None) -> int:
    """Runs the demo in `directory` and returns the exit code of the grading step."""
    from pmcourse.cli import main
    from pmcourse.grading.authoring.samples import make_sample_cohort
    from pmcourse.grading.pipeline.course import Course

    if directory.exists():
        shutil.rmtree(directory)
    steps = [["cohort", "init", str(directory)], ["release", str(directory)]]
    for step in steps:
        print(f"\n$ pmcourse {' '.join(step)}", flush=True)
        code = main(step)
        if code:
            return code
    course = Course.open(directory)
    for assignment in course.assignments():
        students = make_sample_cohort(course, assignment)
        print(f"\nsample cohort for {assignment}: {', '.join(students)}")
    # the course's own per-cell limit (its nbgrader_config.py); a generous notebook limit, so a
    # busy machine never turns honest work into a timeout
    grade = ["grade", str(directory), "--notebook-timeout", "180"]
    if workers:
        grade += ["--workers", str(workers)]
    print(f"\n$ pmcourse {' '.join(grade)}", flush=True)
    code = main(grade)
    if (directory / "grades.csv").exists():
        print(f"\ngrades: {directory / 'grades.csv'}")
        code = code or _check_samples(directory / "grades.csv")
        try:
            print(f"\n$ pmcourse report {directory}", flush=True)
            main(["report", str(directory)])
        except Exception as exc:  # the report is a bonus; the grades are the demo's point
            print(f"(report skipped: {exc})")
    return code


def _check_samples(grades: Path) -> int:
    """Prints whether every sample submission was graded as its answers deserve (1 if not)."""
    import csv

    from pmcourse.grading.authoring.samples import undeserved_grades

    with grades.open(encoding="utf-8") as handle:
        problems = undeserved_grades(list(csv.DictReader(handle)))
    if not problems:
        print("every sample submission was graded as its answers deserve")
        return 0
    print("NOT graded as deserved:")
    for line in problems:
        print(f"  {line}")
    return 1


if __name__ == "__main__":
    sys.exit(run_demo(Path(sys.argv[1] if len(sys.argv) > 1 else "build/demo")))
