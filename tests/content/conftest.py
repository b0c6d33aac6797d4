"""Every content test gets its own empty progress home, so tests never touch ~/.pmcourse."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def pmcourse_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Points PMCOURSE_HOME at a fresh temporary folder for the test."""
    home = tmp_path / "pmcourse-home"
    monkeypatch.setenv("PMCOURSE_HOME", str(home))
    return home
