"""Drafting widgets: widget-free models, a debounced draft store and ipywidgets views on top.

`from pmcourse.widgets import VisionDrafter` loads ipywidgets; `pmcourse.widgets.models` and
`pmcourse.widgets.store` do not, so graded work can read drafts with `load_draft(path)`.
"""

from __future__ import annotations

import importlib
from typing import Any

from .answers import load_answer
from .loader import load_strategy
from .models import DraftError, DraftMissingError, load_draft

_VIEWS = {
    "VisionDrafter": "vision",
    "MissionDrafter": "mission",
    "StrategyCanvas": "canvas",
    "NorthStarPicker": "north_star",
    "RoadmapBoard": "roadmap",
    "BacklogBuilder": "backlog",
    "StrategyDocument": "document",
    "AnswerSheet": "answers.view",
    "CertificateForm": "certificate",
    "answer_widget": "answers.view",
}


def __getattr__(name: str) -> Any:
    """Imports a view (and ipywidgets) only when it is first asked for."""
    if name in _VIEWS:
        module = importlib.import_module(f".{_VIEWS[name]}", __name__)
        return getattr(module, name)
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


__all__ = [
    "AnswerSheet",
    "BacklogBuilder",
    "CertificateForm",
    "DraftError",
    "DraftMissingError",
    "MissionDrafter",
    "NorthStarPicker",
    "RoadmapBoard",
    "StrategyCanvas",
    "StrategyDocument",
    "VisionDrafter",
    "answer_widget",
    "load_answer",
    "load_draft",
    "load_strategy",
]
