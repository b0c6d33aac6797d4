"""Vision and mission drafts: composing, hand edits, completeness, Markdown and JSON."""

from __future__ import annotations

import json

import pytest

from pmcourse.widgets.models import DraftError, MissionDraft, VisionDraft


def _vision() -> VisionDraft:
    draft = VisionDraft()
    draft.set_part("who", "busy households")
    draft.set_part("change", "cook from what they already have")
    draft.set_part("why", "less food ends up in the bin.")
    return draft


class TestVisionDraft:
    def test_statement_is_composed_from_the_parts(self) -> None:
        """The three parts read as one sentence, capitalised and with one full stop."""
        assert _vision().statement == ("Busy households cook from what they already have, so "
                                       "that less food ends up in the bin.")

    def test_hand_edit_is_kept_when_parts_change(self) -> None:
        """Once the learner rewrites the statement, editing a part no longer overwrites it."""
        draft = _vision()
        draft.edit_statement("Every household eats well from what it has.")
        draft.set_part("who", "families")
        assert draft.statement == "Every household eats well from what it has."
        assert draft.statement_edited

    def test_recompose_discards_the_hand_edit(self) -> None:
        """Recomposing goes back to the statement built from the parts."""
        draft = _vision()
        draft.edit_statement("Mine.")
        draft.recompose()
        assert not draft.statement_edited
        assert draft.statement.startswith("Busy households")

    def test_editing_to_the_composition_is_not_a_hand_edit(self) -> None:
        """Typing exactly the composed sentence keeps the statement following the parts."""
        draft = _vision()
        draft.edit_statement(draft.compose())
        assert not draft.statement_edited

    def test_unknown_part_is_refused(self) -> None:
        """Only the declared parts can be set."""
        with pytest.raises(KeyError, match="no part 'revenue'"):
            VisionDraft().set_part("revenue", "x")

    def test_completeness_counts_parts_and_statement(self) -> None:
        """Empty is 0, one part of four is 0.25 (the statement counts too), all is complete."""
        draft = VisionDraft()
        assert draft.completeness() == 0.0
        draft.set_part("why", "   ")
        assert draft.missing()[0] == "who benefits"
        draft.edit_statement("")
        draft.who = "cooks"
        assert draft.completeness() == 0.25
        assert _vision().is_complete

    def test_markdown_quotes_the_statement_and_lists_parts(self) -> None:
        """The Markdown section shows the statement as a quote and each part by label."""
        md = _vision().to_markdown()
        assert md.startswith("## Vision\n\n> Busy households cook")
        assert "- **who benefits:** busy households" in md
        assert "_Not written yet._" in VisionDraft().to_markdown()

    def test_json_round_trip(self) -> None:
        """A draft survives JSON text and back unchanged, hand-edit flag included."""
        draft = _vision()
        draft.edit_statement("Own words.")
        again = VisionDraft.from_dict(json.loads(draft.to_json()))
        assert again == draft

    def test_non_boolean_edit_flag_is_refused(self) -> None:
        """'statement_edited' must be true or false."""
        data = _vision().to_dict()
        data["draft"]["statement_edited"] = "yes"
        with pytest.raises(DraftError, match="statement_edited"):
            VisionDraft.from_dict(data)


class TestMissionDraft:
    def test_statement_names_product_who_category_and_aspects(self) -> None:
        """The composed mission joins the aspects with commas and a final 'and'."""
        draft = MissionDraft()
        draft.set_part("who", "busy households")
        draft.set_part("category", "a meal-planning app")
        draft.set_aspects_text("plans around the pantry\nbuilds the shopping list\nlearns tastes")
        assert draft.statement == ("We give busy households a meal-planning app that plans "
                                   "around the pantry, builds the shopping list and learns "
                                   "tastes.")
        draft.set_product("Larder")
        assert draft.statement.startswith("Larder gives busy households")

    def test_aspects_are_a_list_in_json(self) -> None:
        """Aspects are saved as a list of texts and a non-list is refused."""
        draft = MissionDraft(aspects=["one"])
        data = draft.to_dict()
        assert data["draft"]["aspects"] == ["one"]
        assert MissionDraft.from_dict(data) == draft
        data["draft"]["aspects"] = "one"
        with pytest.raises(DraftError, match="'aspects' should be a list of texts"):
            MissionDraft.from_dict(data)

    def test_missing_lists_unwritten_parts(self) -> None:
        """An empty mission lists who, category, aspects and the statement."""
        assert MissionDraft().missing() == ["who it serves", "product category", "key aspects",
                                            "the statement"]

    def test_markdown_lists_each_aspect(self) -> None:
        """Each key aspect is its own nested bullet."""
        md = MissionDraft(aspects=["a", "b"]).to_markdown()
        assert "  - a\n  - b" in md
