"""The capstone's strategy-document checks: graded from the plain data `load_strategy` returns."""

from __future__ import annotations

import copy
import json
import runpy
from pathlib import Path
from typing import Any

import pytest

from pmcourse.exercises import Outcome, ____, get_problem, practice
from pmcourse.grading.kernel.capture import decode, encode_answers
from pmcourse.widgets import load_strategy
from pmcourse.widgets.models import DRAFT_TYPES
from pmcourse.widgets.store import DraftStore

from ..helpers import criterion

ROOT = Path(__file__).resolve().parents[3]
PROBLEM_ID = "capstone.strategy_document"
GRADED = get_problem(PROBLEM_ID)
KEY = {k: v for k, v in json.loads(
    (ROOT / "autograders" / "keys" / f"{PROBLEM_ID}.json").read_text(encoding="utf-8")).items()
    if k != "problem"}
ANSWERS = runpy.run_path(str(ROOT / "autograders" / "answers" / f"{PROBLEM_ID}.py"))
REFERENCE = ANSWERS["REFERENCE"]
FILES = {"vision": "vision.json", "mission": "mission.json", "strategy_canvas": "strategy.json",
         "north_star": "north_star.json", "roadmap": "roadmap.json", "backlog": "backlog.json"}


def check(strategy: Any):
    """The graded problem's result for `strategy`, with the instructor's key."""
    return GRADED.check({"strategy": strategy}, KEY)


def reference() -> dict[str, Any]:
    """A fresh copy of the full-marks strategy, to spoil one part at a time."""
    return copy.deepcopy(REFERENCE)


def save_reference(folder: Path, kinds: tuple[str, ...] = tuple(FILES)) -> None:
    """Writes the reference's parts as real draft files, as the widgets would save them."""
    for kind in kinds:
        draft = DRAFT_TYPES[kind].from_fields(REFERENCE[kind])
        DraftStore(folder / FILES[kind], type(draft), delay=0).save(draft)


def test_drafts_saved_by_the_widgets_grade_the_same_as_the_reference(tmp_path):
    """Saved as draft files and read back with load_strategy, the reference still scores 10."""
    save_reference(tmp_path)
    strategy = load_strategy(tmp_path)
    assert strategy == REFERENCE
    assert check(strategy).points(GRADED.points) == 10.0


def test_the_wrong_answers_messages_name_the_rules():
    """Company goals and a slogan: the lint criteria name the rules they break."""
    result = check(ANSWERS["WRONG"][0])
    assert "`internal-goal`" in criterion(result, "vision_lint").message
    assert "`empty-slogan`" in criterion(result, "mission_lint").message


def test_placeholder_fields_are_not_complete():
    """A field holding 'x' or 'TBD' is not written, whatever the widget's completeness says."""
    strategy = reference()
    strategy["strategy_canvas"]["answers"]["icp"] = "TBD"
    strategy["mission"]["aspects"] = ["x", "y", "z"]
    complete = criterion(check(strategy), "complete")
    assert complete.earned < 1
    assert "holding placeholder or repeated text" in complete.message


def test_one_sentence_pasted_into_every_canvas_answer_is_not_complete():
    """The same sentence in every canvas field counts once; the statements may appear again."""
    strategy = reference()
    answers = strategy["strategy_canvas"]["answers"]
    for name in answers:
        if name not in ("vision", "mission"):
            answers[name] = "Repair cafés fix more things and waste less with our help."
    complete = criterion(check(strategy), "complete")
    assert complete.earned < 0.9
    assert "Strategy canvas (" in complete.message


def test_a_one_line_filler_vision_is_not_a_statement():
    """'Make things better.' fails the gate: no vision credit, and the message says why."""
    strategy = reference()
    strategy["vision"]["statement"] = "Make things better."
    vision = criterion(check(strategy), "vision_lint")
    assert vision.earned == 0 and "too short" in vision.message


@pytest.mark.parametrize("metric", ["Value of deposits taken per week",
                                    "Booking fees collected per month",
                                    "Gross bookings value per week",
                                    "Paying members each month"])
def test_money_in_any_form_caps_the_document(metric):
    """Deposits, fees, bookings value, paying members: money as the North Star caps at 70%."""
    strategy = reference()
    strategy["north_star"]["metric"] = metric
    result = check(strategy)
    north = criterion(result, "north_star")
    assert north.earned == 0.5 and north.cap == "financial_north_star"
    assert result.score == pytest.approx(0.7)
    assert "capped at 70%" in result.message


def test_a_north_star_that_names_no_behaviour_earns_no_metric_credit():
    """'Things per week' passes the linter but measures nothing a customer does."""
    strategy = reference()
    strategy["north_star"]["metric"] = "Things per week"
    north = criterion(check(strategy), "north_star")
    assert north.earned == 0.5 and "names nothing a customer does" in north.message


