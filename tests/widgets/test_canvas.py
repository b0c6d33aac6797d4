"""StrategyCanvas headless: one labelled area per prompt, completeness indicator, saving."""

from __future__ import annotations

import json

from pmcourse.widgets import StrategyCanvas
from pmcourse.widgets.models import CANVAS_PROMPTS


def test_one_text_area_per_prompt_with_help(tmp_path) -> None:
    """Every prompt of the seven steps and four questions has its own area with a tooltip."""
    view = StrategyCanvas(path=tmp_path / "canvas.json")
    assert list(view._areas) == [p.key for p in CANVAS_PROMPTS]
    assert all(area.tooltip for area in view._areas.values())


def test_answering_moves_the_indicator_and_saves(tmp_path) -> None:
    """Each answer raises the progress bar and lands in the file; all answers turn it green."""
    view = StrategyCanvas(path=tmp_path / "canvas.json", delay=0)
    view._areas["icp"].value = "Households of three to five who cook most nights"
    assert view._progress.value == 1
    assert f"1 of {len(CANVAS_PROMPTS)} parts written" in view._status.value
    saved = json.loads(view.path.read_text(encoding="utf-8"))["draft"]["answers"]
    assert saved["icp"].startswith("Households")
    for area in view._areas.values():
        area.value = "answered"
    assert view._progress.bar_style == "success"
    assert "✓ Complete" in view._status.value


def test_restored_on_recreate(tmp_path) -> None:
    """A re-created canvas shows the saved answers."""
    first = StrategyCanvas(path=tmp_path / "canvas.json", delay=60)
    first._areas["not_doing"].value = "No restaurant kitchens."
    again = StrategyCanvas(path=tmp_path / "canvas.json")
    assert again._areas["not_doing"].value == "No restaurant kitchens."
    assert again._progress.value == 1
