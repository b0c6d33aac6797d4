"""The lesson data modules (``lNN_<slug>.py``, each defining ``LESSON``), discovered in order."""

from __future__ import annotations

import importlib
import pkgutil
import re

from ..model import Lesson

_MODULE = re.compile(r"l\d\d_\w+")

LESSON_ERRORS: dict[str, str] = {}
"""Module name -> why it could not be loaded (a test asserts this stays empty)."""


def _discover() -> dict[str, Lesson]:
    found: list[Lesson] = []
    for info in pkgutil.iter_modules(__path__):
        if not _MODULE.fullmatch(info.name):
            continue
        try:
            module = importlib.import_module(f"{__name__}.{info.name}")
            lesson = module.LESSON
            if not isinstance(lesson, Lesson):
                msg = "LESSON is not a pmcourse.content.Lesson"
                raise TypeError(msg)
        except Exception as exc:  # one broken lesson module must not hide the others
            LESSON_ERRORS[info.name] = f"{type(exc).__name__}: {exc}"
            continue
        found.append(lesson)
    return {lesson.id: lesson for lesson in sorted(found, key=lambda x: x.id)}


LESSONS: dict[str, Lesson] = _discover()
"""Lesson id -> Lesson, in course order."""
