"""Data integrity of the course content: lessons, quizzes, definitions, disagreements, glossary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pmcourse.content import (
    DEFINITIONS,
    DISAGREEMENTS,
    LARDER,
    LESSON_ERRORS,
    LESSONS,
    Quiz,
    find_definition,
    glossary,
)
from pmcourse.exercises.catalog.practice.roadmap import LARDER_FEATURES

ROOT = Path(__file__).resolve().parents[2]
COURSE_LESSONS = (
    "00_start_here", "01_leverage", "02_product_vision", "03_vision_vs_mission",
    "04_product_strategy", "05_measurable_goals", "06_roadmaps", "07_discovery_prioritisation",
    "08_backlogs", "09_values_principles_kpis", "10_capstone",
)
PRACTICE_NOTEBOOKS = (
    "01_which_artifact.ipynb", "02_fix_the_vision.ipynb", "03_vision_mission_pair.ipynb",
    "04_icp_and_wont_do.ipynb", "05_north_star.ipynb", "06_feature_split.ipynb",
    "07_now_next_later.ipynb", "08_timeline_to_outcomes.ipynb", "09_backlog_repair.ipynb",
    "10_kpi_tree.ipynb", "11_discovery_priorities.ipynb",
)
REQUIRED_TERMS = (
    "vision", "mission", "strategy", "roadmap", "delivery plan", "backlog", "outcome", "output",
    "North Star metric", "input metric", "OKR", "KPI tree", "ICP", "strategic intent",
    "initiative", "product principle", "epic", "user story", "INVEST", "acceptance criteria",
    "segment", "differentiation", "won't-do list", "business strategy", "Now-Next-Later",
    "operational task", "company values", "vision and strategy pyramid", "discovery",
    "opportunity solution tree", "opportunity", "RICE", "cost of delay", "positioning",
)
REQUIRED_DISAGREEMENTS = ("roadmap-content", "vision-names-product", "vision-stability",
                          "mission-definition", "backlog-roadmap-hierarchy")
QUESTIONS = [(lesson.id, q) for lesson in LESSONS.values() for q in lesson.quiz]


def test_every_lesson_module_loads() -> None:
    """No lesson data module failed to import or lacks a valid LESSON."""
    assert LESSON_ERRORS == {}


def test_lessons_are_the_eleven_of_the_course_in_order() -> None:
    """The discovered lessons are exactly the course's eleven, in course order."""
    assert tuple(LESSONS) == COURSE_LESSONS


@pytest.mark.parametrize("lesson", LESSONS.values(), ids=lambda lesson: lesson.id)
def test_lesson_is_complete(lesson) -> None:
    """A lesson has a title, a summary, objectives, concepts and a 3-5 question quiz."""
    assert lesson.title.strip() and lesson.summary.strip()
    assert len(lesson.objectives) >= 3
    assert all(o.strip() for o in lesson.objectives)
    assert lesson.concepts and len(set(lesson.concepts)) == len(lesson.concepts)
    assert all(re.fullmatch(r"[a-z0-9-]+", c) for c in lesson.concepts)
    assert 3 <= len(lesson.quiz) <= 5
    assert len({q.id for q in lesson.quiz}) == len(lesson.quiz)


@pytest.mark.parametrize("lesson", LESSONS.values(), ids=lambda lesson: lesson.id)
def test_lesson_practice_links_name_real_practice_notebooks(lesson) -> None:
    """Every practice link names one of the practice notebooks of the course."""
    assert set(lesson.practice) <= set(PRACTICE_NOTEBOOKS)


def test_every_practice_notebook_is_linked_from_a_lesson() -> None:
    """Every practice notebook is reachable from some lesson."""
    linked = {p for lesson in LESSONS.values() for p in lesson.practice}
    assert linked == set(PRACTICE_NOTEBOOKS)


@pytest.mark.parametrize(("lesson_id", "question"), QUESTIONS,
                         ids=[f"{lid}.{q.id}" for lid, q in QUESTIONS])
