"""Why a submitted notebook cannot be graded, in plain words, and how to fix it.

Stock nbgrader fails on many notebooks that Jupyter itself would open, and says so in its own
jargon or with a traceback; a few (nbgrader markers from another nbgrader version) stop a stock
batch altogether. `check_submission` reads each notebook of an ingested submission once, before
nbgrader does: it refuses what cannot be graded with a message the student can act on, and
fixes in the private copy only what nbgrader discards anyway (stored outputs, execution counts,
cell ids, the kernelspec) or what pmcourse already restores (cell metadata), so such notebooks
are graded as stock nbgrader grades a clean one. `explain_failure` turns what nbgrader raised
for anything else into the same kind of message. Messages reach grades.csv and the student's
feedback: they hold no traceback, no path, and nothing of the instructor's source.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .textsafe import strip_controls

NBGRADER_SCHEMA = 3
"""The version of nbgrader's cell metadata that nbgrader 0.9 reads."""
CELL_TYPES = ("code", "markdown", "raw")
RESUBMIT = "open it in Jupyter, check that your answers are there, save it and submit it again"
CLEARED_OUTPUTS = ("its damaged stored outputs were cleared (nbgrader clears outputs before it runs "
                   "a notebook)")
REFETCH = ("fetch the assignment again, copy your answers into the fresh notebook and submit "
           "that one")


@dataclass
class Checked:
    """What `check_submission` found: why the submission cannot be graded, or what it fixed."""

    problem: str | None = None
    """Why nbgrader cannot grade it and what to do, for the student; None when it can."""
    notes: list[str] = field(default_factory=list)
    """What was fixed or is missing but still graded (for the submission's notes)."""


def problem_with(folder: Path, expected: Sequence[str]) -> str | None:
    """A clear message when the submission in `folder` cannot be graded, else None.

    `expected`: the assignment's notebook names without ``.ipynb`` (from the gradebook; empty
    when unknown, then every notebook is checked). Notebooks it can repair are repaired in place.
    """
    return check_submission(folder, expected).problem


def check_submission(folder: Path, expected: Sequence[str]) -> Checked:
    """Checks (and repairs in place) the notebooks nbgrader will grade in `folder`.

    `folder` must be the ingested copy (plain files only, within the ingest size limits):
    each notebook is read and parsed once, and written back only when something was repaired.
    """
    checked = Checked()
    notebooks = sorted(folder.glob("*.ipynb"))
    present = [p for p in notebooks if not expected or p.stem in expected]
    if not notebooks:
        names = _names(f"{n}.ipynb" for n in expected) or "the assignment's notebooks"
        checked.problem = f"no notebook in the submission folder: expected {names}"
        return checked
    missing = [n for n in expected if n not in {p.stem for p in present}]
    others = [p.name for p in notebooks if p not in present]
    if not present:
        checked.problem = _renamed(missing, others)
        return checked
    if missing:
        checked.notes.append(
            f"{_names(f'{n}.ipynb' for n in missing)} "
            f"{'is' if len(missing) == 1 else 'are'} missing and "
            f"score{'s' if len(missing) == 1 else ''} 0"
            + (f"; the folder also has {_names(others, quoted=True)}: if that is "
               "it, rename it and submit again" if others else ""))
    for path in present:
        problem = _check_notebook(path, checked.notes)
        if problem:
            checked.problem = problem
            return checked
    return checked


def _renamed(missing: list[str], others: list[str]) -> str:
    wanted = _names(f"{n}.ipynb" for n in missing)
    verb = "is" if len(missing) == 1 else "are"
    found = _names(others, quoted=True)
    if len(missing) == 1 and len(others) == 1:
        return (f"{wanted} is missing; the folder has {found}: rename it to {wanted} and submit "
                "again")
    if len(missing) == 1:
        return (f"{wanted} is missing; the folder has {found} instead: rename the one with your "
                f"answers to {wanted} and submit again")
    return (f"{wanted} {verb} missing; the folder has {found} instead: give each notebook its "
            f"name in the assignment ({wanted}) and submit again")


