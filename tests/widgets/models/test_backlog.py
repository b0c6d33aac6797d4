"""The backlog model: story form, INVEST hints, links to outcomes, order, Markdown and JSON."""

from __future__ import annotations

import pytest

from pmcourse.widgets.models import BacklogDraft, BacklogItem, DraftError, parse_story

OUTCOMES = [("R1", "Households throw away less food each week"),
            ("R2", "New households plan a first week within ten minutes")]
STORY = ("As a parent, I want tonight's recipe to use what expires first, so that less food "
         "goes off")


class TestStoryForm:
    def test_parse_story_splits_role_want_and_benefit(self) -> None:
        """The three parts of a well-formed story are found."""
        parts = parse_story(STORY)
        assert parts is not None
        assert parts.role == "parent"
        assert parts.want == "tonight's recipe to use what expires first"
        assert parts.benefit == "less food goes off"

    def test_text_not_in_story_form_gives_none(self) -> None:
        """A plain task is not a story."""
        assert parse_story("Add barcode scanning") is None

    def test_story_without_benefit_is_parsed_with_an_empty_benefit(self) -> None:
        """'so that' is optional for parsing; the hint asks for it."""
        parts = parse_story("As an admin I want to export plans")
        assert parts is not None
        assert parts.benefit == ""
        hints = BacklogItem("B1", "As an admin I want to export plans").hints()
        assert hints[0].startswith("Valuable:")


class TestInvestHints:
    def test_story_not_in_form_gets_the_story_form_hint(self) -> None:
        """A story written as a task is shown the 'As a ..., I want ..., so that ...' form."""
        assert BacklogItem("B1", "Barcode scanning").hints()[0].startswith("Story form:")

    def test_tasks_are_not_asked_for_story_form(self) -> None:
        """A task is not asked to be a user story."""
        hints = BacklogItem("B1", "Upgrade the database driver", "task", ["Tests pass"]).hints()
        assert hints == []

    @pytest.mark.parametrize(("text", "quality"), [
        ("As a cook, I want the list after the planner ships, so that I shop once", "Independent"),
        ("As a cook, I want a red button, so that I can save", "Negotiable"),
        ("As a cook, I want to plan and to shop, so that I save time", "Small"),
    ])
    def test_invest_qualities(self, text: str, quality: str) -> None:
        """Dependencies, interface details and joined wants get their INVEST hint."""
        hints = BacklogItem("B1", text, acceptance=["done"]).hints()
        assert any(h.startswith(quality) for h in hints)

    def test_long_story_is_asked_to_split_unless_an_epic(self) -> None:
        """Over the word cap a story is 'Small'-hinted; an epic is not."""
        long = "As a cook, I want " + "more " * 40 + "so that I can eat"
        assert any(h.startswith("Small: over") for h in BacklogItem("B1", long).hints())
        assert not any(h.startswith("Small: over") for h in BacklogItem("B1", long, "epic").hints())

    def test_missing_acceptance_criteria(self) -> None:
        """Without acceptance criteria a story gets the Estimable and Testable hint."""
        assert any(h.startswith("Estimable and Testable") for h in BacklogItem("B1", STORY).hints())
        assert not any(h.startswith("Estimable") for h in
                       BacklogItem("B1", STORY, acceptance=["Expiring items first"]).hints())

    def test_empty_item_has_no_hints(self) -> None:
        """Nothing is said before anything is written."""
        assert BacklogItem("B1").hints() == []


class TestBacklogDraft:
    def test_link_copies_the_outcome_text(self) -> None:
        """Linking stores the outcome id and its text; '' unlinks; an unknown id is refused."""
        draft = BacklogDraft()
        item = draft.add_item(STORY)
        draft.link(item.id, "R1", OUTCOMES)
        assert (item.outcome_id, item.outcome_text) == ("R1", OUTCOMES[0][1])
        with pytest.raises(ValueError, match="No roadmap outcome 'R9'; outcomes are R1, R2"):
            draft.link(item.id, "R9", OUTCOMES)
        draft.link(item.id, "", OUTCOMES)
        assert item.outcome_id == ""

    def test_link_to_a_removed_outcome_is_reported(self) -> None:
        """An item linked to an outcome no longer on the roadmap is named."""
        draft = BacklogDraft()
        item = draft.add_item(STORY)
        draft.link(item.id, "R2", OUTCOMES)
        assert draft.problems_with(OUTCOMES[:1]) == [
            "B1 links to R2, which is no longer on the roadmap; link it again."]
        assert draft.problems_with(None) == []

    def test_move_up_changes_priority(self) -> None:
        """Moving up swaps with the item above; the top item stays."""
        draft = BacklogDraft()
        for text in ("a", "b", "c"):
            draft.add_item(text)
        draft.move_up("B3")
        draft.move_up("B1")
        assert [i.id for i in draft.items] == ["B1", "B3", "B2"]

    def test_unknown_type_is_refused(self) -> None:
        """Types are story, epic and task."""
        with pytest.raises(ValueError, match="use one of story, epic, task"):
            BacklogDraft().add_item("x", "bug")

    def test_completeness(self) -> None:
        """Items, links and acceptance criteria each count; epics need no criteria."""
        draft = BacklogDraft()
        assert draft.completeness() == 0.0
        item = draft.add_item(STORY)
        assert draft.missing() == ["a roadmap outcome for every item",
                                   "acceptance criteria on every story and task"]
        draft.link(item.id, "R1", OUTCOMES)
        draft.set_acceptance_text(item.id, "- Expiring items are used first\n")
        assert item.acceptance == ["Expiring items are used first"]
        assert draft.is_complete
        draft.add_item("A big theme", "epic").outcome_id = "R2"
        assert draft.is_complete

    def test_markdown_and_json(self) -> None:
        """Markdown numbers items with type, link and criteria; JSON round-trips and refuses
        duplicate ids and unknown types."""
        draft = BacklogDraft()
        item = draft.add_item(STORY)
        draft.link(item.id, "R1", OUTCOMES)
        draft.set_acceptance_text(item.id, "Expiring items first")
        md = draft.to_markdown()
        assert f"1. **story** {STORY} (serves R1: {OUTCOMES[0][1]})" in md
        assert "    - [ ] Expiring items first" in md
        assert BacklogDraft.from_dict(draft.to_dict()) == draft
        data = draft.to_dict()
        data["draft"]["items"].append(dict(data["draft"]["items"][0]))
        with pytest.raises(DraftError, match="share an id"):
            BacklogDraft.from_dict(data)
        data = draft.to_dict()
        data["draft"]["items"][0]["type"] = "bug"
        with pytest.raises(DraftError, match="type 'bug'"):
            BacklogDraft.from_dict(data)
