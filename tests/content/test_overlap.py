"""The course is ours: no run of 10+ words is shared with a source lesson (shared/lessons-source)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHECKED = ("notebooks", "exercises", "course", "src", "README.md")


def shared_dir() -> Path:
    """The project's shared folder: ``$PMCOURSE_SHARED``, else ``../shared`` next to the repo."""
    return Path(os.environ.get("PMCOURSE_SHARED") or ROOT.parent / "shared")


def test_no_passage_repeats_a_source_lesson() -> None:
    """overlap_check.py finds no 10-word run shared between the course and the sources."""
    tool = shared_dir() / "tools" / "overlap_check.py"
    if not tool.exists():
        pytest.skip(f"overlap tool not found at {tool}; set PMCOURSE_SHARED to the shared folder")
    paths = [p for p in CHECKED if (ROOT / p).exists()]
    run = subprocess.run([sys.executable, str(tool), *paths], cwd=ROOT, capture_output=True,
                         text=True, timeout=300, check=False)
    assert run.returncode == 0, f"passages shared with the sources:\n{run.stdout}{run.stderr}"


def test_the_check_catches_a_copied_sentence(tmp_path: Path) -> None:
    """A file quoting 10+ words of a source lesson makes the check fail and name the run."""
    tool = shared_dir() / "tools" / "overlap_check.py"
    sources = sorted((shared_dir() / "lessons-source").glob("*.txt"))
    if not tool.exists() or not sources:
        pytest.skip("overlap tool or source lessons not found; set PMCOURSE_SHARED")
    words = sources[0].read_text(encoding="utf-8").split()
    copied = " ".join(words[200:215])
    (tmp_path / "copied.md").write_text(f"Our own words, then: {copied}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, str(tool), str(tmp_path)], capture_output=True,
                         text=True, timeout=60, check=False)
    assert run.returncode == 1 and "copied.md" in run.stdout + run.stderr
