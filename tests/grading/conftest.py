"""Fixtures for grading tests: real course directories, released and graded with real nbgrader."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from pmcourse.grading.pipeline.course import Course, init_course
from pmcourse.grading.pipeline.release import release

PROJECT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "a3_roadmap"


def released_course(directory: Path) -> Course:
    """A new course in `directory` with every assignment released."""
    course = init_course(directory, project=PROJECT)
    for assignment in course.assignments():
        result = release(course, assignment=assignment)
        assert result.ok, result.leaks
    return course


@pytest.fixture(scope="session")
def course_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One released course, copied by tests that need a fresh one (release costs seconds)."""
    return released_course(tmp_path_factory.mktemp("template") / "course").root


@pytest.fixture
def fresh_course(course_template: Path, tmp_path: Path) -> Course:
    """A private copy of the released course."""
    target = tmp_path / "course"
    shutil.copytree(course_template, target)
    return Course(target)


def read_notebook(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def submit(course: Course, student: str, notebook: dict | str | bytes,
           assignment: str = ASSIGNMENT, name: str = "roadmap.ipynb") -> Path:
    """Writes a student's notebook (a dict, raw text or raw bytes) into submitted/."""
    folder = course.submission_dir(student, assignment)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(notebook, dict):
        path.write_text(json.dumps(notebook), encoding="utf-8")
    elif isinstance(notebook, bytes):
        path.write_bytes(notebook)
    else:
        path.write_text(notebook, encoding="utf-8")
    return path


def answer_notebook(course: Course, code: str, *, extra_cells: list[dict] | None = None,
                    position: int = 1) -> dict:
    """The released notebook with its answer cell set to `code` and optional cells inserted."""
    nb = read_notebook(course.root / "release" / ASSIGNMENT / "roadmap.ipynb")
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "feature_split_answer":
            cell["source"] = code
    for offset, cell in enumerate(extra_cells or []):
        nb["cells"].insert(position + offset, cell)
    return nb


def code_cell(source: str) -> dict:
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
            "source": source}




@pytest.fixture(scope="session")
def reference_code() -> str:
    """Python source assigning the full-marks answer to `split`."""
    import pprint

    from pmcourse.grading.authoring.build import reference_answer

    value = reference_answer("roadmap.feature_split", PROJECT / "autograders")
    return "import pandas as pd\nsplit = pd.DataFrame(" + pprint.pformat(value) + ")"


GradeFn = Callable[..., object]


def cell_scores(db_url: str) -> list[tuple]:
    """(student, notebook, grade cell, auto score, needs manual grade) for every graded cell."""
    from nbgrader.api import Gradebook

    rows = []
    with Gradebook(db_url) as gb:
        for assignment in gb.assignments:
            for submission in assignment.submissions:
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        rows.append((submission.student.id, notebook.name, grade.name,
                                     grade.auto_score, bool(grade.needs_manual_grade)))
    return sorted(rows, key=lambda r: (r[0], r[1], r[2]))
