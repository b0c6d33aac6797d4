"""RoadmapBoard headless: cards, outcome lint, swimlanes, capacity, dependencies, saving."""

from __future__ import annotations

import json

from pmcourse.widgets import RoadmapBoard


def _board(tmp_path) -> RoadmapBoard:
    board = RoadmapBoard(path=tmp_path / "roadmap.json", delay=0)
    board._intents.value = "Waste less food\nPlan faster"
    return board


def test_add_button_creates_a_linted_card(tmp_path) -> None:
    """The Add button turns the form into a card; a build action is flagged on the card."""
    board = _board(tmp_path)
    board._new_outcome.value = "Build barcode scanning"
    board._new_intent.value = "Plan faster"
    board._new_column.value = "next"
    board._add.click()
    assert board._new_outcome.value == ""
    card = board.draft.card("R1")
    assert (card.outcome, card.intent, card.column) == ("Build barcode scanning", "Plan faster",
                                                        "next")
    assert "output-not-outcome" in board.card_view("R1")._feedback.value
    saved = json.loads(board.path.read_text(encoding="utf-8"))["draft"]
    assert saved["cards"][0]["id"] == "R1"


def test_cards_sit_in_their_intent_swimlane(tmp_path) -> None:
    """The board draws one labelled lane per intent with three columns each."""
    board = _board(tmp_path)
    board.add_card("Households waste less food", "Waste less food", "now")
    board.add_card("New households plan in ten minutes", "Plan faster", "later")
    labels = [c.value for c in board._lanes.children[::2]]
    assert "Strategic intent: Waste less food" in labels[0]
    assert "Strategic intent: Plan faster" in labels[1]
    plan_row = board._lanes.children[3]
    assert board.card_view("R2") in plan_row.children[2].children


def test_capacity_warning_is_visible_when_now_runs_too_many_intents(tmp_path) -> None:
    """Four outcomes under one intent fit; a third intent in Now (capacity two) turns the header
    red and warns, naming the intents; raising the capacity clears it."""
    board = _board(tmp_path)
    for n in range(4):
        board.add_card(f"Households cook at home {n} more nights", "Waste less food")
    assert "over capacity" not in board._headers.children[0].value
    board.add_card("New households plan in ten minutes", "Plan faster", "now")
    board.add_card("Carers spend less time on paperwork", "Less admin", "now")
    assert "Now (3 of 2 intents) ⚠ over capacity" in board._headers.children[0].value
    assert "1 more than your capacity of 2" in board._warnings.value
    board._capacity.value = 3
    assert "over capacity" not in board._headers.children[0].value
    assert "capacity" not in board._warnings.value


def test_dependency_on_a_later_card_is_shown(tmp_path) -> None:
    """A Now card that depends on a Later card gets a red border, a marker and a warning."""
    board = _board(tmp_path)
    board.add_card("Households waste less food", "Waste less food", "now")
    board.add_card("Pantry contents are known", "Waste less food", "later")
    view = board.card_view("R1")
    view._depends.value = "r2"
    assert board.draft.card("R1").depends_on == ["R2"]
    assert "sits before R2 (Later)" in view._header.value
    assert "#b91c1c" in view.layout.border
    assert "depends on R2" in board._warnings.value
    view._column.value = "later"
    assert "sits before" not in view._header.value


def test_unknown_dependency_is_explained_on_the_card(tmp_path) -> None:
    """Typing an id that is not on the board explains the mistake on that card."""
    board = _board(tmp_path)
    board.add_card("Households waste less food", "Waste less food")
    board.card_view("R1")._depends.value = "R7"
    assert "R7: no such card" in board.card_view("R1")._feedback.value
    assert board.draft.card("R1").depends_on == []


def test_date_without_constraint_is_warned(tmp_path) -> None:
    """A hard date needs its constraint."""
    board = _board(tmp_path)
    board.add_card("Households see expiry dates", "Waste less food")
    board.card_view("R1")._date.value = "2027-03-31"
    assert "no hard constraint" in board._warnings.value
    board.card_view("R1")._constraint.value = "Labelling law takes effect"
    assert "no hard constraint" not in board._warnings.value


def test_remove_and_restore(tmp_path) -> None:
    """Removing a card saves the board; a re-created board shows the remaining cards."""
    board = _board(tmp_path)
    board.add_card("Households waste less food", "Waste less food")
    board.add_card("Families cook at home more", "Waste less food", "next")
    board.card_view("R1")._remove.click()
    again = RoadmapBoard(path=tmp_path / "roadmap.json")
    assert again.draft.ids() == ["R2"]
    assert again.card_view("R2")._outcome.value == "Families cook at home more"
    assert again._intents.value == "Waste less food\nPlan faster"
