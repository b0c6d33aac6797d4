"""Answer forms: a widget answer is checked exactly like the same decisions written as code.

Every practice problem (except the capstone, answered through the drafting widgets) has a form;
filling it with a full-marks decision gives the code answer's score, an untouched form is not
attempted, and its draft file round-trips, refuses tampering and is read by `load_answer`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from pmcourse.exercises import Outcome, get_problem, is_placeholder, problems
from pmcourse.widgets import load_answer
from pmcourse.widgets.answers import (
    AnswerForm,
    NoAnswerForm,
    answer_draft_type,
    form_spec,
    read_answer_form,
)
from pmcourse.widgets.models import DraftError, DraftMissingError
from pmcourse.widgets.store import DraftStore

ANSWERABLE = sorted(pid for pid, p in problems().items()
                    if p.key is not None and pid != "practice.capstone"
                    and type(p.grader).__name__ != "StrategyDocumentCheck")


def _fill(problem_id: str) -> tuple[AnswerForm, dict[str, Any]]:
    """A form filled with the practice key's decisions, and the same answer written as code."""
    problem = get_problem(problem_id)
    key = problem.key
    form = AnswerForm(form_spec(problem))
    kind = type(problem.grader).__name__
    if kind == "ArtifactLabels":
        labels = {i: v[0] for i, v in key["labels"].items()}
        for i, v in labels.items():
            form.set("items", i, "label", v)
        return form, {"labels": labels}
    if kind == "FeatureSplit":
        code = []
        for i, k in key["kind"].items():
            form.set("items", i, "kind", k)
        for i, k in key["kind"].items():
            parent = key["parents"][i][0] if k == "task" else None
            if parent:
                form.set("items", i, "outcome_id", parent)
            code.append({"item_id": i, "kind": k, "outcome_id": parent})
        return form, {"split": code}
    if kind == "NowNextLater":
        for i, h in key["plan"].items():
            form.set("items", i, "horizon", h)
        return form, {"plan": [{"item_id": i, "horizon": h} for i, h in key["plan"].items()]}
    if kind in ("LinkItems", "KpiTreeMapping"):
        column = "metric_id" if kind == "KpiTreeMapping" else "outcome_id"
        for i, parents in key["parents"].items():
            form.set("items", i, "parent", parents[0])
        return form, {problem.vars[0]: [{"item_id": i, column: p[0]}
                                        for i, p in key["parents"].items()]}
    if kind == "SpotOutcome":
        for row in form.spec.sections[0].rows:
            form.set("items", row.id, "verdict",
                     "outcome" if row.id in key["outcomes"] else "backlog")
        return form, {"spotted": list(key["outcomes"])}
    if kind == "SegmentChoice":
        for decision in ("icp", "wont_do"):
            for i in key["example"][decision]:
                form.set("items", i, "decision", decision)
        return form, {"choice": dict(key["example"])}
    if kind == "NorthStarPick":
        star = key["north_star"][0]
        form.set("candidates", star, "verdict", "north_star")
        rejected = {i: v[0] for i, v in key["rejected"].items()}
        for i, v in rejected.items():
            form.set("candidates", i, "verdict", v)
        for row in form.spec.section("inputs").rows:
            form.set("inputs", row.id, "role", "input" if row.id in key["inputs"] else "no")
        return form, {"north_star": {"metric": star, "inputs": list(key["inputs"]),
                                     "rejected": rejected}}
    if kind == "VisionFix":
        code = []
        for i, rules in key["rules"].items():
            form.set("items", i, "rules", rules)
            form.set("items", i, "rewrite", key["examples"][i])
            code.append({"vision_id": i, "rules": rules, "rewrite": key["examples"][i]})
        return form, {"fixes": code}
    if kind in ("VisionMissionPair", "FourQuestions"):
        for name, text in key["example"].items():
            form.set("items", name, "text", text)
        return form, {problem.vars[0]: dict(key["example"])}
    if kind == "RepairStories":
        code = []
        for i, ex in key["example"].items():
            form.set("items", i, "story", ex["story"])
            form.set("items", i, "acceptance", ex["acceptance"])
            code.append({"item_id": i, **ex})
        return form, {"repaired": code}
    if kind == "SplitEpic":
        code = []
        for row, story in zip(form.spec.sections[0].rows, key["example"], strict=False):
            form.set("items", row.id, "story", story)
            code.append({"story": story, "scope": [row.id]})
        return form, {"stories": code}
    if kind == "TimelineToOutcomes":
        example = key["example"]
        for row in example["outcomes"]:
            for name in ("horizon", "outcome", "metric", "date"):
                form.set("outcomes", row["outcome_id"], name, row[name])
        for feature, outcome in example["placement"].items():
            form.set("placement", feature, "outcome_id", outcome)
        placement = [{"feature_id": f, "outcome_id": o} for f, o in example["placement"].items()]
        return form, {"outcomes": example["outcomes"], "placement": placement}
    if kind == "DiscoveryPriorities":
        for experiment, opportunity in key["tests"].items():
            form.set("tests", experiment, "opportunity", opportunity)
        for place, bet in enumerate(key["order"], start=1):
            form.set("ranking", bet, "place", str(place))
        return form, {"tests": dict(key["tests"]), "ranking": list(key["order"])}
    msg = f"no filling recipe for {kind}: add one when a new grader gets a form"
    raise AssertionError(msg)


