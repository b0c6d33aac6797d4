"""What the exercise tests share: the instructor's graded keys and answers, and result lookups."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def graded_key(problem_id: str) -> dict:
    """A graded problem's key as stored in ``autograders/keys/`` (raw JSON)."""
    return json.loads((ROOT / "autograders" / "keys" / f"{problem_id}.json").read_text())


def instructor_answers(problem_id: str) -> dict:
    """The names defined in ``autograders/answers/<problem_id>.py`` (REFERENCE, PARTIAL, ...)."""
    return runpy.run_path(str(ROOT / "autograders" / "answers" / f"{problem_id}.py"))


def criterion(result: Any, name: str) -> Any:
    """One named criterion of a check result."""
    return next(c for c in result.criteria if c.name == name)