def test_backlog_items_with_filler_text_are_not_linked():
    """An item whose text is 'todo' does not count as a linked item."""
    strategy = reference()
    strategy["backlog"]["items"][0]["text"] = "todo"
    links = criterion(check(strategy), "backlog_links")
    assert links.earned == pytest.approx(3 / 4) and "B1 holds no real item text" in links.message


def test_an_empty_drafts_folder_is_not_attempted(tmp_path):
    """No drafts saved yet: not attempted, with a message saying how to start."""
    result = check(load_strategy(tmp_path / "drafts"))
    assert result.outcome is Outcome.NOT_ATTEMPTED
    assert result.score == 0
    assert "Draft each part with the widgets" in result.message


def test_drafts_that_hold_no_text_are_not_attempted(tmp_path):
    """Widgets opened but nothing typed: empty drafts count as not attempted."""
    for kind, name in FILES.items():
        DraftStore(tmp_path / name, DRAFT_TYPES[kind], delay=0).save(DRAFT_TYPES[kind]())
    assert check(load_strategy(tmp_path)).outcome is Outcome.NOT_ATTEMPTED


def test_missing_parts_are_named_in_the_completeness_message(tmp_path):
    """Only vision and mission drafted: completeness names each part still to draft."""
    save_reference(tmp_path, ("vision", "mission"))
    result = check(load_strategy(tmp_path))
    complete = criterion(result, "complete")
    assert result.outcome is Outcome.PARTLY_CORRECT
    assert "North Star: no draft saved yet" in complete.message
    assert "Backlog: no draft saved yet" in complete.message
    assert complete.earned == pytest.approx(2 / 8)


def test_a_corrupt_draft_gets_a_clear_message_not_a_traceback(tmp_path):
    """A half-written roadmap file costs its criteria and a note names the file and the fix."""
    save_reference(tmp_path)
    (tmp_path / "roadmap.json").write_text('{"kind": "roadmap", "dra', encoding="utf-8")
    result = check(load_strategy(tmp_path))
    assert result.outcome is Outcome.PARTLY_CORRECT
    assert "Roadmap: could not be read" in criterion(result, "complete").message
    note = next(n for n in result.notes if n.startswith("Roadmap:"))
    assert "roadmap.json" in note and "not valid JSON" in note and "delete it" in note


def test_a_part_with_a_wrongly_typed_field_is_noted(tmp_path):
    """A hand-edited North Star whose inputs are a number is reported by part and field."""
    strategy = reference()
    strategy["north_star"]["inputs"] = 4
    result = check(strategy)
    assert any(n.startswith("North Star:") and "'inputs' should be a list" in n
               for n in result.notes)
    assert criterion(result, "north_star").earned == 0


@pytest.mark.parametrize("blank", [____, None])
def test_the_placeholder_is_not_attempted(blank):
    """`strategy = ____` (or None) earns nothing and says how to set it."""
    result = check(blank)
    assert result.outcome is Outcome.NOT_ATTEMPTED
    assert result.score == 0


def test_a_value_of_the_wrong_type_says_what_to_do():
    """A string instead of the dict is explained, not a traceback."""
    result = check("my strategy is in the drafts folder")
    assert result.outcome is Outcome.INCORRECT
    assert 'should be the dict `load_strategy("drafts")` returns; it is a str' in result.message


def test_a_dict_without_any_part_says_what_to_do():
    """A dict that is not load_strategy's result names the parts it should hold."""
    result = check({"vision_text": "People fix things."})
    assert result.outcome is Outcome.INCORRECT
    assert "has none of the parts vision, mission" in result.message


def test_a_model_object_instead_of_plain_data_is_named():
    """A draft object where plain data belongs is refused, naming where it sits."""
    strategy = reference()
    strategy["vision"] = DRAFT_TYPES["vision"].from_fields(REFERENCE["vision"])
    result = check(strategy)
    assert result.outcome is Outcome.INCORRECT
    assert "`strategy`['vision'] holds a VisionDraft" in result.message


def test_a_dict_that_contains_itself_is_refused_without_a_traceback():
    """A self-referential value gets a short message instead of a recursion error."""
    looped: dict[str, Any] = {}
    looped["vision"] = looped
    result = check(looped)
    assert result.outcome is Outcome.INCORRECT
    assert result.message.startswith("Your answer could not be checked: `strategy` is nested")


def test_a_card_without_an_id_is_reported_once_as_a_readable_sentence():
    """A hand-edited roadmap card with no id costs the roadmap criteria; one note says why."""
    strategy = reference()
    del strategy["roadmap"]["cards"][0]["id"]
    result = check(strategy)
    assert result.notes == ("Roadmap: its fields could not be read: Every roadmap card needs a "
                            "text 'id'. Edit the file or delete it to start over.",)
    assert criterion(result, "roadmap_plan").earned == 0


