"""The grade-cell helper in local mode (stock nbgrader): a plain float, feedback on stdout only."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from pmcourse.grading.cell import grade

PROJECT = Path(__file__).resolve().parents[2]


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
