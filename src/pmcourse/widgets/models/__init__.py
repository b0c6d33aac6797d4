"""Widget-free draft models: plain dataclasses with validation, completeness, Markdown and JSON.

Graded work and scripts read saved drafts with `load_draft(path)`; nothing here imports ipywidgets.
"""

from __future__ import annotations

import os

from .backlog import ITEM_TYPES, BacklogDraft, BacklogItem, StoryParts, parse_story
from .base import SCHEMA_VERSION, Draft, DraftError, DraftMissingError, check_envelope, read_json
from .canvas import CANVAS_PROMPTS, CanvasPrompt, StrategyCanvasDraft
from .document import DOCUMENT_ORDER, DocumentSource, StrategyDocumentModel
from .north_star import MAX_INPUTS, MIN_INPUTS, NORTH_STAR_CHECKS, NorthStarDraft
from .roadmap import COLUMNS, DEFAULT_NOW_CAPACITY, RoadmapCard, RoadmapDraft
from .statement import MissionDraft, VisionDraft

DRAFT_TYPES: dict[str, type[Draft]] = {
    cls.KIND: cls
    for cls in (VisionDraft, MissionDraft, StrategyCanvasDraft, NorthStarDraft, RoadmapDraft,
                BacklogDraft)
}
"""Every draft class by its kind, as written in the file's 'kind' field."""


def draft_from_dict(data: object, kind: str | None = None) -> Draft:
    """Rebuilds a draft from a dict, using its 'kind' (or checking it equals `kind`)."""
    found = check_envelope(data, kind)
    if found not in DRAFT_TYPES:
        msg = f"Unknown draft kind {found!r}; known kinds are {', '.join(DRAFT_TYPES)}."
        raise DraftError(msg)
    return DRAFT_TYPES[found].from_dict(data)


def load_draft(path: str | os.PathLike[str], kind: str | None = None) -> Draft:
    """Reads a saved draft of any kind (or of `kind` only), without ipywidgets.

    Raises DraftMissingError when nothing was saved there and DraftError when the file is damaged.
    """
    return draft_from_dict(read_json(path), kind)


__all__ = [
    "CANVAS_PROMPTS",
    "COLUMNS",
    "DEFAULT_NOW_CAPACITY",
    "DOCUMENT_ORDER",
    "DRAFT_TYPES",
    "ITEM_TYPES",
    "MAX_INPUTS",
    "MIN_INPUTS",
    "NORTH_STAR_CHECKS",
    "SCHEMA_VERSION",
    "BacklogDraft",
    "BacklogItem",
    "CanvasPrompt",
    "DocumentSource",
    "Draft",
    "DraftError",
    "DraftMissingError",
    "MissionDraft",
    "NorthStarDraft",
    "RoadmapCard",
    "RoadmapDraft",
    "StoryParts",
    "StrategyCanvasDraft",
    "StrategyDocumentModel",
    "VisionDraft",
    "draft_from_dict",
    "load_draft",
    "parse_story",
]
