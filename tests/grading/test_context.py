"""One submission at a time: the context a grading worker enters for each submission, and what
reads it (the kernel manager nbclient builds, the preprocessors nbgrader builds)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pmcourse.grading.context import (
    KernelInputs,
    NoActiveSubmission,
    SubmissionContext,
    active_submission,
    grading_submission,
)
from pmcourse.grading.kernel.sandbox import INPUTS, GradingKernelManager, sandbox_problem
from pmcourse.grading.pipeline.nbconfig import GradingSettings

from .conftest import ASSIGNMENT

SETTINGS = GradingSettings(db_url="sqlite://")


def submission(student: str, settings: GradingSettings = SETTINGS) -> SubmissionContext:
    return SubmissionContext(ASSIGNMENT, student, settings)


class TestLifecycle:
    def test_the_submission_entered_is_active_until_its_block_ends(self) -> None:
        ada = submission("ada")
        with grading_submission(ada) as entered:
            assert entered is ada and active_submission() is ada
        with pytest.raises(NoActiveSubmission):
            active_submission()

    def test_outside_a_submission_the_error_says_what_is_missing_and_how_to_fix_it(self) -> None:
        with pytest.raises(NoActiveSubmission) as error:
            active_submission()
        assert "no submission is being graded" in str(error.value)
        assert "with grading_submission(SubmissionContext(...))" in str(error.value)

    def test_a_failed_submission_leaves_nothing_behind(self) -> None:
        """An exception while grading still empties the slot for the next submission."""
        with pytest.raises(ValueError, match="broken"), grading_submission(submission("ada")):
            active_submission().report.tamper("evidence")
            raise ValueError("broken")
        with grading_submission(submission("ben")):
            assert active_submission().student == "ben"
            assert active_submission().report.tampered == []

    def test_findings_and_kernel_inputs_do_not_reach_the_next_submission(self) -> None:
        with grading_submission(submission("ada")) as ada:
            ada.report.note("repaired")
            ada.report.tamper("edited a test")
            ada.report.cell_timeouts.append("answer")
            ada.report.timed_out = True
            ada.kernel_inputs = KernelInputs("/scratch/ada", "/course/autograded/ada", ASSIGNMENT)
        with grading_submission(submission("ben")) as ben:
            assert ben.report.notes == [] and ben.report.tampered == []
            assert ben.report.cell_timeouts == [] and not ben.report.timed_out
            assert ben.kernel_inputs is None and ben.prestarted is None

    def test_a_second_submission_cannot_start_inside_the_first(self) -> None:
        with grading_submission(submission("ada")):
            with (pytest.raises(RuntimeError, match="already grading ada/") as error,
                  grading_submission(submission("ben"))):
                pass  # pragma: no cover - never entered
            assert "one submission at a time" in str(error.value)
            assert active_submission().student == "ada"  # the refusal changed nothing


class TestKernelManager:
    """nbclient makes the kernel manager itself; it takes the active submission's settings."""

    def test_it_is_refused_outside_a_submission(self) -> None:
        with pytest.raises(NoActiveSubmission, match="no submission is being graded"):
            GradingKernelManager(kernel_name="python3")

    def test_it_runs_under_the_submissions_memory_limit(self) -> None:
        settings = GradingSettings(db_url="sqlite://", sandbox=False, memory_mb=777)
        with grading_submission(submission("ada", settings)):
            km = GradingKernelManager(kernel_name="python3")
        command = km.format_kernel_cmd()
        assert command[command.index("--memory-mb") + 1] == "777"
        assert "bwrap" not in " ".join(command)

    def test_it_sees_the_submissions_own_files_and_no_one_elses(self, tmp_path: Path) -> None:
        if sandbox_problem():
            pytest.skip(sandbox_problem())
        copy, mount = tmp_path / "ingested", tmp_path / "autograded" / "ada"
        copy.mkdir()
        mount.mkdir(parents=True)
        with grading_submission(submission("ada")) as ada:
            ada.kernel_inputs = KernelInputs(str(copy), str(mount), ASSIGNMENT)
            command = GradingKernelManager(kernel_name="python3").format_kernel_cmd()
        at = command.index(INPUTS)
        assert command[at - 2:at + 1] == ["--ro-bind", str(copy), INPUTS]
        assert command[command.index("--chdir") + 1] == str(mount)
        assert f"{mount}/{ASSIGNMENT}" in command  # the copy lands in the assignment folder
        with grading_submission(submission("ben")):
            later = GradingKernelManager(kernel_name="python3").format_kernel_cmd()
        assert str(copy) not in later and INPUTS not in later


@pytest.mark.slow
def test_one_worker_grades_a_tamperer_then_an_honest_student_cleanly(fresh_course) -> None:
    """One worker process grades three submissions in a row: the tampering and the repairs of
    the first two appear on theirs alone, and the last one is graded as if it came first."""
    from pmcourse.grading.authoring.samples import make_sample_cohort
    from pmcourse.grading.pipeline.run import grade

    make_sample_cohort(fresh_course, ASSIGNMENT,
                       only={"kai_tampers", "jun_stripped_metadata", "ada_perfect"})
    submitted = fresh_course.root / "submitted"
    # graded in the order of their ids: the honest student last
    for old, new in (("kai_tampers", "a_kai_tampers"), ("jun_stripped_metadata", "b_jun_stripped"),
                     ("ada_perfect", "z_ada_perfect")):
        shutil.move(submitted / old, submitted / new)
    run = grade(fresh_course.root, assignment=ASSIGNMENT, workers=1)
    results = {r.student: r for r in run.results}
    assert results["a_kai_tampers"].status == "tampered"
    assert any("lost the markers" in n for n in results["b_jun_stripped"].details["notes"])
    honest = results["z_ada_perfect"]
    assert honest.status == "graded", honest.message
    assert honest.score == honest.max_score
    assert honest.details["tampered"] == [] and honest.details["notes"] == []
