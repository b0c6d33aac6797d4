"""The strategy canvas: prompts for the seven steps and four questions, answers and completeness."""

from __future__ import annotations

import pytest

from pmcourse.widgets.models import CANVAS_PROMPTS, DraftError, StrategyCanvasDraft


def test_canvas_covers_seven_steps_and_four_questions() -> None:
    """Prompts are grouped into the seven steps plus the four questions, strategy split in four."""
    steps = StrategyCanvasDraft().steps()
    assert list(steps) == ["1. Vision", "2. Mission", "3. Strategy", "4. Measurable goals",
                           "5. Roadmap", "6. Initiatives", "7. Values and principles",
                           "Four questions"]
    assert [p.key for p in steps["3. Strategy"]] == ["icp", "segments", "differentiation",
                                                     "not_doing"]
    assert len(steps["Four questions"]) == 4
    assert all(p.help for p in CANVAS_PROMPTS)


def test_completeness_grows_with_each_answer() -> None:
    """Each answered prompt adds one part; whitespace answers do not count."""
    draft = StrategyCanvasDraft()
    draft.set_answer("icp", "Households of three to five who cook at home most nights")
    draft.set_answer("vision", "   ")
    assert draft.completeness() == round(1 / len(CANVAS_PROMPTS), 4)
    assert "Vision" in draft.missing()
    assert "Ideal customer profile (ICP)" not in draft.missing()


def test_unknown_prompt_is_refused() -> None:
    """Only prompts on the canvas can be answered."""
    with pytest.raises(KeyError, match="no prompt 'budget'"):
        StrategyCanvasDraft().set_answer("budget", "x")


def test_markdown_has_a_subheading_per_step() -> None:
    """Each step is a sub-heading; unanswered prompts say so."""
    draft = StrategyCanvasDraft()
    draft.set_answer("not_doing", "No restaurant kitchens.")
    md = draft.to_markdown()
    assert "### 3. Strategy" in md
    assert "**What we will not do**\n\nNo restaurant kitchens." in md
    assert "_Not written yet._" in md


def test_json_round_trip_and_bad_answers() -> None:
    """Answers survive JSON; a non-text answer is refused."""
    draft = StrategyCanvasDraft(answers={"icp": "cooks"})
    assert StrategyCanvasDraft.from_dict(draft.to_dict()) == draft
    data = draft.to_dict()
    data["draft"]["answers"] = {"icp": 3}
    with pytest.raises(DraftError, match="map prompt names to texts"):
        StrategyCanvasDraft.from_dict(data)
