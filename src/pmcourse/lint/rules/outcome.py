"""Roadmap item rules: a change for users under an intent, not a feature, a story or a date."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from .. import config
from .. import lexicon as lx
from ..engine import Hit, rule
from ._util import body_start, hits, matches, merge, whole, words_outside

KIND, LESSON = "outcome", "06_roadmaps"


def describes_change(text: str) -> bool:
    """True when the text names a metric change, or people together with a change."""
    return bool(lx.first(lx.METRIC_CHANGE, text)
                or (lx.first(lx.PEOPLE, text) and lx.first(lx.CHANGE, text)))


ITEM_BREAK = re.compile(r"[;\n|•·]+")
"""What separates the entries of a timeline written on one roadmap item."""
DATE_LABEL_AFTER = re.compile(r"\s*[:–—)\]-]")
LABEL_OPENERS = "([;\n|•·"
"""A date right after one of these (blanks between) opens an entry: '...; 30 April ...'."""
LABEL_LOOKBACK = 40
"""Blanks read back from a date to find an opener, bounded so long texts stay linear."""


def _is_label(text: str, span: lx.Span, start: int) -> bool:
    """True when a date heads or tags an entry ('15 March: ...', '... (15 March)'), rather than
    sitting inside a sentence ('plan by Friday and shop')."""
    if DATE_LABEL_AFTER.match(text, span[1]):
        return True
    i, lowest = span[0], max(start, span[0] - LABEL_LOOKBACK)
    while i > lowest and text[i - 1].isspace():
        i -= 1
    return i == start or (i > start and text[i - 1] in LABEL_OPENERS)


def timeline_items(text: str, start: int) -> list[lx.Span]:
    """The entries of a dated list written after ``start`` ('15 March: barcode scanner;
    30 April: ...'), split at separators and at the dates that label them; each entry spans its
    words other than dates. Empty unless at least two dates label entries."""
    dates = [d for d in lx.spans(lx.DATE, text) if d[0] >= start]
    labels = [d for d in dates if _is_label(text, d, start)]
    if len(labels) < config.OUTCOME_TIMELINE_MIN_DATES:
        return []
    date_starts = [d[0] for d in dates]
    cuts = merge([*labels, *(b for b in lx.spans(ITEM_BREAK, text) if b[0] >= start)])
    bounds = [start, *(x for cut in cuts for x in cut), len(text)]
    items = []
    for piece_start, piece_end in zip(bounds[::2], bounds[1::2], strict=True):
        horizon = lx.ROADMAP_HORIZON.match(text[piece_start:piece_end])
        piece_start += horizon.end() if horizon else 0
        tokens = words_outside(text, piece_start, piece_end, dates, date_starts)
        if tokens:
            items.append((piece_start + tokens[0].start(), piece_start + tokens[-1].end()))
    return items


GROUP_SUBJECT = re.compile(
    r"(?:people|children|every(?:one|body)|any(?:one|body)|they|you|we|staff|women|men|"
    r"\w+s)(?!['’])\s+\w", re.IGNORECASE)
"""A plural people noun followed by another word: people acting ('Households plan their week'),
not a feature named after them ('family sharing')."""


def is_feature_name(text: str) -> bool:
    """True when ``text`` is a short name (each part joined by 'and', '&' ... within the cap)
    and does not start with people doing something."""
    people = lx.PEOPLE.match(text)
    if people and GROUP_SUBJECT.match(text, people.start()):
        return False
    return all(len(lx.words(part)) <= config.OUTCOME_FEATURE_NAME_MAX_WORDS
               for part in lx.CONJUNCTION.split(text))


OBJECT_LEAD = re.compile(r"\s*(?:(?:a|an|the|more|new|better|lasting|real)\s+)*",
                         re.IGNORECASE)
"""Articles and adjectives between a build verb and its object ('build lasting trust')."""


def has_measure(text: str) -> bool:
    """True when the text holds a measure: a number, a change, a time window or a target."""
    return any(lx.first(p, text) for p in (lx.NUMBER, lx.METRIC_CHANGE, lx.TIME_WINDOW,
                                            lx.OUTCOME_CUES, lx.MEASURE_WORDS))


@rule(KIND, "output-not-outcome", severity="error", lesson=LESSON,
      source="001 (a roadmap should not just list features); Seiden; Cagan; R03",
      message="This names something to build, not the change it should cause. Write what "
              "users will do differently or what improves for them (with a measure if you "
              "can), and keep the feature as one candidate way to get there.")
def output_not_outcome(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Starts with a build verb, or is a bare feature name or a timeline of them, and describes
    no change."""
    start = body_start(text)
    verb = lx.BUILD_VERBS.match(text, start)
    if verb and not lx.END_STATE.match(text, OBJECT_LEAD.match(text, verb.end()).end()):
        # a benefit tacked on ('so that customers ...') is the outcome to lead with
        return [Hit(verb.span(), f"'{verb.group()}' is a build action.")]
    capability = lx.capability(text, start)
    if capability and not has_measure(text):
        return [Hit(capability, f"{lx.quoted(text, [capability])} is a capability, not a "
                                "change in what people do.")]
    if describes_change(text):
        return []
    if lx.first(lx.DISCOVERY, text):
        return []
    items = timeline_items(text, start)
    if len(items) > 1 and all(is_feature_name(text[s:e]) for s, e in items):
        # a list of short names with no change anywhere, even 'family sharing' or 'team invites'
        return [Hit(span, f"'{text[span[0]:span[1]]}' is a feature name.") for span in items]
    if lx.first(lx.PEOPLE, text):
        return []
    tokens = words_outside(text, start, len(text), lx.spans(lx.DATE, text))
    if tokens and len(tokens) <= config.OUTCOME_FEATURE_NAME_MAX_WORDS:
        span = (start + tokens[0].start(), start + tokens[-1].end())
        return [Hit(span, f"'{text[span[0]:span[1]]}' is a feature name.")]
    return []


@rule(KIND, "date-without-constraint", severity="error", lesson=LESSON,
      source="Cagan (dates only for true date constraints); Bastow; 001 (intent, not "
             "commitment); R02",
      message="A date on a roadmap item reads as a promise. Drop it, or say the hard external "
              "constraint that fixes it (a law, a contract, a season), e.g. '(legal deadline)'.")
def date_without_constraint(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """A date with no constraint word (law, contract, season, because ...)."""
    if lx.first(lx.CONSTRAINT, text):
        return []
    return hits(text, matches(text, lx.DATE), "{word} is a date.")


@rule(KIND, "story-on-roadmap", severity="error", lesson=LESSON,
      source="001 (keep roadmap and backlog distinct); house rule: stories link up, not onto "
             "the roadmap; R05",
      message="User stories, story points and acceptance criteria are backlog detail. Move "
              "the story to the backlog and put the outcome it serves on the roadmap.")
def story_on_roadmap(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """'As a ..., I want ...', story points, acceptance criteria."""
    found = matches(text, lx.STORY, lx.STORY_EXTRAS)
    return hits(text, [(s + len(text[s:e]) - len(text[s:e].lstrip(" -*•")), e)
                       for s, e in found], "{word} is backlog detail.")


@rule(KIND, "commitment-language", severity="warning", lesson=LESSON,
      source="001 (a roadmap shows intent, not commitment); 003 Step 6; R09",
      message="Promises turn a roadmap into a contract and stop learning. State the intent "
              "and, if useful, your confidence instead.")
def commitment_language(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Guarantee, promise, committed to ship ..."""
    return hits(text, matches(text, lx.COMMITMENT), "{word} is a promise.")


@rule(KIND, "too-detailed", severity="warning", lesson=LESSON,
      source="Bastow (cone of uncertainty); 001 (keep roadmap and backlog distinct); R04",
      message="Buttons, dropdowns and tables are design decisions for the backlog. On the "
              "roadmap, say what should change for users and leave the interface to the team.")
def too_detailed(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Interface controls (button, dropdown, modal ...) named on a roadmap item."""
    return hits(text, matches(text, lx.UI_CONTROLS), "{word} is interface detail.")


@rule(KIND, "vague-outcome", severity="error", lesson=LESSON,
      source="Seiden (outcomes are observable changes in behaviour); 001; R03, R07",
      message="A better experience or happier users is a wish no one can observe. Say what "
              "people will do differently (finish, return, stop calling ...) or give a measure.")
def vague_outcome(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """'Everyone has a better experience', 'happier customers', with no measure."""
    if has_measure(text):
        return []
    return hits(text, matches(text, lx.VAGUE_BENEFIT), "{word} cannot be observed.")


@rule(KIND, "no-measure", severity="info", lesson=LESSON,
      source="Pichler GO roadmap (metrics row); house definition of a roadmap item; R07",
      message="Consider how you will know the outcome happened: add a measure in brackets, "
              "e.g. '(weekly food thrown away from 2 kg to 1.2 kg)'.")
def no_measure(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """No number, comparative or time window; skipped for outputs and discovery items."""
    if has_measure(text) or lx.first(lx.DISCOVERY, text):
        return []
    if list(output_not_outcome(text, context)):
        return []
    return [Hit(whole(text), "It has no measure.")]
