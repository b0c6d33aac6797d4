"""Answer widgets: answer any exercise by choosing and typing, no code needed.

The models (`AnswerForm`, `form_spec`, `load_answer`) are widget-free, so graded notebooks and the
grading pipeline read saved answers without ipywidgets; `AnswerSheet` (the view) is imported only
when asked for.
"""

from __future__ import annotations

from typing import Any

from .draft import AnswerDraft, answer_draft_type, default_path, load_answer, read_answer_form
from .form import AnswerForm, Field, FormSpec, Option, Row, Section
from .specs import NoAnswerForm, form_spec


def __getattr__(name: str) -> Any:
    """Imports the view (and ipywidgets) only when it is first asked for."""
    if name == "AnswerSheet":
        from .view import AnswerSheet

        return AnswerSheet
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


__all__ = [
    "AnswerDraft",
    "AnswerForm",
    "AnswerSheet",
    "Field",
    "FormSpec",
    "NoAnswerForm",
    "Option",
    "Row",
    "Section",
    "answer_draft_type",
    "default_path",
    "form_spec",
    "load_answer",
    "read_answer_form",
]
