"""Whatever students submit, the batch goes on: each bad or tampering notebook gets a status and a reason.

One course, one grading run over every kind of broken or hostile submission the pipeline must
survive (pmcourse's answer to nbgrader issues #1941, #1682, #1083 and #174's batch failures).
"""

from __future__ import annotations

import copy
import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest

from pmcourse.grading.pipeline.course import Course
from pmcourse.grading.pipeline.export import read_grades
from pmcourse.grading.pipeline.run import grade

from ..conftest import ASSIGNMENT, answer_notebook, code_cell, submit

pytestmark = pytest.mark.slow

ALWAYS_TRUE = (
    "class Always(str):\n"
    "    def __eq__(self, other):\n"
    "        return True\n"
    "    __hash__ = str.__hash__\n"
)


def _cells_with(nb: dict, grade_id: str) -> list[dict]:
    return [c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id]


def build_submissions(course: Course, reference: str) -> None:
    """Writes one submission per kind of trouble."""
    good = answer_notebook(course, reference)
    blank = answer_notebook(course, "split = None")

    submit(course, "empty_file", "")
    submit(course, "invalid_json", json.dumps(good)[:500])
    submit(course, "not_utf8", b"\xff\xfe\x00garbage")
    folder = course.submission_dir("unreadable", ASSIGNMENT)
    (folder / "roadmap.ipynb").mkdir(parents=True)  # a folder where the notebook should be
    v3 = nbformat.convert(nbformat.from_dict(copy.deepcopy(good)), 3)
    submit(course, "nbformat3", nbformat.writes(v3, version=3))

    stripped = copy.deepcopy(good)
    for cell in stripped["cells"]:
        cell["metadata"] = {}
    submit(course, "stripped_metadata", stripped)

    duplicated = copy.deepcopy(good)
    check = _cells_with(duplicated, "feature_split_check")[0]
    duplicated["cells"].append(copy.deepcopy(check))
    submit(course, "duplicated_check", duplicated)

    deleted = copy.deepcopy(good)
    deleted["cells"] = [c for c in deleted["cells"] if c not in _cells_with(deleted,
                                                                            "feature_split_check")]
    submit(course, "deleted_check", deleted)

    retyped = copy.deepcopy(good)
    for cell in _cells_with(retyped, "feature_split_check"):
        cell["cell_type"] = "markdown"
        cell.pop("outputs", None)
        cell.pop("execution_count", None)
    submit(course, "retyped_check", retyped)

    huge = copy.deepcopy(good)
    huge["cells"][0].setdefault("outputs", [])
    for cell in huge["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"] = [{"output_type": "stream", "name": "stdout",
                                "text": "x" * (50 * 1024 * 1024)}]
            break
    submit(course, "huge_output", huge)
    submit(course, "prints_a_lot", answer_notebook(
        course, reference + "\nprint('y' * 20_000_000)"))

    submit(course, "sys_exit", answer_notebook(course, reference + "\nimport sys\nsys.exit(3)"))
    submit(course, "os_exit", answer_notebook(course, "import os\nos._exit(1)"))
    submit(course, "endless_loop", answer_notebook(course, "while True:\n    pass"))
    submit(course, "forged_timeout", answer_notebook(course, reference, extra_cells=[code_cell(
        "class CellTimeoutError(Exception):\n    pass\nraise CellTimeoutError('forged')")],
        position=10_000))
    submit(course, "memory_bomb", answer_notebook(
        course, reference + "\nhog = bytearray(64 * 1024 ** 3)"))
    submit(course, "odd_unicode", answer_notebook(
        course, reference + "\n# \u202eevil\u202c \u200b \U0001f680 \ud7ff é ß 中文\nnote = '\\x00 \u2028'",
        extra_cells=[{"cell_type": "markdown", "metadata": {},
                      "source": "Notes: \U0001f9ea \u0301 \u2028 line"}]))

    edited = copy.deepcopy(blank)
    for cell in _cells_with(edited, "feature_split_check"):
        cell["source"] = "6.0"
    submit(course, "edits_test_cell", edited)
    submit(course, "patches_pmcourse", answer_notebook(course, "split = None", extra_cells=[
        code_cell("import pmcourse.grading.kernel.cell as c\nc.grade = lambda *a, **k: 6.0")]))
    submit(course, "patches_builtins", answer_notebook(course, "split = None", extra_cells=[
        code_cell("import builtins\nbuiltins.sum = lambda *a: 6.0\nbuiltins.round = lambda *a: 6.0")]))
    submit(course, "breaks_float", answer_notebook(course, "split = None", extra_cells=[
        code_cell("import builtins\nbuiltins.float = lambda *a: 6.0")]))
    submit(course, "control_all_tasks", answer_notebook(
        course, "import pandas as pd\n"
                "split = pd.DataFrame({'item_id': items.item_id, 'kind': 'task', "
                "'outcome_id': 'K03'})"))
    submit(course, "patches_pandas", answer_notebook(
        course, "import pandas as pd\n"
                "pd.DataFrame.__eq__ = lambda self, other: True\n"
                "split = pd.DataFrame({'item_id': items.item_id, 'kind': 'task', "
                "'outcome_id': 'K03'})"))
    submit(course, "always_true_eq", answer_notebook(
        course, ALWAYS_TRUE + "split = [{'item_id': i, 'kind': Always('x'), "
                              "'outcome_id': Always('y')} for i in items.item_id]"))
    root = str(course.root)
    submit(course, "reads_instructor_files", answer_notebook(course, (
        "import glob, json, os\n"
        f"paths = ['{root}/autograders/keys/roadmap.feature_split.json', '{root}/gradebook.db',"
        f" '{root}/source/a3_roadmap/roadmap.ipynb']\n"
        "paths += glob.glob('../../../autograders/**/*.json', recursive=True)\n"
        "paths += glob.glob('../../../**/gradebook.db', recursive=True)\n"
        "found = [p for p in paths if os.path.exists(p)]\n"
        "split = None\n"
        "for path in found:\n"
        "    if path.endswith('roadmap.feature_split.json'):\n"
        "        key = json.load(open(path))\n"
        "        split = [{'item_id': i, 'kind': k, 'outcome_id': (key['parents'].get(i) or [None])[0]}"
        " for i, k in key['kind'].items()]\n"
        "    if path.endswith('gradebook.db'):\n"
        "        open(path, 'ab').write(b'tampered')\n"
        "print(found)")))


