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


def _save(path, draft) -> None:
    path.write_text(draft.to_json())


def test_linked_prompts_show_the_other_drafts_instead_of_asking_again(tmp_path) -> None:
    """Given the vision, mission, North Star and roadmap drafts, the canvas shows their answers
    read-only (no text area), counts them as written, and follows later edits to them."""
    from pmcourse.widgets.models import MissionDraft, NorthStarDraft, RoadmapDraft, VisionDraft

    paths = {k: tmp_path / f"{k}.json" for k in ("vision", "mission", "north_star", "roadmap")}
    _save(paths["vision"], VisionDraft(statement="Every family eats well without waste."))
    _save(paths["mission"], MissionDraft(statement="Larder plans meals from the pantry."))
    _save(paths["north_star"], NorthStarDraft(metric="Planned meals cooked per household "
                                                     "per week", inputs=["Plans made"]))
    _save(paths["roadmap"], RoadmapDraft(intents=["Waste less food", "Plan faster"]))
    view = StrategyCanvas(path=tmp_path / "canvas.json", delay=0, vision_path=paths["vision"],
                          mission_path=paths["mission"], north_star_path=paths["north_star"],
                          roadmap_path=paths["roadmap"])
    linked = {"vision", "mission", "goals", "intents"}
    assert linked.isdisjoint(view._areas) and set(view._linked_views) == linked
    assert "Every family eats well without waste." in view._linked_views["vision"].value
    assert "Waste less food<br>Plan faster" in view._linked_views["intents"].value
    assert "(inputs: Plans made)" in view._linked_views["goals"].value
    assert f"4 of {len(CANVAS_PROMPTS)} parts written" in view._status.value
    _save(paths["vision"], VisionDraft(statement="No family wonders what is for dinner."))
    view._areas["icp"].value = "Dual-income families in cities"
    assert "No family wonders" in view._linked_views["vision"].value
    assert f"5 of {len(CANVAS_PROMPTS)} parts written" in view._status.value
    assert "vision" not in json.loads(view.path.read_text())["draft"]["answers"]


def test_a_linked_draft_not_written_yet_is_shown_as_missing(tmp_path) -> None:
    view = StrategyCanvas(path=tmp_path / "canvas.json", vision_path=tmp_path / "none.json")
    assert "not written yet" in view._linked_views["vision"].value
    assert "Vision" in view.draft.missing()
