"""The four strategy questions (practice on Larder, graded on Spokes): presence, evidence, reasons, lint."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmcourse.exercises import Outcome, ____, get_problem
from pmcourse.exercises.engine.registry import practice
from pmcourse.exercises.graders.questions import QUESTIONS, picked, stance

from ..helpers import criterion, graded_key, instructor_answers

ROOT = Path(__file__).resolve().parents[3]
PRACTICE = get_problem("practice.four_questions")
GRADED = get_problem("strategy_goals.four_questions")
GOOD = PRACTICE.key["example"]


def test_practice_example_is_correct():
    """The example answers meet every criterion."""
    result = PRACTICE.check({"strategy": GOOD})
    assert result.outcome is Outcome.CORRECT and result.score == 1.0


def test_learner_handle_accepts_a_fresh_answer():
    """Other wording that makes choices, cites the data and says why also earns full marks."""
    answer = {
        "what": "A planner that starts from the pantry, because R2 shows planning from what is "
                "at home cut waste by almost a third.",
        "who": "Sunday batch cooks (S7) first, since they fit Larder best and see value within a "
               "week; students in shared flats can wait.",
        "grow": "Shared shopping lists that bring in friends, because R3 shows a shared list "
                "was how many pilot users arrived.",
        "good": "Households cooking three planned meals per week, because R4 links that habit "
                "to households staying after three months.",
    }
    assert practice("four_questions", track=False).check(answer).score == 1.0


PARAPHRASE = {
    "what": "A planner that builds the week's dinners from what is already in the cupboard and "
            "fridge, since pilot homes threw out almost a third less food that way.",
    "who": "Busy parents with kids at school come first: they feel the daily what-to-cook "
           "stress most, the product fits them best and we can reach them today.",
    "grow": "Let each household invite the second adult and pass plans on to friends, because "
            "two thirds of pilot households joined after someone shared a plan.",
    "good": "The number of home-cooked dinners made from a plan each week, because households "
            "cooking three or more a week were still with us after three months.",
}


def test_a_correct_paraphrase_of_the_data_without_ids_earns_full_marks():
    """Choices and evidence in the learner's own words count as much as the data's ids."""
    assert PRACTICE.check({"strategy": PARAPHRASE}).score == 1.0


def test_ids_quoted_next_to_choices_the_data_contradicts_earn_nothing():
    """Students first, paid ads and revenue, each 'backed' by a finding id: no choice credit and
    no evidence credit, and the message says why quoting a finding is not enough."""
    answer = {
        "what": "A grocery delivery service for households, because R1 and R2 show that people "
                "hate shopping and throw food away.",
        "who": "Students in shared flats (S2) first, because R1 shows they have the most pain "
               "and the biggest numbers.",
        "grow": "Paid ads on social media and TV, because R3 shows most households joined "
                "through a shared plan.",
        "good": "Monthly recurring revenue, because R4 shows active households pay, so money "
                "tells us it works.",
    }
    result = PRACTICE.check({"strategy": answer})
    choices, evidence = criterion(result, "choices"), criterion(result, "evidence")
    assert choices.earned == 0 and "`who` chooses a segment the data does not support" in (
        choices.message)
    assert evidence.earned == 0 and "quoting a finding earns nothing" in evidence.message
    assert result.score <= 0.15


def test_finding_ids_alone_are_not_a_choice():
    """'We grow with R3' names no channel: ids are evidence, not the decision."""
    answer = PARAPHRASE | {"grow": "We grow with R3 because R3 shows growth, so that R3 keeps "
                                   "working for us every single week."}
    choices = criterion(PRACTICE.check({"strategy": answer}), "choices")
    assert choices.earned == 0.75 and "`grow` names no growth channel" in choices.message


def test_what_an_answer_turns_down_is_not_its_choice():
    """'Rather than paid ads' and 'students can wait' do not count as choosing them."""
    answer = PARAPHRASE | {
        "grow": "Shared plans that bring in friends rather than paid ads, because two thirds "
                "of pilot households joined through a shared plan.",
        "who": "Working families with school-age children first because their pain is highest; "
               "students in shared flats can wait.",
    }
    assert PRACTICE.check({"strategy": answer}).score == 1.0
    assert stance("We pick S1; students can wait")[1].strip() == "students can wait"
    ids_in_brackets = PARAPHRASE | {"who": "Working families (S1) first, because their pain is "
                                           "highest; we leave students (S2) aside this year."}
    assert PRACTICE.check({"strategy": ids_in_brackets}).score == 1.0


def test_a_partly_supported_choice_earns_part_and_says_so():
    """Couples without children (big, but middling pain and fit) earn half of that choice."""
    answer = PARAPHRASE | {"who": "Couples without children first, because they are the "
                                  "biggest group and a channel reaches them already."}
    choices = criterion(PRACTICE.check({"strategy": answer}), "choices")
    assert choices.earned == pytest.approx(0.875)
    assert "`who` makes a choice the data only partly supports" in choices.message


def test_three_target_segments_are_not_a_focus():
    """Naming three supported segments at once halves the `who` choice."""
    answer = PARAPHRASE | {"who": "Working parents, large families and Sunday batch cooks, "
                                  "because all three feel the pain and fit the product."}
    choices = criterion(PRACTICE.check({"strategy": answer}), "choices")
    assert choices.earned == pytest.approx(0.875) and "`who` targets 3 segments" in (
        choices.message)


def test_answers_without_data_lose_the_evidence_criterion():
    """Right choices with reasons but no figure or finding from the data lose evidence only."""
    answer = {
        "what": "A meal planner that starts from the pantry, because cooking from a list is "
                "easier for everyone who cooks at home.",
        "who": "Working families first, because parents are short of time on weekday "
               "evenings and will value the help.",
        "grow": "Invitations to friends and the other adult at home, so that each household "
                "brings in the next one.",
        "good": "Meals cooked from a plan each week, because eating the meal is the value, "
                "not planning it.",
    }
    result = PRACTICE.check({"strategy": answer})
    evidence = criterion(result, "evidence")
    assert evidence.earned == 0 and "name the segment figures, finding or metric" in (
        evidence.message)
    assert criterion(result, "choices").passed and criterion(result, "reasons").passed


def test_answers_without_reasons_lose_the_reasons_criterion():
    """Choices without 'because' or 'so that' lose the reasons criterion, named per question."""
    answer = dict(GOOD) | {"who": "Dual-income families with young children (S1) first, then "
                                  "Sunday batch cooks (S7) next year."}
    reasons = criterion(PRACTICE.check({"strategy": answer}), "reasons")
    assert reasons.earned == 0.75 and "`who` states a choice without its reason" in reasons.message


def test_length_bounds_are_enforced():
    """A one-line answer is too short, and a very long one too long; both are named."""
    answer = dict(GOOD) | {"what": "A pantry planner for busy families.",
                           "good": "Meals cooked per week " + " ".join(["always"] * 90)
                                   + " because R4."}
    form = criterion(PRACTICE.check({"strategy": answer}), "form")
    assert form.earned == 0.5
    assert "`what`: too short" in form.message and "`good`: too long" in form.message


def test_everybody_as_the_target_fails_the_choice_and_the_linter():
    """'Everyone' is no target: it earns no choice credit and breaks the linter's rules."""
    answer = dict(GOOD) | {
        "who": "Everyone who eats, all households and all people everywhere, because food "
               "matters to every single person on the planet and beyond.",
    }
    result = PRACTICE.check({"strategy": answer})
    assert "`who` chooses a segment the data does not support" in criterion(
        result, "choices").message
    form = criterion(result, "form")
    assert form.earned == 0.75 and "`everybodys-darling`" in form.message


