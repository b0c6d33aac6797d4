"""The course's house definitions: one meaning per term, used by every lesson and exercise.

Where the source lessons disagree, these are the course's rulings (see ``disagreements.py``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Definition:
    """A house definition: what the term means here, what it holds, what it leaves out."""

    term: str
    meaning: str
    """One or two sentences, in the course's words."""
    lesson: str
    """Id of the lesson that teaches the term."""
    includes: tuple[str, ...] = ()
    """What a good instance of it contains."""
    excludes: tuple[str, ...] = ()
    """What does not belong in it (usually because it belongs to another artifact)."""
    horizon: str = ""
    """How far ahead it looks, or how often it changes, where that matters."""
    aliases: tuple[str, ...] = ()
    """Other names a learner may look it up by."""


DEFINITIONS: dict[str, Definition] = {d.term: d for d in (
    Definition("vision and strategy pyramid",
       "A picture of the layers of product work. Vision and strategy sit at the base and set the "
       "direction; roadmap scope and the backlog sit on top and make the team faster toward a "
       "destination that is already chosen.",
       "01_leverage", aliases=("pyramid", "leverage")),
    Definition("vision",
       "The change the product should bring about in people's lives, told from their side. It "
       "stays put for years while everything beneath it adapts.",
       "02_product_vision",
       includes=("the people who benefit", "the change or benefit they experience"),
       excludes=("a product category (app, platform, tool)", "features", "revenue or market-share "
                 "goals", "dates and metric targets", "competitors"),
       horizon="3 to 10 years; stable", aliases=("product vision", "vision statement")),
    Definition("mission",
       "The product's own contribution to the vision: whom it serves, which category of product "
       "it is, and the few aspects that make it matter. Present tense, concrete, no slogans.",
       "03_vision_vs_mission",
       includes=("who (a segment)", "a category noun", "one to three key aspects"),
       excludes=("empty slogans such as 'the best tool' or 'great UX'", "revenue goals"),
       horizon="several years; revised when the strategy pivots",
       aliases=("product mission", "mission statement")),
    Definition("positioning",
       "How a product is placed for a target customer against their alternatives. Geoffrey "
       "Moore's template fills six slots: for whom, which need, the product's name, its "
       "category, its key benefit, and unlike which alternative.",
       "03_vision_vs_mission", aliases=("positioning statement",)),
    Definition("strategy",
       "The set of choices that gets the product from today to the vision: where to play (which "
       "customers and segments), how to win (the differentiation), what not to do, and how "
       "success will be measured.",
       "04_product_strategy",
       includes=("an ideal customer profile and chosen segments", "differentiation: why we win",
                 "an explicit won't-do list", "a North Star metric and its inputs",
                 "strategic intents"),
       excludes=("'all customers'", "goals with no choices behind them",
                 "a dated feature list (that would be a plan, not a strategy)"),
       horizon="6 to 24 months; reviewed every quarter", aliases=("product strategy",)),
    Definition("strategy kernel",
       "Richard Rumelt's three parts of any good strategy: a diagnosis of what makes the "
       "challenge hard, a guiding policy that answers it, and coherent actions that carry the "
       "policy out.",
       "04_product_strategy", aliases=("kernel", "diagnosis", "guiding policy")),
    Definition("business strategy",
       "The company's plan for the business as a whole: its objectives, budget and business "
       "metrics such as revenue. Product strategy is how the product helps deliver it.",
       "04_product_strategy", aliases=("company strategy",)),
    Definition("four strategy questions",
       "A completeness check for a product strategy: what are we building and why; whom are we "
       "building it for and why; how will the product grow and why; how will we know it is "
       "good and why.",
       "04_product_strategy", aliases=("four questions",)),
    Definition("ideal customer profile",
       "A sharp description of the customer the product serves best: who they are, their "
       "situation and the need that makes them care, specific enough to say no to others.",
       "04_product_strategy", aliases=("ICP",)),
    Definition("segment",
       "A group of customers who share a need and a situation and can be served the same way. "
       "A strategy picks a few segments and says which come first.",
       "04_product_strategy", aliases=("customer segment", "segments")),
    Definition("differentiation",
       "What the product does that the customer's alternatives do not, and why that makes the "
       "chosen customers pick it: the strategy's answer to 'why do we win?'.",
       "04_product_strategy", aliases=("how to win", "why we win")),
    Definition("won't-do list",
       "The explicit list of customers, markets and features the strategy declines for now. "
       "Choosing is saying no; a strategy without this list has not chosen.",
       "04_product_strategy", aliases=("what not to do", "non-goals", "wont-do list")),
    Definition("North Star metric",
       "The one number that best captures the value customers get from the product and that "
       "leads long-term business results. It is moved through its input metrics.",
       "05_measurable_goals", aliases=("NSM", "north star")),
    Definition("input metric",
       "A metric the team can move in weeks that drives the North Star: a leading indicator "
       "of the value customers get.",
       "05_measurable_goals", aliases=("input metrics", "leading metric")),
    Definition("OKR",
       "Objectives and key results: a qualitative objective with three to five measurable key "
       "results that show whether it was reached in a set period (the course's rule; some "
       "practitioners allow two).",
       "05_measurable_goals", aliases=("OKRs", "objectives and key results")),
    Definition("roadmap",
       "Sequenced outcomes and problems to solve, grouped under strategic intents and shown as "
       "Now, Next and Later. It states intent, not commitment: a prototype of the strategy "
       "that changes as the team learns.",
       "06_roadmaps",
       includes=("outcomes phrased as changes in what people do",
                 "a link from each item to a strategic intent", "how success is measured"),
       excludes=("feature lists with delivery dates", "story-level detail",
                 "commitment language; dates only for hard external constraints"),
       horizon="Now / Next / Later; a living document", aliases=("product roadmap",)),
    Definition("Now-Next-Later",
       "A roadmap format with three columns of decreasing certainty instead of a timeline: what "
       "the team works on now, what comes next, and what is later and still fuzzy.",
       "06_roadmaps", aliases=("now next later",)),
    Definition("delivery plan",
       "The dated plan for work the team has committed to: who ships what by when. It holds the "
       "deadlines the roadmap leaves out.",
       "06_roadmaps", horizon="weeks to a quarter", aliases=("release plan",)),
    Definition("outcome",
       "A change in what people do or achieve that you can observe, whatever the team ships. "
       "It sits between output and impact: the output is what the team builds, the impact is "
       "the business result the outcome later brings. Roadmaps are made of outcomes.",
       "06_roadmaps", aliases=("outcomes",)),
    Definition("output",
       "Something the team builds or delivers: a feature, a screen, an integration. Outputs are "
       "means to outcomes and belong in the backlog.",
       "06_roadmaps", aliases=("outputs",)),
    Definition("strategic intent",
       "A broad aim the strategy commits to for a while, used as a swimlane on the roadmap. "
       "Each intent has its own small mission and few dependencies on the others.",
       "06_roadmaps", aliases=("strategic intents", "swimlane")),
    Definition("initiative",
       "A bet on how to reach an outcome, held as a hypothesis to test and revise, never as a "
       "promise of fixed scope and date.",
       "06_roadmaps", aliases=("initiatives", "hypothesis")),
    Definition("discovery",
       "The team's ongoing work of finding out which customer problems stand between today and "
       "an outcome, and which solutions work, by testing assumptions before building much.",
       "07_discovery_prioritisation", aliases=("product discovery", "continuous discovery")),
    Definition("opportunity solution tree",
       "Teresa Torres's picture of discovery: one outcome at the root, the customer "
       "opportunities that could move it, candidate solutions for the chosen opportunity, and "
       "the assumption tests beneath each solution.",
       "07_discovery_prioritisation", aliases=("OST", "opportunity tree")),
    Definition("opportunity",
       "A customer need, pain or wish, in the customer's own framing, that could be met in more "
       "than one way. An opportunity that only one feature can meet is a solution in disguise.",
       "07_discovery_prioritisation", aliases=("opportunities",)),
    Definition("RICE",
       "A scoring method from Intercom: reach times impact times confidence, divided by effort. "
       "It compares bets for the same outcome and exposes the assumptions behind each.",
       "07_discovery_prioritisation", aliases=("RICE score",)),
    Definition("cost of delay",
       "What each week of waiting costs in the outcome's terms (Reinertsen). Dividing it by the "
       "work's duration orders urgent, short work first (WSJF).",
       "07_discovery_prioritisation", aliases=("WSJF", "weighted shortest job first")),
    Definition("backlog",
       "The ordered list of work the team will do soon: user stories, epics and operational "
       "tasks, each linked up to a roadmap outcome. Detailed at the top, rough further down.",
       "08_backlogs",
       includes=("well-formed user stories with acceptance criteria", "epics to be split",
                 "operational tasks"),
       excludes=("outcome statements with nothing to do", "items for a year from now"),
       horizon="the next few sprints", aliases=("product backlog",)),
    Definition("user story",
       "A small piece of value told from a user's side: as a kind of user, I want something, so "
       "that a benefit follows. It comes with acceptance criteria.",
       "08_backlogs", aliases=("story", "user stories")),
    Definition("epic",
       "A backlog item too big for one sprint, split into user stories before the team starts it.",
       "08_backlogs", aliases=("epics",)),
    Definition("operational task",
       "Necessary work that is not a user-facing story: an upgrade, a migration, a support "
       "chore. It sits in the backlog beside the stories.",
       "08_backlogs", aliases=("task", "operational tasks")),
    Definition("INVEST",
       "A checklist for good user stories: Independent, Negotiable, Valuable, Estimable, Small, "
       "Testable.",
       "08_backlogs"),
    Definition("acceptance criteria",
       "The observable conditions a story must meet to count as done, written before work "
       "starts, often as given / when / then.",
       "08_backlogs", aliases=("acceptance criterion",)),
    Definition("company values",
       "The beliefs that govern how the people of a company behave and decide, whatever the "
       "product. Promise only what you keep.",
       "09_values_principles_kpis", aliases=("values",)),
    Definition("product principle",
       "A rule the team agrees on in advance to settle recurring trade-offs quickly, e.g. "
       "'privacy beats convenience'. Principles are guardrails for decisions.",
       "09_values_principles_kpis", aliases=("product principles", "principles")),
    Definition("KPI tree",
       "A diagram linking business metrics down to the product metrics and initiatives that "
       "drive them, kept schematic rather than a precise formula.",
       "09_values_principles_kpis", aliases=("driver tree", "KPI")),
)}


def find_definition(term: str) -> Definition | None:
    """The definition for `term` or one of its aliases, ignoring case; None when unknown."""
    wanted = " ".join(term.replace("_", " ").split()).casefold()
    for d in DEFINITIONS.values():
        if wanted == d.term.casefold() or wanted in (a.casefold() for a in d.aliases):
            return d
    return None
