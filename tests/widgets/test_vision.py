"""VisionDrafter headless: typing updates the statement, feedback and file; re-creating restores."""

from __future__ import annotations

import json

import ipywidgets as w

from pmcourse.widgets import VisionDrafter


def _saved(view: VisionDrafter) -> dict:
    return json.loads(view.path.read_text(encoding="utf-8"))["draft"]


def test_public_names_are_importable() -> None:
    """All seven tools are importable from pmcourse.widgets and are boxes."""
    import pmcourse.widgets as widgets

    for name in ("VisionDrafter", "MissionDrafter", "StrategyCanvas", "NorthStarPicker",
                 "RoadmapBoard", "BacklogBuilder", "StrategyDocument"):
        assert issubclass(getattr(widgets, name), w.VBox), name


def test_new_drafter_invites_typing(tmp_path) -> None:
    """Before anything is written the feedback says to start typing and nothing is saved."""
    view = VisionDrafter(path=tmp_path / "vision.json", delay=0)
    assert "Start typing" in view._feedback.value
    assert "0 of 4 parts written" in view._status.value
    assert not view.path.exists()


def test_typing_a_part_composes_lints_and_saves(tmp_path) -> None:
    """Typing an internal goal shows the rule id in the feedback and saves the draft."""
    view = VisionDrafter(path=tmp_path / "vision.json", delay=0)
    view._who.value = "busy households"
    view._change.value = "grow revenue and become the market leader"
    assert view._statement.value == ("Busy households grow revenue and become the market "
                                     "leader.")
    assert "internal-goal" in view._feedback.value
    assert "error" in view._feedback.value
    assert _saved(view)["change"] == "grow revenue and become the market leader"


def test_better_wording_changes_the_feedback(tmp_path) -> None:
    """Rewriting the statement without the internal goal removes that finding."""
    view = VisionDrafter(path=tmp_path / "vision.json", delay=0)
    view._statement.value = "Become the number one meal app by revenue."
    assert "internal-goal" in view._feedback.value
    view._statement.value = ("Busy households cook from what they already have, so that less "
                             "food ends up in the bin.")
    assert "internal-goal" not in view._feedback.value
    assert _saved(view)["statement_edited"] is True


def test_recompose_button_restores_the_composed_statement(tmp_path) -> None:
    """After a hand edit, clicking the button composes the statement from the parts again."""
    view = VisionDrafter(path=tmp_path / "vision.json", delay=0)
    view._who.value = "busy households"
    assert view._recompose.disabled
    view._statement.value = "My own words."
    assert not view._recompose.disabled
    view._recompose.click()
    assert view._statement.value == "Busy households."


def test_recreating_the_widget_restores_the_draft(tmp_path) -> None:
    """Running the cell again shows every field as it was left, even inside the quiet time."""
    path = tmp_path / "vision.json"
    first = VisionDrafter(path=path, delay=60)
    first._who.value = "busy households"
    first._why.value = "less food is wasted"
    again = VisionDrafter(path=path)
    assert again._who.value == "busy households"
    assert again._why.value == "less food is wasted"
    assert again._statement.value == first._statement.value


def test_corrupt_file_is_reported_in_the_widget(tmp_path) -> None:
    """A damaged draft file is named in a visible notice and kept next to it."""
    path = tmp_path / "vision.json"
    path.write_text("not json", encoding="utf-8")
    view = VisionDrafter(path=path)
    assert "vision.json.unreadable-1" in view._notice.value
    assert "role='alert'" in view._notice.value
    assert (tmp_path / "vision.json.unreadable-1").read_text(encoding="utf-8") == "not json"


def test_fields_are_labelled_full_width_and_have_help(tmp_path) -> None:
    """Every text area has a tooltip, fills the width, and no two share a Layout."""
    view = VisionDrafter(path=tmp_path / "vision.json")
    areas = [view._who, view._change, view._why, view._statement]
    assert all(a.tooltip and a.layout.width == "100%" and a.continuous_update for a in areas)
    assert len({id(a.layout) for a in areas}) == len(areas)
    other = VisionDrafter(path=tmp_path / "other.json")
    assert other.layout is not view.layout


def test_every_part_written_is_not_complete_while_the_linter_finds_an_error(tmp_path) -> None:
    """'4 of 4 parts written' with an empty slogan as the vision says there is an error to fix,
    never 'Complete'; fixing the statement makes it complete."""
    view = VisionDrafter(path=tmp_path / "vision.json", delay=0)
    view._who.value = "families"
    view._change.value = "eat well"
    view._why.value = "food matters"
    view._statement.value = "Make the world a better place."
    assert "4 of 4 parts written" in view._status.value
    assert "1 error to fix" in view._status.value and "Complete" not in view._status.value
    assert "empty" in view._status.value.lower() or "slogan" in view._status.value.lower()
    assert not view.draft.is_complete
    view._statement.value = "Every family eats well without throwing food away."
    assert "✓ Complete" in view._status.value and view.draft.is_complete