def test_quiz_question_is_well_formed(lesson_id: str, question) -> None:
    """Options are lettered, the answer is among them, and hints never name the right option."""
    assert len(question.options) >= 3
    assert all(re.fullmatch(r"[a-z]", k) for k in question.options)
    assert question.answers <= set(question.options)
    assert question.prompt.strip() and question.explanation.strip()
    assert set(question.why_not) <= set(question.options) - question.answers
    for letter in question.answers:
        right = question.options[letter].casefold()
        assert right not in question.hint.casefold()
        assert all(right not in why.casefold() for why in question.why_not.values())


@pytest.mark.parametrize(("lesson_id", "question"), QUESTIONS,
                         ids=[f"{lid}.{q.id}" for lid, q in QUESTIONS])
def test_every_wrong_option_explains_why_it_misses(lesson_id: str, question) -> None:
    """A learner who picks any wrong option is told why that option misses, not just 'wrong'."""
    wrong = set(question.options) - question.answers
    unexplained = sorted(wrong - set(question.why_not))
    assert unexplained == [], f"no explanation for the options {unexplained}"
    assert all(len(question.why_not[k].split()) >= 6 for k in wrong)


@pytest.mark.parametrize(("lesson_id", "question"), QUESTIONS,
                         ids=[f"{lid}.{q.id}" for lid, q in QUESTIONS])
def test_quiz_does_not_reveal_before_an_answer(lesson_id: str, question) -> None:
    """Neither the quiz's text form nor a first wrong answer shows the explanation or the answer."""
    quiz = Quiz.for_lesson(lesson_id)
    assert question.explanation not in repr(quiz)
    wrong = next(k for k in question.options if k not in question.answers)
    feedback = quiz.check(question.id, [wrong] if question.multiple else wrong)
    assert feedback.correct is False and not feedback.revealed
    assert question.explanation not in feedback.message
    for letter in question.answers:
        assert question.options[letter] not in feedback.message


@pytest.mark.parametrize("term", REQUIRED_TERMS)
def test_required_term_has_a_house_definition(term: str) -> None:
    """Each term the course relies on has a non-empty house definition in a real lesson."""
    found = find_definition(term)
    assert found is not None, f"missing definition: {term}"
    assert len(found.meaning.split()) >= 8
    assert found.lesson in COURSE_LESSONS


def test_definition_names_and_aliases_are_unambiguous() -> None:
    """No term or alias points at two different definitions."""
    names = [n.casefold() for d in DEFINITIONS.values() for n in (d.term, *d.aliases)]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("topic", REQUIRED_DISAGREEMENTS)
def test_disagreement_states_both_sides_and_the_rule(topic: str) -> None:
    """Each disagreement the course teaches has two positions, a rule, a reason and a lesson."""
    d = DISAGREEMENTS[topic]
    assert all(text.strip() for text in (d.question, d.position_a, d.position_b,
                                          d.course_rule, d.why))
    assert d.lesson in COURSE_LESSONS


def test_glossary_covers_every_definition_once() -> None:
    """The glossary lists each defined term, with no duplicate terms."""
    terms = [e.term.casefold() for e in glossary()]
    assert len(terms) == len(set(terms))
    assert {d.term.casefold() for d in DEFINITIONS.values()} <= set(terms)


def test_larder_intents_lead_with_the_outcomes_of_the_feature_list() -> None:
    """Larder's strategic-intent outcomes are the outcome items of its practice feature list."""
    features = {f["text"] for f in LARDER_FEATURES}
    assert set(LARDER.strategic_intents.values()) <= features


def test_larder_vision_obeys_the_house_definition() -> None:
    """Larder's own vision names no category, no money, no dates: it models the rules it teaches."""
    banned = r"\b(app|platform|tool|planner|revenue|users|20\d\d|%|leading|best)\b"
    assert not re.search(banned, LARDER.vision, flags=re.IGNORECASE)
    assert "planner" in LARDER.mission and "families" in LARDER.mission