@pytest.mark.parametrize("problem_id", ANSWERABLE)
def test_a_filled_form_scores_what_the_same_code_answer_scores(problem_id: str) -> None:
    """The widget's answer and the code answer are the same value, so they earn the same."""
    problem = get_problem(problem_id)
    form, code = _fill(problem_id)
    by_widget, by_code = problem.check(form.answers()), problem.check(code)
    assert by_code.score > 0.9, by_code  # the recipe really is a strong answer
    assert (by_widget.outcome, by_widget.score) == (by_code.outcome, by_code.score)
    assert form.answers() == code or by_widget.to_dict() == by_code.to_dict()


@pytest.mark.parametrize("problem_id", ANSWERABLE)
def test_an_untouched_form_is_not_attempted(problem_id: str) -> None:
    """Opening the widget and checking at once says 'not attempted', never 'wrong'."""
    problem = get_problem(problem_id)
    result = problem.check(AnswerForm(form_spec(problem)).answers())
    assert result.outcome is Outcome.NOT_ATTEMPTED, result


@pytest.mark.parametrize("problem_id", sorted(p for p in problems() if ".capstone" not in p
                                              and "strategy_document" not in p))
def test_every_problem_has_a_form_whose_rows_show_the_full_text(problem_id: str) -> None:
    """Graded problems get the same forms; no item text is shortened. (The four questions are
    written answers: their segment and finding tables are read with `q.show()`.)"""
    problem = get_problem(problem_id)
    spec = form_spec(problem)
    for name, table in problem.data.items():
        if type(problem.grader).__name__ == "FourQuestions":
            break
        if isinstance(table, tuple) and table and isinstance(table[0], dict):
            texts = {str(list(r.values())[1]) for r in table}
            shown = {row.text for s in spec.sections for row in s.rows}
            options = {o.label for s in spec.sections for f in s.fields for o in f.options}
            assert all(t in shown or any(t in o for o in options) for t in texts), name


def test_the_capstone_points_to_the_drafting_widgets() -> None:
    with pytest.raises(NoAnswerForm, match="drafting widgets"):
        form_spec(get_problem("practice.capstone"))


def test_a_half_filled_split_lists_what_is_left_and_checks_partly() -> None:
    problem = get_problem("practice.feature_split")
    form = AnswerForm(form_spec(problem))
    form.set("items", "L01", "kind", "outcome")
    form.set("items", "L03", "kind", "task")
    form.set("items", "L03", "outcome_id", "L01")
    assert form.missing()[:2] == ["L02 kind", "L04 kind"]
    assert len(form.missing()) == 14 and form.parts() == 16
    assert form.answers()["split"] == [
        {"item_id": "L01", "kind": "outcome", "outcome_id": None},
        {"item_id": "L03", "kind": "task", "outcome_id": "L01"}]
    assert problem.check(form.answers()).outcome is Outcome.PARTLY_CORRECT


def test_the_parent_list_offers_only_items_marked_as_outcomes() -> None:
    spec = form_spec(get_problem("practice.feature_split"))
    form = AnswerForm(spec)
    field = spec.sections[0].field("outcome_id")
    assert field.choices(form.values) == ()
    form.set("items", "L09", "kind", "outcome")
    assert [o.value for o in field.choices(form.values)] == ["L09"]
    assert field.choices(form.values)[0].label == "L09: Families cook at home on more weeknights"


def test_now_next_later_sums_effort_against_capacity() -> None:
    form = AnswerForm(form_spec(get_problem("practice.now_next_later")))
    for item in ("N04", "N05", "N07"):  # 5 + 8 + 3 effort points
        form.set("items", item, "horizon", "now")
    assert form.summary() == ["Now: 16 of 13 effort points (over capacity)",
                              "Next: 0 of 21 effort points", "Later: 0 effort points (no limit)"]


