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
    from pmcourse.grading.course import Course
    from pmcourse.grading.samples import make_sample_cohort

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
    grade = ["grade", str(directory), "--timeout", "10", "--notebook-timeout", "60"]
    if workers:
        grade += ["--workers", str(workers)]
    print(f"\n$ pmcourse {' '.join(grade)}", flush=True)
    code = main(grade)
    if (directory / "grades.csv").exists():
        print(f"\ngrades: {directory / 'grades.csv'}")
        try:
            print(f"\n$ pmcourse report {directory}", flush=True)
            main(["report", str(directory)])
        except Exception as exc:  # the report is a bonus; the grades are the demo's point
            print(f"(report skipped: {exc})")
    return code


if __name__ == "__main__":
    sys.exit(run_demo(Path(sys.argv[1] if len(sys.argv) > 1 else "build/demo")))
