"""Backlog exercises: repair stories, split an epic, link items to outcomes, spot hidden outcomes."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pmcourse.exercises import Outcome, ____, get_problem
from pmcourse.exercises.engine.registry import practice
from pmcourse.exercises.graders.backlog import STORY, acceptance_criteria

from ..helpers import criterion, graded_key, instructor_answers

ROOT = Path(__file__).resolve().parents[3]
REPAIR = get_problem("practice.backlog_repair")
SPLIT = get_problem("practice.split_epic")
LINK = get_problem("practice.link_items")
SPOT = get_problem("practice.spot_outcome")
GRADED = ("backlog.repair_stories", "backlog.split_epic", "backlog.link_items",
          "backlog.spot_outcome")


def repaired(**changes: tuple[str, str]) -> pd.DataFrame:
    rows = {i: (v["story"], v["acceptance"]) for i, v in REPAIR.key["example"].items()}
    rows.update(changes)
    return pd.DataFrame([{"item_id": i, "story": s, "acceptance": a} for i, (s, a) in rows.items()])


# --- the story template ------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "As a parent, I want to share the list, so that my partner can shop.",
    "As an admin I want to export bookings so that I can reconcile payments",
    "As the club coach, I need a lesson register, so that I know who came.",
])
def test_story_template_accepts_the_usual_forms(text):
    """'As a/an/the <user>, I want/need <action>, so that <reason>' is recognised."""
    assert STORY.match(text)


@pytest.mark.parametrize("text", ["Expiry reminders", "As a parent, I want to share the list."])
def test_story_template_rejects_missing_parts(text):
    """A bare feature name, or a story with no 'so that' reason, is not a full story."""
    assert not STORY.match(text)


def test_acceptance_criteria_read_from_string_or_list():
    """Criteria come one per line from a string, or one per element from a list."""
    assert acceptance_criteria("Given a\nWhen b\n\n") == ["Given a", "When b"]
    assert acceptance_criteria(["Given x, when y, then z", "", None]) == ["Given x, when y, then z"]


# --- repair ------------------------------------------------------------------------------------

def test_repair_reference_is_correct():
    """The example rewrites in the key earn full marks."""
    result = practice("backlog_repair", track=False).check(repaired())
    assert result.outcome is Outcome.CORRECT


def test_repair_missing_acceptance_criteria_costs_the_testable_criterion():
    """A rewrite whose criterion lacks Given / When / Then loses the acceptance criterion."""
    story = REPAIR.key["example"]["B01"]["story"]
    result = REPAIR.check({"repaired": repaired(B01=(story, "It should work."))})
    acceptance = criterion(result, "acceptance")
    assert acceptance.earned == 0.75
    assert "B01: no criterion with all of Given, When and Then" in acceptance.message


def test_repair_keeping_the_flaw_is_flagged_with_the_rule_id():
    """A rewrite that is still vague or compound trips the linter, named by rule id."""
    result = REPAIR.check({"repaired": repaired(
        B02=("As a shopper in the aisle, I want a simple and fast list view, so that I finish "
             "my weekly shop sooner.",
             "Given a list of twenty items, when I open it, then every item is shown."),
    )})
    assert "B02: `vague-words`" in criterion(result, "clarity").message


def test_repair_handing_back_a_light_edit_earns_nothing_for_it():
    """The original story with two words changed is a copy: the gate stops it on every criterion."""
    result = REPAIR.check({"repaired": repaired(
        B02=("As a shopper, I want the list to be fast and easy, so that shopping is better.",
             "Given a list, when I open it, then it shows."),
    )})
    for name in ("form", "clarity", "acceptance", "topic"):
        assert criterion(result, name).earned == 0.75
    assert "B02: is a copy of the given data" in criterion(result, "form").message


@pytest.mark.parametrize(("story", "acceptance", "failing"), [
    ("As a shopper, I want to share my list, so that I share my list.",
     "Given a list, when I share it with Sam, then Sam sees every item.", "form"),
    ("As a shopper, I want to share my list with my partner, so that my partner can shop too.",
     "Given x, when y, then z", "acceptance"),
])
def test_tautological_reasons_and_empty_criteria_earn_nothing(story, acceptance, failing):
    """A "so that" that repeats the "I want", or a Given/When/Then of single letters, fails."""
    result = REPAIR.check({"repaired": repaired(B04=(story, acceptance))})
    assert criterion(result, failing).earned == 0.75


def test_repair_off_topic_rewrite_loses_topic_credit():
    """A well-formed story about something else does not count as repairing the original."""
    result = REPAIR.check({"repaired": repaired(
        B03=("As a parent, I want to rate a recipe, so that we cook favourites again.",
             "Given a cooked meal, when I rate it, then the rating is saved."),
    )})
    assert criterion(result, "topic").earned == 0.75


def test_repair_unchanged_originals_earn_nothing():
    """Handing back the flawed entries unchanged scores zero."""
    rows = pd.DataFrame([{"item_id": r["item_id"], "story": r["text"], "acceptance": ""}
                         for r in REPAIR.data["flawed"]])
    result = REPAIR.check({"repaired": rows})
    assert result.outcome is Outcome.INCORRECT and result.score == 0.0


def test_repair_blank_and_malformed_answers():
    """Placeholder -> not attempted; missing column and duplicates -> clear messages."""
    assert REPAIR.check({"repaired": ____}).outcome is Outcome.NOT_ATTEMPTED
    blank = repaired().assign(story="")
    assert REPAIR.check({"repaired": blank}).outcome is Outcome.NOT_ATTEMPTED
    no_column = REPAIR.check({"repaired": repaired().drop(columns="acceptance")})
    assert "column `acceptance` missing" in no_column.message
    doubled = REPAIR.check({"repaired": pd.concat([repaired(), repaired().iloc[[0]]])})
    assert any("appear more than once" in n for n in doubled.notes)


# --- split an epic -----------------------------------------------------------------------------

def mapped(stories: list[str]) -> list[dict]:
    """Stories with the scope line each was written for (the key's example is in scope order)."""
    return [{"story": text, "scope": [f"S{n}"]} for n, text in enumerate(stories, start=1)]


def test_split_reference_is_correct():
    """The example split in the key, each story mapped to its scope line, earns full marks."""
    assert SPLIT.check({"stories": mapped(SPLIT.key["example"])}).outcome is Outcome.CORRECT


def test_split_accepts_a_dataframe_and_a_dict():
    """The map may come as a DataFrame with `story` and `scope` columns, or as {story: ids}."""
    frame = pd.DataFrame(mapped(SPLIT.key["example"]))
    assert SPLIT.check({"stories": frame}).score == 1.0
    as_dict = {row["story"]: "S" + row["scope"][0][1:] for row in mapped(SPLIT.key["example"])}
    assert SPLIT.check({"stories": as_dict}).score == 1.0


def test_split_lost_scope_is_named_from_the_public_epic():
    """Dropping a slice names the scope line (public data) that no story covers."""
    result = SPLIT.check({"stories": mapped(SPLIT.key["example"][:4])})
    coverage = criterion(result, "coverage")
    assert coverage.earned == 0.8
    assert "'tick items off while shopping'" in coverage.message


def test_split_coverage_is_read_from_the_map_not_from_keywords():
    """Good stories without scope ids cover nothing, and a note says how to map them."""
    result = SPLIT.check({"stories": list(SPLIT.key["example"])})
    assert criterion(result, "coverage").earned == 0
    assert "give each story its `scope` ids" in " ".join(result.notes)


def test_split_in_everyday_words_is_covered():
    """A split that never uses the key's words covers its scope through the map."""
    stories = [
        {"story": "As a household shopper, I want this week's recipes to fill the list for me, "
                  "so that I stop copying ingredients by hand.", "scope": ["S1"]},
        {"story": "As a household shopper, I want food we still have at home left off, so that "
                  "we do not end up with three jars of the same thing.", "scope": ["S2"]},
        {"story": "As a household shopper, I want dairy, bakery and produce kept together on the "
                  "list, so that I cross the supermarket only once.", "scope": ["S3"]},
        {"story": "As a household shopper, I want my partner to see the same list on their "
                  "phone, so that either of us can pick up the groceries.", "scope": ["S4"]},
        {"story": "As a household shopper, I want to cross off what is already in the trolley, "
                  "so that I see at a glance what is still missing.", "scope": ["S5"]},
    ]
    assert SPLIT.check({"stories": stories}).score == 1.0


def test_split_a_claim_the_story_does_not_support_covers_nothing():
    """A story mapped to a scope line it says nothing about does not cover it; a note says so."""
    stories = mapped(SPLIT.key["example"])
    stories[4]["scope"] = ["S1", "S5"]
    stories[0] = {"story": "As a household shopper, I want to pay for groceries with a saved "
                           "card, so that I do not type my card number each time.",
                  "scope": ["S1"]}
    result = SPLIT.check({"stories": stories})
    assert criterion(result, "coverage").earned == pytest.approx(0.8)
    assert "story 1 -> S1" in " ".join(result.notes)


def test_split_by_technical_layer_is_flagged_against_invest():
    """A database story, an API story and a screen story are horizontal slices."""
    stories = [
        {"story": "As a shopper, I want a shopping-list table in the database, so that the "
                  "items are kept somewhere.", "scope": ["S1"]},
        {"story": "As a shopper, I want an API endpoint that returns the list, so that the app "
                  "can load it.", "scope": ["S2"]},
        {"story": "As a shopper, I want the screens for the list designed, so that developers "
                  "know what to build.", "scope": ["S3"]},
    ]
    result = SPLIT.check({"stories": stories})
    form = criterion(result, "form")
    assert form.earned == 0 and "horizontal slice" in form.message and "INVEST" in form.message
    assert criterion(result, "coverage").earned == 0


def test_split_epic_restated_scores_low():
    """Handing back the epic as a single story scores low and says to split it."""
    result = SPLIT.check({"stories": [{"story": SPLIT.data["epic"]["text"],
                                       "scope": list(SPLIT.data["epic"]["scope"])}]})
    assert result.score <= 0.3
    assert "split this epic into 3 to 6" in criterion(result, "size").message


def test_split_duplicates_are_flagged():
    """Two identical stories are flagged as duplicates (rule K11)."""
    stories = [*mapped(SPLIT.key["example"]), mapped(SPLIT.key["example"])[0]]
    assert "duplicates" in criterion(SPLIT.check({"stories": stories}), "size").message


def test_split_blank_and_malformed_answers():
    """Placeholder and empty list -> not attempted; one string -> asks for a list."""
    assert SPLIT.check({"stories": ____}).outcome is Outcome.NOT_ATTEMPTED
    assert SPLIT.check({"stories": []}).outcome is Outcome.NOT_ATTEMPTED
    one = SPLIT.check({"stories": "As a shopper, I want a list, so that I shop."})
    assert one.outcome is Outcome.INCORRECT and "make it a list" in one.message
    number = SPLIT.check({"stories": 42})
    assert "should be a list of dicts with the keys `story` and `scope`" in number.message


# --- link items --------------------------------------------------------------------------------

def links(mapping: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"item_id": i, "outcome_id": o} for i, o in mapping.items()])