def test_a_foreign_file_in_the_folder_is_noted_but_costs_nothing(tmp_path):
    """A JSON file that is no draft is mentioned in the notes and the score stays full."""
    save_reference(tmp_path)
    (tmp_path / "settings.json").write_text("[]", encoding="utf-8")
    result = check(load_strategy(tmp_path))
    assert result.score == 1.0
    assert result.notes[0].startswith("A file in the drafts folder was skipped: settings.json:")


def test_a_rigged_string_earns_only_for_its_text():
    """A str subclass that claims equality with everything is graded by its plain text."""

    class Sly(str):
        def __eq__(self, other):
            return True

        __hash__ = str.__hash__

    strategy = reference()
    strategy["vision"]["statement"] = Sly("Become the number one repair app in Europe.")
    assert criterion(check(strategy), "vision_lint").earned == 0


def test_a_money_north_star_names_the_rule_and_the_part():
    """Revenue as North Star loses the lint half, and the message names `financial-metric`."""
    strategy = reference()
    strategy["north_star"]["metric"] = "Monthly subscription revenue per café"
    north = criterion(check(strategy), "north_star")
    assert north.earned == 0.5
    assert north.message.startswith("North Star: `financial-metric`")


@pytest.mark.parametrize(("n_inputs", "earned"), [(2, 0.5), (3, 1.0), (5, 1.0), (6, 0.5)])
def test_the_north_star_needs_three_to_five_inputs(n_inputs, earned):
    """Fewer than three or more than five input metrics lose half the North Star criterion."""
    strategy = reference()
    strategy["north_star"]["inputs"] = [f"Input metric {n}" for n in range(n_inputs)]
    assert criterion(check(strategy), "north_star").earned == earned


def test_a_feature_on_the_roadmap_names_the_card_and_the_rule():
    """A card that names a build loses its share and the message says which card and why."""
    strategy = reference()
    strategy["roadmap"]["cards"][0]["outcome"] = "Build a queue screen for coordinators"
    outcomes = criterion(check(strategy), "roadmap_outcomes")
    assert outcomes.earned == pytest.approx(0.75)
    assert "R1 breaks `output-not-outcome`" in outcomes.message


def test_an_overfull_now_column_loses_part_of_the_plan_criterion():
    """Four strategic intents in Now with a capacity of three lose a third of the plan
    criterion (capacity counts intents, as lesson 06 teaches)."""
    strategy = reference()
    strategy["roadmap"]["intents"].append("Fixers keep coming")
    for card, intent in zip(strategy["roadmap"]["cards"], strategy["roadmap"]["intents"],
                            strict=True):
        card["column"] = "now"
        card["depends_on"] = []
        card["intent"] = intent
    plan = criterion(check(strategy), "roadmap_plan")
    assert plan.earned == pytest.approx(2 / 3)
    assert "more than its capacity of 3" in plan.message


def test_an_unlinked_backlog_item_has_no_parent_outcome():
    """An item with no outcome link is named in the message and costs its share."""
    strategy = reference()
    strategy["backlog"]["items"][1]["outcome_id"] = ""
    links = criterion(check(strategy), "backlog_links")
    assert links.earned == pytest.approx(0.75)
    assert "item B2 has no parent outcome" in links.message


def test_a_link_to_an_outcome_no_longer_on_the_roadmap_is_named():
    """An item pointing at a deleted card counts as unlinked, and the message says so."""
    strategy = reference()
    strategy["backlog"]["items"][0]["outcome_id"] = "R9"
    links = criterion(check(strategy), "backlog_links")
    assert links.earned == pytest.approx(0.75)
    assert "B1 links to an outcome that is not on your roadmap" in links.message


def test_a_mission_that_repeats_the_vision_is_inconsistent():
    """The linter's same-as-vision rule fails `consistent` but not the mission's own lint."""
    strategy = reference()
    strategy["mission"]["statement"] = REFERENCE["vision"]["statement"]
    result = check(strategy)
    assert criterion(result, "consistent").earned == 0
    assert "`same-as-vision`" in criterion(result, "consistent").message
    assert criterion(result, "mission_lint").earned == 1


def test_the_answer_survives_the_grading_pipelines_plain_data_capture():
    """Encoded in the kernel and decoded outside it, the strategy is unchanged and grades alike."""
    for answer in (REFERENCE, *ANSWERS["PARTIAL"]):
        payload = json.loads(json.dumps(encode_answers(PROBLEM_ID, {"strategy": answer})))
        assert payload["anomalies"] == []
        decoded = decode(payload["answers"]["strategy"])
        assert decoded == answer
        assert check(decoded).score == check(answer).score


