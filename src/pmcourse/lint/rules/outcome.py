"""Roadmap item rules: a change for users under an intent, not a feature, a story or a date."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import config
from .. import lexicon as lx
from ..engine import Hit, rule
from ._util import body_start, hits, matches, whole

KIND, LESSON = "outcome", "06_roadmaps"


def describes_change(text: str) -> bool:
    """True when the text names a metric change, or people together with a change."""
    return bool(lx.first(lx.METRIC_CHANGE, text)
                or (lx.first(lx.PEOPLE, text) and lx.first(lx.CHANGE, text)))


@rule(KIND, "output-not-outcome", severity="error", lesson=LESSON,
      source="001 (a roadmap should not just list features); Seiden; Cagan; R03",
      message="This names something to build, not the change it should cause. Write what "
              "users will do differently or what improves for them (with a measure if you "
              "can), and keep the feature as one candidate way to get there.")
def output_not_outcome(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Starts with a build verb, or is a bare feature name, and describes no change."""
    if describes_change(text):
        return []
    start = body_start(text)
    verb = lx.BUILD_VERBS.match(text, start)
    if verb:
        return [Hit(verb.span(), f"'{verb.group()}' is a build action.")]
    dates = lx.spans(lx.DATE, text)
    tokens = [w for w in lx.words(text[start:])
              if not any(s <= w.start() + start < e for s, e in dates)]
    if (tokens and len(tokens) <= config.OUTCOME_FEATURE_NAME_MAX_WORDS
            and not lx.first(lx.PEOPLE, text) and not lx.first(lx.DISCOVERY, text)):
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


@rule(KIND, "no-measure", severity="info", lesson=LESSON,
      source="Pichler GO roadmap (metrics row); house definition of a roadmap item; R07",
      message="Consider how you will know the outcome happened: add a measure in brackets, "
              "e.g. '(weekly food thrown away from 2 kg to 1.2 kg)'.")
def no_measure(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """No number, comparative or time window; skipped for outputs and discovery items."""
    if any(lx.first(p, text) for p in (lx.NUMBER, lx.METRIC_CHANGE, lx.TIME_WINDOW,
                                        lx.OUTCOME_CUES, lx.DISCOVERY)):
        return []
    if list(output_not_outcome(text, context)):
        return []
    return [Hit(whole(text), "It has no measure.")]
