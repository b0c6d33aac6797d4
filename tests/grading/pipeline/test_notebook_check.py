"""A notebook nbgrader cannot grade gets a message saying what is wrong and how to fix it.

Each case below was first run through stock `nbgrader autograde` (0.9): where stock grades a
notebook (damaged stored outputs, odd execution counts), pmcourse grades it too, repairing only
what nbgrader discards anyway; where stock crashes with a traceback (a renamed notebook, a cell
whose text is not text, grading markers from another nbgrader version, which stop a whole stock
batch), the student reads what happened and what to do. The fast tests build notebooks in
memory; the slow ones grade a real course with `pmcourse grade`.
"""

from __future__ import annotations

import copy
import json
import time
from pathlib import Path

import nbformat
import pytest

from pmcourse.grading.pipeline.notebook_check import (
    check_submission,
    explain_failure,
    problem_with,
)

from ..conformance.builder import (
    ConformanceCourse,
    answer,
    grades_rows,
    locked,
    locked_test,
    notebook,
    run,
    solution,
    written,
)

ANSWER = "def add(a, b):\n    return a + b"


def released() -> dict:
    """A released nbgrader notebook (nbformat 4.5, grading markers of schema 3), answered."""
    nb = notebook(
        locked("# Problem set 1", "intro"),
        solution("def add(a, b):\n    # YOUR CODE HERE\n    raise NotImplementedError()", "add"),
        locked_test("assert add(1, 2) == 3", "add_test", 2),
        written("YOUR ANSWER HERE", "essay", 1),
    )
    return json.loads(nbformat.writes(answer(nb, "add", ANSWER)))


def hand_in(folder: Path, content: dict | str | bytes, name: str = "ps1.ipynb") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content if isinstance(content, str) else json.dumps(content),
                        encoding="utf-8")
    return folder


def changed(change) -> dict:
    nb = released()
    change(nb)
    return nb


def cell(nb: dict, grade_id: str) -> dict:
    return next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == grade_id)


# --- which notebook --------------------------------------------------------------------------

def test_a_clean_notebook_passes_untouched(tmp_path: Path) -> None:
    folder = hand_in(tmp_path, released())
    before = (folder / "ps1.ipynb").read_bytes()
    checked = check_submission(folder, ["ps1"])
    assert (checked.problem, checked.notes) == (None, [])
    assert (folder / "ps1.ipynb").read_bytes() == before


def test_an_empty_folder_names_the_notebook_expected(tmp_path: Path) -> None:
    tmp_path.joinpath("notes.txt").write_text("hi")
    assert problem_with(tmp_path, ["ps1"]) == "no notebook in the submission folder: expected ps1.ipynb"


def test_a_renamed_notebook_is_named_with_the_rename_to_make(tmp_path: Path) -> None:
    """Stock nbgrader skips it and says "did you forget to run 'nbgrader generate_assignment'?"."""
    folder = hand_in(tmp_path, released(), "ps1 (1).ipynb")
    assert problem_with(folder, ["ps1"]) == (
        "ps1.ipynb is missing; the folder has 'ps1 (1).ipynb': rename it to ps1.ipynb and submit "
        "again")


def test_several_candidates_ask_for_the_one_with_the_answers(tmp_path: Path) -> None:
    hand_in(tmp_path, released(), "Untitled.ipynb")
    hand_in(tmp_path, released(), "Untitled1.ipynb")
    assert problem_with(tmp_path, ["ps1"]) == (
        "ps1.ipynb is missing; the folder has 'Untitled.ipynb' and 'Untitled1.ipynb' instead: "
        "rename the one with your answers to ps1.ipynb and submit again")


def test_an_extra_notebook_beside_the_right_one_is_ignored_as_nbgrader_does(tmp_path: Path) -> None:
    hand_in(tmp_path, released())
    hand_in(tmp_path, "not even json", "scratch.ipynb")
    assert check_submission(tmp_path, ["ps1"]).problem is None


