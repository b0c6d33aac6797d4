"""pmcourse's own nbgrader preprocessors, inserted into nbgrader's autograde pipeline.

Order (see `pipeline.nbgrader_config`):
sanitize:  RepairStructure, then nbgrader's ClearOutput, DeduplicateIds, OverwriteKernelspec,
           OverwriteCells (with add_missing_cells), CheckCellMetadata
autograde: SandboxedExecute (replaces nbgrader's Execute), RescoreAnswers (must follow execution
           and precede SaveAutoGrades, which reads the scores it writes), CapOutputs, then nbgrader's
           IgnorePattern, ClearMetadataPreprocessor, LimitOutput, SaveAutoGrades,
           AssignLatePenalties, CheckCellMetadata
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
from pathlib import Path
from typing import Any

from nbformat.notebooknode import NotebookNode, from_dict
from nbgrader import utils
from nbgrader.api import Gradebook, MissingEntry
from nbgrader.preprocessors import Execute, NbGraderPreprocessor
from traitlets import Integer, Unicode

from . import report_state
from .capture import MIME, decode
from .sandbox import GradingKernelManager, take_prestarted

GRADE_CALL = re.compile(r"""\bgrade\(\s*["']([\w.\-]+)["']""")


def _normalized(source: str) -> str:
    return "\n".join(line.rstrip() for line in source.strip().splitlines())


_HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS\n?", re.S)


def _as_released(source: str) -> str:
    """A test cell's text as students received it: hidden tests removed, whitespace folded."""
    return _normalized(_HIDDEN.sub("", source))


def graded_problem_id(source: str) -> str | None:
    """The problem a pmcourse grade cell grades, read from its (instructor's) source."""
    match = GRADE_CALL.search(source)
    return match.group(1) if match else None


class RepairStructure(NbGraderPreprocessor):
    """Restores nbgrader metadata stripped by other editors and flags edited test cells.

    A cell that lost its metadata but whose text is a locked source cell gets that cell's
    metadata back; an unmarked cell right after such an anchor, of the type the source had there,
    is taken as the student's answer cell. A locked grade cell whose text was changed is reported
    as tampering (OverwriteCells then restores it).
    """

    def preprocess(self, nb: NotebookNode, resources: dict[str, Any]) -> tuple[NotebookNode, Any]:
        notebook_id = resources["nbgrader"]["notebook"]
        assignment_id = resources["nbgrader"]["assignment"]
        with Gradebook(resources["nbgrader"]["db_url"]) as gb:
            try:
                source_nb = gb.find_notebook(notebook_id, assignment_id)
            except MissingEntry:
                return nb, resources
            sources = [
                {"name": c.name, "cell_type": c.cell_type, "locked": c.locked,
                 "source": c.source, "checksum": c.checksum}
                for c in source_nb.source_cells
            ]
            grades = {c.name: c.max_score for c in source_nb.grade_cells}
            solutions = {c.name for c in source_nb.solution_cells}
            tasks = {c.name for c in source_nb.task_cells}
        self._drop_duplicates(nb, notebook_id)
        order = {s["name"]: i for i, s in enumerate(sources)}
        by_text = {_normalized(s["source"]): s for s in sources if s["locked"]}
        present = {
            cell.metadata["nbgrader"]["grade_id"]
            for cell in nb.cells
            if "grade_id" in cell.metadata.get("nbgrader", {})
        }
        restored = 0
        last_anchor: dict[str, Any] | None = None
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader")
            if meta and "grade_id" in meta:
                last_anchor = next((s for s in sources if s["name"] == meta["grade_id"]), None)
                self._check_locked_text(cell, meta, sources, notebook_id)
                continue
            match = by_text.get(_normalized(cell.source))
            if match is None and last_anchor is not None:
                index = order[last_anchor["name"]] + 1
                if index < len(sources):
                    candidate = sources[index]
                    if (not candidate["locked"] and candidate["name"] not in present
                            and candidate["cell_type"] == cell.cell_type):
                        match = candidate
            if match is None or match["name"] in present:
                continue
            name = match["name"]
            cell.metadata["nbgrader"] = {
                "grade": name in grades, "solution": name in solutions, "task": name in tasks,
                "locked": match["locked"], "grade_id": name, "schema_version": 3,
                **({"points": grades[name]} if name in grades else {}),
            }
            present.add(name)
            last_anchor = match
            restored += 1
        if restored:
            report_state.CURRENT.note(
                f"{notebook_id}.ipynb had lost the markers of {restored} cell(s) (edited in "
                "another program?); they were matched to the assignment and graded."
            )
        return nb, resources

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
                report_state.CURRENT.note(
                    f"{notebook}.ipynb had a second copy of cell '{grade_id}'; the copy was ignored."
                )
            seen.add(grade_id)

    def _check_locked_text(
        self, cell: NotebookNode, meta: dict[str, Any], sources: list[dict[str, Any]], notebook: str
    ) -> None:
        source = next((s for s in sources if s["name"] == meta["grade_id"]), None)
        if source is None or not source["locked"] or not meta.get("grade"):
            return
        submitted = _as_released(cell.source)
        if source["cell_type"] == "code" and submitted not in (
            _as_released(source["source"]), _normalized(source["source"])
        ):
            report_state.CURRENT.tamper(
                f"the locked test cell '{meta['grade_id']}' of {notebook}.ipynb was edited; the "
                "instructor's copy was restored and graded"
            )


class SandboxedExecute(Execute):
    """nbgrader's Execute, with kernels started by `GradingKernelManager` and a wall-clock bound."""

    notebook_timeout = Integer(
        300, help="Seconds one notebook may run in all before its kernel is killed."
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
            state = report_state.CURRENT
            if not state.timed_out:
                state.kernel_died = _kernel_death_message(exc)
            raise
        finally:
            timer.cancel()
            if prestarted:  # nbclient only shuts down kernels it started itself
                with contextlib.suppress(Exception):
                    self._cleanup_kernel()
            for cell in nb.cells:
                for output in cell.get("outputs", []):
                    if output.get("ename") == "CellTimeoutError":
                        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "a cell")
                        report_state.CURRENT.cell_timeouts.append(grade_id)

    async def _enter_workdir(self, notebook: NotebookNode) -> None:
        """Runs the notebook in its own folder (a prestarted kernel starts one level up)."""
        code = f"import os as _os; _os.chdir({self._workdir!r}); del _os"
        await self.async_wait_for_reply(self.kc.execute(code, silent=True, store_history=False))

    def _kill_runaway(self) -> None:
        report_state.CURRENT.timed_out = True
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
                report_state.CURRENT.tamper(
                    f"the check in '{grade_id}' did not run (was pmcourse.grading replaced?)")
                cell.outputs = [_stream("This check did not run as written, so it earns no "
                                        "points.\n"), _result(0.0)]
            return cell, resources
        payload = captured[-1]["data"][MIME]
        if isinstance(payload, str):
            payload = json.loads(payload)
        if payload.get("problem") != problem_id:
            report_state.CURRENT.tamper(f"'{grade_id}' reported answers for another problem")
            cell.outputs = [_stream("This check reported answers for another question.\n"),
                            _result(0.0)]
            return cell, resources
        for anomaly in payload.get("anomalies", []):
            report_state.CURRENT.tamper(f"{anomaly} (in '{grade_id}')")
        # Whatever happened in the kernel after the answers were captured (a replaced float(),
        # an exception), the score is the one the key gives those answers.
        lines, score = score_answers(problem_id, payload.get("answers", {}), points,
                                     Path(self.autograders))
        report_state.CURRENT.feedback[grade_id] = lines
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
            report_state.CURRENT.tamper(
                f"'{grade_id}' claimed {value:g} of {points:g} points (were built-ins replaced?)")
            cell.outputs = [from_dict({"output_type": "error", "ename": "ScoreAboveMaximum",
                                       "evalue": "", "traceback": []})]
        return


class CapOutputs(NbGraderPreprocessor):
    """Cuts any single output text longer than `max_chars` (nbgrader's LimitOutput counts lines,
    so one 20 MB line would pass through into the gradebook and the feedback)."""

    max_chars = Integer(100_000, help="Characters kept of one output text.").tag(config=True)

    def preprocess_cell(self, cell: NotebookNode, resources: Any, index: int) -> Any:
        for output in cell.get("outputs", []):
            if "text" in output:
                output["text"] = self._cut("".join(output["text"]) if isinstance(
                    output["text"], list) else output["text"])
            for mime, value in list(output.get("data", {}).items()):
                if isinstance(value, (str, list)) and not mime.startswith("application/"):
                    text = "".join(value) if isinstance(value, list) else value
                    output["data"][mime] = self._cut(text)
        return cell, resources

    def _cut(self, text: str) -> str:
        if len(text) <= self.max_chars:
            return text
        return text[: self.max_chars] + f"\n… output cut at {self.max_chars} characters\n"


def score_answers(
    problem_id: str, encoded: dict[str, Any], points: float, autograders: Path
) -> tuple[list[str], float]:
    """Decodes captured answers and checks them with the key: feedback lines and points."""
    from pmcourse.exercises.registry import get_problem

    from .keys import load_key

    problem = get_problem(problem_id)
    answers = {name: decode(value) for name, value in encoded.items()}
    result = problem.check(answers, load_key(problem_id, autograders))
    return [f"[{problem.title}]", *result.lines()], result.points(points)


def _stream(text: str) -> NotebookNode:
    return from_dict({"output_type": "stream", "name": "stdout", "text": text})


def _result(score: float) -> NotebookNode:
    return from_dict({"output_type": "execute_result", "execution_count": None, "metadata": {},
                      "data": {"text/plain": repr(float(score))}})
