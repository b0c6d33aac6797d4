"""The roadmap model: cards, swimlanes, capacity, dependencies, dates, Markdown and JSON."""

from __future__ import annotations

import pytest

from pmcourse.widgets.models import DraftError, RoadmapDraft
from pmcourse.widgets.models.roadmap import NO_INTENT


def _board() -> RoadmapDraft:
    board = RoadmapDraft(intents=["Waste less food", "Plan faster"])
    board.add_card("Households throw away less food each week", "Waste less food", "now")
    board.add_card("New households plan a first week within ten minutes", "Plan faster", "next")
    board.add_card("Families cook at home on more weeknights", "Waste less food", "later")
    return board


class TestCards:
    def test_ids_are_stable_and_never_reused(self) -> None:
        """Cards get R1, R2, ...; a removed id is not handed out while a later one exists."""
        board = _board()
        board.remove_card("R2")
        assert board.add_card("x").id == "R4"
        assert board.ids() == ["R1", "R3", "R4"]

    def test_removing_a_card_drops_dependencies_on_it(self) -> None:
        """No card is left depending on a removed card."""
        board = _board()
        board.set_dependencies("R3", ["R1", "R2"])
        board.remove_card("R1")
        assert board.card("R3").depends_on == ["R2"]

    def test_bad_dependencies_are_refused(self) -> None:
        """A card cannot depend on itself or on an unknown card."""
        board = _board()
        with pytest.raises(ValueError, match="cannot depend on itself"):
            board.set_dependencies("R1", ["R1"])
        with pytest.raises(ValueError, match="R9: no such card"):
            board.set_dependencies("R1", ["R9"])

    def test_unknown_column_and_card_are_refused(self) -> None:
        """Columns are now, next and later; unknown card ids list the known ones."""
        with pytest.raises(ValueError, match="use one of now, next, later"):
            _board().move("R1", "someday")
        with pytest.raises(KeyError, match="cards are R1, R2, R3"):
            _board().card("R7")


class TestWhatTheBoardShows:
    def test_grid_puts_cards_in_their_lane_and_column(self) -> None:
        """Cards without an intent get their own lane after the declared ones."""
        board = _board()
        board.add_card("Shoppers buy only what the plan needs", "", "now")
        grid = board.grid()
        assert list(grid) == ["Waste less food", "Plan faster", NO_INTENT]
        assert [c.id for c in grid["Waste less food"]["later"]] == ["R3"]
        assert [c.id for c in grid[NO_INTENT]["now"]] == ["R4"]

    def test_capacity_counts_intents_in_now_not_outcomes(self) -> None:
        """As lesson 06 teaches: many outcomes under two intents fit a capacity of two; a third
        intent in Now is one over, and the warning names the intents."""
        board = _board()
        for n in range(3):
            board.add_card(f"Outcome {n}", "Plan faster", "now")
        assert board.now_capacity == 2 and board.intents_in_now() == [
            "Waste less food", "Plan faster"]
        assert board.over_capacity() == 0
        board.add_card("Carers spend less time on paperwork", "Less admin", "now")
        assert board.over_capacity() == 1
        assert board.problems()[0].startswith(
            "Now runs 3 strategic intents, 1 more than your capacity of 2: Waste less food, "
            "Plan faster, Less admin.")

    def test_card_before_its_prerequisite_is_a_conflict(self) -> None:
        """A Now card depending on a Later card is reported; moving it fixes it."""
        board = _board()
        board.set_dependencies("R1", ["R3"])
        assert [(a.id, b.id) for a, b in board.dependency_conflicts()] == [("R1", "R3")]
        assert "sits in Now but depends on R3" in board.problems()[0]
        board.move("R1", "later")
        assert board.dependency_conflicts() == []

    def test_dates_need_a_constraint_and_iso_format(self) -> None:
        """A date without a constraint, or not written YYYY-MM-DD, is flagged."""
        board = _board()
        card = board.card("R2")
        card.date = "31/03/2027"
        problems = board.date_problems()
        assert any("YYYY-MM-DD" in p for p in problems)
        assert any("no hard constraint" in p for p in problems)
        card.date, card.constraint = "2027-03-31", "Food-waste labelling law takes effect"
        assert board.date_problems() == []

    def test_outcomes_feed_the_backlog(self) -> None:
        """Cards with outcome text are listed as (id, text) for linking."""
        board = _board()
        board.add_card("", "Plan faster")
        assert [oid for oid, _ in board.outcomes()] == ["R1", "R2", "R3"]


def test_completeness_and_markdown() -> None:
    """A board with intents, a card per column and intents on each is complete; Markdown shows
    lanes, columns, dates and warnings."""
    board = _board()
    assert board.is_complete
    board.card("R2").date = "2027-03-31"
    md = board.to_markdown()
    assert "### Waste less food" in md
    assert "- **Next** R2: New households plan" in md
    assert "(by 2027-03-31: no constraint given)" in md
    assert "**Warnings:**" in md
    assert RoadmapDraft().missing()[0] == "strategic intents (swimlanes)"


def test_json_round_trip_and_schema_errors() -> None:
    """A board survives JSON; duplicate ids, bad columns and bad capacity are refused."""
    board = _board()
    board.set_dependencies("R3", ["R1"])
    assert RoadmapDraft.from_dict(board.to_dict()) == board
    data = board.to_dict()
    data["draft"]["cards"][1]["id"] = "R1"
    with pytest.raises(DraftError, match="share an id"):
        RoadmapDraft.from_dict(data)
    data = board.to_dict()
    data["draft"]["cards"][0]["column"] = "soon"
    with pytest.raises(DraftError, match="column 'soon'"):
        RoadmapDraft.from_dict(data)
    data = board.to_dict()
    data["draft"]["now_capacity"] = 0
    with pytest.raises(DraftError, match="now_capacity"):
        RoadmapDraft.from_dict(data)