def test_one_of_two_notebooks_missing_is_graded_with_a_note(tmp_path: Path) -> None:
    """nbgrader grades the notebooks present and scores a missing one 0: so does pmcourse."""
    hand_in(tmp_path, released())
    hand_in(tmp_path, released(), "ps2 (1).ipynb")
    checked = check_submission(tmp_path, ["ps1", "ps2"])
    assert checked.problem is None
    assert checked.notes == ["ps2.ipynb is missing and scores 0; the folder also has "
                             "'ps2 (1).ipynb': if that is it, rename it and submit again"]


def test_without_a_gradebook_every_notebook_is_checked(tmp_path: Path) -> None:
    hand_in(tmp_path, "", "whatever.ipynb")
    assert problem_with(tmp_path, []) == (
        "whatever.ipynb is empty (0 bytes): the notebook was not saved before submitting")


# --- files that are not notebooks (as precheck said before) -----------------------------------

@pytest.mark.parametrize(("content", "message"), [
    ("", "ps1.ipynb is empty (0 bytes): the notebook was not saved before submitting"),
    (b"\xff\xfe\x00garbage", "ps1.ipynb is not UTF-8 text, so it is not a notebook file"),
    ('{"cells": [', "ps1.ipynb is not valid notebook JSON (Expecting value at line 1): it was "
                    "damaged or is not a notebook; ask for a fresh download"),
    ("[1, 2]", "ps1.ipynb is JSON but not a notebook (it has no list of cells)"),
    ('{"nbformat": 4, "worksheets": []}', "ps1.ipynb is JSON but not a notebook (it has no list "
                                          "of cells)"),
    ('{"nbformat": 2, "cells": []}', "ps1.ipynb uses notebook format 2, too old to read"),
])
def test_files_that_are_not_notebooks(tmp_path: Path, content: str | bytes, message: str) -> None:
    assert problem_with(hand_in(tmp_path, content), ["ps1"]) == message


def test_a_folder_in_place_of_the_notebook_cannot_be_read(tmp_path: Path) -> None:
    (tmp_path / "ps1.ipynb").mkdir()
    assert problem_with(tmp_path, ["ps1"]) == (
        "ps1.ipynb cannot be read (Is a directory): ask for the file again")


# --- notebooks stock nbgrader crashes on: refused, in plain words ------------------------------

RESUBMIT = "open it in Jupyter, check that your answers are there, save it and submit it again"
REFETCH = ("fetch the assignment again, copy your answers into the fresh notebook and submit "
           "that one")


def _set(key, value):
    return lambda nb: nb.__setitem__(key, value)


def _code(key, value):
    return lambda nb: cell(nb, "add").__setitem__(key, value)


def _marks(key, value):
    return lambda nb: cell(nb, "add_test")["metadata"]["nbgrader"].__setitem__(key, value)


@pytest.mark.parametrize(("change", "message"), [
    (_set("nbformat", 5), "ps1.ipynb uses notebook format 5, newer than the grader reads (3 and "
                          "4): save it from Jupyter as an ordinary notebook (.ipynb) and submit it "
                          "again"),
    (_set("nbformat", "4"), "ps1.ipynb does not say which notebook format it uses (nbformat is "
                            f"the text '4', not a number): it was edited by hand or by another "
                            f"program; {RESUBMIT}"),
    (lambda nb: nb["cells"].append(5),
     f"ps1.ipynb: cell 5 is the number 5, not a notebook cell: the file was damaged; {RESUBMIT}"),
    (lambda nb: nb["cells"].append({"cell_type": "widget", "metadata": {}, "source": "x"}),
     "ps1.ipynb: cell 5 has the type 'widget', which Jupyter notebooks do not have (only "
     f"code, markdown and raw): it was edited outside Jupyter; {RESUBMIT}"),
    (_code("source", 5), "ps1.ipynb: cell 2 holds the number 5 where its text should be: the file "
                         f"was damaged; {RESUBMIT}"),
    (_code("source", ["def add(a, b):\n", 5]), "ps1.ipynb: cell 2 holds a list where its text "
                                               f"should be: the file was damaged; {RESUBMIT}"),
    (lambda nb: cell(nb, "add").pop("source"), "ps1.ipynb is not a valid notebook at cell 2 "
     f"('source' is a required property): it was edited by hand or by another program; {RESUBMIT}"),
])
def test_damaged_notebooks_say_where_and_how_to_fix(tmp_path: Path, change, message) -> None:
    assert problem_with(hand_in(tmp_path, changed(change)), ["ps1"]) == message