def test_link_reference_and_alternative_are_correct():
    """The key's first parents, and the accepted alternative for I08, earn full marks."""
    first = {i: ps[0] for i, ps in LINK.key["parents"].items()}
    assert LINK.check({"links": links(first)}).score == 1.0
    assert LINK.check({"links": links({**first, "I08": "O3"})}).score == 1.0


def test_link_wrong_links_are_counted_not_named():
    """Wrong links are counted; the message names no item."""
    first = {i: ps[0] for i, ps in LINK.key["parents"].items()}
    result = LINK.check({"links": links({**first, "I01": "O2", "I03": "O1"})})
    message = criterion(result, "links").message
    assert "6 of 8 links are right; 2 point to an outcome" in message
    assert not any(i in message for i in first)


def test_link_unknown_outcome_and_orphans_are_explained():
    """An unknown outcome id is noted with the valid ids; unlinked items are named (K14)."""
    result = LINK.check({"links": links({"I01": "O7", "I02": "O2"})})
    assert any("no outcome has that id; use one of O1, O2, O3" in n for n in result.notes)
    assert "I01, I03, I04" in criterion(result, "complete").message


def test_link_placeholder_and_missing_column():
    """Placeholder -> not attempted; a table without `outcome_id` -> the column is named."""
    assert LINK.check({"links": ____}).outcome is Outcome.NOT_ATTEMPTED
    result = LINK.check({"links": pd.DataFrame({"item_id": ["I01"]})})
    assert "column `outcome_id` missing" in result.message


