"""pmcourse's nbgrader preprocessors, one by one, on small notebooks and a real gradebook.

Cells are built with nbgrader's own test factories; the gradebook is a real SQLite file filled by
nbgrader's SaveCells, as generate_assignment fills it; no kernel runs here.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook, new_output
from nbgrader.api import Gradebook
from nbgrader.preprocessors import ClearHiddenTests, ClearSolutions, ComputeChecksums, SaveCells
from nbgrader.tests import (
    create_grade_and_solution_cell,
    create_grade_cell,
    create_locked_cell,
    create_solution_cell,
)
from traitlets.config import Config

from pmcourse.grading.context import (
    NoActiveSubmission,
    SubmissionContext,
    SubmissionReport,
    grading_submission,
)
from pmcourse.grading.kernel.capture import MIME
from pmcourse.grading.pipeline.course import ensure_tools_on_path
from pmcourse.grading.pipeline.nbconfig import GradingSettings
from pmcourse.grading.pipeline.preprocessors import (
    CapOutputs,
    RepairStructure,
    RescoreAnswers,
    graded_problem_id,
    released_text_function,
)

ASSIGNMENT, NOTEBOOK = "ps1", "problems"
HIDDEN_TEST = "assert answer == 42\n### BEGIN HIDDEN TESTS\nassert answer > 0\n### END HIDDEN TESTS"


def locked_test(source: str, grade_id: str, points: float = 2.0) -> nbformat.NotebookNode:
    cell = create_grade_cell(source, "code", grade_id, points)
    cell.metadata.nbgrader["locked"] = True
    return cell


def source_notebook() -> nbformat.NotebookNode:
    """Intro, data, a drafting-tool cell without markers, the answer, its test, a written part."""
    return new_notebook(cells=[
        create_locked_cell("# Problem set 1", "markdown", "intro"),
        create_locked_cell("items = [1, 2, 3]", "code", "data"),
        new_code_cell("Drafter(path='drafts/x.json')"),
        create_solution_cell("### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION", "code",
                             "answer"),
        locked_test(HIDDEN_TEST, "answer_test"),
        create_grade_and_solution_cell("A model answer.", "markdown", "essay", 3.0),
    ])


@pytest.fixture(scope="module")
def empty_gradebook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A gradebook holding the assignment and nothing else (created once: nbgrader runs
    alembic for every new gradebook, which costs seconds)."""
    ensure_tools_on_path()
    path = tmp_path_factory.mktemp("gradebook") / "gradebook.db"
    with Gradebook(f"sqlite:///{path}") as gb:
        gb.add_assignment(ASSIGNMENT)
    return path


@pytest.fixture
def report() -> Iterator[SubmissionReport]:
    """The findings of a submission being graded, as the preprocessors see it (the worker
    enters the same context for each submission)."""
    submission = SubmissionContext(ASSIGNMENT, "student", GradingSettings(db_url="sqlite://"))
    with grading_submission(submission):
        yield submission.report


@pytest.fixture
def course(tmp_path: Path, empty_gradebook: Path, report: SubmissionReport) -> tuple[Config, dict]:
    """A course root with the source notebook, a gradebook filled from it, and resources."""
    shutil.copy(empty_gradebook, tmp_path / "gradebook.db")
    db_url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    source = source_notebook()
    folder = tmp_path / "source" / ASSIGNMENT
    folder.mkdir(parents=True)
    nbformat.write(source, folder / f"{NOTEBOOK}.ipynb")
    config = Config()
    config.CourseDirectory.root = str(tmp_path)
    resources = {"nbgrader": {"db_url": db_url, "assignment": ASSIGNMENT, "notebook": NOTEBOOK}}
    save(source, resources)
    return config, resources


def save(source: nbformat.NotebookNode, resources: dict) -> None:
    """What generate_assignment stores: checksums of the instructor's cells, then SaveCells."""
    nb = copy.deepcopy(source)
    nb, _ = ComputeChecksums().preprocess(nb, {})
    SaveCells().preprocess(nb, copy.deepcopy(resources))


def released(source: nbformat.NotebookNode, config: Config | None = None) -> nbformat.NotebookNode:
    """The student version as generate_assignment makes it (solutions and hidden tests out)."""
    nb = copy.deepcopy(source)
    nb, _ = ClearSolutions(config=config or Config()).preprocess(nb, {})
    nb, _ = ClearHiddenTests(config=config or Config()).preprocess(nb, {})
    nb, _ = ComputeChecksums().preprocess(nb, {})
    return nb