@pytest.mark.parametrize(("change", "message"), [
    (_marks("schema_version", 1), "ps1.ipynb: cell 3 carries grading markers from an older "
     "nbgrader (schema version 1, this grader reads 3), so it is not the notebook released for "
     f"this assignment: {REFETCH}"),
    (_marks("schema_version", 9), "ps1.ipynb: cell 3 carries grading markers from a newer "
     "nbgrader (schema version 9, this grader reads 3), so it is not the notebook released for "
     f"this assignment: {REFETCH}"),
    (_marks("points", "ten"), "ps1.ipynb: cell 3's grading markers (its nbgrader metadata) were "
     f"changed: its points are the text 'ten', not a number; {REFETCH}"),
    (lambda nb: cell(nb, "add_test")["metadata"].__setitem__("nbgrader", "yes"),
     "ps1.ipynb: cell 3's grading markers (its nbgrader metadata) were changed: they are the text "
     f"'yes'; {REFETCH}"),
])
def test_edited_grading_markers_ask_for_a_fresh_copy(tmp_path: Path, change, message) -> None:
    """Stock nbgrader raises on these; another schema version even stops its whole batch."""
    assert problem_with(hand_in(tmp_path, changed(change)), ["ps1"]) == message


def test_points_changed_to_another_number_are_left_to_nbgrader(tmp_path: Path) -> None:
    """nbgrader restores a grade cell's points from the gradebook: no need to refuse."""
    folder = hand_in(tmp_path, changed(_marks("points", 100)))
    assert problem_with(folder, ["ps1"]) is None


# --- notebooks stock grades (or pmcourse repairs): graded, with what was repaired --------------

def _first_md(key, value):
    return lambda nb: cell(nb, "intro").__setitem__(key, value)


OUTPUTS = "its damaged stored outputs were cleared (nbgrader clears outputs before it runs a notebook)"
IDS = "its invalid cell ids were replaced"
ATTACHMENTS = "its damaged attachments (images pasted into text cells) were removed"
CELL_METADATA = "the damaged metadata of its cells was cleared"


@pytest.mark.parametrize(("change", "repaired"), [
    (_code("outputs", [{"output_type": "bogus"}]), OUTPUTS),
    (_code("outputs", [{"output_type": "stream", "text": "hi"}]), OUTPUTS),
    (_code("execution_count", -5), OUTPUTS),
    (_code("execution_count", "abc"), OUTPUTS),
    (_first_md("id", "bad id!"), IDS),
    (_first_md("id", "x" * 70), IDS),
    (_first_md("attachments", "garbage"), ATTACHMENTS),
    (_first_md("attachments", {"x.png": "not an image"}), ATTACHMENTS),
    (lambda nb: nb["metadata"].__setitem__("kernelspec", "python3"),
     "its damaged kernelspec was removed (nbgrader sets the assignment's own)"),
    (lambda nb: nb.pop("metadata"), "its missing notebook metadata was added"),
    (_set("metadata", ["x"]), "its damaged notebook metadata was replaced"),
    (lambda nb: cell(nb, "intro")["metadata"].__setitem__("tags", "not a list"), CELL_METADATA),
    (lambda nb: cell(nb, "intro").pop("metadata"), CELL_METADATA),
    (lambda nb: cell(nb, "add").__setitem__("metadata", []), CELL_METADATA),
    (lambda nb: (_code("outputs", 7)(nb), _first_md("id", "?")(nb)), f"{IDS}; {OUTPUTS}"),
])
def test_parts_nbgrader_discards_are_repaired_and_the_answers_kept(tmp_path: Path, change,
                                                                    repaired: str) -> None:
    folder = hand_in(tmp_path, changed(change))
    checked = check_submission(folder, ["ps1"])
    assert checked.problem is None
    assert checked.notes == [f"ps1.ipynb was not a valid notebook (saved by another program?): "
                             f"{repaired}; then it was graded"]
    fixed = nbformat.read(folder / "ps1.ipynb", as_version=4)
    nbformat.validate(fixed, relax_add_props=True)
    assert [c.source for c in fixed.cells] == ["".join(c["source"]) for c in released()["cells"]]