def test_short_answers_earn_nothing():
    """One-liners fail the text gate: nothing is earned and the gate says why."""
    answer = {"what": "An app.", "who": "Parents.", "grow": "Ads.", "good": "Revenue."}
    result = PRACTICE.check({"strategy": answer})
    assert result.outcome is Outcome.INCORRECT and result.score == 0
    assert "`what` is too short to say anything" in criterion(result, "choices").message


def test_the_same_text_pasted_into_every_answer_earns_nothing():
    """One text pasted four times fails the gate's duplicate check in every field."""
    answer = dict.fromkeys(QUESTIONS, GOOD["who"])
    result = PRACTICE.check({"strategy": answer})
    assert result.score == 0 and "is the same text as" in criterion(result, "choices").message


def test_an_empty_question_is_noted():
    """A blank answer to one question is named in a note."""
    result = PRACTICE.check({"strategy": dict(GOOD) | {"grow": ____}})
    assert "`grow` is empty" in " ".join(result.notes)
    assert result.outcome is Outcome.PARTLY_CORRECT


@pytest.mark.parametrize("blank", [____, dict.fromkeys(QUESTIONS, ____),
                                   dict.fromkeys(QUESTIONS, "")])
def test_placeholders_are_not_attempted(blank):
    """The placeholder, or four blank answers, mean 'not attempted'."""
    assert PRACTICE.check({"strategy": blank}).outcome is Outcome.NOT_ATTEMPTED


@pytest.mark.parametrize(("answer", "says"), [
    ("We build a planner", "should be a dict"),
    ({"what": "x", "who": "y", "grow": "z"}, "has no key `good`"),
    ({"what": 1, "who": "y", "grow": "z", "good": "w"}, "`strategy['what']` should be text"),
])
def test_malformed_answers_get_a_clear_message(answer, says):
    """Wrong shapes are reported with what is wrong and how to fix it."""
    result = PRACTICE.check({"strategy": answer})
    assert result.outcome is Outcome.INCORRECT and says in result.message


