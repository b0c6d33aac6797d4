"""nbgrader's own example course (ps1) scores exactly as stock `nbgrader autograde` scores it.

Instructors bring existing nbgrader courses: whatever pmcourse adds (sandboxed kernels, parallel
workers, repairs), plain nbgrader assignments must keep every per-cell score and every total.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pmcourse.cli import main

from ..conftest import SHARED
from .conftest import cell_scores

pytestmark = pytest.mark.slow
FIXTURE = SHARED / "conformance" / "nbgrader-ps1"
VENV_BIN = Path(sys.executable).parent
CONFIG = '''c = get_config()
c.CourseDirectory.course_id = "example_course"
c.IncludeHeaderFooter.header = "source/header.ipynb"
'''

def copy_course(target: Path) -> Path:
    shutil.copytree(FIXTURE, target, ignore=shutil.ignore_patterns("grades.csv", "LICENSE",
                                                                  "README.md"))
    (target / "nbgrader_config.py").write_text(CONFIG)
    return target


def nbgrader(*args: str, cwd: Path) -> None:
    env = {**os.environ, "PATH": f"{VENV_BIN}:{os.environ['PATH']}"}
    subprocess.run([str(VENV_BIN / "nbgrader"), *args], cwd=cwd, env=env, check=True,
                   capture_output=True)


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[tuple], list[tuple], Path]:
    if not FIXTURE.is_dir():
        pytest.fail(f"the conformance fixture is missing: {FIXTURE} (shared/ sits beside the repo)")
    stock = copy_course(tmp_path_factory.mktemp("stock") / "course")
    nbgrader("generate_assignment", "ps1", "--force", cwd=stock)
    nbgrader("autograde", "ps1", "--force", cwd=stock)
    ours = copy_course(tmp_path_factory.mktemp("ours") / "course")
    assert main(["release", str(ours), "--assignment", "ps1"]) == 0
    assert main(["grade", str(ours), "--assignment", "ps1", "--workers", "2"]) == 0
    return (cell_scores(f"sqlite:///{stock / 'gradebook.db'}"),
            cell_scores(f"sqlite:///{ours / 'gradebook.db'}"), ours)


def test_every_cell_scores_as_stock_nbgrader(both) -> None:
    """Each student's auto score and needs-manual flag, cell by cell, match stock nbgrader."""
    stock, ours, _ = both
    assert len(stock) == 2 * 9  # two students, nine grade cells across the two notebooks
    assert ours == stock


def test_commented_out_tests_are_restored_and_reported(both) -> None:
    """bitdiddle commented out a test cell: both graders restore it; pmcourse also says so."""
    _, _, course = both
    rows = {line.split(",")[0]: line for line in (course / "grades.csv").read_text().splitlines()}
    assert ",tampered," in rows["bitdiddle"] and "correct_squares" in rows["bitdiddle"]
    assert ",graded," in rows["hacker"]


def test_totals_match_and_are_exported(both) -> None:
    """The totals in grades.csv equal stock nbgrader's auto-score totals for each student."""
    stock, _, course = both
    totals: dict[str, float] = {}
    for student, _nb, _cell, score, _manual in stock:
        totals[student] = totals.get(student, 0.0) + (score or 0.0)
    rows = (course / "grades.csv").read_text().splitlines()[1:]
    exported = {line.split(",")[0]: float(line.split(",")[2]) for line in rows}
    assert exported == totals