def repair(nb: nbformat.NotebookNode, course: tuple[Config, dict]) -> nbformat.NotebookNode:
    config, resources = course
    out, _ = RepairStructure(config=config).preprocess(nb, copy.deepcopy(resources))
    return out


def grade_ids(nb: nbformat.NotebookNode) -> list[str | None]:
    return [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]


class TestRepairStructure:
    def test_stripped_notebook_is_matched_back_past_tool_cells(self, course, report) -> None:
        """An editor stripped every cell's metadata: each cell gets its place back, and the
        drafting-tool cell between the data and the answer is not taken for the answer."""
        nb = released(source_notebook())
        nb.cells[3].source = "answer = 41"
        for cell in nb.cells:
            cell.metadata = {}
        out = repair(nb, course)
        assert grade_ids(out) == ["intro", "data", None, "answer", "answer_test", "essay"]
        assert out.cells[5].metadata.nbgrader["points"] == 3.0
        assert "lost the markers of 5 cell(s)" in report.notes[0]
        assert report.tampered == []

    def test_release_gives_the_order_when_the_source_is_gone(self, course, tmp_path: Path) -> None:
        """With the source notebook deleted, the released one still gives the cells' order."""
        source = tmp_path / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
        (tmp_path / "release" / ASSIGNMENT).mkdir(parents=True)
        source.rename(tmp_path / "release" / ASSIGNMENT / source.name)
        nb = released(source_notebook())
        del nb.cells[2]  # no tool cell
        for cell in nb.cells:
            cell.metadata = {}
        assert grade_ids(repair(nb, course)) == ["intro", "data", "answer", "answer_test",
                                                 "essay"]

    def test_a_cell_of_another_type_is_not_taken_for_the_answer(self, course) -> None:
        """A student's markdown note where the code answer was is not graded as the answer."""
        nb = released(source_notebook())
        nb.cells[3] = nbformat.v4.new_markdown_cell("I did not know")
        for cell in nb.cells:
            cell.metadata = {}
        assert "answer" not in grade_ids(repair(nb, course))

    def test_untouched_released_test_is_not_tampering(self, course, report) -> None:
        """The test cell exactly as released (hidden tests removed) is honest work."""
        repair(released(source_notebook()), course)
        assert report.tampered == []

    def test_edited_test_is_tampering(self, course, report) -> None:
        """A student who weakens a locked test is reported (OverwriteCells restores it)."""
        nb = released(source_notebook())
        nb.cells[4].source = "assert True"
        repair(nb, course)
        assert "'answer_test'" in report.tampered[0]

    def test_test_fixed_after_release_is_not_tampering(self, course, report) -> None:
        """The instructor fixed the test after students got it: their old copy is honest."""
        student = released(source_notebook())
        fixed = source_notebook()
        fixed.cells[4].source = HIDDEN_TEST.replace("42", "43")
        save(fixed, course[1])
        repair(student, course)
        assert report.tampered == []

    def test_single_hash_hidden_marker_is_understood(self, course, report) -> None:
        """`# BEGIN HIDDEN TESTS` (one hash) is a marker nbgrader accepts: the released text of
        such a test is recognised, even when its cell lost its metadata."""
        source = source_notebook()
        source.cells[4].source = HIDDEN_TEST.replace("###", "#")
        save(source, course[1])
        nb = released(source)
        assert "answer > 0" not in nb.cells[4].source
        nb.cells[4].metadata = {}
        out = repair(nb, course)
        assert out.cells[4].metadata.nbgrader["grade_id"] == "answer_test"
        assert report.tampered == []

    def test_configured_markers_are_used(self, course) -> None:
        """A course's own ClearHiddenTests delimiters decide what students received."""
        config = Config()
        config.ClearHiddenTests.begin_test_delimeter = "SECRET START"
        config.ClearHiddenTests.end_test_delimeter = "SECRET END"
        released_text = released_text_function(config)
        assert released_text("a\n# SECRET START\nb\n# SECRET END\nc") == "a\nc"

    def test_second_copy_of_a_cell_loses_its_markers(self, course, report) -> None:
        """A duplicated answer cell: the first copy is graded, the copy is plain code."""
        nb = released(source_notebook())
        nb.cells.insert(4, copy.deepcopy(nb.cells[3]))
        out = repair(nb, course)
        assert grade_ids(out).count("answer") == 1
        assert "second copy of cell 'answer'" in report.notes[0]


