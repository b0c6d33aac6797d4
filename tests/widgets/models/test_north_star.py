"""The North Star draft: input-metric count, checklist, completeness, Markdown and JSON."""

from __future__ import annotations

import pytest

from pmcourse.widgets.models import NORTH_STAR_CHECKS, DraftError, NorthStarDraft


def test_inputs_come_one_per_line() -> None:
    """The input text box gives one metric per non-empty line."""
    draft = NorthStarDraft()
    draft.set_inputs_text("- plans made\n\nrecipes cooked\n")
    assert draft.inputs == ["plans made", "recipes cooked"]


@pytest.mark.parametrize(("count", "expected"), [(2, "at least 3"), (6, "keep the 5")])
def test_input_count_outside_three_to_five_is_a_problem(count: int, expected: str) -> None:
    """Fewer than three or more than five inputs gets advice; three to five gets none."""
    assert expected in NorthStarDraft(inputs=[f"m{i}" for i in range(count)]).problems()[0]
    assert NorthStarDraft(inputs=["a", "b", "c"]).problems() == []


def test_input_repeating_the_north_star_is_a_problem() -> None:
    """An input equal to the North Star itself is flagged."""
    draft = NorthStarDraft(metric="Meals cooked per week", inputs=["meals cooked per  week"])
    assert any("repeats the North Star" in p for p in draft.problems())


def test_checklist_ticks_count_towards_completeness() -> None:
    """Every unticked checklist item is missing until ticked."""
    draft = NorthStarDraft(metric="m", rationale="r", inputs=["a", "b", "c"])
    assert len(draft.missing()) == len(NORTH_STAR_CHECKS)
    for key, _ in NORTH_STAR_CHECKS:
        draft.tick(key, True)
    assert draft.is_complete
    with pytest.raises(KeyError, match="no item 'cheap'"):
        draft.tick("cheap", True)


def test_markdown_and_json() -> None:
    """Markdown shows the metric, the inputs and a task list; JSON round-trips."""
    draft = NorthStarDraft(metric="Meals cooked from a plan per week", inputs=["a"])
    draft.tick("leading", True)
    md = draft.to_markdown()
    assert "**Meals cooked from a plan per week**" in md
    assert "- [x] It moves before revenue does" in md
    assert NorthStarDraft.from_dict(draft.to_dict()) == draft
    data = draft.to_dict()
    data["draft"]["checks"] = {"leading": "yes"}
    with pytest.raises(DraftError, match="true or false"):
        NorthStarDraft.from_dict(data)
