"""The practice notebooks offer the answer widget as the main path and show no code chores:
every problem is answered with `q.answer()`, inputs are shown in full with `q.show()`, and no
cell holds a test marker, a placeholder to replace or a raw print of data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pmcourse.exercises import problems

EXERCISES = Path(__file__).resolve().parents[3] / "exercises"
NOTEBOOKS = sorted(EXERCISES.glob("[0-9][0-9]_*.ipynb"))


def _cells(path: Path) -> list[dict]:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return [{**c, "source": "".join(c["source"])} for c in nb["cells"]]


def _code(path: Path) -> list[str]:
    return [c["source"] for c in _cells(path) if c["cell_type"] == "code"]


def test_every_practice_problem_is_answered_with_a_widget_somewhere() -> None:
    """Each practice problem (but the capstone self-check, which lesson 09's drafting widgets
    answer) has a notebook cell `q = practice("<id>")` followed by that handle's `.answer()`."""
    wanted = {pid.split(".", 1)[1] for pid in problems()
              if pid.startswith("practice.") and pid != "practice.capstone"}
    found = set()
    for path in NOTEBOOKS:
        code = "\n".join(_code(path))
        for handle, problem in re.findall(r'^(\w+) = practice\("(\w+)"\)', code, re.M):
            if re.search(rf"^{handle}\.answer\(\)$", code, re.M):
                found.add(problem)
    assert wanted <= found, f"no answer widget for: {sorted(wanted - found)}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_code_chores_or_markers(path: Path) -> None:
    for source in _code(path):
        assert "NBVAL" not in source, "use the nbval-ignore-output cell tag instead"
        assert "____" not in source, "a cell the learner must edit to answer"
        assert not re.search(r"\bprint\(|\bdisplay\(|def ", source), source
        assert "set_option" not in source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_inputs_are_shown_with_show_not_as_raw_frames(path: Path) -> None:
    """A bare `q.data()` as a cell's last line would print a pandas table cut at 50 characters."""
    for source in _code(path):
        last = source.strip().splitlines()[-1] if source.strip() else ""
        assert not re.fullmatch(r"\w+\.data\(.*\)", last), source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_widget_cells_carry_the_nbval_tag(path: Path) -> None:
    for cell in _cells(path):
        if cell["cell_type"] == "code" and cell["source"].endswith(".answer()"):
            assert "nbval-ignore-output" in cell["metadata"].get("tags", [])
