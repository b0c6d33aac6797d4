"""Plain nbgrader courses score exactly as stock `nbgrader autograde` scores them.

Instructors bring existing nbgrader courses: whatever pmcourse adds (sandboxed kernels, parallel
workers, repairs), plain nbgrader assignments must keep every per-cell score and every total,
under the course's own configuration. Our own courses are built in the test (see
`conformance.builder`); nbgrader's example course (ps1) adds cases when ../shared is present.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from nbformat.notebooknode import NotebookNode

from pmcourse.cli import main

from ...conftest import SHARED
from ..conformance.builder import (
    ConformanceCourse,
    answer,
    delete,
    grade_both,
    grades_rows,
    locked,
    locked_test,
    notebook,
    solution,
    written,
)
from ..conftest import cell_scores

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
        pytest.skip(f"optional: nbgrader's example course is not beside the checkout ({FIXTURE})")
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


# --- our own conformance course: the course's configuration, and what students really do ---

SQUARES = ("def squares(n):\n    ### BEGIN SOLUTION\n    return [i * i for i in range(1, n + 1)]\n"
           "    ### END SOLUTION")
GRADE_FN = ("def grade(letter):\n    ### BEGIN SOLUTION\n    return {'A': 4, 'B': 3}.get(letter, 0)"
            "\n    ### END SOLUTION")
SLOW = "import time\n\ndef slow():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION"
FEATURES_CONFIG = "c.Execute.timeout = 4\n"  # the course's own limit; pmcourse's default is 30
AUTOTESTS = """python3:
    setup: "from hashlib import sha1"
    hash: 'sha1({{snippet}}.encode("utf-8")+b"{{salt}}").hexdigest()'
    dispatch: "type({{snippet}})"
    normalize: "str({{snippet}})"
    check: 'assert {{snippet}} == \"\"\"{{value}}\"\"\", \"\"\"{{message}}\"\"\"'
    success: "print('Success!')"
    templates:
        default:
            - test: "{{snippet}}"
              fail: "value of {{snippet}} is not correct"