# --- spot the outcome --------------------------------------------------------------------------

def test_spot_reference_is_correct():
    """Listing exactly the hidden outcomes earns full marks."""
    assert SPOT.check({"spotted": SPOT.key["outcomes"]}).outcome is Outcome.CORRECT


def test_spot_flagging_everything_scores_low():
    """Flagging every item cannot game the check: false alarms cancel finds."""
    result = SPOT.check({"spotted": [r["item_id"] for r in SPOT.data["backlog"]]})
    assert result.score <= 0.2


def test_spot_partial_answer_counts_without_naming_the_missed_ids():
    """Finding one of two gives partial credit; the message does not name the one missed."""
    result = SPOT.check({"spotted": ["B12"]})
    assert result.outcome is Outcome.PARTLY_CORRECT
    assert "B15" not in str(result)


def test_spot_blank_and_malformed_answers():
    """Placeholder/empty -> not attempted; unknown ids and wrong types -> clear messages."""
    assert SPOT.check({"spotted": ____}).outcome is Outcome.NOT_ATTEMPTED
    assert SPOT.check({"spotted": []}).outcome is Outcome.NOT_ATTEMPTED
    unknown = SPOT.check({"spotted": ["B12", "X1"]})
    assert "X1 are not item ids of the backlog" in unknown.message
    wrong = SPOT.check({"spotted": 12})
    assert "should be a list of item ids" in wrong.message


