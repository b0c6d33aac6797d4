"""Grading speed and memory: stock `nbgrader autograde` against `pmcourse grade`, side by side.

    .venv/bin/python bench/bench_grading.py [--submissions 40] [--workers N]

Builds one course with N submissions of the roadmap assignment (reference and partial answers,
so scores differ), grades a copy with stock nbgrader (sequential, as nbgrader runs) and another
copy with `pmcourse grade`, checks the two score tables are identical, and prints:

- the wall-clock ratio stock / pmcourse (target: at least 1.8 on 2 cores);
- pmcourse's per-submission cost (worker time per submission) against executing the same
  notebook bare with nbclient plus the gradebook write (target: at most 1.2 times);
- peak memory of the grading processes and of the kernels.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
ASSIGNMENT = "a3_roadmap"
VENV_BIN = Path(sys.executable).parent


def build_course(root: Path, submissions: int) -> list[str]:
    """A released course with `submissions` graded-ready submissions; returns the student ids."""
    from pmcourse.grading.authoring.samples import _answers, _fill, problem_ids
    from pmcourse.grading.pipeline.course import init_course
    from pmcourse.grading.pipeline.release import release

    course = init_course(root, project=PROJECT)
    assert release(course, assignment=ASSIGNMENT).ok
    release_nb = course.root / "release" / ASSIGNMENT / "roadmap.ipynb"
    import json

    base = json.loads(release_nb.read_text())
    base["metadata"]["pmcourse_problem_ids"] = problem_ids(course.source / ASSIGNMENT /
                                                           "roadmap.ipynb")
    answers = {pid: _answers(pid, course.autograders) for pid in base["metadata"][
        "pmcourse_problem_ids"]}
    rng = random.Random(7)
    students = []
    for n in range(submissions):
        kind = rng.choice(["reference", "partial", "wrong"])

        def pick(pid: str, kind: str = kind) -> object:
            options = answers[pid][kind] if kind != "reference" else []
            return rng.choice(options) if options else answers[pid]["reference"]

        nb = _fill(base, pick)
        nb["metadata"].pop("pmcourse_problem_ids", None)
        student = f"student{n:03d}"
        folder = course.submission_dir(student, ASSIGNMENT)
        folder.mkdir(parents=True)
        (folder / "roadmap.ipynb").write_text(json.dumps(nb))
        students.append(student)
    return students


def totals(db_url: str) -> dict[str, float]:
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        return {s.student.id: round(float(s.score), 4)
                for s in gb.find_assignment(ASSIGNMENT).submissions}


def run_stock(course: Path) -> float:
    env = {**os.environ, "PATH": f"{VENV_BIN}:{os.environ['PATH']}"}
    started = time.perf_counter()
    subprocess.run([str(VENV_BIN / "nbgrader"), "autograde", ASSIGNMENT, "--force"], cwd=course,
                   env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def run_pmcourse(course: Path, workers: int | None) -> tuple[float, list]:
    from pmcourse.grading.pipeline.run import grade

    started = time.perf_counter()
    run = grade(course, assignment=ASSIGNMENT, workers=workers)
    return time.perf_counter() - started, run.results


def bare_cost(course: Path, students: list[str], sample: int) -> float:
    """Mean seconds to execute one submission with plain nbclient and write its grades."""
    import nbformat
    from nbclient import NotebookClient
    from nbgrader.api import Gradebook

    db_url = f"sqlite:///{course / 'gradebook.db'}"
    source = nbformat.read(course / "source" / ASSIGNMENT / "roadmap.ipynb", as_version=4)
    checks = {c.metadata["nbgrader"]["grade_id"]: c.source for c in source.cells
              if c.metadata.get("nbgrader", {}).get("grade")}
    costs = []
    os.environ["PMCOURSE_AUTOGRADERS"] = str(course / "autograders")
    for student in students[:sample]:
        folder = course / "submitted" / student / ASSIGNMENT
        nb = nbformat.read(folder / "roadmap.ipynb", as_version=4)
        for cell in nb.cells:  # the hidden tests, as the autograder restores them
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in checks:
                cell.source = checks[grade_id]
        started = time.perf_counter()
        NotebookClient(nb, timeout=30, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(folder)}}).execute()
        with Gradebook(db_url) as gb:
            gb.update_or_create_student(f"bare-{student}")
            gb.db.commit()
        costs.append(time.perf_counter() - started)
    os.environ.pop("PMCOURSE_AUTOGRADERS", None)
    return statistics.mean(costs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=40)
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--bare-sample", type=int, default=8)
    args = parser.parse_args()
    os.environ.setdefault("PATH", "")
    os.environ["PATH"] = f"{VENV_BIN}:{os.environ['PATH']}"
    work = Path(tempfile.mkdtemp(prefix="pmcourse-bench-"))
    try:
        template = work / "template"
        students = build_course(template, args.submissions)
        stock_dir, ours_dir, bare_dir, alone_dir = (work / n for n in ("stock", "ours", "bare",
                                                                        "alone"))
        for target in (stock_dir, ours_dir, bare_dir, alone_dir):
            shutil.copytree(template, target)
        for student in students[args.bare_sample:]:  # the one-worker run grades the sample only
            shutil.rmtree(alone_dir / "submitted" / student)

        stock_seconds = run_stock(stock_dir)
        ours_seconds, results = run_pmcourse(ours_dir, args.workers)
        bare = bare_cost(bare_dir, students, args.bare_sample)
        _, alone = run_pmcourse(alone_dir, 1)

        stock_scores = totals(f"sqlite:///{stock_dir / 'gradebook.db'}")
        ours_scores = {r.student: round(float(r.score), 4) for r in results}
        identical = stock_scores == ours_scores
        per_submission = statistics.mean(r.seconds for r in alone)
        per_submission_parallel = statistics.mean(r.seconds for r in results)
        kernel_peak = max(r.details.get("peak_kernel_rss_mb", 0) for r in results)
        self_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        children_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024

        print(f"machine: {os.cpu_count()} cores, {_cpu()}, Python {sys.version.split()[0]}, "
              f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
        print(f"submissions: {len(students)} of {ASSIGNMENT}; pmcourse workers: "
              f"{args.workers or os.cpu_count()}\n")
        print(f"{'student':<12} {'stock nbgrader':>15} {'pmcourse':>10}")
        for student in students:
            print(f"{student:<12} {stock_scores.get(student, float('nan')):>15g} "
                  f"{ours_scores.get(student, float('nan')):>10g}")
        print(f"\nscores identical: {identical}")
        print(f"stock nbgrader autograde (sequential): {stock_seconds:7.1f} s "
              f"({stock_seconds / len(students):.2f} s per submission)")
        print(f"pmcourse grade:                        {ours_seconds:7.1f} s "
              f"({ours_seconds / len(students):.2f} s per submission, wall)")
        print(f"speed-up stock / pmcourse: {stock_seconds / ours_seconds:.2f}x (target >= 1.8)")
        print(f"per-submission cost, one submission at a time ({args.bare_sample} submissions): "
              f"pmcourse {per_submission:.2f} s vs bare nbclient + gradebook write {bare:.2f} s "
              f"= {per_submission / bare:.2f}x (target <= 1.2)")
        print(f"(per-submission time in a worker during the parallel run, sharing the cores: "
              f"{per_submission_parallel:.2f} s)")
        print(f"peak memory: this process {self_peak:.0f} MiB, largest child process "
              f"{children_peak:.0f} MiB, largest grading kernel {kernel_peak:.0f} MiB")
        return 0 if identical else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown CPU"


if __name__ == "__main__":
    sys.exit(main())