def grade_cell_with_outputs(source: str, outputs: list, points: float = 6.0):
    cell = locked_test(source, "check", points)
    cell.outputs = outputs
    return cell


class TestRescoreAnswers:
    def test_only_cells_pmcourse_generated_are_its_checks(self) -> None:
        """A course's own test calling a student's function named grade() is a plain test."""
        pmcourse = ('from pmcourse.grading.kernel.cell import grade\n'
                    'float(grade("roadmap.feature_split", globals()))')
        assert graded_problem_id(pmcourse) == "roadmap.feature_split"
        assert graded_problem_id('assert grade("roadmap.feature_split") == 90') is None
        assert graded_problem_id('from mylib import grade\ngrade("A")') is None
        assert graded_problem_id('from pmcourse.grading.kernel.cell import grade\ngrade("no.such")') \
            is None

    def test_plain_test_keeps_its_own_result(self, report) -> None:
        """The student's own grade() returning a number in a plain test cell is left alone."""
        result = new_output("execute_result", data={"text/plain": "1.5"}, execution_count=1)
        cell = grade_cell_with_outputs('grade("A")', [result], points=2.0)
        out, _ = RescoreAnswers().preprocess_cell(cell, {}, 0)
        assert out.outputs[0]["data"]["text/plain"] == "1.5"
        assert report.tampered == []

    def test_plain_test_claiming_too_many_points_scores_zero(self, report) -> None:
        """A result above the cell's points (stock nbgrader fails the whole notebook) errors."""
        result = new_output("execute_result", data={"text/plain": "100.0"}, execution_count=1)
        out, _ = RescoreAnswers().preprocess_cell(grade_cell_with_outputs("1", [result], 2.0),
                                                  {}, 0)
        assert out.outputs[0]["output_type"] == "error"
        assert "claimed 100" in report.tampered[0]

    def test_findings_outside_a_submission_are_refused(self) -> None:
        """Run by hand, not by the grading worker, a preprocessor says what it lacks instead of
        keeping its findings where the next submission would find them."""
        result = new_output("execute_result", data={"text/plain": "100.0"}, execution_count=1)
        with pytest.raises(NoActiveSubmission, match="no submission is being graded"):
            RescoreAnswers().preprocess_cell(grade_cell_with_outputs("1", [result], 2.0), {}, 0)

    def test_pmcourse_check_that_did_not_capture_scores_zero(self, report) -> None:
        """A pmcourse check whose capture never ran (grade() replaced) earns nothing."""
        source = ('### BEGIN HIDDEN TESTS\nfrom pmcourse.grading.kernel.cell import grade\n'
                  'float(grade("roadmap.feature_split", globals()))\n### END HIDDEN TESTS')
        result = new_output("execute_result", data={"text/plain": "6.0"}, execution_count=1)
        out, _ = RescoreAnswers().preprocess_cell(grade_cell_with_outputs(source, [result]), {}, 0)
        assert out.outputs[-1]["data"]["text/plain"] == "0.0"
        assert "did not run" in report.tampered[0]

    def test_captured_answers_are_scored_with_the_key(self, report) -> None:
        """A captured blank answer scores 0 with the key's feedback, whatever the kernel said;
        the feedback lines are kept for the submission's feedback page."""
        source = ('from pmcourse.grading.kernel.cell import grade\n'
                  'float(grade("roadmap.feature_split", globals()))')
        payload = {"problem": "roadmap.feature_split", "answers": {"split": None},
                   "anomalies": []}
        outputs = [new_output("display_data", data={MIME: payload, "text/plain": "captured"}),
                   new_output("execute_result", data={"text/plain": "6.0"}, execution_count=1)]
        rescorer = RescoreAnswers()
        rescorer.autograders = str(Path(__file__).resolve().parents[3] / "autograders")
        out, _ = rescorer.preprocess_cell(grade_cell_with_outputs(source, outputs), {}, 0)
        assert out.outputs[-1]["data"]["text/plain"] == "0.0"
        assert "Not attempted" in out.outputs[0]["text"]
        assert report.feedback["check"] == out.outputs[0]["text"].splitlines()