def test_now_next_later_points_out_broken_order_and_deadlines() -> None:
    form = AnswerForm(form_spec(get_problem("practice.now_next_later")))
    form.set("items", "N01", "horizon", "next")
    form.set("items", "N02", "horizon", "now")  # depends on N01
    form.set("items", "N07", "horizon", "later")  # has a legal deadline
    assert form.summary()[3:] == [
        "N02 is in Now but depends on N01, which is in Next.",
        "N07 has a hard deadline but is in Later."]


def test_a_second_north_star_is_pointed_out() -> None:
    form = AnswerForm(form_spec(get_problem("practice.north_star")))
    form.set("candidates", "N1", "verdict", "north_star")
    form.set("candidates", "N7", "verdict", "north_star")
    assert any("2 North Stars (N1, N7)" in line for line in form.summary())
    assert form.answers()["north_star"]["metric"] == "N1"


def test_a_choice_outside_the_options_is_refused_with_the_options_named() -> None:
    form = AnswerForm(form_spec(get_problem("practice.which_artifact")))
    with pytest.raises(DraftError, match="choose one of: vision, mission"):
        form.set("items", "A01", "label", "roadmap-ish")


class TestDraftFile:
    def test_round_trip_through_the_store(self, tmp_path: Path) -> None:
        form, _ = _fill("practice.now_next_later")
        draft_type = answer_draft_type("practice.now_next_later")
        path = tmp_path / "drafts" / "now_next_later.json"
        DraftStore(path, draft_type, delay=0).save(draft_type(form))
        saved = json.loads(path.read_text(encoding="utf-8"))
        assert saved["kind"] == "answer" and saved["draft"]["problem"] == "practice.now_next_later"
        restored = DraftStore(path, draft_type).load()
        assert restored.form.answers() == form.answers()
        assert restored == draft_type(form) and restored != draft_type()
        assert load_answer(path) == form.answers()["plan"]

    def test_a_damaged_file_is_kept_aside_and_reported(self, tmp_path: Path) -> None:
        path = tmp_path / "feature_split.json"
        path.write_text('{"kind": "answer", "schema_version": 1, "draft": {"problem": '
                        '"practice.feature_split", "values": {"items": {"L01": {"kind": 7}}}}}',
                        encoding="utf-8")
        store = DraftStore(path, answer_draft_type("practice.feature_split"))
        assert store.load().form.is_empty()
        assert store.kept is not None and store.kept.exists() and not path.exists()
        assert "could not be read" in store.notice and "kind should be one of" in store.notice

    @pytest.mark.parametrize("values, why", [
        ({"items": {"L01": {"kind": "maybe"}}}, "cannot be 'maybe'"),
        ({"items": {"L01": {"kind": ["task"]}}}, "should be one of its options"),
        ({"items": ["L01"]}, "should be a JSON object"),
        ("everything", "should be a JSON object"),
    ])
    def test_tampered_values_are_refused(self, tmp_path: Path, values: Any, why: str) -> None:
        path = tmp_path / "a.json"
        path.write_text(json.dumps({"kind": "answer", "schema_version": 1, "draft": {
            "problem": "practice.feature_split", "values": values}}), encoding="utf-8")
        with pytest.raises(DraftError, match=why):
            load_answer(path)

    def test_a_file_for_another_problem_is_refused_when_the_problem_is_named(
            self, tmp_path: Path) -> None:
        form, _ = _fill("practice.feature_split")
        draft_type = answer_draft_type("practice.feature_split")
        path = tmp_path / "feature_split.json"
        DraftStore(path, draft_type, delay=0).save(draft_type(form))
        with pytest.raises(DraftError, match=r"not to 'roadmap\.feature_split'"):
            load_answer(path, "roadmap.feature_split")

    def test_a_missing_file_says_how_to_make_it(self, tmp_path: Path, capsys) -> None:
        with pytest.raises(DraftMissingError, match="Answer in the widget above"):
            load_answer(tmp_path / "drafts" / "feature_split.json")
        value = load_answer(tmp_path / "drafts" / "feature_split.json", if_missing="placeholder")
        assert is_placeholder(value) and "Answer in the widget above" in capsys.readouterr().out
        assert get_problem("practice.feature_split").check({"split": value}).outcome is (
            Outcome.NOT_ATTEMPTED)

    def test_two_variables_need_a_name(self, tmp_path: Path) -> None:
        form, code = _fill("practice.timeline_to_outcomes")
        draft_type = answer_draft_type("practice.timeline_to_outcomes")
        path = tmp_path / "timeline.json"
        DraftStore(path, draft_type, delay=0).save(draft_type(form))
        with pytest.raises(TypeError, match="var='outcomes'"):
            load_answer(path)
        assert load_answer(path, var="placement") == code["placement"]
        assert read_answer_form(path).answers()["outcomes"] == form.answers()["outcomes"]