def test_the_grade_cell_returns_a_plain_float_in_points(monkeypatch, capsys):
    """The hidden test's helper, run as stock nbgrader would, returns 10.0 and 0.0."""
    from pmcourse.grading.kernel.cell import grade

    monkeypatch.setenv("PMCOURSE_AUTOGRADERS", str(ROOT / "autograders"))
    monkeypatch.delenv("PMCOURSE_GRADING_MODE", raising=False)
    full = grade(PROBLEM_ID, {"strategy": REFERENCE})
    blank = grade(PROBLEM_ID, {"strategy": ____})
    assert type(full) is float and full == 10.0
    assert type(blank) is float and blank == 0.0
    assert capsys.readouterr().err == ""


def test_the_key_holds_only_weights_and_thresholds():
    """Weights sum to one, and the shipped practice key is the graded key, so nothing is secret."""
    assert sum(KEY["weights"].values()) == pytest.approx(1.0)
    assert get_problem("practice.capstone").key == KEY
    assert set(KEY["part_weights"]) == set(FILES)


def test_the_practice_twin_checks_lesson_drafts(tmp_path):
    """Lesson 09's self-check takes load_strategy's result directly and agrees with the grade."""
    save_reference(tmp_path, ("vision", "mission", "north_star"))
    q = practice("capstone", track=False)
    strategy = load_strategy(tmp_path)
    assert q.check(strategy).score == check(strategy).score
    assert "There is no single right strategy" in str(q.solution())


def test_hints_are_progressive_and_the_graded_solution_stays_private():
    """Hints come one at a time; the graded problem's solution is not in the package."""
    q = practice("capstone", track=False)
    first, second = str(q.hint()), str(q.hint())
    assert first.startswith("**Hint 1 of 3:**") and second.startswith("**Hint 2 of 3:**")
    assert "not part of the course package" in GRADED.solution_markdown()


def test_feedback_never_shows_the_weights_table():
    """No message of any sample quotes the key's field names."""
    for answer in (REFERENCE, *ANSWERS["PARTIAL"], *ANSWERS["WRONG"]):
        text = str(check(answer))
        assert "part_weights" not in text and "north_star_rules" not in text


@pytest.mark.slow
def test_drafts_submitted_with_the_notebook_grade_under_real_nbgrader(tmp_path):
    """Stock generate_assignment and autograde: drafts full 10, blank release 0, partial between."""
    import os
    import subprocess
    import sys

    import nbformat

    from pmcourse.grading.authoring.assignments import Assignment, ProblemPart
    from pmcourse.grading.authoring.build import build_notebook

    assignment = Assignment(id="a5_capstone", notebook="capstone", title="Capstone",
                            intro="The capstone.", parts=(ProblemPart(PROBLEM_ID),))
    source = tmp_path / "source" / "a5_capstone"
    source.mkdir(parents=True)
    nbformat.write(build_notebook(assignment, ROOT / "autograders"), source / "capstone.ipynb")
    (tmp_path / "nbgrader_config.py").write_text(
        "c = get_config()\nc.CourseDirectory.course_id = 'capstone'\n"
        f"c.CourseDirectory.db_url = 'sqlite:///{tmp_path}/gradebook.db'\n", encoding="utf-8")
    env = {**os.environ, "PMCOURSE_AUTOGRADERS": str(ROOT / "autograders"),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("PMCOURSE_GRADING_MODE", None)

    def nbgrader(*args: str) -> None:
        subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=tmp_path, env=env,
                       check=True, capture_output=True, timeout=300)

    nbgrader("generate_assignment", "a5_capstone", "--force")
    released = json.loads((tmp_path / "release" / "a5_capstone" / "capstone.ipynb").read_text())
    for student, answer in (("ada", REFERENCE), ("ben", ANSWERS["PARTIAL"][0]), ("eli", None)):
        folder = tmp_path / "submitted" / student / "a5_capstone"
        folder.mkdir(parents=True)
        nb = copy.deepcopy(released)
        if answer is not None:
            cell = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get(
                "grade_id") == "strategy_document_answer")
            cell["source"] = ('from pmcourse.widgets import load_strategy\n'
                              'strategy = load_strategy("drafts")')
            for kind, name in FILES.items():
                draft = DRAFT_TYPES[kind].from_fields(answer[kind])
                DraftStore(folder / "drafts" / name, type(draft), delay=0).save(draft)
        (folder / "capstone.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    nbgrader("autograde", "a5_capstone", "--force")

    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{tmp_path}/gradebook.db") as gb:
        scores = {s: gb.find_submission("a5_capstone", s).score for s in ("ada", "ben", "eli")}
    assert scores["ada"] == 10.0
    assert scores["eli"] == 0.0
    assert 0 < scores["ben"] < 10
