"""pmcourse's own nbgrader preprocessors, inserted into nbgrader's autograde pipeline.

Where each one sits in the pipeline, and why there, is explained next to the list in
`nbconfig.pipeline_config`:
sanitize:  RepairStructure, then nbgrader's ClearOutput, DeduplicateIds, OverwriteKernelspec,
           OverwriteCells, CheckCellMetadata
autograde: SandboxedExecute (nbgrader's Execute in the sandbox), RescoreAnswers, CapOutputs, then
           nbgrader's IgnorePattern, ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades,
           AssignLatePenalties, CheckCellMetadata
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader import utils
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Integer, Unicode

from ..context import active_submission
from ..kernel.capture import MIME, decode_answers
from ..kernel.sandbox import GradingKernelManager, take_prestarted
from .nbconfig import NOTEBOOK_TIMEOUT

GRADE_CALL = re.compile(r"""\bgrade\(\s*["']([\w.\-]+)["']""")
PMCOURSE_IMPORT = re.compile(r"^\s*from pmcourse\.grading\.(?:kernel\.)?cell import [^\n]*\bgrade\b", re.M)


def _normalized(source: str) -> str:
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


def released_text_function(config: Any = None) -> Callable[[str], str]:
    """A function giving a cell's text as students received it: hidden tests removed.

    It uses nbgrader's own ClearHiddenTests with the course's delimiters, so every marker
    nbgrader accepts (``### BEGIN HIDDEN TESTS``, ``# BEGIN HIDDEN TESTS``, custom ones) counts.
    """
    from nbgrader.preprocessors import ClearHiddenTests

    clearer = ClearHiddenTests(config=config) if config is not None else ClearHiddenTests()

    def released(source: str) -> str:
        cell = from_dict({"cell_type": "code", "source": source, "metadata": {}})
        try:
            clearer._remove_hidden_test_region(cell)
        except RuntimeError:  # unbalanced markers: nbgrader would not have released it either
            return source
        return cell.source

    return released


def graded_problem_id(source: str) -> str | None:
    """The problem a pmcourse grade cell grades, read from its (instructor's) source.

    Only cells pmcourse generated count: they import ``grade`` from ``pmcourse.grading.kernel.cell``
    and name a registered problem. A course's own test calling a student's ``grade(...)`` is
    a plain nbgrader test.
    """
    match = GRADE_CALL.search(source)
    if match is None or not PMCOURSE_IMPORT.search(source):
        return None
    from pmcourse.exercises.engine.registry import get_problem

    try:
        get_problem(match.group(1))
    except LookupError:  # not one of ours
        return None
    return match.group(1)


@dataclass(frozen=True)
class _SourceCell:
    """One cell of the assignment as the gradebook stores it (the instructor's version)."""

    name: str
    cell_type: str
    locked: bool
    source: str
    checksum: str | None
    grade: bool


class RepairStructure(NbGraderPreprocessor):
    """Restores nbgrader metadata stripped by other editors and flags edited test cells.

    A cell that lost its metadata is matched back to the assignment's cells: a locked cell by its
    text (as the instructor wrote it or as students received it), an answer cell by its place
    between the cells around it in the source notebook, skipping cells whose text is plain
    scaffolding of the source (a drafting widget, an import). A locked grade cell whose text a
    student changed is reported as tampering (OverwriteCells then restores it).
    """

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, Any]:
        notebook_id = resources["nbgrader"]["notebook"]
        assignment_id = resources["nbgrader"]["assignment"]
        with Gradebook(resources["nbgrader"]["db_url"]) as gb:
            try:
                source_nb = gb.find_notebook(notebook_id, assignment_id)
            except MissingEntry:
                return nb, resources
            grades = {c.name: c.max_score for c in source_nb.grade_cells}
            solutions = {c.name for c in source_nb.solution_cells}
            tasks = {c.name for c in source_nb.task_cells}
            sources = [
                _SourceCell(c.name, c.cell_type, bool(c.locked), c.source, c.checksum,
                            c.name in grades)
                for c in source_nb.source_cells
            ]
        self._released = released_text_function(self.config)
        order, scaffolding = self._layout(assignment_id, notebook_id)
        position = {name: n for n, name in enumerate(order)}
        sources.sort(key=lambda s: position.get(s.name, len(position)))
        self._drop_duplicates(nb, notebook_id)
        by_name = {s.name: s for s in sources}
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if meta.get("grade_id") in by_name:
                self._check_locked_text(cell, by_name[meta["grade_id"]], notebook_id)
        restored = self._restore_locked(nb, sources)
        restored += self._restore_answers(nb, sources, scaffolding, restored)
        for index, name in restored:
            source = by_name[name]
            nb.cells[index].metadata["nbgrader"] = {
                "grade": name in grades, "solution": name in solutions, "task": name in tasks,
                "locked": source.locked, "grade_id": name, "schema_version": 3,
                **({"points": grades[name]} if name in grades else {}),
            }
        if restored:
            active_submission().report.note(
                f"{notebook_id}.ipynb had lost the markers of {len(restored)} cell(s) (edited in "
                "another program?); they were matched to the assignment and graded."
            )
        return nb, resources

    def _present(self, nb: NotebookNode, sources: list[_SourceCell],
                 restored: list[tuple[int, str]]) -> dict[str, int]:
        """Source cell name -> index of the submitted cell that is (or was matched to) it."""
        names = {s.name for s in sources}
        found = {cell.metadata.get("nbgrader", {}).get("grade_id"): n
                 for n, cell in enumerate(nb.cells)}
        found.update({name: n for n, name in restored})
        return {name: n for name, n in found.items() if name in names}

    def _restore_locked(self, nb: NotebookNode,
                        sources: list[_SourceCell]) -> list[tuple[int, str]]:
        """Unmarked cells whose text is a missing locked cell's, as written or as released."""
        present = self._present(nb, sources, [])
        by_text: dict[tuple[str, str], _SourceCell] = {}
        for source in sources:
            if source.locked and source.name not in present:
                for text in (source.source, self._released(source.source)):
                    by_text.setdefault((source.cell_type, _normalized(text)), source)
        restored: list[tuple[int, str]] = []
        taken: set[str] = set()
        for n, cell in enumerate(nb.cells):
            if "grade_id" in cell.metadata.get("nbgrader", {}):
                continue
            match = by_text.get((cell.cell_type, _normalized(cell.source)))
            if match is not None and match.name not in taken:
                restored.append((n, match.name))
                taken.add(match.name)
        return restored

    def _restore_answers(self, nb: NotebookNode, sources: list[_SourceCell],
                         scaffolding: set[str],
                         locked: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """Unmarked cells taking the place of missing answer cells, between their neighbours
        (`locked`: the locked cells already matched by their text)."""
        restored: list[tuple[int, str]] = []
        claimed = {n for n, _ in locked}
        for k, source in enumerate(sources):
            present = self._present(nb, sources, [*locked, *restored])
            if source.locked or source.name in present:
                continue
            before = [present[s.name] for s in sources[:k] if s.name in present]
            after = [present[s.name] for s in sources[k + 1:] if s.name in present]
            low = max(before, default=-1)
            high = min((i for i in after if i > low), default=len(nb.cells))
            for n in range(low + 1, high):
                cell = nb.cells[n]
                if (n not in claimed and "grade_id" not in cell.metadata.get("nbgrader", {})
                        and cell.cell_type == source.cell_type
                        and _normalized(cell.source) not in scaffolding):
                    restored.append((n, source.name))
                    claimed.add(n)
                    break
        return restored

    def _layout(self, assignment_id: str, notebook_id: str) -> tuple[list[str], set[str]]:
        """The order of the marked cells and the texts of the unmarked ones (scaffolding such as
        a drafting widget, never a student's answer), read from the course's source notebook,
        else its release. The gradebook keeps no cell order."""
        from nbgrader.coursedir import CourseDirectory

        coursedir = CourseDirectory(config=self.config)
        for directory in (coursedir.source_directory, coursedir.release_directory):
            path = Path(coursedir.format_path(directory, ".", assignment_id),
                        f"{notebook_id}.ipynb")
            try:
                cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
            except (OSError, ValueError, KeyError, TypeError):
                continue
            order: list[str] = []
            texts: set[str] = set()
            for cell in cells:
                if not isinstance(cell, dict):
                    continue
                meta = cell.get("metadata", {}).get("nbgrader")
                if isinstance(meta, dict) and meta.get("grade_id"):
                    order.append(str(meta["grade_id"]))
                    continue
                source = cell.get("source", "")
                text = _normalized("".join(source) if isinstance(source, list) else str(source))
                if text:
                    texts.add(text)
            return order, texts
        return [], set()

    def _drop_duplicates(self, nb: NotebookNode, notebook: str) -> None:
        """Keeps the first cell of each grade id; copies lose their markers (nbgrader's own
        DeduplicateIds leaves them half-marked, which crashes OverwriteCells)."""
        seen: set[str] = set()
        for cell in nb.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id is None:
                continue
            if grade_id in seen:
                del cell.metadata["nbgrader"]
                active_submission().report.note(
                    f"{notebook}.ipynb had a second copy of cell '{grade_id}'; the copy was ignored."
                )
            seen.add(grade_id)

    def _check_locked_text(self, cell: NotebookNode, source: _SourceCell, notebook: str) -> None:
        """Reports a locked test cell whose text the student changed.

        The student's copy is compared with what the student received (its own release
        checksum), then with the instructor's current cell: a test regenerated with new salts or
        fixed by the instructor after release is not the student's doing.
        """
        if not source.locked or not source.grade or source.cell_type != "code":
            return
        meta = cell.metadata["nbgrader"]
        with contextlib.suppress(Exception):
            if meta.get("checksum") and utils.compute_checksum(cell) == meta["checksum"]:
                return
        submitted = _normalized(self._released(cell.source))
        if submitted in (_normalized(self._released(source.source)), _normalized(source.source)):
            return
        active_submission().report.tamper(
            f"the locked test cell '{source.name}' of {notebook}.ipynb was edited; the "
            "instructor's copy was restored and graded"
        )


class SandboxedExecute(Execute):
    """nbgrader's Execute, with kernels started by `GradingKernelManager` and a wall-clock bound."""

    notebook_timeout = Integer(
        NOTEBOOK_TIMEOUT, help="Seconds one notebook may run in all before its kernel is killed."
    ).tag(config=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["kernel_manager_class"] = GradingKernelManager
        super().__init__(*args, **kwargs)
        # A grading kernel is thrown away: kill it instead of waiting for a polite exit.
        self.shutdown_kernel = "immediate"

    def preprocess(self, nb: NotebookNode, resources: Any = None, km: Any = None) -> Any:
        prestarted = km is None and _is_python(nb) and take_prestarted()
        if prestarted:
            km = prestarted
        self._workdir = str(resources.get("metadata", {}).get("path") or ".")
        self.on_notebook_start = self._enter_workdir
        timer = threading.Timer(self.notebook_timeout, self._kill_runaway)
        timer.daemon = True
        timer.start()
        try:
            return super().preprocess(nb, resources, km=km)
        except Exception as exc:
            state = active_submission().report
            if not state.timed_out:
                state.kernel_died = _kernel_death_message(exc)
            raise
        finally:
            timer.cancel()
            if prestarted:  # nbclient only shuts down kernels it started itself
                with contextlib.suppress(Exception):
                    self._cleanup_kernel()

    async def _async_handle_timeout(self, timeout: int, cell: NotebookNode | None = None) -> Any:
        """Notes a cell timeout as the grader sees it happen (an output named CellTimeoutError
        could be forged by the kernel; this call cannot)."""
        grade_id = (cell.metadata.get("nbgrader", {}).get("grade_id") if cell else None)
        active_submission().report.cell_timeouts.append(grade_id or "a cell")
        return await super()._async_handle_timeout(timeout, cell)

    async def _enter_workdir(self, notebook: NotebookNode) -> None:
        """Runs the notebook in its own folder (a prestarted kernel starts one level up)."""
        code = f"import os as _os; _os.chdir({self._workdir!r}); del _os"
        await self.async_wait_for_reply(self.kc.execute(code, silent=True, store_history=False))

    def _kill_runaway(self) -> None:
        active_submission().report.timed_out = True
        km = getattr(self, "km", None)
        provisioner = getattr(km, "provisioner", None)
        process = getattr(provisioner, "process", None)
        if process is not None:
            with contextlib.suppress(OSError):
                process.kill()


def _is_python(nb: NotebookNode) -> bool:
    return nb.metadata.get("kernelspec", {}).get("name", "python3") == "python3"


def _kernel_death_message(exc: Exception) -> str:
    name = type(exc).__name__
    if name == "NoSuchKernel":
        kernel = str(exc.args[0]) if exc.args else "?"
        return (f"the notebook needs the Jupyter kernel '{kernel}', which is not installed on "
                "the grading machine: install it (see `jupyter kernelspec list`), or set the "
                "source notebook's kernel to one that is, then grade again")
    if name == "DeadKernelError":
        return ("the Python kernel stopped while running the notebook (a call such as os._exit(), "
                "a crash, or more memory than the limit allows)")
    return f"the notebook could not be run ({name}: {str(exc).splitlines()[0] if str(exc) else ''})"


class RescoreAnswers(NbGraderPreprocessor):
    """Scores captured answers with the instructor's keys, outside the student's kernel.

    A pmcourse grade cell emits its answers (see `capture`); this writes the real score as the
    cell's result and the per-criterion feedback as its printed output. A grade cell that ran but
    emitted no capture (its check was bypassed) scores zero and is reported as tampering.
    """

    autograders = Unicode("", help="The course's autograders folder (keys).").tag(config=True)

    def preprocess_cell(self, cell: NotebookNode, resources: Any, index: int) -> Any:
        if cell.cell_type != "code" or not utils.is_grade(cell):
            return cell, resources
        grade_id = cell.metadata["nbgrader"]["grade_id"]
        points = float(cell.metadata["nbgrader"].get("points", 0))
        problem_id = graded_problem_id(cell.source)
        if problem_id is None:
            _clamp(cell, grade_id, points)
            return cell, resources
        captured = [o for o in cell.outputs if MIME in o.get("data", {})]
        errors = [o for o in cell.outputs if o.get("output_type") == "error"]
        if not captured:
            if not errors:
                active_submission().report.tamper(
                    f"the check in '{grade_id}' did not run (was pmcourse.grading replaced?)")
                cell.outputs = [_stream("This check did not run as written, so it earns no "
                                        "points.\n"), _result(0.0)]
            return cell, resources
        payload = captured[-1]["data"][MIME]
        if isinstance(payload, str):
            payload = json.loads(payload)
        if payload.get("problem") != problem_id:
            active_submission().report.tamper(f"'{grade_id}' reported answers for another problem")
            cell.outputs = [_stream("This check reported answers for another question.\n"),
                            _result(0.0)]
            return cell, resources
        for anomaly in payload.get("anomalies", []):
            active_submission().report.tamper(f"{anomaly} (in '{grade_id}')")
        # Whatever happened in the kernel after the answers were captured (a replaced float(),
        # an exception), the score is the one the key gives those answers.
        lines, score = score_answers(problem_id, payload.get("answers", {}), points,
                                     Path(self.autograders))
        active_submission().report.feedback[grade_id] = lines
        cell.outputs = [_stream("\n".join(lines) + "\n"), _result(score)]
        return cell, resources


def _clamp(cell: NotebookNode, grade_id: str, points: float) -> None:
    """A plain nbgrader test cell whose result claims more than its points scores zero.

    Stock nbgrader raises on such a value and fails the student's whole submission; a
    submission that replaced built-ins could use that to break a batch.
    """
    for output in cell.outputs:
        if output.get("output_type") != "execute_result":
            continue
        text = output.get("data", {}).get("text/plain", "")
        text = "".join(text) if isinstance(text, list) else text
        try:
            value = float(text)
        except ValueError:
            return
        if value > points:
            active_submission().report.tamper(
                f"'{grade_id}' claimed {value:g} of {points:g} points (were built-ins replaced?)")
            cell.outputs = [from_dict({"output_type": "error", "ename": "ScoreAboveMaximum",
                                       "evalue": "", "traceback": []})]
        return


class CapOutputs(NbGraderPreprocessor):
    """Bounds every output a notebook produced, whatever its type.

    nbgrader's LimitOutput counts lines of text only, so one 20 MB line, a huge JSON or widget
    state (``application/*``) or a giant image would pass into the gradebook and the feedback.
    Text is cut with a note; any other value over the limit (an image cut in half is no image)
    is replaced by a plain-text note saying what was removed.
    """

    max_chars = Integer(100_000, help="Characters kept of one output value.").tag(config=True)

    def preprocess_cell(self, cell: NotebookNode, resources: Any, index: int) -> Any:
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = self._cut(_joined(output["text"]))
            if output.get("output_type") == "error":
                output["evalue"] = self._cut(str(output.get("evalue", "")))
                if _size(output.get("traceback", [])) > self.max_chars:
                    output["traceback"] = [self._cut("\n".join(map(str, output["traceback"])))]
            data = output.get("data")
            if not isinstance(data, dict):
                continue
            removed = []
            for mime, value in list(data.items()):
                if mime.startswith("text/") and isinstance(value, (str, list)):
                    data[mime] = self._cut(_joined(value))
                elif _size(value) > self.max_chars:
                    del data[mime]
                    removed.append(mime)
            if removed:
                note = (f"… output of type {', '.join(removed)} removed: larger than "
                        f"{self.max_chars} characters\n")
                data["text/plain"] = _joined(data.get("text/plain", "")) + note
            metadata = output.get("metadata")
            if isinstance(metadata, dict) and _size(metadata) > self.max_chars:
                output["metadata"] = {}
        return cell, resources

    def _cut(self, text: str) -> str:
        if len(text) <= self.max_chars:
            return text
        return text[: self.max_chars] + f"\n… output cut at {self.max_chars} characters\n"


def _joined(value: Any) -> str:
    return "".join(map(str, value)) if isinstance(value, list) else str(value)


def _size(value: Any) -> int:
    """Characters an output value takes in the notebook file."""
    if isinstance(value, str):
        return len(value)
    try:
        return len(json.dumps(value))
    except (TypeError, ValueError):
        return len(str(value))


def score_answers(
    problem_id: str, encoded: dict[str, Any], points: float, autograders: Path
) -> tuple[list[str], float]:
    """Decodes captured answers and checks them with the key: feedback lines and points."""
    from pmcourse.exercises.engine.registry import get_problem

    from ..kernel.keys import load_key

    problem = get_problem(problem_id)
    answers, not_scored = decode_answers(encoded)  # size caps before any scoring work
    result = problem.check(answers, load_key(problem_id, autograders))
    lines = [f"[{problem.title}]", *(f"✘ {n}" for n in not_scored), *result.lines()]
    return lines, result.points(points)


def _stream(text: str) -> NotebookNode:
    return from_dict({"output_type": "stream", "name": "stdout", "text": text})


def _result(score: float) -> NotebookNode:
    return from_dict({"output_type": "execute_result", "execution_count": None, "metadata": {},
                      "data": {"text/plain": repr(float(score))}})