def _check_notebook(path: Path, notes: list[str]) -> str | None:
    """The problem with one notebook file, or None (appending to `notes` what was repaired)."""
    name = _shown(path.name)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return f"{name} cannot be read ({exc.strerror}): ask for the file again"
    if not raw.strip():
        return f"{name} is empty (0 bytes): the notebook was not saved before submitting"
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return f"{name} is not UTF-8 text, so it is not a notebook file"
    except ValueError as exc:
        return (f"{name} is not valid notebook JSON ({exc.msg} at line {exc.lineno}): "
                "it was damaged or is not a notebook; ask for a fresh download")
    del raw
    if not isinstance(data, dict) or not isinstance(data.get("cells", data.get("worksheets")),
                                                     list):
        return f"{name} is JSON but not a notebook (it has no list of cells)"
    problem = _format_problem(name, data)
    if problem or data["nbformat"] == 3:  # nbformat converts version 3 notebooks itself
        return problem
    if not isinstance(data.get("cells"), list):
        return f"{name} is JSON but not a notebook (it has no list of cells)"
    problem = _cells_problem(name, data["cells"])
    if problem:
        return problem
    problem, repaired = _schema_problem(name, data)
    if problem:
        return problem
    if repaired:  # the ingested copy is the grader's own: nbgrader reads the repaired notebook
        with path.open("w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, indent=1)
        notes.append(f"{name} was not a valid notebook (saved by another program?): "
                     + "; ".join(repaired) + "; then it was graded")
    return None


def _format_problem(name: str, data: dict[str, Any]) -> str | None:
    version = data.get("nbformat")
    if type(version) is not int:
        return (f"{name} does not say which notebook format it uses (nbformat is {_value(version)}, "
                f"not a number): it was edited by hand or by another program; {RESUBMIT}")
    if version < 3:
        return f"{name} uses notebook format {version}, too old to read"
    if version > 4:
        return (f"{name} uses notebook format {version}, newer than the grader reads (3 and 4): "
                "save it from Jupyter as an ordinary notebook (.ipynb) and submit it again")
    return None


def _cells_problem(name: str, cells: list[Any]) -> str | None:
    """Cells whose content nbgrader cannot read and pmcourse cannot guess."""
    for number, cell in enumerate(cells, start=1):
        where = f"{name}: cell {number}"
        if not isinstance(cell, dict):
            return f"{where} is {_value(cell)}, not a notebook cell: the file was damaged; {RESUBMIT}"
        kind = cell.get("cell_type")
        if kind not in CELL_TYPES:
            shown = f"'{_shown(kind)[:30]}'" if isinstance(kind, str) else _value(kind)
            return (f"{where} has the type {shown}, which Jupyter notebooks do not have "
                    f"(only code, markdown and raw): it was edited outside Jupyter; {RESUBMIT}")
        source = cell.get("source", "")
        if not (isinstance(source, str)
                or (isinstance(source, list) and all(isinstance(s, str) for s in source))):
            return (f"{where} holds {_value(source)} where its text should be: the file was "
                    f"damaged; {RESUBMIT}")
        meta = cell.get("metadata")
        marks = meta.get("nbgrader") if isinstance(meta, dict) else None
        if marks is not None:
            problem = _marks_problem(where, marks)
            if problem:
                return problem
    return None


def _marks_problem(where: str, marks: Any) -> str | None:
    """nbgrader's markers of a cell (metadata.nbgrader) that nbgrader would fail on.

    A marker nbgrader corrects from the gradebook (a changed points value, a locked flag) is
    left to it; a schema version other than its own stops a stock nbgrader batch altogether.
    """
    edited = f"{where}'s grading markers (its nbgrader metadata) were changed"
    if not isinstance(marks, dict):
        return f"{edited}: they are {_value(marks)}; {REFETCH}"
    if not marks:
        return f"{edited}: they are empty; {REFETCH}"
    schema = marks.get("schema_version", 0)
    if type(schema) is not int:
        return f"{edited}: their schema version is {_value(schema)}; {REFETCH}"
    if schema != NBGRADER_SCHEMA:
        age = "an older" if schema < NBGRADER_SCHEMA else "a newer"
        return (f"{where} carries grading markers from {age} nbgrader (schema version {schema}, "
                f"this grader reads {NBGRADER_SCHEMA}), so it is not the notebook released for "
                f"this assignment: {REFETCH}")
    grade_id = marks.get("grade_id")
    if grade_id is not None and not isinstance(grade_id, str):
        return f"{edited}: its id is {_value(grade_id)}; {REFETCH}"
    if marks.get("grade") and not _is_number(marks.get("points")):
        return f"{edited}: its points are {_value(marks.get('points'))}, not a number; {REFETCH}"
    return None


def _is_number(value: Any) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True


def _schema_problem(name: str, data: dict[str, Any]) -> tuple[str | None, list[str]]:
    """What nbformat's schema refuses, as nbconvert checks it while nbgrader grades.

    Parts that nbgrader discards or pmcourse restores are repaired in `data`: (the first other
    error as a message or None, what was repaired in words). A valid notebook costs one pass of
    nbformat's fast validator; the detailed (slow) one only ever sees a notebook whose stored
    outputs are left out, so thousands of outputs cannot make it crawl.
    """
    from nbformat.validator import iter_validate

    if _valid(data):
        return None, []
    repaired: list[str] = []
    for _ in range(4):  # a repair can uncover an error beneath it
        errors = list(iter_validate(_view(data, outputs=False), relax_add_props=True))
        if not errors:
            break
        for error in errors:
            what = _repair(data, list(error.relative_path), error.message)
            if what is None:
                return _schema_message(name, error), repaired
            if what not in repaired:
                repaired.append(what)
    else:
        return _schema_message(name, errors[0]), repaired
    if not _valid(data):  # what is left is in the stored outputs, which nbgrader clears
        for cell in data["cells"]:
            if cell.get("cell_type") == "code":
                cell["outputs"], cell["execution_count"] = [], None
        repaired.append(CLEARED_OUTPUTS)
    return None, repaired


def _valid(data: dict[str, Any]) -> bool:
    """Whether nbformat's (fast) validator accepts `data` as nbconvert checks it."""
    from nbformat.validator import get_validator

    minor = data.get("nbformat_minor")
    validator = get_validator(version=4, version_minor=minor if type(minor) is int else None,
                              relax_add_props=True)
    return validator is None or not list(validator.iter_errors(_view(data, outputs=True)))


def _view(data: dict[str, Any], *, outputs: bool) -> dict[str, Any]:
    """A shallow view of `data` to validate: cells without an id get one (nbformat gives them
    one as it reads them, and nbconvert normalizes before it validates); without `outputs`,
    code cells have no stored outputs (so the slow, detailed validator stays fast)."""
    cells = []
    for number, cell in enumerate(data["cells"]):
        if isinstance(cell, dict) and "id" not in cell:
            cell = {**cell, "id": f"added-{number}"}
        if not outputs and isinstance(cell, dict) and cell.get("cell_type") == "code":
            cell = {**cell, "outputs": [], "execution_count": None}
        cells.append(cell)
    return {**data, "cells": cells}


def _repair(data: dict[str, Any], path: list[Any], message: str) -> str | None:
    """Repairs the part of `data` at `path` if nbgrader discards it anyway (stored outputs, cell
    ids, the kernelspec) or pmcourse restores it (cell metadata); what it was, or None."""
    if not path:
        if "'metadata'" in message:
            data["metadata"] = {}
            return "its missing notebook metadata was added"
        return None
    if path == ["metadata"]:
        data["metadata"] = {}
        return "its damaged notebook metadata was replaced"
    if path[0] == "metadata" and len(path) >= 2 and path[1] != "nbgrader":
        data["metadata"].pop(path[1], None)  # nbgrader sets the assignment's kernel itself
        return f"its damaged {path[1]} was removed (nbgrader sets the assignment's own)"
    if path[0] != "cells" or len(path) < 2 or not isinstance(path[1], int):
        return None
    cell = data["cells"][path[1]]
    part = path[2] if len(path) > 2 else None
    if part is None and "'metadata'" in message:
        part = "metadata"
    if part is None and ("'outputs'" in message or "'execution_count'" in message):
        part = "outputs"
    if part in ("outputs", "execution_count"):  # nbgrader clears them before it runs the notebook
        if cell.get("cell_type") == "code":
            cell["outputs"], cell["execution_count"] = [], None
        else:
            cell.pop("outputs", None)
            cell.pop("execution_count", None)
        return CLEARED_OUTPUTS
    if part == "id":
        cell["id"] = uuid.uuid4().hex[:8]
        return "its invalid cell ids were replaced"
    if part == "attachments":
        cell.pop("attachments", None)
        return "its damaged attachments (images pasted into text cells) were removed"
    if part == "metadata":
        if len(path) > 3 and path[3] != "nbgrader":
            cell["metadata"].pop(path[3], None)
        elif len(path) <= 3:
            cell["metadata"] = {}  # its markers are matched back by pmcourse's RepairStructure
        else:
            return None
        return "the damaged metadata of its cells was cleared"
    return None


def _schema_message(name: str, error: Any) -> str:
    place = _place(list(error.relative_path))
    return (f"{name} is not a valid notebook{place} ({_cut(_no_braces(error.message))}): it was "
            f"edited by hand or by another program; {RESUBMIT}")


def _place(path: list[Any]) -> str:
    if len(path) >= 2 and path[0] == "cells" and isinstance(path[1], int):
        rest = ".".join(str(p) for p in path[2:])
        return f" at cell {path[1] + 1}" + (f" ({rest})" if rest else "")
    if path:
        return " in " + ".".join(str(p) for p in path)
    return ""


def _no_braces(text: str) -> str:
    return re.sub(r"\{.*\}", "{…}", text)


# --- nbgrader's failures, explained --------------------------------------------------------

_UNKNOWN_CELL = re.compile(r"Cell '([^']*)' does not exist in the database")
_SKIPPED = re.compile(r"Skipping unknown notebook: .*?([^/]+\.ipynb)\s*$")
_PATH = re.compile(r"(?<![\w.])(?:/[^\s/'\"]+)+/([^\s/'\"]+)")
_SOURCE_TAIL = re.compile(
    r"(does not have a grade_id|is not marked as a grade cell|have to be markdown|"
    r"has changed! \(should be)\b.*$")
_NOISE = ("There was an error processing", "Please see", "Traceback", "Removing failed")


@dataclass(frozen=True)
class _Known:
    """A failure nbgrader reports in words of its own, and what it means for the student."""

    clue: str
    message: str


_KNOWN = (
    _Known("use an old version", "the notebook carries grading markers from an older nbgrader, "
           f"so it is not the notebook released for this assignment: {REFETCH}"),
    _Known("use an newer version", "the notebook carries grading markers from a newer nbgrader, "
           f"so it is not the notebook released for this assignment: {REFETCH}"),
    _Known("No notebooks found", "none of the assignment's notebooks is in the submission "
           "(a notebook was renamed?): give the notebook its name in the assignment and submit "
           "again"),
    _Known("could not convert string to float", "a grading marker of the notebook (the points "
           f"of a cell) was changed to something that is not a number: {REFETCH}"),
    _Known("Duplicate grade id", "two cells of the notebook carry the same grading marker "
           f"(a graded cell was copied with its metadata): {REFETCH}"),
    _Known("nbgrader metadata may be corrupted", "the grading markers of the notebook's cells "
           f"(their nbgrader metadata) were changed or damaged: {REFETCH}"),
    _Known("does not have points", "a graded cell of the notebook lost its points (its nbgrader "
           f"metadata was changed): {REFETCH}"),
    _Known("Inconsistent checksums", "the gradebook and the assignment's source notebook "
           "disagree about a cell: the instructor regenerates the assignment (pmcourse release, "
           "or nbgrader generate_assignment --force) and grades again; the student need not do "
           "anything"),
    _Known("No student with ID", "the student is not on the gradebook's roster: the instructor "
           "adds them (nbgrader db student add) and grades again"),
    _Known("No assignment with ID", "the assignment is not in the gradebook: the instructor "
           "releases it (pmcourse release) and grades again"),
    _Known("error accessing the nbgrader database", "the gradebook could not be read or "
           "written: the instructor backs it up, runs nbgrader db upgrade and grades again"),
    _Known("OperationalError", "the gradebook could not be read or written: the instructor "
           "checks the database (pmcourse doctor) and grades again"),
    _Known("Notebook JSON is invalid", "the notebook is not valid (it was edited by hand or by "
           f"another program): {RESUBMIT}"),
    _Known("NotebookValidationError", "the notebook is not valid (it was edited by hand or by "
           f"another program): {RESUBMIT}"),
    _Known("The notebook is invalid", "the notebook is not valid (it was edited by hand or by "
           f"another program): {RESUBMIT}"),
)


def explain_failure(exc: BaseException, log: str) -> str:
    """What went wrong when nbgrader failed on a submission, and who does what about it.

    `exc` is what nbgrader raised, `log` its warnings and errors for this submission. nbgrader's
    own line closes the message in parentheses, for the instructor, without paths or the
    instructor's cell text.
    """
    lines = [ln.strip() for ln in log.splitlines() if ln.strip()]
    raised = f"{type(exc).__name__}: {exc}"
    unknown = [m.group(1) for ln in lines if (m := _UNKNOWN_CELL.search(ln))]
    evidence = "\n".join([*lines, raised])
    if unknown:
        shown = ", ".join(f"'{_shown(n)[:40]}'" for n in unknown[:3])
        more = f" and {len(unknown) - 3} more" if len(unknown) > 3 else ""
        message = (f"cells of the notebook carry grading markers this assignment does not have "
                   f"({shown}{more}): was another assignment's notebook submitted under this "
                   f"name, or were the markers edited? {REFETCH[0].upper()}{REFETCH[1:]}")
    else:
        known = next((k for k in _KNOWN if k.clue in evidence), None)
        message = (known.message if known else
                   "nbgrader could not grade it for a reason pmcourse does not recognise; the "
                   "instructor has the details in the grading log and can grade it again")
        skipped = [m.group(1) for ln in lines if (m := _SKIPPED.search(ln))]
        if known is not None and known.clue == "No notebooks found" and skipped:
            message += f" (the folder has {_names(skipped, quoted=True)})"
    return f"{message} (nbgrader: {_instructor_line(lines, raised)})"


def _instructor_line(lines: list[str], raised: str) -> str:
    """nbgrader's most telling line, with no path, no cell text and no traceback."""
    chosen = raised
    for line in reversed(lines):
        if line.startswith(_NOISE) or line.startswith(("File ", "^", "~")):
            continue
        if any(word in line.lower() for word in ("error", "invalid", "failed", "no notebooks")):
            chosen = line
            break
    chosen = re.sub(r"^\[[^\]]*\]\s*", "", chosen)
    chosen = _SOURCE_TAIL.sub(r"\1", chosen)
    chosen = _no_braces(chosen)
    chosen = _PATH.sub(r"\1", chosen)
    chosen = " ".join(strip_controls(chosen).split())
    chosen = chosen.replace("nbformat.validator.", "").replace("jsonschema.exceptions.", "")
    return _cut(chosen, 200)


# --- words -------------------------------------------------------------------------------------

def _names(names: Any, *, quoted: bool = False) -> str:
    shown = [f"'{_shown(n)}'" if quoted else _shown(n) for n in names]
    if len(shown) <= 1:
        return "".join(shown)
    if len(shown) > 4:
        shown = [*shown[:3], f"{len(shown) - 3} more"]
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def _shown(name: str) -> str:
    return _cut(" ".join(strip_controls(name).split()), 80)


def _value(value: Any) -> str:
    """A student's value, shown short: what it is, never all of it."""
    if value is None:
        return "missing"
    if isinstance(value, str):
        return f"the text '{_cut(_shown(value), 30)}'"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"the number {_cut(repr(value), 20)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


def _cut(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
