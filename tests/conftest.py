"""Fixtures shared by the whole suite: a private PMCOURSE_HOME so tests never touch ~/.pmcourse."""

from __future__ import annotations

from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test writes progress and drafts under its own temporary PMCOURSE_HOME."""
    home = tmp_path_factory.mktemp("pmcourse-home")
    monkeypatch.setenv("PMCOURSE_HOME", str(home))
    return home
