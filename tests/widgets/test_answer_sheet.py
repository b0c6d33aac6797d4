"""AnswerSheet, the view: named controls, full texts, autosave, restore, live feedback, check."""

from __future__ import annotations

import html
import json

import ipywidgets as w
import pytest

from pmcourse.exercises import Outcome, get_problem
from pmcourse.widgets import AnswerSheet


def _walk(widget: w.Widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _sheet(problem_id: str, tmp_path, **kwargs) -> AnswerSheet:
    return AnswerSheet(get_problem(problem_id), path=tmp_path / "answer.json", delay=0,
                       **kwargs)


@pytest.mark.parametrize("problem_id", ["practice.feature_split", "practice.now_next_later",
                                        "practice.fix_the_vision", "practice.north_star",
                                        "practice.timeline_to_outcomes"])
def test_every_control_has_an_accessible_name(problem_id: str, tmp_path) -> None:
    """Selects, text areas and checkboxes all carry a description (their <label>), and it is
    unique, so a screen reader tells 'L03 kind' from 'L04 kind'."""
    sheet = _sheet(problem_id, tmp_path, on_check=lambda: None)
    controls = [c for c in _walk(sheet) if isinstance(c, w.Dropdown | w.Textarea | w.Checkbox)]
    names = [c.description for c in controls]
    assert controls and all(c.description.strip() for c in controls)
    assert len(names) == len(set(names))
    buttons = [c for c in _walk(sheet) if isinstance(c, w.Button)]
    assert [b.description for b in buttons] == ["Check my answer"]


def test_every_item_text_is_shown_in_full_and_escaped(tmp_path) -> None:
    sheet = _sheet("practice.backlog_repair", tmp_path)
    page = "".join(c.value for c in _walk(sheet) if isinstance(c, w.HTML))
    for row in get_problem("practice.backlog_repair").data["flawed"]:
        assert html.escape(row["text"]) in page
    repair = _sheet("practice.split_epic", tmp_path / "x")
    area = next(c for c in _walk(repair) if isinstance(c, w.Textarea))
    assert area.placeholder == "As a <user>, I want <action>, so that <reason>"


def test_a_choice_is_saved_at_once_and_restored(tmp_path) -> None:
    sheet = _sheet("practice.feature_split", tmp_path)
    sheet._controls[("items", "L01", "kind")].value = "outcome"
    sheet._controls[("items", "L03", "kind")].value = "task"
    parent = sheet._controls[("items", "L03", "outcome_id")]
    assert [v for _, v in parent.options] == ["", "L01"]
    parent.value = "L01"
    saved = json.loads((tmp_path / "answer.json").read_text(encoding="utf-8"))
    assert saved["draft"]["values"]["items"]["L03"] == {"kind": "task", "outcome_id": "L01"}
    again = _sheet("practice.feature_split", tmp_path)
    assert again._controls[("items", "L03", "outcome_id")].value == "L01"
    assert "2 of 16 answered" in again._status.value


def test_a_parent_that_is_no_longer_an_outcome_stays_visible(tmp_path) -> None:
    """Unmarking an outcome never silently rewrites the tasks linked to it."""
    sheet = _sheet("practice.feature_split", tmp_path)
    sheet._controls[("items", "L01", "kind")].value = "outcome"
    sheet._controls[("items", "L03", "kind")].value = "task"
    sheet._controls[("items", "L03", "outcome_id")].value = "L01"
    sheet._controls[("items", "L01", "kind")].value = "task"
    parent = sheet._controls[("items", "L03", "outcome_id")]
    assert parent.value == "L01"
    assert "no longer offered" in dict((v, k) for k, v in parent.options)["L01"]


def test_the_board_and_capacity_follow_the_choices(tmp_path) -> None:
    sheet = _sheet("practice.now_next_later", tmp_path)
    for item in ("N04", "N05", "N07"):
        sheet._controls[("items", item, "horizon")].value = "now"
    board = sheet._boards["items"].value
    assert "Now</b> (3)" in board and "New users plan their first week" in board
    assert "Now: 16 of 13 effort points (over capacity)" in sheet._summary.value


def test_text_fields_show_the_gate_and_the_linter_live(tmp_path) -> None:
    sheet = _sheet("practice.fix_the_vision", tmp_path)
    sheet._controls[("items", "F1", "rewrite")].value = "TBD"
    feedback = sheet._feedback[("items", "F1", "rewrite")].value
    assert "⚠" in feedback and "F1 rewrite" in feedback
    sheet._controls[("items", "F1", "rewrite")].value = (
        "Become the number one meal app in Europe by 2027")
    assert "internal-goal" in sheet._feedback[("items", "F1", "rewrite")].value


def test_a_damaged_draft_is_kept_aside_and_shown(tmp_path) -> None:
    (tmp_path / "answer.json").write_text("{oops", encoding="utf-8")
    sheet = _sheet("practice.feature_split", tmp_path)
    assert "could not be read" in sheet._notice.value
    kept = tmp_path / "answer.json.unreadable-1"
    assert kept.read_text(encoding="utf-8") == "{oops" and sheet.form.is_empty()
    assert kept.name in sheet._notice.value


def test_the_check_button_shows_the_result_escaped(tmp_path) -> None:
    from pmcourse.exercises import practice

    q = practice("backlog_repair", track=False)
    sheet = q.answer(path=tmp_path / "a.json", delay=0)
    sheet._controls[("items", "B01", "story")].value = "Expiry reminders for <everyone>"
    sheet._check()
    shown = sheet._result.value
    assert shown.startswith("<div role='status'>")
    assert "<everyone>" not in shown and q.check().outcome is not Outcome.CORRECT


def test_a_graded_problem_widget_saves_what_load_answer_reads(tmp_path, monkeypatch) -> None:
    """A graded notebook's tool cell and answer cell: the file is the only link between them."""
    from pmcourse.widgets import answer_widget, load_answer

    monkeypatch.chdir(tmp_path)
    sheet = answer_widget("roadmap.now_next_later", delay=0)
    first = sheet.form.spec.sections[0].rows[0].id
    sheet._controls[("items", first, "horizon")].value = "next"
    assert (tmp_path / "drafts" / "now_next_later.json").exists()
    assert load_answer("drafts/now_next_later.json", "roadmap.now_next_later") == [
        {"item_id": first, "horizon": "next"}]
