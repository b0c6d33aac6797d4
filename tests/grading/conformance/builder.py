"""Builds small nbgrader courses and grades them with stock nbgrader and with pmcourse.

A course is written from notebooks made with nbgrader's own cell factories, generated with
stock ``nbgrader generate_assignment``, handed in as students would, then copied: stock
``nbgrader autograde`` grades one copy and ``pmcourse grade`` the other, so both start from the
same gradebook and the same submissions.
"""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbformat.notebooknode import NotebookNode
from nbformat.v4 import new_notebook
from nbgrader.tests import (
    create_grade_and_solution_cell,
    create_grade_cell,
    create_locked_cell,
    create_solution_cell,
)

VENV_BIN = Path(sys.executable).parent


def solution(source: str, grade_id: str) -> NotebookNode:
    return create_solution_cell(source, "code", grade_id)


def locked_test(source: str, grade_id: str, points: float) -> NotebookNode:
    cell = create_grade_cell(source, "code", grade_id, points)
    cell.metadata.nbgrader["locked"] = True
    return cell


def locked(source: str, grade_id: str, cell_type: str = "markdown") -> NotebookNode:
    return create_locked_cell(source, cell_type, grade_id)


def written(source: str, grade_id: str, points: float) -> NotebookNode:
    return create_grade_and_solution_cell(source, "markdown", grade_id, points)


def notebook(*cells: NotebookNode, kernel: str = "python3", language: str = "python",
             ) -> NotebookNode:
    nb = new_notebook(cells=list(cells))
    nb.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": language}
    nb.metadata["language_info"] = {"name": language}
    return nb


def run(tool: str, *args: str, cwd: Path, env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[str]:
    """A command of this virtualenv (`nbgrader`, `pmcourse`), as an instructor runs it."""
    full = {**os.environ, "PATH": f"{VENV_BIN}:{os.environ['PATH']}", **(env or {})}
    full.pop("NBGRADER_EXECUTION", None)
    done = subprocess.run([str(VENV_BIN / tool), *args], cwd=cwd, env=full, check=False,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"{tool} {' '.join(args)}:\n{done.stdout}\n{done.stderr}"
    return done


def nbgrader(*args: str, cwd: Path, env: dict[str, str] | None = None,
             ) -> subprocess.CompletedProcess[str]:
    return run("nbgrader", *args, cwd=cwd, env=env)


Change = Callable[[NotebookNode], NotebookNode]


@dataclass
class ConformanceCourse:
    """One assignment of one notebook, its students' changes, and the course's config."""

    assignment: str
    name: str
    source: NotebookNode
    config: str = ""
    students: dict[str, Change] = field(default_factory=dict)
    """Student id -> what the student does to the released notebook."""
    after_release: Callable[[NotebookNode], NotebookNode] | None = None
    """The instructor's change to the source after students got it (then regenerated)."""
    submitted: str = "submitted"
    """The course's CourseDirectory.submitted_directory."""
    env: dict[str, str] = field(default_factory=dict)
    """Environment both graders run in (e.g. JUPYTER_PATH to a course's kernelspec)."""
    files: dict[str, str] = field(default_factory=dict)
    """Other files of the course root (e.g. nbgrader's autotests.yml), by name."""
    roster: tuple[str, ...] = ()
    """Students put on the gradebook's roster (``nbgrader db student add``) before grading."""

    def write(self, root: Path) -> Path:
        """The course on disk, generated, with every student's submission handed in."""
        folder = root / "source" / self.assignment
        folder.mkdir(parents=True)
        (root / "nbgrader_config.py").write_text(
            "c = get_config()\nc.CourseDirectory.course_id = 'conformance'\n" + self.config)
        nbformat.write(self.source, folder / f"{self.name}.ipynb")
        for name, text in self.files.items():
            (root / name).write_text(text, encoding="utf-8")
        nbgrader("generate_assignment", self.assignment, "--force", cwd=root, env=self.env)
        for student in self.roster:
            nbgrader("db", "student", "add", student, cwd=root, env=self.env)
        release = nbformat.read(root / "release" / self.assignment / f"{self.name}.ipynb", 4)
        if self.after_release is not None:
            nbformat.write(self.after_release(copy.deepcopy(self.source)),
                           folder / f"{self.name}.ipynb")
            nbgrader("generate_assignment", self.assignment, "--force", cwd=root, env=self.env)
        for student, change in self.students.items():
            handed_in = root / self.submitted / student / self.assignment
            handed_in.mkdir(parents=True)
            nbformat.write(change(copy.deepcopy(release)), handed_in / f"{self.name}.ipynb")
        return root


def grade_both(course: ConformanceCourse, where: Path) -> tuple[Path, Path]:
    """(stock course, pmcourse course): one written course, graded by each in its own copy."""
    stock = course.write(where / "stock")
    ours = where / "ours"
    shutil.copytree(stock, ours)
    nbgrader("autograde", course.assignment, "--force", cwd=stock, env=course.env)
    run("pmcourse", "grade", str(ours), "--assignment", course.assignment, "--workers", "2",
        cwd=ours, env=course.env)
    return stock, ours


def answer(nb: NotebookNode, grade_id: str, source: str) -> NotebookNode:
    """The student writes `source` into the cell `grade_id`."""
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            cell.source = source
    return nb


def delete(nb: NotebookNode, grade_id: str) -> NotebookNode:
    nb.cells = [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != grade_id]
    return nb


def grades_rows(course_root: Path) -> dict[str, dict[str, str]]:
    """grades.csv by student id."""
    import csv

    with (course_root / "grades.csv").open(encoding="utf-8") as handle:
        return {row["student_id"]: row for row in csv.DictReader(handle)}
