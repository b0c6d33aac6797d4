"""Strategy rules: choices (where to play, how to win, what not to do), not goals or roadmaps."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import config
from .. import lexicon as lx
from ..engine import Hit, rule
from ._util import hits, matches, whole

KIND, LESSON = "strategy", "04_product_strategy"


@rule(KIND, "goals-not-choices", severity="error", lesson=LESSON,
      source="Rumelt (goals are not strategy); 000; S01",
      message="A target says where you want to be, not how you will get there. Add the "
              "choices: which customers you serve first, how you win against their current "
              "option, and what you will not do.")
def goals_not_choices(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """A numeric or leadership aspiration with no choice words at all."""
    if lx.first(lx.CHOICE, text):
        return []
    if not (lx.first(lx.NUMBER, text) or lx.first(lx.LEADERSHIP, text)
            or lx.first(lx.FINANCIAL, text)):
        return []
    return hits(text, matches(text, lx.ASPIRATION), "{word} sets a goal, not a choice.")


@rule(KIND, "everybodys-darling", severity="error", lesson=LESSON,
      source="003 Step 3 (be sharp about the ICP; don't be everybody's darling); Cagan; S03",
      message="Serving everyone means winning no one first. Pick one ideal customer profile "
              "(segment, size, region) to win first and say who waits.")
def everybodys_darling(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Everyone, all businesses, SMBs and enterprises, worldwide ..."""
    return hits(text, matches(text, lx.UNIVERSAL), "{word} targets everyone.")


@rule(KIND, "no-non-goals", severity="warning", lesson=LESSON,
      source="003 Step 3 (what to do and what not); Rumelt (guiding policy); S02",
      message="A strategy is as much about what you will not do. Add at least one explicit "
              "non-goal, e.g. 'we will not serve hospitals this year'.")
def no_non_goals(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """No negation or trade-off marker anywhere."""
    if lx.first(lx.NON_GOAL, text):
        return []
    return [Hit(whole(text), "It says nothing you won't do.")]


@rule(KIND, "roadmap-in-strategy", severity="warning", lesson=LESSON,
      source="000 (a strategy is not a roadmap; roadmaps are its output); S04",
      message="A list of dated deliveries is a roadmap or a release plan. State the choices "
              "behind it here and derive the roadmap from them.")
def roadmap_in_strategy(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Several dates in one strategy statement."""
    dates = lx.spans(lx.DATE, text)
    if len(dates) < config.STRATEGY_ROADMAP_MIN_DATES:
        return []
    return [Hit((dates[0][0], dates[-1][1]), f"It has {len(dates)} dates.")]