@pytest.mark.parametrize("change", [
    _first_md("outputs", []),
    _code("execution_count", 10**30),
    lambda nb: nb["metadata"].pop("kernelspec"),
    lambda nb: nb["metadata"].__setitem__("kernelspec", {"name": "ir", "display_name": "R",
                                                         "language": "R"}),
    lambda nb: [c.__setitem__("id", "same") for c in nb["cells"]],
    lambda nb: [c.pop("id") for c in nb["cells"]],
    _set("nbformat_minor", 99),
    lambda nb: [c["metadata"].pop("nbgrader", None) for c in nb["cells"]],
])
def test_what_stock_grades_as_it_is_passes_untouched(tmp_path: Path, change) -> None:
    """Markdown outputs, huge counts, another kernel, repeated or missing ids, a newer minor
    format and stripped markers: nbgrader (and pmcourse's RepairStructure) handle them while
    grading."""
    folder = hand_in(tmp_path, changed(change))
    before = (folder / "ps1.ipynb").read_bytes()
    assert check_submission(folder, ["ps1"]).notes == []
    assert problem_with(folder, ["ps1"]) is None
    assert (folder / "ps1.ipynb").read_bytes() == before


def test_a_format_3_notebook_is_left_to_nbformat(tmp_path: Path) -> None:
    v3 = nbformat.convert(nbformat.reads(json.dumps(released()), as_version=4), 3)
    assert problem_with(hand_in(tmp_path, nbformat.writes(v3, version=3)), ["ps1"]) is None


def test_a_large_valid_notebook_is_read_once_and_not_rewritten(tmp_path: Path) -> None:
    """60 MB of stored output (the ingest limit is 64 MB a file): one parse, one schema check."""
    nb = changed(_code("outputs", [{"output_type": "stream", "name": "stdout",
                                    "text": "x" * (60 * 1024 * 1024)}]))
    folder = hand_in(tmp_path, nb)
    before = (folder / "ps1.ipynb").stat().st_mtime_ns
    started = time.monotonic()
    assert check_submission(folder, ["ps1"]).problem is None
    assert time.monotonic() - started < 30
    assert (folder / "ps1.ipynb").stat().st_mtime_ns == before


def test_messages_hold_no_path_and_no_control_characters(tmp_path: Path) -> None:
    folder = hand_in(tmp_path / "secret-scratch", released(), "ps1\x1b[31m (1).ipynb")
    message = problem_with(folder, ["ps1"])
    assert "secret-scratch" not in message and "\x1b" not in message
    assert "the folder has 'ps1 (1).ipynb'" in message


# --- nbgrader's own failures, explained -------------------------------------------------------

SCRATCH = "/tmp/pmcourse-ingest-abc123/submitted/stu/ps1"


class NbGraderException(Exception):
    """Stands in for nbgrader's own exception class of that name (only its name and text are
    read)."""


FAILED = NbGraderException("Please see the the above traceback for details on the specific "
                           "errors on the above failures.")


