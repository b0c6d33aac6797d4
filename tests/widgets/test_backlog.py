"""BacklogBuilder headless: items, links to saved roadmap outcomes, hints, lint, order, saving."""

from __future__ import annotations

import json

from pmcourse.widgets import BacklogBuilder, RoadmapBoard

STORY = ("As a parent, I want tonight's recipe to use what expires first, so that less food "
         "goes off")


def _roadmap(tmp_path):
    board = RoadmapBoard(path=tmp_path / "roadmap.json", delay=0)
    board.add_card("Households throw away less food each week", "Waste less food")
    return tmp_path / "roadmap.json"


def test_items_link_to_outcomes_from_the_saved_roadmap(tmp_path) -> None:
    """The outcome menu lists the roadmap's outcomes; choosing one saves the link."""
    builder = BacklogBuilder(path=tmp_path / "backlog.json", roadmap_path=_roadmap(tmp_path),
                             delay=0)
    item_id = builder.add_item(STORY)
    view = builder.item_view(item_id)
    assert ("R1: Households throw away less food each week", "R1") in view._outcome.options
    view._outcome.value = "R1"
    saved = json.loads(builder.path.read_text(encoding="utf-8"))["draft"]["items"][0]
    assert (saved["outcome_id"], saved["outcome_text"]) == (
        "R1", "Households throw away less food each week")


def test_hints_and_lint_show_on_the_item(tmp_path) -> None:
    """A task-like story gets the story-form hint; a system user is flagged by the linter."""
    builder = BacklogBuilder(path=tmp_path / "backlog.json", delay=0)
    builder._new_text.value = "As the system, I want to sync recipes, so that data is fresh"
    builder._add.click()
    feedback = builder.item_view("B1")._feedback.value
    assert "system-as-user" in feedback
    assert "Estimable and Testable" in feedback
    builder.item_view("B1")._text.value = "Barcode scanning"
    assert "Story form:" in builder.item_view("B1")._feedback.value


def test_without_a_roadmap_the_builder_says_how_to_link(tmp_path) -> None:
    """No roadmap_path shows how to give one; a missing roadmap file is named."""
    assert "roadmap_path=" in BacklogBuilder(path=tmp_path / "b.json")._roadmap_note.value
    note = BacklogBuilder(path=tmp_path / "b.json", roadmap_path=tmp_path / "r.json")
    assert "No roadmap draft saved at" in note._roadmap_note.value


def test_move_up_reorders_and_restores(tmp_path) -> None:
    """Move up changes the priority order shown and saved; re-creating keeps it."""
    builder = BacklogBuilder(path=tmp_path / "backlog.json", delay=0)
    builder.add_item("first")
    builder.add_item("second")
    builder.item_view("B2")._up.click()
    assert [c.item_id for c in builder._list.children] == ["B2", "B1"]
    assert builder.item_view("B2")._up.disabled
    again = BacklogBuilder(path=tmp_path / "backlog.json")
    assert [i.id for i in again.draft.items] == ["B2", "B1"]


def test_acceptance_criteria_and_remove(tmp_path) -> None:
    """Criteria are saved one per line; removing an item drops it from the file."""
    builder = BacklogBuilder(path=tmp_path / "backlog.json", delay=0)
    builder.add_item(STORY)
    builder.item_view("B1")._acceptance.value = "Expiring items first\nWorks offline"
    assert builder.draft.item("B1").acceptance == ["Expiring items first", "Works offline"]
    builder.item_view("B1")._remove.click()
    assert json.loads(builder.path.read_text(encoding="utf-8"))["draft"]["items"] == []