def test_feedback_does_not_list_the_accepted_choices():
    """Feedback on weak answers names none of the options the key supports, nor its evidence."""
    answer = {
        "what": "Whatever users ask for most often, because listening is what good teams do.",
        "who": "Retirees cooking for one, because they have time to try new apps each week.",
        "grow": "Paid ads on social media, because they reach a great many people quickly.",
        "good": "Downloads per month, because a popular app must be a good app for people.",
    }
    text = str(PRACTICE.check({"strategy": answer}))
    key = PRACTICE.key
    supported = {n for q in QUESTIONS for o in key["options"][q].values() if o["credit"] > 0
                 for n in o["says"]} | {t for terms in key["evidence"].values() for t in terms}
    public = {column for row in PRACTICE.data["segments"] for column in row}
    leaked = [t for t in supported - public if len(t) > 4 and t.lower() in text.lower()]
    assert not leaked


def test_graded_instructor_answers_score_as_declared():
    """REFERENCE earns full marks, each PARTIAL in [0.5, 1), each WRONG under half."""
    key, answers = graded_key(GRADED.id), instructor_answers(GRADED.id)
    assert GRADED.key is None
    assert GRADED.check({"strategy": key["example"]}, key=key).score == 1.0
    assert GRADED.check({"strategy": answers["REFERENCE"]}, key=key).score == 1.0
    for answer in answers["PARTIAL"]:
        result = GRADED.check({"strategy": answer}, key=key)
        assert result.outcome is Outcome.PARTLY_CORRECT and 0.5 <= result.score < 1.0
    for answer in answers["WRONG"]:
        assert GRADED.check({"strategy": answer}, key=key).score < 0.5


@pytest.mark.parametrize("problem", [PRACTICE, GRADED], ids=lambda p: p.id)
def test_solution_shows_an_example_answer_per_question(problem):
    """The worked solution shows the four questions with an example answer each, and says
    where the data supports more than one choice."""
    key = problem.key or graded_key(problem.id)
    text = problem.solution_markdown(key)
    assert all(key["example"][q] in text for q in QUESTIONS)
    assert "*Choices the data supports:*" in text and "an expert accepts either" in text


def test_criteria_have_stable_names_labels_and_weights_summing_to_one():
    """Every criterion has a name and a label, and the weights add up to the whole problem."""
    result = PRACTICE.check({"strategy": GOOD})
    assert all(c.name and c.label for c in result.criteria)
    assert len({c.name for c in result.criteria}) == len(result.criteria)
    assert sum(c.weight for c in result.criteria) == pytest.approx(1.0)


def test_ids_stuffed_between_connectors_earn_nothing():
    """An answer that is mostly the data's ids ('S1 S4 S7 ... because S1') is no sentence: it
    earns nothing and the message asks for the choice in words."""
    answer = PARAPHRASE | {"who": "S1 S4 S7 school-age working families because S1 so that S1 "
                                  "S4 S7."}
    result = PRACTICE.check({"strategy": answer})
    choices = criterion(result, "choices")
    assert choices.earned == 0.75 and "`who` lists ids of the data instead of saying" in (
        choices.message)


def test_hedging_between_a_strong_and_a_weak_segment_earns_the_weaker():
    """'Working families or couples' commits to neither: the `who` choice earns half."""
    answer = PARAPHRASE | {"who": "Working families or couples without children, because both "
                                  "groups are large and an existing channel reaches them."}
    choices = criterion(PRACTICE.check({"strategy": answer}), "choices")
    assert choices.earned == pytest.approx(0.875)


@pytest.mark.parametrize(("text", "chosen"), [
    ("Working families that don't have time to plan meals", ["S1"]),
    ("Students aren't our focus; working parents are", ["S1"]),
    ("We won't serve students; working families first", ["S1"]),
    ("Parents who skip planning because they are tired", ["S1"]),
    ("Sunday batch cooks later, working parents now", ["S1"]),
    ("Couples with no kids, not students", ["S4"]),
])
def test_turned_down_segments_are_told_apart_from_chosen_ones(text, chosen):
    """A negation turns down what follows it or its whole clause, never the chosen segment."""
    assert picked(text, PRACTICE.key["options"]["who"]) == chosen


def test_one_choice_the_data_contradicts_caps_the_score():
    """Revenue as the sign of a good product, the rest right: capped at 70%, and it says so."""
    answer = PARAPHRASE | {"good": "Monthly recurring revenue, because paying households "
                                   "prove that Larder is worth its price."}
    result = PRACTICE.check({"strategy": answer})
    assert result.score == pytest.approx(0.7) and "capped at 70%" in result.message
    assert "`good` chooses a signal the data does not support" in criterion(
        result, "choices").message


def test_comparisons_do_not_turn_down_or_add_a_choice():
    """'More than three meals cooked' keeps its metric; 'more than anyone' adds no segment."""
    assert picked("Share of households with more than three meals cooked per week",
                  PRACTICE.key["options"]["good"]) == ["cooked"]
    assert picked("Working families, who need help more than anyone",
                  PRACTICE.key["options"]["who"]) == ["S1"]
