"""Vision rules: the change for people, not goals, slogans, features, solutions or dates."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping

from .. import config
from .. import lexicon as lx
from ..engine import Hit, rule
from ._util import hits, matches, merge, whole

KIND, LESSON = "vision", "02_product_vision"

BECOME_PROVIDER = re.compile(
    r"\bbecom\w*\s+(?:the\s+|a\s+|an\s+|[\w-]+['’]s\s+)(?:[\w-]+\s+){0,4}(?:provider|company|"
    r"brand|vendor|player|choice|name|platform|app|tool|business|bank|favou?rite|default|"
    r"standard|destination)\b|"
    r"(?:^\W*|\bto\s+|\bwill\s+)be\s+(?:the|[\w-]+['’]s)\s+(?:[\w-]+\s+){0,4}(?:provider|"
    r"company|brand|vendor|player|business|bank|platform|app|tool|insurer|retailer|airline)\b",
    re.IGNORECASE)
"""'Become the leading provider', 'to be Europe's most trusted insurer': what the company wants to
be, not what changes for people."""


@rule(KIND, "internal-goal", severity="error", lesson=LESSON,
      source="003 Step 1 (no internal goals); Pichler, PVB mistakes; V03, V04",
      message="A vision describes the change for people, not what the company gains. Move "
              "revenue, share and ranking goals to business goals, and say instead how people's "
              "lives are better when you succeed.")
def internal_goal(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Revenue, market share, leadership or "become the ... provider" language."""
    return hits(text, company_goal_spans(text), "{word} is a goal for the company.")


def company_goal_spans(text: str) -> list[lx.Span]:
    """Money, ranking and 'become the ... provider' goals, leaving out money that belongs to
    people ('their income', 'earns a fair income'), which a vision may well promise."""
    money = [s for s in lx.spans(lx.FINANCIAL, text) if not lx.peoples_money(text, s)]
    return merge([*money, *matches(text, lx.LEADERSHIP, BECOME_PROVIDER)])


def slogan_hits(text: str) -> list[Hit]:
    """Spans of empty slogans and buzzwords (shared with the mission rule)."""
    return hits(text, matches(text, lx.SLOGAN), "{word} is an empty slogan.")


@rule(KIND, "empty-slogan", severity="error", lesson=LESSON,
      source="003 Step 2 (no empty slogans); Rumelt (fluff); V04, V09",
      message="Slogan words sound good but say nothing anyone could disagree with. Replace them "
              "with the concrete change: who can do what they could not do before.")
