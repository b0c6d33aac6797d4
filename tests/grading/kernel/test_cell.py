"""The grade-cell helper in local mode (stock nbgrader): a plain float, feedback on stdout only."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from pmcourse.grading.kernel.cell import check_form, form_problem, grade

PROJECT = Path(__file__).resolve().parents[3]


def reference_split() -> list[dict]:
    path = PROJECT / "autograders" / "answers" / "roadmap.feature_split.py"
    spec = importlib.util.spec_from_file_location("ref", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.REFERENCE


@pytest.fixture
def autograders(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PMCOURSE_AUTOGRADERS", str(PROJECT / "autograders"))
    monkeypatch.delenv("PMCOURSE_GRADING_MODE", raising=False)
    return PROJECT / "autograders"


def test_full_marks_as_plain_float(autograders: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The reference answer earns the problem's points as a plain float; stderr stays empty."""
    points = grade("roadmap.feature_split", {"split": pd.DataFrame(reference_split())})
    out = capsys.readouterr()
    assert type(points) is float and points == 6.0
    assert "Correct" in out.out and out.err == ""


def test_missing_variable_scores_zero_with_a_reason(
    autograders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An undefined answer variable gives 0.0 and says which variable to define."""
    assert grade("roadmap.feature_split", {}) == 0.0
    assert "`split` is not defined" in capsys.readouterr().out


def test_key_found_by_walking_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the environment variable the key is found in the nearest autograders/ above."""
    monkeypatch.delenv("PMCOURSE_AUTOGRADERS", raising=False)
    monkeypatch.delenv("PMCOURSE_GRADING_MODE", raising=False)
    (tmp_path / "autograders").symlink_to(PROJECT / "autograders")
    deep = tmp_path / "autograded" / "ada" / "a3_roadmap"
    deep.mkdir(parents=True)
    monkeypatch.chdir(deep)
    assert grade("roadmap.feature_split", {"split": reference_split()}) == 6.0


class TestCheckForm:
    """The visible half of a test cell: the answer's form, with no key, says what to fix."""

    @pytest.fixture(autouse=True)
    def no_keys(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """No key anywhere: a form check must never need one."""
        monkeypatch.setenv("PMCOURSE_AUTOGRADERS", str(tmp_path))
        monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)

    def test_placeholder_fails_and_says_what_to_fix(self) -> None:
        from pmcourse.exercises import ____

        with pytest.raises(AssertionError, match="placeholder") as error:
            check_form("roadmap.feature_split", {"split": ____})
        assert all(len(line) <= 70 for line in str(error.value).splitlines())

    def test_undefined_answer_fails(self) -> None:
        with pytest.raises(AssertionError, match="`split` is not defined"):
            check_form("roadmap.feature_split", {})

    def test_malformed_answer_names_the_expected_form(self) -> None:
        with pytest.raises(AssertionError) as error:
            check_form("roadmap.feature_split", {"split": "I was not sure"})
        message = " ".join(str(error.value).split())
        assert "DataFrame" in message and "`item_id`, `kind`, `outcome_id`" in message

    def test_empty_table_is_not_answered(self) -> None:
        with pytest.raises(AssertionError, match="not answered yet"):
            check_form("roadmap.feature_split", {"split": []})

    def test_wrong_but_well_formed_answer_passes(self, capsys: pytest.CaptureFixture[str]) -> None:
        """Every item labelled 'task' is wrong, but it is a well-formed answer: the form check
        passes and says nothing about correctness."""
        rows = [{"item_id": r["item_id"], "kind": "task", "outcome_id": None}
                for r in reference_split()]
        check_form("roadmap.feature_split", {"split": pd.DataFrame(rows)})
        assert "looks right" in capsys.readouterr().out

    def test_reference_answers_of_every_graded_problem_pass(self) -> None:
        """No right answer is ever rejected for its form."""
        from pmcourse.exercises.engine.registry import problems
        from pmcourse.grading.authoring.build import reference_answer

        for problem in problems().values():
            if not problem.graded:
                continue
            value = reference_answer(problem.id, PROJECT / "autograders")
            answers = value if len(problem.vars) > 1 else {problem.vars[0]: value}
            assert form_problem(problem.id, answers) is None, problem.id

    def test_does_nothing_while_autograding(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """In autograde the hidden check grades every answer, so the form check stays out of
        the way (the scores are those stock nbgrader gives)."""
        monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")
        assert check_form("roadmap.feature_split", {}) is None