def test_another_assignments_notebook_names_its_unknown_cells() -> None:
    log = ("Cell 'other_intro' does not exist in the database\n"
           "Cell 'other_add' does not exist in the database\n"
           "Traceback (most recent call last):\n"
           f'  File "{SCRATCH}/x.py", line 3\n'
           "jsonschema.exceptions.ValidationError: nbgrader cell does not have a grade_id: "
           "# hidden instructor text\n"
           "Notebook failed to validate; the nbgrader metadata may be corrupted.\n"
           f"There was an error processing assignment: {SCRATCH}\n")
    assert explain_failure(FAILED, log) == (
        "cells of the notebook carry grading markers this assignment does not have ('other_intro', "
        "'other_add'): was another assignment's notebook submitted under this name, or were the "
        f"markers edited? {REFETCH[0].upper()}{REFETCH[1:]} (nbgrader: Notebook failed to "
        "validate; the nbgrader metadata may be corrupted.)")


@pytest.mark.parametrize(("log", "start"), [
    ("One or more notebooks in the assignment use an old version \nof the nbgrader metadata "
     "format. Please **back up your class files \ndirectory** and then update the metadata using:"
     "\n\nnbgrader update .\n",
     "the notebook carries grading markers from an older nbgrader, so it is not the notebook "
     "released for this assignment"),
    (f"Skipping unknown notebook: {SCRATCH}/Untitled.ipynb\nNo notebooks found, did you forget to "
     "run 'nbgrader generate_assignment'?\n",
     "none of the assignment's notebooks is in the submission (a notebook was renamed?): give the "
     "notebook its name in the assignment and submit again (the folder has 'Untitled.ipynb')"),
    ("Traceback (most recent call last):\nValueError: could not convert string to float: 'ten'\n",
     "a grading marker of the notebook (the points of a cell) was changed"),
    ("Notebook JSON is invalid: {'output_type': 'bogus'} is not valid under any of the given "
     "schemas\nNotebook is invalid after preprocessor <ClearOutput object at 0x7f>\n",
     "the notebook is not valid (it was edited by hand or by another program)"),
    ("No student with ID 'stu' exists in the database\n",
     "the student is not on the gradebook's roster: the instructor adds them"),
])
def test_nbgrader_failures_are_said_in_plain_words(log: str, start: str) -> None:
    message = explain_failure(FAILED, log)
    assert message.startswith(start), message
    assert "(nbgrader: " in message and message.endswith(")")


def test_nbgrader_line_for_the_instructor_has_no_path_traceback_or_cell_text() -> None:
    log = ("Traceback (most recent call last):\n"
           f'  File "{SCRATCH}/nbgrader/preprocessors/x.py", line 3, in f\n'
           "jsonschema.exceptions.ValidationError: Markdown solution cell is not marked as a grade "
           "cell: assert secret_key == 42\n"
           f"Notebook JSON is invalid: {{'source': 'assert secret_key == 42'}} in {SCRATCH}/ps1.ipynb\n")
    message = explain_failure(RuntimeError("boom"), log)
    for leak in ("/tmp/", "pmcourse-ingest", "Traceback", "secret_key", "File "):
        assert leak not in message, message
    assert message.endswith("(nbgrader: Notebook JSON is invalid: {…} in ps1.ipynb)")


def test_an_unknown_failure_still_says_who_acts() -> None:
    message = explain_failure(KeyError("checksum"), "")
    assert message == ("nbgrader could not grade it for a reason pmcourse does not recognise; the "
                       "instructor has the details in the grading log and can grade it again "
                       "(nbgrader: KeyError: 'checksum')")


# --- end to end: pmcourse grade on a course with these submissions -----------------------------

def _whole(nb) -> dict:
    return json.loads(nbformat.writes(nb))