class TestCapOutputs:
    def cap(self, output: dict) -> dict:
        cell = new_code_cell("x", outputs=[output])
        out, _ = CapOutputs(max_chars=1000).preprocess_cell(cell, {}, 0)
        return out.outputs[0]

    def test_long_text_is_cut_with_a_note(self) -> None:
        out = self.cap(new_output("stream", name="stdout", text="y" * 5000))
        assert len(out["text"]) < 1100 and "cut at 1000 characters" in out["text"]

    @pytest.mark.parametrize("mime", ["application/json", "application/vnd.custom+json",
                                      "image/png", "application/javascript"])
    def test_large_non_text_output_is_removed_and_said(self, mime: str) -> None:
        """JSON, widget-like data, images: a value over the limit is replaced by a note."""
        value = {"rows": ["z" * 100] * 50} if mime.endswith("json") else "A" * 5000
        out = self.cap(new_output("display_data", data={mime: value, "text/plain": "<obj>"}))
        assert mime not in out["data"]
        assert "<obj>" in out["data"]["text/plain"] and mime in out["data"]["text/plain"]

    def test_small_outputs_are_untouched(self) -> None:
        data = {"application/json": {"a": 1}, "image/png": "iVBOR", "text/plain": "ok"}
        assert self.cap(new_output("display_data", data=copy.deepcopy(data)))["data"] == data

    def test_huge_error_is_cut(self) -> None:
        out = self.cap(new_output("error", ename="E", evalue="v" * 5000,
                                  traceback=["t" * 800] * 10))
        assert len(out["evalue"]) < 1100 and len(json.dumps(out["traceback"])) < 1200


class TestKernelChoice:
    """SandboxedExecute starts the kernel the notebook names, never Python in its place."""

    @pytest.fixture
    def course_kernel(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
        spec = tmp_path / "kernels" / "course-python"
        spec.mkdir(parents=True)
        (spec / "kernel.json").write_text(json.dumps({
            "argv": ["python", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python (course)", "language": "python",
            "env": {"COURSE_FLAG": "on"}}))
        monkeypatch.setenv("JUPYTER_PATH", str(tmp_path))
        return "course-python"

    def manager(self, kernel: str, *, sandbox: bool):
        """The manager nbclient would make while a submission graded with these settings is
        active (it keeps them after the submission ends)."""
        from pmcourse.grading.kernel.sandbox import GradingKernelManager

        settings = GradingSettings(db_url="sqlite://", sandbox=sandbox, memory_mb=512)
        with grading_submission(SubmissionContext(ASSIGNMENT, "student", settings)):
            return GradingKernelManager(kernel_name=kernel)

    def test_the_notebooks_kernelspec_runs_under_the_same_limits(self, course_kernel) -> None:
        """The spec's own command line, after the launcher that sets the memory limit."""
        km = self.manager(course_kernel, sandbox=False)
        command = km.format_kernel_cmd()
        exec_at = command.index("--exec")
        assert command[:exec_at] == [sys.executable, "-m", "pmcourse.grading.kernel.launch_kernel",
                                     "--memory-mb", "512"]
        assert command[exec_at + 1:] == [sys.executable, "-m", "ipykernel_launcher", "-f",
                                         os.path.realpath(km.connection_file)]

    def test_the_kernelspecs_environment_reaches_the_sandbox(self, course_kernel) -> None:
        from pmcourse.grading.kernel.sandbox import sandbox_problem

        if sandbox_problem():
            pytest.skip(sandbox_problem())
        command = self.manager(course_kernel, sandbox=True).format_kernel_cmd()
        at = command.index("COURSE_FLAG")
        assert command[at - 1:at + 2] == ["--setenv", "COURSE_FLAG", "on"]

    def test_a_kernel_that_is_not_installed_is_named_with_the_fix(self) -> None:
        """A bash notebook on a machine without a bash kernel: no Python in its place, and a
        message an instructor can act on."""
        from jupyter_client.kernelspec import NoSuchKernel

        from pmcourse.grading.pipeline.preprocessors import _kernel_death_message

        km = self.manager("bash-not-installed", sandbox=False)
        with pytest.raises(NoSuchKernel) as error:
            km.format_kernel_cmd()
        message = _kernel_death_message(error.value)
        assert "'bash-not-installed'" in message and "not installed" in message
        assert "jupyter kernelspec list" in message
