"""`load_strategy`: every saved draft in a folder as plain data, ready to be checked or graded.

Graded work never reads live widgets (their state does not survive nbgrader's autograde), so the
capstone's answer cell is ``strategy = load_strategy("drafts")``. The result holds only dicts,
lists and strings, so it survives the grading pipeline's plain-data capture unchanged. A missing,
damaged or duplicated file is recorded in the result, never raised.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .models import DOCUMENT_ORDER, DRAFT_TYPES, DraftError, check_envelope, read_json

PART_KINDS: tuple[str, ...] = tuple(kind for kind, _ in DOCUMENT_ORDER)
"""The six parts of a strategy document, in the order the document tells the story."""

USUAL_FILES: dict[str, str] = {
    "vision": "vision",
    "mission": "mission",
    "strategy": "strategy_canvas",
    "strategy_canvas": "strategy_canvas",
    "canvas": "strategy_canvas",
    "north_star": "north_star",
    "roadmap": "roadmap",
    "backlog": "backlog",
}
"""File names (without .json) the course's notebooks save each kind under, e.g. strategy.json."""


def load_strategy(directory: str | os.PathLike[str] = "drafts") -> dict[str, Any]:
    """Reads every draft file in `directory` into plain data: one entry per part found, plus
    ``missing`` (kinds with no file), ``unreadable`` (kind or file -> why), ``sources`` (kind ->
    file name) and ``notes``. Never raises for a missing folder or a damaged file."""
    folder = Path(directory).expanduser()
    result: dict[str, Any] = {}
    sources: dict[str, str] = {}
    unreadable: dict[str, str] = {}
    notes: list[str] = []
    if not folder.is_dir():
        notes.append(f"There is no folder {folder}: the drafting tools create it when they first "
                     "save. Draft with the widgets, then run this cell again.")
        paths: list[Path] = []
    else:
        paths = sorted((p for p in folder.glob("*.json")
                        if p.is_file() and not p.name.startswith(".")), key=_preference)
    for path in paths:
        kind, fields, problem = _read(path)
        if problem:
            label = kind or path.name
            if label in result or label in unreadable:
                notes.append(f"{path.name} cannot be used either: {problem}")
            else:
                unreadable[label] = f"{path.name}: {problem}"
            continue
        if kind in result:
            notes.append(f"{path.name} holds a second {kind} draft; this uses {sources[kind]}. "
                         "Delete or rename the one you no longer want.")
            continue
        result[kind] = fields
        sources[kind] = path.name
        unreadable.pop(kind, None)  # a good file of this kind wins over a damaged one
    return {
        **{kind: result[kind] for kind in PART_KINDS if kind in result},
        "missing": [k for k in PART_KINDS if k not in result and k not in unreadable],
        "unreadable": unreadable,
        "sources": sources,
        "notes": notes,
    }


def _preference(path: Path) -> tuple[int, str]:
    """Usual file names first (vision.json before vision_old.json), then alphabetical order."""
    return (0 if path.stem in USUAL_FILES else 1, path.name)


def _read(path: Path) -> tuple[str, dict[str, Any], str]:
    """(kind, plain fields, problem) of one file; the problem is empty when the file is usable."""
    guess = USUAL_FILES.get(path.stem, "")
    try:
        data = read_json(path)
        kind = check_envelope(data, None)
        if kind not in DRAFT_TYPES:
            return guess, {}, (f"its kind {kind!r} is not a part of the strategy document "
                               f"({', '.join(PART_KINDS)}).")
        draft = DRAFT_TYPES[kind].from_dict(data)
    except DraftError as exc:
        return guess, {}, f"{exc} Fix the file, or delete it and draft this part again."
    # A JSON round trip leaves only dicts, lists, strings, numbers and booleans.
    return kind, json.loads(json.dumps(draft.fields_to_dict(), ensure_ascii=False)), ""
