"""Mission rules: the product's contribution (who, category, key aspects), not a slogan."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from difflib import SequenceMatcher

from .. import config
from .. import lexicon as lx
from ..engine import Hit, rule
from ._util import hits, matches, whole
from .vision import company_goal_spans, slogan_hits

KIND, LESSON = "mission", "03_vision_vs_mission"


@rule(KIND, "empty-slogan", severity="error", lesson=LESSON,
      source="003 Step 2 (Don't: empty slogans like 'great UX' or 'best tool'); M01",
      message="A mission made of slogan words could belong to any product. Name what the "
              "product is, for whom, and the one to three aspects that make its contribution "
              "distinct.")
def empty_slogan(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Best tool, great UX, world-class, seamless ..."""
    return slogan_hits(text)


@rule(KIND, "no-category", severity="warning", lesson=LESSON,
      source="003 Step 2 (Do: define the category and key aspects); M02",
      message="Say which kind of product this is (an app, a service, a marketplace ...), who "
              "it is for, and its key aspects, so readers can picture the contribution.")
def no_category(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """No product category noun anywhere."""
    return [] if lx.first(lx.CATEGORY, text) else [Hit(whole(text), "It names no category.")]


def _norm(text: str) -> str:
    return " ".join(m.group().lower() for m in lx.words(text))


@rule(KIND, "same-as-vision", severity="error", lesson=LESSON,
      source="Cagan (vision is not mission); 003 Steps 1 and 2; M04",
      message="The vision is the change for people; the mission is your product's part in "
              "it. Rewrite the mission to name the product category, who it serves and how.")
def same_as_vision(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Near-identical to ``context["vision"]``."""
    vision = context.get("vision", "")
    if not vision.strip():
        return []
    ratio = SequenceMatcher(None, _norm(text), _norm(vision)).ratio()
    if ratio <= config.SAME_AS_VISION_RATIO:
        return []
    return [Hit(whole(text), f"It is {ratio:.0%} the same as your vision.")]


@rule(KIND, "internal-goal", severity="error", lesson=LESSON,
      source="003 Step 1 (no internal goals); house definition of mission (no revenue)",
      message="A mission states what the product contributes for its users; revenue and "
              "ranking belong to business goals. Describe the contribution instead.")
def internal_goal(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Revenue, market share or leadership language."""
    return hits(text, company_goal_spans(text), "{word} is a goal for the company.")


VISION_PATTERN = re.compile(
    r"\ba world (?:where|in which)\b|\bevery(?:one|body) can\b|\bno one (?:has to|will|needs)\b|"
    r"\bnobody (?:has to|will|needs)\b", re.IGNORECASE)


@rule(KIND, "reads-like-vision", severity="warning", lesson=LESSON,
      source="Cagan (vision and mission differ); M03 (swapped statements)",
      message="This describes a future world, which is the vision's job. Keep it as your "
              "vision and write the mission as what your product does to get there: its "
              "category, who it serves and how.")
def reads_like_vision(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """'A world where ...', 'everyone can ...' with no category named."""
    if lx.first(lx.CATEGORY, text):
        return []
    return hits(text, matches(text, VISION_PATTERN), "{word} is vision language.")


@rule(KIND, "no-audience", severity="warning", lesson=LESSON,
      source="003 Step 2 (the product's contribution for its customers); house definition "
             "(who, category, key aspects); M02",
      message="Say who the product is for, as specifically as you can (e.g. 'for busy "
              "households that shop once a week'), so the mission rules some customers out.")
def no_audience(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """No people noun anywhere, so the mission serves nobody in particular."""
    return [] if lx.first(lx.PEOPLE, text) else [Hit(whole(text), "It names no audience.")]