def empty_slogan(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Best tool, great UX, world-class, seamless, innovative ..."""
    return slogan_hits(text)


START_BUILD = re.compile(r"^\W*(?:to\s+|we\s+(?:will\s+|want\s+to\s+|'ll\s+)?)?"
                         + lx.BUILD_VERBS.pattern, re.IGNORECASE)
LIST_GAP = re.compile(r"^(?:\s*(?:,|and|&|or|plus|/)\s*|\s+)(?:\w+\s+){0,2}$", re.IGNORECASE)


ACTION_OBJECT = re.compile(
    rf"(?:\s+[^\s,;.:!?]+){{1,{config.FEATURE_ACTION_OBJECT_MAX_WORDS}}}")
"""The words after a product action, up to the next punctuation mark."""
ACTION_GAP = re.compile(ACTION_OBJECT.pattern + r"(?:\s*[,;]\s*(?:(?:and|or|then)\s+)?|"
                        r"\s+(?:and|or|&|then|plus|as well as)\s+)", re.IGNORECASE)
"""An object, then a list separator, between two product actions."""
PERSON_BEFORE = re.compile(
    r"(?:\bwho|" + lx.PEOPLE.pattern + r")(?:\s+(?:keep|keeps|are|is|start|starts|also|still|"
    r"will|can|love|loves|enjoy|enjoys|spend|spends|go|goes))?\s+$", re.IGNORECASE)
"""A person right before the verbs (perhaps with 'keep', 'are', 'also' ...): people act."""


def product_actions_span(text: str) -> lx.Span | None:
    """The span of several product actions in a row ("scans your pantry, suggests recipes and
    builds shopping lists"), unless people are the ones acting (V01)."""
    verbs = list(lx.PRODUCT_ACTIONS.finditer(text))
    chains: list[list[re.Match[str]]] = []
    for verb in verbs:
        if chains and ACTION_GAP.fullmatch(text, chains[-1][-1].end(), verb.start()):
            chains[-1].append(verb)
        else:
            chains.append([verb])
    for chain in chains:
        if len(chain) < config.FEATURE_ACTIONS_MIN_ITEMS:
            continue
        if PERSON_BEFORE.search(text, 0, chain[0].start()):
            continue
        tail = ACTION_OBJECT.match(text, chain[-1].end())
        if tail:
            return (chain[0].start(), tail.end())
    return None


WITH_WINDOW_CHARS = 40 * config.FEATURE_AFTER_WITH_WINDOW
"""Characters read after a 'with' to find its words: enough for the word window, and bounded so
a long text costs time in proportion to its length."""


def feature_list_span(text: str) -> lx.Span | None:
    """The span of a feature list or build action in ``text``, if it has one (V01)."""
    found = lx.spans(lx.FEATURES, text)
    starts = [f[0] for f in found]
    chains: list[list[lx.Span]] = []
    for span in found:
        if chains and LIST_GAP.match(text[chains[-1][-1][1]:span[0]]):
            chains[-1].append(span)
        else:
            chains.append([span])
    longest = max(chains, key=len, default=[])
    if len(longest) >= config.FEATURE_LIST_MIN_ITEMS:
        start = longest[0][0]
        for m in lx.WITH_FEATURES.finditer(text, max(0, start - WITH_WINDOW_CHARS), start):
            if len(lx.words(text[m.end():start])) <= config.FEATURE_AFTER_WITH_WINDOW:
                start = m.start()
                break
        return (start, longest[-1][1])
    actions = product_actions_span(text)
    if actions:
        return actions
    for m in lx.WITH_FEATURES.finditer(text):
        window = text[m.end():m.end() + WITH_WINDOW_CHARS]
        after = lx.words(window)[: config.FEATURE_AFTER_WITH_WINDOW]
        i = bisect_left(starts, m.end())
        if i < len(found) and after and found[i][0] - m.end() <= after[-1].end():
            return (m.start(), found[i][1])
    build = START_BUILD.search(text)
    if build and builds_a_product(text, build.end()):
        verb = lx.BUILD_VERBS.search(text, build.start())
        return verb.span() if verb else build.span()
    return None


def builds_a_product(text: str, start: int) -> bool:
    """True when the object after a creation verb is a product, a feature or a technology
    ('build an app'), not an end state for people ('create a better everyday life', 'build a
    future where ...', 'create economic opportunity')."""
    window = text[start:start + WITH_WINDOW_CHARS]
    words = lx.words(window)[: config.FEATURE_AFTER_WITH_WINDOW]
    if not words:
        return False
    window = window[: words[-1].end()]
    product = min((m.start() for p in (lx.CATEGORY, lx.FEATURES, lx.TECHNOLOGY)
                   if (m := p.search(window))), default=None)
    if product is None:
        return False
    end_state = lx.END_STATE.search(window)
    return end_state is None or product < end_state.start()


@rule(KIND, "feature-list", severity="error", lesson=LESSON,
      source="003 Step 1; Pichler (look beyond the product); Cagan; V01",
      message="A vision that lists features or build work describes the product, not the "
              "change it brings. Keep features for the roadmap and backlog, and write what "
              "people gain from them.")
def feature_list(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Two or more features in a list, several product actions in a row ('scans ..., suggests
    ...'), 'with <feature>', or a build action."""
    span = feature_list_span(text)
    if span is None:
        return []
    return [Hit(span, f"{lx.quoted(text, [span])} reads as features or build work.")]


@rule(KIND, "too-long", severity="warning", lesson=LESSON,
      source="Pichler (concise, memorable); 001 (short, punchy); PVB (two sentences); V05",
      message="A vision should be short enough to remember and repeat: cut it to one or two "
              f"sentences of at most {config.VISION_MAX_WORDS} words and move the detail to the "
              "strategy.")
def too_long(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """More words or sentences than the caps in config."""
    tokens = lx.words(text)
    ends = [m.end() for m in lx.SENTENCE_END.finditer(text.strip())]
    starts = []
    notes = []
    if len(tokens) > config.VISION_MAX_WORDS:
        starts.append(tokens[config.VISION_MAX_WORDS].start())
        notes.append(f"{len(tokens)} words (cap {config.VISION_MAX_WORDS})")
    if len(ends) + 1 > config.VISION_MAX_SENTENCES:
        offset = len(text) - len(text.lstrip())
        starts.append(offset + ends[config.VISION_MAX_SENTENCES - 1])
        notes.append(f"{len(ends) + 1} sentences (cap {config.VISION_MAX_SENTENCES})")
    if not starts:
        return []
    start = min(starts)
    start += len(text[start:]) - len(text[start:].lstrip())
    return [Hit((start, whole(text)[1]), f"It has {' and '.join(notes)}.")]


@rule(KIND, "no-beneficiary", severity="warning", lesson=LESSON,
      source="Pichler (positive change); Cagan (improve customers' lives); V07 (heuristic)",
      message="Say whose life changes: name the people (households, nurses, small cafés ...) "
              "and what becomes possible or easier for them.")
def no_beneficiary(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """No people noun anywhere in the statement."""
    if lx.first(lx.PEOPLE, text):
        return []
    detail = "" if lx.first(lx.CHANGE, text) else "It names neither people nor a change."
    return [Hit(whole(text), detail or "It names no people.")]


@rule(KIND, "names-solution", severity="warning", lesson=LESSON,
      source="Pichler (not tied to a solution) vs 002/004 (name the product): anchors disagree; "
             "V02, V10",
      message="Naming the product type or technology ties the vision to one solution, so a "
              "pivot would mean a new vision. Describe the change instead and leave the "
              "category to the mission.")
def names_solution(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """A product category noun (app, platform, tool ...) or a technology."""
    return hits(text, matches(text, lx.CATEGORY, lx.TECHNOLOGY), "{word} names a solution.")


@rule(KIND, "dates-or-metrics", severity="warning", lesson=LESSON,
      source="Cagan, Pichler (horizon of years); 003 Step 4 (metrics are goals); V06",
      message="Dates and numbers belong to goals and the roadmap; a vision holds for years. "
              "Move the target to your North Star or goals and keep the vision timeless.")
def dates_or_metrics(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """A year, quarter, deadline phrase, percentage or other number."""
    found = merge([*lx.spans(lx.DATE, text), *lx.spans(lx.NUMBER, text)])
    return [Hit(s, f"{lx.quoted(text, [s])} is a date or a number.") for s in found]


SHORT_HORIZON = re.compile(
    r"\b(?:this|next)\s+(?:quarter|year|month|sprint|release)\b|\bin\s+\d+\s+(?:weeks|months)\b",
    re.IGNORECASE)


@rule(KIND, "horizon-too-short", severity="error", lesson=LESSON,
      source="Cagan (a vision looks 3 to 10 years ahead); Pichler (5 to 10 years); V11",
      message="A vision looks years ahead; a plan for the next months is a goal or a roadmap "
              "item. Describe where people will be in several years instead.")
def horizon_too_short(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """This quarter, next release, in 6 months ..."""
    return hits(text, matches(text, SHORT_HORIZON), "{word} is a short horizon.")


STRATEGY_IN_VISION = re.compile(
    r"\bfor\s+(?:\w+\s+){0,5}?who\b|\bunlike\b|\bby\s+(?:offering|providing|leveraging)\b|"
    r"\bthrough\s+partnerships\b|\btarget(?:ing)?\s+(?:segment|market)s?\b|\bcompetitors?\b",
    re.IGNORECASE)


@rule(KIND, "strategy-in-vision", severity="warning", lesson=LESSON,
      source="Pichler (keep vision and strategy separate); V08",
      message="Target segments, competitors and how you will win change as you learn; they "
              "belong to the strategy. Keep the vision to the lasting change for people.")
def strategy_in_vision(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """'for X who', 'unlike', 'by offering', competitors."""
    return hits(text, matches(text, STRATEGY_IN_VISION), "{word} is a strategy choice.")


MISSION_PATTERN = re.compile(
    r"\b(?:we|it)\s+(?:build|provide|offer|are|make|run|sell)\s+(?:a|an|the)\s+(?:[\w'-]+\s+){0,4}?"
    + lx.CATEGORY.pattern, re.IGNORECASE)


@rule(KIND, "reads-like-mission", severity="warning", lesson="03_vision_vs_mission",
      source="Cagan (most 'visions' are mission statements); 003 Steps 1 and 2; M03",
      message="'We provide a <product> for ...' says what you make, which is the mission's job. "
              "Keep it for the mission and write the vision as the change people will see.")
def reads_like_mission(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """'We build/provide/offer a <category> ...' in a vision."""
    return hits(text, matches(text, MISSION_PATTERN), "{word} describes the product.")


@rule(KIND, "adoption-goal", severity="error", lesson=LESSON,
      source="003 Step 1 (no internal goals); Pichler (the vision is not about the product); "
             "V03, V04",
      message="How many people use your product is the company's goal, not the change in "
              "their lives. Say what is different for people when you succeed, and keep "
              "adoption targets for your business goals.")
def adoption_goal(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """'Every small business uses our app', 'a million households plan on Larder every week',
    'the most downloaded ...': market penetration as the vision."""
    found = matches(text, lx.ADOPTION)
    product = (context.get("product") or "").strip()
    if product:
        found += [m.span() for m in re.finditer(rf"\b{re.escape(product)}\b", text)]
    return hits(text, found, "{word} measures adoption of the product.")
