"""A self-paced learner's progress: lessons opened, exercises attempted and passed.

Stored in one small JSON file (``$PMCOURSE_HOME/progress.json``, default ``~/.pmcourse``),
written atomically. A corrupt file is set aside, reported, and rebuilt empty: never fatal.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._io import atomic_write_json, set_aside

SCHEMA = 1


def progress_home() -> Path:
    """The learner's own pmcourse folder: ``$PMCOURSE_HOME``, default ``~/.pmcourse``."""
    return Path(os.environ.get("PMCOURSE_HOME") or Path.home() / ".pmcourse")


def progress_path() -> Path:
    """Where progress is kept: ``$PMCOURSE_HOME/progress.json`` (default ``~/.pmcourse``)."""
    return progress_home() / "progress.json"


@dataclass
class Progress:
    """Lessons opened and exercise attempts, as stored on disk."""

    lessons: dict[str, float] = field(default_factory=dict)
    """Lesson id -> when it was first opened (epoch seconds)."""
    exercises: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Problem id -> ``{"attempts", "best", "passed", "last"}``."""
    warning: str = ""
    """Set when the stored file was unreadable and has been rebuilt."""

    def to_json(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "lessons": self.lessons, "exercises": self.exercises}


def load_progress(path: Path | None = None) -> Progress:
    """Reads progress; a missing file is empty progress, a corrupt one is set aside and reported."""
    path = path or progress_path()
    if not path.exists():
        return Progress()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(raw, dict) or raw.get("schema") != SCHEMA:
            msg = "not a pmcourse progress file"
            raise ValueError(msg)
        return Progress(dict(raw.get("lessons", {})), dict(raw.get("exercises", {})))
    except (OSError, ValueError, TypeError) as exc:
        try:
            aside = set_aside(path)
        except OSError:
            aside = path
        return Progress(warning=f"Your progress file {path} could not be read ({exc}); it was "
                                f"kept as {aside.name} and a new one started.")


def _save(progress: Progress, path: Path | None = None) -> None:
    atomic_write_json(path or progress_path(), progress.to_json())


def record_lesson(lesson_id: str, *, path: Path | None = None) -> Progress:
    """Marks a lesson as opened (the first time only)."""
    progress = load_progress(path)
    progress.lessons.setdefault(lesson_id, time.time())
    _save(progress, path)
    return progress


def record_check(problem_id: str, result: Any, *, path: Path | None = None) -> None:
    """Records one practice check: attempts, best score, passed. An answer that could not be read
    (or no answer) is not an attempt. Never raises into the notebook."""
    try:
        progress = load_progress(path)
        entry = progress.exercises.setdefault(
            problem_id, {"attempts": 0, "best": 0.0, "passed": False, "last": None}
        )
        if result.outcome.value != "not attempted" and getattr(result, "readable", True):
            entry["attempts"] += 1
            entry["best"] = max(entry["best"], result.score)
            entry["passed"] = entry["passed"] or result.outcome.value == "correct"
        entry["last"] = time.time()
        _save(progress, path)
    except OSError:
        pass  # a read-only home must not break a learner's check
