"""MissionDrafter headless: composing, mission lint with the vision as context, saving."""

from __future__ import annotations

import json

from pmcourse.widgets import MissionDrafter, VisionDrafter


def test_parts_compose_and_slogans_are_flagged(tmp_path) -> None:
    """A slogan category shows the empty-slogan rule; the parts and list are saved."""
    view = MissionDrafter(path=tmp_path / "mission.json", delay=0)
    view._product.value = "Larder"
    view._who.value = "busy households"
    view._category.value = "the best tool"
    view._aspects.value = "plans the week around the pantry\nbuilds the shopping list"
    assert view._statement.value.startswith("Larder gives busy households the best tool that")
    assert "empty-slogan" in view._feedback.value
    saved = json.loads(view.path.read_text(encoding="utf-8"))["draft"]
    assert saved["aspects"] == ["plans the week around the pantry", "builds the shopping list"]


def test_vision_is_read_from_its_saved_file(tmp_path) -> None:
    """With vision_path the saved vision is shown and passed to the linter as context."""
    vision = VisionDrafter(path=tmp_path / "vision.json", delay=0)
    vision._statement.value = "Busy households waste less food."
    view = MissionDrafter(path=tmp_path / "mission.json", vision_path=tmp_path / "vision.json")
    assert "Busy households waste less food." in view._vision_html.value
    view._statement.value = "Busy households waste less food."
    assert "same-as-vision" in view._feedback.value


def test_missing_vision_file_is_explained(tmp_path) -> None:
    """A vision_path with nothing saved yet says so instead of failing."""
    view = MissionDrafter(path=tmp_path / "mission.json", vision_path=tmp_path / "none.json")
    assert "No vision draft saved at" in view._vision_html.value


def test_restored_on_recreate(tmp_path) -> None:
    """A re-created drafter shows the saved parts."""
    first = MissionDrafter(path=tmp_path / "mission.json", delay=60)
    first._category.value = "a meal-planning app"
    again = MissionDrafter(path=tmp_path / "mission.json")
    assert again._category.value == "a meal-planning app"