# --- graded ------------------------------------------------------------------------------------

@pytest.mark.parametrize("problem_id", GRADED)
def test_graded_placeholder_is_not_attempted(problem_id):
    """Each graded backlog problem reads the blank release's `____` as not attempted."""
    problem = get_problem(problem_id)
    result = problem.check({problem.vars[0]: ____}, key=graded_key(problem_id))
    assert result.outcome is Outcome.NOT_ATTEMPTED and result.points(problem.points) == 0.0


def test_link_and_spot_accept_plain_python_shapes():
    """Links may be a dict ``{item: outcome}``; spotted ids may be a set or a pandas Series."""
    first = {i: ps[0] for i, ps in LINK.key["parents"].items()}
    assert LINK.check({"links": first}).score == 1.0
    assert SPOT.check({"spotted": set(SPOT.key["outcomes"])}).score == 1.0
    assert SPOT.check({"spotted": pd.Series(SPOT.key["outcomes"])}).score == 1.0


@pytest.mark.parametrize("problem_id", GRADED)
def test_graded_feedback_leaks_no_key_value(problem_id):
    """Feedback on wrong graded answers quotes no key value (hidden ids, topic or scope words)."""
    problem = get_problem(problem_id)
    key = graded_key(problem_id)
    secrets: list[str] = []
    if "outcomes" in key:
        secrets += key["outcomes"]
    if "parents" in key:
        secrets += [f"{i} -> {ps[0]}" for i, ps in key["parents"].items()]
    if "example" in key:
        examples = key["example"]
        values = examples.values() if isinstance(examples, dict) else examples
        secrets += [v["story"] if isinstance(v, dict) else v for v in values]
    for value in instructor_answers(problem_id)["WRONG"]:
        text = str(problem.check({problem.vars[0]: value}, key=key))
        wrong_ids = set(value) if isinstance(value, list) and value and isinstance(value[0], str) else set()
        assert not [s for s in secrets if s in text and s not in wrong_ids]