def _write_raw(root: Path, student: str, data: dict | str, name: str = "ps1.ipynb") -> None:
    folder = root / "submitted" / student / "ps1"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(data if isinstance(data, str) else json.dumps(data),
                               encoding="utf-8")


@pytest.fixture(scope="module")
def graded(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    source = notebook(
        locked("# Problem set 1", "intro"),
        solution("def add(a, b):\n    ### BEGIN SOLUTION\n    return a + b\n    ### END SOLUTION",
                 "add"),
        locked_test("assert add(1, 2) == 3", "add_test", 2),
    )
    course = ConformanceCourse("ps1", "ps1", source, students={
        "good": lambda nb: answer(nb, "add", ANSWER),
        "good_too": lambda nb: answer(nb, "add", ANSWER),
    })
    root = course.write(tmp_path_factory.mktemp("notebook_check") / "course")
    good = json.loads((root / "submitted" / "good" / "ps1" / "ps1.ipynb").read_text())

    def bad(change) -> dict:
        nb = copy.deepcopy(good)
        change(nb)
        return nb

    def code(nb: dict) -> dict:
        return next(c for c in nb["cells"] if c["cell_type"] == "code")

    def marks(nb: dict) -> list[dict]:
        return [c["metadata"]["nbgrader"] for c in nb["cells"] if "nbgrader" in c["metadata"]]

    _write_raw(root, "renamed", good, "ps1 (1).ipynb")
    _write_raw(root, "bad_output", bad(lambda nb: code(nb).__setitem__(
        "outputs", [{"output_type": "bogus"}])))
    _write_raw(root, "kernelspec_text", bad(lambda nb: nb["metadata"].__setitem__(
        "kernelspec", "python3")))
    _write_raw(root, "source_number", bad(lambda nb: code(nb).__setitem__("source", 5)))
    _write_raw(root, "old_markers", bad(lambda nb: [m.__setitem__("schema_version", 1)
                                                    for m in marks(nb)]))
    _write_raw(root, "points_ten", bad(lambda nb: [m.__setitem__("points", "ten")
                                                   for m in marks(nb) if m.get("grade")]))
    _write_raw(root, "other_assignment", bad(lambda nb: [
        m.__setitem__("grade_id", "ps2_" + m["grade_id"]) for m in marks(nb)]))
    run("pmcourse", "grade", str(root), "--assignment", "ps1", "--workers", "2", cwd=root)
    return grades_rows(root)


@pytest.mark.slow
def test_good_students_in_the_same_batch_are_graded(graded) -> None:
    for student in ("good", "good_too"):
        assert (graded[student]["status"], graded[student]["score"]) == ("graded", "2")


@pytest.mark.slow
@pytest.mark.parametrize("student", ["bad_output", "kernelspec_text"])
def test_notebooks_with_repairable_damage_are_graded_with_a_note(graded, student) -> None:
    row = graded[student]
    assert (row["status"], row["score"]) == ("graded", "2"), row["message"]
    assert "ps1.ipynb was not a valid notebook (saved by another program?): its damaged" in (
        row["message"])


@pytest.mark.slow
@pytest.mark.parametrize(("student", "words"), [
    ("renamed", "ps1.ipynb is missing; the folder has 'ps1 (1).ipynb': rename it to ps1.ipynb"),
    ("source_number", "ps1.ipynb: cell 2 holds the number 5 where its text should be"),
    ("old_markers", "carries grading markers from an older nbgrader"),
    ("points_ten", "its points are the text 'ten', not a number"),
    ("other_assignment", "cells of the notebook carry grading markers this assignment does not "
                         "have ('ps2_intro', 'ps2_add', 'ps2_add_test')"),
])
def test_notebooks_nbgrader_cannot_grade_are_errors_that_say_why(graded, student, words) -> None:
    row = graded[student]
    assert (row["status"], row["score"]) == ("error", ""), row["message"]
    assert words in row["message"]
    assert "Traceback" not in row["message"] and "/tmp" not in row["message"]
