"""Backlog item rules: one small, clear action for a real user, not an outcome."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .. import config
from .. import lexicon as lx
from ..engine import Hit, rule
from ._util import body_start, hits

KIND, LESSON = "task", "08_backlogs"


def is_story(text: str) -> bool:
    """True when the text follows 'As a <role>, I want ...'."""
    return bool(lx.STORY.search(text))


def means_span(text: str) -> tuple[int, int]:
    """The span of what is wanted: the 'I want ...' clause of a story, else the whole item."""
    if is_story(text):
        m = lx.STORY_MEANS.search(text)
        if m:
            return m.span(1)
    return (body_start(text), len(text.rstrip()))


TARGET = re.compile(rf"{lx.NUM}\s?%|\bpercent\b|\bfrom\s+{lx.NUM}\s?[^\s\d]{{0,12}}\s+to\s+\d")
"""A percentage or a 'from 8 to 5' change: a target, whatever verb comes first."""


@rule(KIND, "outcome-in-backlog", severity="error", lesson=LESSON,
      source="001 (roadmap vs backlog); house definitions; K06",
      message="This is a result to aim for, not an item someone can pick up. Put it on the "
              "roadmap as an outcome and write backlog items for the actions that serve it, "
              "e.g. 'As a <user>, I want <action> so that <benefit>'.")
def outcome_in_backlog(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Starts with increase/reduce/improve + a KPI or number, or holds a % with no action."""
    if is_story(text):
        return []
    start = body_start(text)
    direction = lx.DIRECTION_VERBS.match(text, start)
    if direction and (lx.first(lx.KPI_NOUNS, text) or lx.first(lx.METRIC_CHANGE, text)
                      or lx.first(lx.NUMBER, text)):
        return [Hit((direction.start(), len(text.rstrip())), "It states a target.")]
    if lx.TASK_VERBS.match(text, start):
        return []
    percent = TARGET.search(text)
    if percent:
        return [Hit(percent.span(), f"'{percent.group()}' is a target.")]
    return []


@rule(KIND, "not-atomic", severity="error", lesson=LESSON,
      source="QUS (atomic); AQUSA (conjunctions in the means); K03",
      message="One item should carry one action so it can be estimated, built and accepted on "
              "its own. Split it into one item per action.")
def not_atomic(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """'and'/'or'/'&'/'/' joining two actions in what is wanted."""
    start, end = means_span(text)
    found = []
    for m in lx.CONJUNCTION.finditer(text, start, end):
        verb = lx.ACTION_VERBS.match(text, m.end()) or lx.TASK_VERBS.match(text, m.end())
        if verb and verb.end() <= end:
            found.append((m.start() + len(m.group()) - len(m.group().lstrip()), verb.end()))
    return hits(text, found, "{word} joins a second action.")


@rule(KIND, "vague-words", severity="warning", lesson=LESSON,
      source="QUS (unambiguous); INVEST (testable); K08",
      message="Words like 'fast' or 'easy' cannot be tested. Say what you mean with a number "
              "or an observable result, e.g. 'loads in under 2 seconds on a phone'.")
def vague_words(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """fast, easy, intuitive, robust ... with no number nearby."""
    found = []
    for start, end in lx.spans(lx.VAGUE, text):
        window = text[max(0, start - config.VAGUE_NUMBER_WINDOW): end + config.VAGUE_NUMBER_WINDOW]
        if not re.search(r"\d", window):
            found.append((start, end))
    return hits(text, found, "{word} is vague.")


@rule(KIND, "system-as-user", severity="warning", lesson=LESSON,
      source="Wake (stories are about users, not components); K05",
      message="A story's role should be a person who gets value. Write it for the user the "
              "component serves, or file it as a technical task under that user's story.")
def system_as_user(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """'As the API/system/database, I want ...'."""
    m = lx.STORY_ROLE.search(text)
    if not m:
        return []
    role_words = lx.words(m.group(1))
    if not role_words:
        return []
    last = role_words[-1]
    if not lx.SYSTEM_ROLE.fullmatch(last.group()):
        return []
    start = m.start(1) + role_words[0].start()
    return [Hit((start, m.start(1) + last.end()), f"'{last.group()}' is not a person.")]


@rule(KIND, "missing-so-that", severity="info", lesson=LESSON,
      source="Cohn (the benefit clause is optional but recommended); course policy; K02",
      message="Add 'so that <benefit>' so the team knows why the story matters and can find a "
              "simpler way to the same benefit.")
def missing_so_that(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """A story with no 'so that' / 'in order to'."""
    if not is_story(text) or lx.first(lx.SO_THAT, text):
        return []
    return [Hit(means_span(text), "The story gives no reason.")]


@rule(KIND, "too-big", severity="warning", lesson=LESSON,
      source="INVEST (small); epic definition; K09",
      message="'Manage', 'all' or 'everything' hide many items (an epic). Split it by step of "
              "the workflow or by operation (create, change, remove) into items that fit a sprint.")
def too_big(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """manage / all / entire / everything in what is wanted."""
    start, end = means_span(text)
    found = [(m.start(), m.end()) for m in lx.TOO_BIG.finditer(text, start, end)]
    return hits(text, found, "{word} hides several items.")


@rule(KIND, "prescribes-ui", severity="info", lesson=LESSON,
      source="INVEST (negotiable); K10",
      message="Naming the control or technology fixes the design too early. Say what the user "
              "needs to do and let the team choose the interface.")
def prescribes_ui(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Dropdown, modal, button, SQL ... in a story's 'I want' clause."""
    if not is_story(text):
        return []
    start, end = means_span(text)
    found = [(m.start(), m.end()) for m in lx.UI_CONTROLS.finditer(text, start, end)]
    return hits(text, found, "{word} is a design decision.")


@rule(KIND, "no-action", severity="info", lesson=LESSON,
      source="QUS (well-formed); house definition of backlog items (stories, tasks); K01",
      message="A backlog item should say what someone will do. Start with a verb ('Add ...', "
              "'Fix ...') or write it as a story: 'As a <user>, I want <action> so that "
              "<benefit>'.")
def no_action(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Neither a story, acceptance criteria, a labelled work item nor a leading verb."""
    if is_story(text) or lx.first(lx.STORY_EXTRAS, text) or lx.WORK_PREFIX.match(text):
        return []
    start = body_start(text)
    for verbs in (lx.TASK_VERBS, lx.ACTION_VERBS, lx.BUILD_VERBS, lx.DIRECTION_VERBS,
                  lx.DISCOVERY):
        if verbs.match(text, start):
            return []
    end = len(text.rstrip())
    return [Hit((start, end), "It names a thing, not an action.")] if start < end else []


BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
NEXT_SENTENCE = re.compile(r"[.!?]\s+(?=\S)")


@rule(KIND, "not-minimal", severity="warning", lesson=LESSON,
      source="QUS (minimal); AQUSA; K04",
      message="Notes in brackets or extra sentences after the story blur what is asked. Keep the "
              "story to role, action and benefit, and put the rest in acceptance criteria or "
              "the conversation.")
def not_minimal(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """A story with brackets or a further sentence after it."""
    if not is_story(text):
        return []
    found = [m.span() for m in BRACKETS.finditer(text)]
    after = NEXT_SENTENCE.search(text.rstrip())
    if after:
        found.append((after.end(), len(text.rstrip())))
    return hits(text, found, "{word} goes beyond the story.")
