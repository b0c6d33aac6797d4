"""The nbgrader source notebooks are generated from the declared assignments and never drift."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from pmcourse.grading.authoring.assignments import ASSIGNMENTS
from pmcourse.grading.authoring.build import build_notebook
from pmcourse.grading.pipeline.leaks import MIN_LENGTH, Secret, normalize, problem_ids, scan

from ..conftest import PROJECT


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_committed_notebook_is_what_the_builder_makes(assignment) -> None:
    """Run `python -m pmcourse.grading.authoring.build .` after changing a problem or an assignment."""
    path = PROJECT / "course" / "source" / assignment.id / f"{assignment.notebook}.ipynb"
    built = nbformat.writes(build_notebook(assignment, PROJECT / "autograders")) + "\n"
    assert path.read_text(encoding="utf-8") == built


@pytest.mark.parametrize("assignment", ASSIGNMENTS, ids=lambda a: a.id)
def test_every_graded_problem_has_a_key_and_a_reference(assignment) -> None:
    """Each hidden test's problem has its key and reference answer in autograders/."""
    path = PROJECT / "course" / "source" / assignment.id / f"{assignment.notebook}.ipynb"
    for problem_id in problem_ids(path):
        assert (PROJECT / "autograders" / "keys" / f"{problem_id}.json").exists()
        assert (PROJECT / "autograders" / "answers" / f"{problem_id}.py").exists()


ITEM_FACT = re.compile(r'^"[A-Z]+[0-9]+"\s*:')  # e.g. "K01": "task" -- the answer for one item


def test_no_graded_key_fact_inside_the_package() -> None:
    """No per-item answer of a graded key appears in any file of the installed package."""
    secrets = [
        Secret(normalize(line), path.name)
        for path in (PROJECT / "autograders" / "keys").glob("*.json")
        for line in path.read_text(encoding="utf-8").splitlines()
        if ITEM_FACT.match(normalize(line)) and len(normalize(line)) >= MIN_LENGTH
    ]
    files = [p for p in (PROJECT / "src" / "pmcourse").rglob("*") if p.is_file()
             and p.suffix in (".py", ".json", ".md", ".txt", ".csv")]
    assert secrets and files
    assert scan(files, secrets) == []


def _validate(notebook: Path) -> str:
    """`nbgrader validate` as a student runs it (or the Validate button), its whole output."""
    bindir = Path(sys.executable).parent
    env = {**os.environ, "PATH": f"{bindir}:{os.environ['PATH']}"}
    env.pop("NBGRADER_EXECUTION", None)
    done = subprocess.run([str(bindir / "nbgrader"), "validate", notebook.name], cwd=notebook.parent,
                          env=env, capture_output=True, text=True, timeout=600, check=False)
    return done.stdout + done.stderr


@pytest.mark.slow
def test_validate_fails_untouched_or_malformed_and_passes_any_well_formed(tmp_path) -> None:
    """Real `nbgrader validate` on the released student notebook: it fails on the placeholder
    and on a malformed answer, naming the variable and the fix, and passes a wrong but
    well-formed answer; the release that carries these checks holds no key (leak scan clean)."""
    from pmcourse.grading.authoring.samples import _answers, _fill
    from pmcourse.grading.pipeline.course import init_course
    from pmcourse.grading.pipeline.release import release

    course = init_course(tmp_path / "course", project=PROJECT)
    result = release(course, assignment="a3_roadmap")
    assert result.ok, result.leaks
    student = course.root / "release" / "a3_roadmap" / "roadmap.ipynb"
    nb = json.loads(student.read_text(encoding="utf-8"))
    ids = problem_ids(course.source / "a3_roadmap" / "roadmap.ipynb")
    nb["metadata"]["pmcourse_problem_ids"] = ids
    wrong = {pid: (_answers(pid, course.autograders)["wrong"] or [None])[0] for pid in ids}
    assert all(value is not None for value in wrong.values())

    mixed = _fill(nb, lambda pid: "not sure" if pid == "roadmap.now_next_later" else wrong[pid])
    for cell in mixed["cells"]:  # leave the timeline answer untouched
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "timeline_to_outcomes_answer":
            cell["source"] = next(c["source"] for c in nb["cells"] if c["metadata"].get(
                "nbgrader", {}).get("grade_id") == "timeline_to_outcomes_answer")
    folder = tmp_path / "student"
    folder.mkdir()
    (folder / "roadmap.ipynb").write_text(json.dumps(mixed), encoding="utf-8")
    out = _validate(folder / "roadmap.ipynb")
    assert "VALIDATION FAILED ON 2 CELL(S)" in out
    assert "`plan` should be a pandas DataFrame" in out
    assert "`outcomes` still holds the placeholder" in out

    (folder / "roadmap.ipynb").write_text(json.dumps(_fill(nb, wrong.get)), encoding="utf-8")
    out = _validate(folder / "roadmap.ipynb")
    assert "Success! Your notebook passes all the tests." in out, out[-3000:]
