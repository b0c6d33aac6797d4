"""The cues the classifier weighs: each one is a lint lexicon or a bit of structure, with a
weight per artifact kind and a reason a learner can read.

The weights were set by hand on the development part of tests/data/labelled_statements.csv
(every row except each fifth one, which is held out for reporting).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..lint import lexicon as lx

CLASS_KINDS = ("vision", "mission", "strategy", "outcome", "task")

Detect = Callable[[str], list[str]]


@dataclass(frozen=True)
class Cue:
    """One observable cue: how to detect it, how much it counts for each kind, and why."""

    name: str
    detect: Detect
    weights: dict[str, float]
    reason: str
    """Readable reason; ``{words}`` becomes the quoted words that fired it."""


def _found(pattern: re.Pattern[str], cap: int = 3) -> Detect:
    def detect(text: str) -> list[str]:
        return [m.group() for m in pattern.finditer(text)][:cap]
    return detect


def _at_start(pattern: re.Pattern[str]) -> Detect:
    prefix = re.compile(r"^\W*(?:(?:now|next|later|spike|bug|chore|task)\s*[:\-–]\s*)?",
                        re.IGNORECASE)

    def detect(text: str) -> list[str]:
        m = pattern.match(text, prefix.match(text).end())  # type: ignore[union-attr]
        return [m.group()] if m else []
    return detect


def _flag(test: Callable[[str], bool], label: str) -> Detect:
    def detect(text: str) -> list[str]:
        return [label] if test(text) else []
    return detect


def _people_and_change(text: str) -> list[str]:
    people, change = lx.PEOPLE.search(text), lx.CHANGE.search(text)
    return [people.group(), change.group()] if people and change else []


def _people_subject(text: str) -> list[str]:
    start = re.match(r"^\W*(?:(?:now|next|later)\s*[:\-–]\s*)?(?:\w+[ -]){0,3}?", text,
                     re.IGNORECASE)
    m = lx.PEOPLE.match(text, start.end()) if start else None  # type: ignore[union-attr]
    return [m.group()] if m and m.group().lower() not in ("you", "their", "them", "they") else []


def _word_count(text: str) -> int:
    return len(lx.words(text))


_ARTICLE_CATEGORY = re.compile(
    r"^\W*(?:\w+\s+is\s+)?(?:a|an)\s+(?:[\w'-]+\s+){0,4}?" + lx.CATEGORY.pattern, re.IGNORECASE)
_A_CATEGORY = re.compile(r"\b(?:a|an|our)\s+(?:[\w'-]+\s+){0,4}?" + lx.CATEGORY.pattern,
                         re.IGNORECASE)
_FOR_WHO = re.compile(r"\bfor\s+(?:[\w'-]+\s+){0,3}?" + lx.PEOPLE.pattern, re.IGNORECASE)
_PROPER_IS = re.compile(r"^\W*[A-Z][\w-]+ is (?:a|an)\b")
_SEMICOLON = re.compile(r";|:\s+\w")
_MEASURED_PERIOD = re.compile(
    r"\bper (?:day|week|month|quarter)\b|\bweekly\b|\bmonthly\b|\bwithin \w+ \w+|"
    r"\bin (?:their|the) first \w+|\b(?:7|28|30)-day\b|\blast \d+ days\b", re.IGNORECASE)
"""The time windows of a measure ('per week', 'within 7 days'); 'every day' is left out, since
visions say it too ('every child reads every day')."""

CUES: tuple[Cue, ...] = (
    Cue("story", _found(lx.STORY, 1), {"task": 7.0, "outcome": -1.0},
        "follows the user-story form ('As a ..., I want ...')"),
    Cue("acceptance", _found(lx.STORY_EXTRAS, 1), {"task": 5.0},
        "has story detail ({words})"),
    Cue("so-that", _found(lx.SO_THAT, 1), {"task": 1.0}, "gives a reason with {words}"),
    Cue("task-verb", _at_start(lx.TASK_VERBS), {"task": 4.5, "vision": -1.0},
        "starts with a work action ({words})"),
    Cue("build-verb", _at_start(lx.BUILD_VERBS), {"task": 1.5, "outcome": 0.5},
        "names a build action ({words})"),
    Cue("work-prefix", _found(re.compile(r"^\W*(?:spike|bug|chore|task)\s*:", re.I), 1),
        {"task": 4.0}, "is labelled as work ({words})"),
    Cue("tech-nouns", _found(lx.UI_NOUNS), {"task": 0.8},
        "mentions interface or technical parts ({words})"),
    Cue("horizon", _found(lx.ROADMAP_HORIZON, 1), {"outcome": 5.0},
        "is placed in a roadmap column ({words})"),
    Cue("metric-change", _found(lx.METRIC_CHANGE), {"outcome": 1.8, "vision": -1.0},
        "states a measurable change ({words})"),
    Cue("outcome-timing", _found(lx.OUTCOME_CUES), {"outcome": 1.8, "vision": -0.5},
        "ties the change to a moment or window ({words})"),
    Cue("date", _found(lx.DATE), {"outcome": 1.0, "strategy": 0.5, "vision": -1.0},
        "contains a date ({words})"),
    Cue("constraint", _found(lx.CONSTRAINT, 1), {"outcome": 0.8},
        "names an external constraint ({words})"),
    Cue("number", _found(lx.NUMBER), {"outcome": 0.6, "strategy": 0.3, "vision": -1.5},
        "contains a number ({words})"),
    Cue("direction", _at_start(lx.DIRECTION_VERBS), {"outcome": 1.5, "strategy": 0.8},
        "starts with a direction of change ({words})"),
    Cue("people-subject", _people_subject, {"vision": 1.2, "outcome": 1.6},
        "has people as the subject ({words})"),
    Cue("people-change", _people_and_change, {"vision": 1.2, "outcome": 0.4},
        "describes a change for people ({words})"),
    Cue("vision-cue", _found(lx.VISION_CUES), {"vision": 1.6},
        "uses lasting, universal language ({words})"),
    Cue("category", _found(lx.CATEGORY), {"mission": 1.0, "vision": -0.5},
        "mentions a product category ({words})"),
    Cue("a-category", _found(_A_CATEGORY, 1), {"mission": 2.0, "vision": -0.8, "outcome": -0.5},
        "names what kind of product it is ({words})"),
    Cue("article-category", _found(_ARTICLE_CATEGORY, 1), {"mission": 2.5},
        "defines what the product is ({words})"),
    Cue("proper-is", _found(_PROPER_IS, 1), {"mission": 1.5}, "names the product ({words})"),
    Cue("for-who", _found(_FOR_WHO, 1), {"mission": 1.0, "strategy": 0.3},
        "says who it is for ({words})"),
    Cue("mission-cue", _found(lx.MISSION_CUES), {"mission": 1.5},
        "describes the product's contribution ({words})"),
    Cue("strategy-verb", _at_start(lx.STRATEGY_VERBS), {"strategy": 3.5, "task": -1.0},
        "opens with a strategic choice ({words})"),
    Cue("strategy-marker", _found(lx.STRATEGY_MARKERS), {"strategy": 1.3},
        "talks about where to play or how to win ({words})"),
    Cue("non-goal", _found(re.compile(
        r"\b(?:we will not|we won't|not (?:our|serve|build|target|chase|open|add)|out of scope|"
        r"ignore|rather than|instead of|until|come later|for now|this year|yet)\b", re.I)),
        {"strategy": 1.4}, "states a trade-off or something not to do ({words})"),
    Cue("universal", _found(lx.UNIVERSAL), {"vision": 0.8, "strategy": -0.5},
        "speaks of everyone ({words})"),
    Cue("clauses", _found(_SEMICOLON, 1), {"strategy": 1.0},
        "joins several choices in one statement"),
    Cue("long", _flag(lambda t: _word_count(t) > 18, "long"), {"strategy": 1.2, "vision": -1.0},
        "is long enough to hold several choices"),
    Cue("short", _flag(lambda t: _word_count(t) <= 12, "short"), {"vision": 0.8, "task": 0.3},
        "is short and slogan-like"),
    Cue("end-state", _found(lx.CREATES_END_STATE, 1), {"vision": 4.0, "task": -5.0},
        "creates an end state for people, not a product ({words})"),
    Cue("activity", _found(lx.MISSION_ACTIVITY, 1), {"mission": 3.0, "vision": -1.0},
        "states the company's ongoing activity ({words})"),
    Cue("a-world", _found(re.compile(r"\ba world (?:where|in which|without)\b", re.I), 1),
        {"vision": 2.0}, "describes a future world ({words})"),
    Cue("time-window", _found(_MEASURED_PERIOD, 1), {"outcome": 1.2, "vision": -0.8},
        "counts over a period ({words})"),
    Cue("amount", _found(lx.LESS_OF_BAD, 1), {"outcome": 2.5, "vision": -0.5},
        "states an amount to change ({words})"),
    Cue("capability", _flag(lambda t: lx.capability(t) is not None, "capability"),
        {"task": 3.0, "vision": -1.5, "outcome": -0.5},
        "describes what the product will let people do, a feature"),
    Cue("timeline", _flag(lambda t: len(lx.TIMELINE_LABELS.findall(t)) >= 2, "dated entries"),
        {"outcome": 3.0, "strategy": -1.0}, "lists dated entries, like a roadmap"),
)