@pytest.fixture(scope="module")
def graded(course_template: Path, tmp_path_factory: pytest.TempPathFactory, reference_code: str):
    target = tmp_path_factory.mktemp("bad") / "course"
    shutil.copytree(course_template, target)
    course = Course(target)
    build_submissions(course, reference_code)
    # limits with room for a loaded machine (a shared CI runner): a cell gets 20 s
    run = grade(course.root, assignment=ASSIGNMENT, workers=2, cell_timeout=20,
                notebook_timeout=120, memory_mb=1536)
    rows = {r["student_id"]: r for r in read_grades(course.root / "grades.csv")}
    return course, run, rows


def test_every_submission_has_exactly_one_row(graded) -> None:
    """The batch survives every kind of trouble: one row per submission, none lost or doubled."""
    course, run, rows = graded
    assert sorted(rows) == sorted(course.submissions(ASSIGNMENT))
    assert len(run.results) == len(rows)


@pytest.mark.parametrize(("student", "words"), [
    ("empty_file", "is empty"),
    ("invalid_json", "not valid notebook JSON"),
    ("not_utf8", "not UTF-8"),
    ("unreadable", "cannot be read"),
    ("os_exit", "kernel stopped"),
])
def test_unreadable_or_crashing_notebooks_are_errors_with_reasons(graded, student, words) -> None:
    """Notebooks that cannot be read or run are errors whose message says why, with no score."""
    row = graded[2][student]
    assert row["status"] == "error"
    assert words in row["message"]
    assert row["score"] == ""


@pytest.mark.parametrize("student", [
    "nbformat3", "stripped_metadata", "duplicated_check", "deleted_check", "retyped_check",
    "huge_output", "prints_a_lot", "sys_exit", "odd_unicode", "memory_bomb",
])
def test_mangled_but_answered_notebooks_earn_full_marks(graded, student) -> None:
    """Format, metadata, cell and output damage is repaired, and the answer still earns its points."""
    row = graded[2][student]
    assert (row["status"], row["score"]) == ("graded", "6"), row["message"]


def test_endless_loop_is_stopped_and_marked_timeout(graded) -> None:
    """A cell that never ends is interrupted at the cell limit and the submission marked timeout."""
    row = graded[2]["endless_loop"]
    assert row["status"] == "timeout" and "limit" in row["message"]


def test_a_timeout_is_what_the_grader_saw_not_what_the_kernel_claims(graded) -> None:
    """An error the kernel names CellTimeoutError is an ordinary error: statuses come from what
    the grader saw happen."""
    row = graded[2]["forged_timeout"]
    assert (row["status"], row["score"]) == ("graded", "6"), row["message"]


def test_output_is_bounded_in_the_autograded_copy(graded) -> None:
    """Fifty megabytes of stored output and twenty printed ones do not bloat the graded notebook."""
    course = graded[0]
    for student in ("huge_output", "prints_a_lot"):
        size = (course.root / "autograded" / student / ASSIGNMENT / "roadmap.ipynb").stat().st_size
        assert size < 2 * 1024 * 1024


@pytest.mark.parametrize(("student", "evidence", "honest"), [
    ("edits_test_cell", "was edited", "nothing"),
    ("patches_pmcourse", "did not run", "nothing"),
    ("patches_builtins", "builtins.sum was replaced", "nothing"),
    ("patches_pandas", "DataFrame.__eq__ was replaced", "control_all_tasks"),
    ("always_true_eq", "class Always", "nothing"),
])
def test_tampering_is_marked_and_earns_only_the_honest_score(graded, student, evidence,
                                                             honest) -> None:
    """Patched checkers, builtins or pandas and rigged objects are caught, and score exactly
    what the same answers score without the tampering."""
    rows = graded[2]
    row = rows[student]
    assert row["status"] == "tampered", row["message"]
    assert evidence in row["message"]
    expected = "0" if honest == "nothing" else rows[honest]["score"]
    assert row["score"] == expected


def test_breaking_the_kernel_earns_nothing(graded) -> None:
    """Replacing float() breaks the kernel itself: whether it is stopped at the cell limit or
    runs to the end (depending on the machine's speed), it earns nothing."""
    row = graded[2]["breaks_float"]
    assert row["status"] in ("graded", "timeout", "tampered", "error"), row["message"]
    assert row["score"] in ("", "0")


def test_kernel_cannot_see_instructor_files(graded) -> None:
    """In the sandbox the key, the source notebooks and the gradebook are out of the kernel's sight."""
    course, _, rows = graded
    row = rows["reads_instructor_files"]
    assert (row["status"], row["score"]) == ("graded", "0")
    graded_nb = (course.root / "autograded" / "reads_instructor_files" / ASSIGNMENT /
                 "roadmap.ipynb").read_text()
    assert "[]" in graded_nb  # the kernel's search found nothing
    assert os.path.getsize(course.root / "gradebook.db") > 0
    with open(course.root / "gradebook.db", "rb") as handle:
        assert not handle.read().endswith(b"tampered")
