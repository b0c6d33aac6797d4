"""NorthStarPicker headless: metric lint, input-metric advice, checklist, saving."""

from __future__ import annotations

import json

from pmcourse.widgets import NorthStarPicker


def test_financial_metric_is_flagged(tmp_path) -> None:
    """Revenue as a North Star shows the financial-metric rule."""
    view = NorthStarPicker(path=tmp_path / "ns.json", delay=0)
    view._metric.value = "Monthly recurring revenue"
    assert "financial-metric" in view._feedback.value


def test_too_few_inputs_get_advice(tmp_path) -> None:
    """Two input metrics ask for at least three; three clear the advice."""
    view = NorthStarPicker(path=tmp_path / "ns.json", delay=0)
    view._inputs.value = "plans made\nrecipes cooked"
    assert "at least 3" in view._problems.value
    view._inputs.value += "\nlists shopped"
    assert view._problems.value == ""


def test_checklist_ticks_are_saved_and_restored(tmp_path) -> None:
    """Ticking a checklist box saves it and a re-created picker shows it ticked."""
    view = NorthStarPicker(path=tmp_path / "ns.json", delay=0)
    view._checks["leading"].value = True
    assert json.loads(view.path.read_text(encoding="utf-8"))["draft"]["checks"] == {
        "leading": True}
    again = NorthStarPicker(path=tmp_path / "ns.json")
    assert again._checks["leading"].value is True
    assert again._checks["team_can_move"].value is False


def test_what_is_missing_reads_as_a_list_of_whole_items(tmp_path) -> None:
    """Each missing part and checklist item is its own list item, without '.;' run-ons."""
    view = NorthStarPicker(path=tmp_path / "ns.json", delay=0)
    status = view._status.value
    assert "<li>the North Star metric</li>" in status
    assert "<li>checklist: It measures value customers receive, not value we capture</li>" in status
    assert ".;" not in status and "; checklist" not in status