"""


def features_source() -> NotebookNode:
    return notebook(
        locked("# Problem set 1", "intro"),
        solution(SQUARES, "squares"),
        # nbgrader accepts the one-hash form of the hidden-test markers too
        locked_test("assert squares(1) == [1]\n# BEGIN HIDDEN TESTS\nassert squares(3) == [1, 4, 9]"
                  "\n# END HIDDEN TESTS", "test_squares", 2),
        solution(GRADE_FN, "grade_fn"),
        locked("The next test calls your own `grade` function.", "grade_note"),
        locked_test('assert grade("A") == 4', "test_grade", 1),
        solution(SLOW, "slow"),
        locked_test("assert slow() == 1", "test_slow", 1),
        # nbgrader's hashed autotests: each generate_assignment draws new salts
        locked_test("# HASHED AUTOTEST squares(2)", "test_hashed", 1),
        written("A model answer.", "essay", 2),
    )


def fixed_after_release(nb: NotebookNode) -> NotebookNode:
    """The instructor tightens a test after students fetched the assignment."""
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "test_grade":
            cell.source = 'assert grade("A") == 4\nassert grade("B") == 3'
    return nb


def correct(nb: NotebookNode) -> NotebookNode:
    answer(nb, "squares", "def squares(n):\n    return [k ** 2 for k in range(1, n + 1)]")
    answer(nb, "grade_fn", "def grade(letter):\n    return 4 if letter == 'A' else 3")
    answer(nb, "slow", "def slow():\n    return 1")
    return answer(nb, "essay", "Squares grow fast.")


FEATURES = ConformanceCourse(
    assignment="ps1", name="problems", source=features_source(), config=FEATURES_CONFIG,
    after_release=fixed_after_release, files={"autotests.yml": AUTOTESTS},
    students={
        "honest": correct,
        "blank": lambda nb: nb,  # handed in as released
        # deleted a test cell that follows a locked cell (nbgrader's add_missing_cells would
        # raise KeyError here; the course does not ask for it)
        "deleted_test": lambda nb: delete(correct(nb), "test_grade"),
        "edited_test": lambda nb: answer(answer(correct(nb), "squares",
                                                "def squares(n):\n    return []"),
                                         "test_squares", "assert True"),
        "slowpoke": lambda nb: answer(correct(nb), "slow",
                                      "import time\n\ndef slow():\n    time.sleep(12)\n"
                                      "    return 1"),
    },
)


@pytest.fixture(scope="module")
def features(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return grade_both(FEATURES, tmp_path_factory.mktemp("features"))


def test_features_every_cell_scores_as_stock_nbgrader(features) -> None:
    """The course's timeout, its one-hash hidden tests, hashed autotests re-salted by a second
    generate_assignment, a test fixed after release, a deleted test cell without
    add_missing_cells, a blank resubmission and a student's own `grade()` function: per cell,
    the same score and manual flag as stock nbgrader."""
    stock, ours = features
    stock_scores = cell_scores(f"sqlite:///{stock / 'gradebook.db'}")
    assert {row[0] for row in stock_scores} == set(FEATURES.students)
    assert cell_scores(f"sqlite:///{ours / 'gradebook.db'}") == stock_scores
    by_cell = {(row[0], row[2]): row[3] for row in stock_scores}
    # the scores are not trivially equal: right work earns, the course's 4 s limit stops a
    # 12 s cell (pmcourse's own default of 30 s would have let it pass)
    assert by_cell["honest", "test_squares"] == 2 and by_cell["honest", "test_grade"] == 1
    assert by_cell["honest", "test_hashed"] == 1 and by_cell["edited_test", "test_hashed"] == 0
    assert by_cell["slowpoke", "test_slow"] == 0 and by_cell["slowpoke", "test_squares"] == 2
    assert by_cell["edited_test", "test_squares"] == 0


def test_features_extra_statuses_only_where_a_test_was_really_edited(features) -> None:
    """Only the student who rewrote a test is `tampered`; a test the instructor fixed after
    release, re-salted hashed tests, a deleted test, a blank notebook and a function named
    grade() are honest."""
    _, ours = features
    rows = grades_rows(ours)
    statuses = {student: row["status"] for student, row in rows.items()}
    assert statuses["edited_test"] == "tampered"
    assert "test_squares" in rows["edited_test"]["message"]
    assert statuses["slowpoke"] == "timeout" and "4 s" in rows["slowpoke"]["message"]
    for student in ("honest", "blank", "deleted_test"):
        assert statuses[student] == "graded", rows[student]


# --- a second course: its own kernel (with an environment), folders and excluded students ---

def configured_course(kernels: Path) -> ConformanceCourse:
    """Submissions in `turned_in/`, graded work in `graded/`, feedback in `returned/`, one
    student excluded, notebooks on the course's own kernelspec whose environment the tests
    rely on."""
    spec = kernels / "kernels" / "course-python"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python (course)", "language": "python",
        "env": {"COURSE_FLAG": "on"},
    }))
    source = notebook(
        locked("# Problem set 2", "intro"),
        solution("def double(x):\n    ### BEGIN SOLUTION\n    return 2 * x\n    ### END SOLUTION",
                 "double"),
        locked_test("assert double(2) == 4", "test_double", 1),
        locked_test('import os\nassert os.environ.get("COURSE_FLAG") == "on"', "test_kernel_env",
                    1),
        kernel="course-python",
    )

    def right(nb: NotebookNode) -> NotebookNode:
        return answer(nb, "double", "def double(x):\n    return x + x")

    return ConformanceCourse(
        assignment="ps2", name="doubling", source=source, submitted="turned_in",
        config=('c.CourseDirectory.submitted_directory = "turned_in"\n'
                'c.CourseDirectory.autograded_directory = "graded"\n'
                'c.CourseDirectory.feedback_directory = "returned"\n'
                'c.CourseDirectory.student_id_exclude = "zed"\n'),
        students={"honest": right, "blank": lambda nb: nb, "zed": right},
        roster=("honest", "blank", "zed", "absent"),
        env={"JUPYTER_PATH": str(kernels)},
    )


@pytest.fixture(scope="module")
def configured(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    course = configured_course(tmp_path_factory.mktemp("kernels"))
    return grade_both(course, tmp_path_factory.mktemp("configured"))


def test_course_folders_kernel_and_exclusions_as_stock_nbgrader(configured) -> None:
    """submitted_directory is where pmcourse looks, the notebook's own kernelspec runs it
    with its environment (in the sandbox), and an excluded student is left out, not an error
    nor `missing` although on the roster: per cell, the same scores as stock nbgrader."""
    stock, ours = configured
    stock_scores = cell_scores(f"sqlite:///{stock / 'gradebook.db'}")
    assert {row[0] for row in stock_scores} == {"honest", "blank"}
    assert cell_scores(f"sqlite:///{ours / 'gradebook.db'}") == stock_scores
    by_cell = {(row[0], row[2]): row[3] for row in stock_scores}
    assert by_cell["honest", "test_double"] == 1 and by_cell["honest", "test_kernel_env"] == 1
    rows = grades_rows(ours)
    assert "zed" not in rows
    assert {rows[s]["status"] for s in ("honest", "blank")} == {"graded"}
    assert rows["absent"]["status"] == "missing"  # on the roster, not excluded, no submission
    assert "zed" not in (ours / "canvas_grades.csv").read_text(encoding="utf-8")
    # the course's own folders: graded work and feedback where its configuration puts them
    assert (ours / "graded" / "honest" / "ps2" / "doubling.ipynb").is_file()
    assert (ours / "returned" / "honest" / "ps2" / "doubling.html").is_file()
    assert not (ours / "autograded").exists() and not (ours / "feedback").exists()
    assert not (ours / "returned" / "zed").exists()


# --- a third course: a notebook in another language (its own kernel, not Python) -------------

def bash_course(kernels: Path) -> ConformanceCourse:
    """A bash notebook (bash_kernel): pmcourse must start the kernel the notebook names, not
    Python, and a failing command (a non-zero exit) must cost the test its points, as in stock."""
    spec = kernels / "kernels" / "bash"
    spec.mkdir(parents=True)
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "bash_kernel", "-f", "{connection_file}"],
        "display_name": "Bash", "language": "bash",
    }))
    source = notebook(
        locked("# Shell basics", "intro"),
        solution("### BEGIN SOLUTION\ndouble() { echo $(( $1 * 2 )); }\n### END SOLUTION",
                 "double"),
        locked_test('[ "$(double 2)" = 4 ]', "test_double", 1),
        locked_test('[ "$(double 21)" = 42 ]', "test_double_more", 2),
        kernel="bash", language="bash",
    )
    return ConformanceCourse(
        assignment="sh1", name="shell", source=source,
        # nbgrader has no stub for bash: a course that grades bash sets one, as its docs say
        config='c.ClearSolutions.code_stub = {"bash": "# YOUR CODE HERE"}\n',
        students={
            "honest": lambda nb: answer(nb, "double", "double() { echo $(( $1 + $1 )); }"),
            "off_by_one": lambda nb: answer(nb, "double", "double() { echo $(( $1 + 2 )); }"),
            "blank": lambda nb: nb,
        },
        env={"JUPYTER_PATH": str(kernels)},
    )


@pytest.fixture(scope="module")
def shell(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    course = bash_course(tmp_path_factory.mktemp("bash-kernels"))
    return grade_both(course, tmp_path_factory.mktemp("shell"))


def test_a_bash_notebook_runs_in_bash_and_scores_as_stock_nbgrader(shell) -> None:
    """The notebook's own bash kernel runs it (in the sandbox): per cell, the same scores as
    stock nbgrader, and they are not trivially equal."""
    stock, ours = shell
    stock_scores = cell_scores(f"sqlite:///{stock / 'gradebook.db'}")
    assert cell_scores(f"sqlite:///{ours / 'gradebook.db'}") == stock_scores
    by_cell = {(row[0], row[2]): row[3] for row in stock_scores}
    assert by_cell["honest", "test_double"] == 1 and by_cell["honest", "test_double_more"] == 2
    assert by_cell["off_by_one", "test_double"] == 1  # 2 + 2 is 4, by luck
    assert by_cell["off_by_one", "test_double_more"] == 0
    assert by_cell["blank", "test_double"] == 0
    rows = grades_rows(ours)
    assert {rows[s]["status"] for s in ("honest", "off_by_one", "blank")} == {"graded"}
    assert [rows[s]["score"] for s in ("honest", "off_by_one", "blank")] == ["3", "1", "0"]
