"""Where the course's source lessons disagree, and the rule this course follows.

Each disagreement is taught as a point in its own right: learners will meet both positions at work.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Disagreement:
    """Two positions on one question, the course's ruling, and why."""

    topic: str
    """Stable slug, e.g. ``roadmap-content``."""
    question: str
    position_a: str
    position_b: str
    course_rule: str
    why: str
    lesson: str
    """Id of the lesson that teaches it."""


DISAGREEMENTS: dict[str, Disagreement] = {d.topic: d for d in (
    Disagreement(
        "roadmap-content",
        "What goes on a roadmap?",
        "A short post among our sources calls the roadmap the 'what and when': key features, "
        "improvements and milestones on a timeline, used to tell people what ships when.",
        "An introductory course among our sources, with Bastow and Cagan: goals and outcomes, "
        "not a dated feature list; deadlines live in the delivery plan. Pichler's GO roadmap "
        "keeps a date or time frame per release but leads each one with a goal and its metrics.",
        "A roadmap holds outcomes under strategic intents, in Now / Next / Later. Candidate "
        "features may hang beneath an outcome as bets. A date appears only when the world "
        "imposes one (a regulation, a season, a contract).",
        "A dated feature list promises scope the team has not yet learned it needs, and turns "
        "every slip into broken trust. Outcomes leave room to find the best way there.",
        "06_roadmaps"),
    Disagreement(
        "vision-names-product",
        "Does the vision name the product and its category?",
        "Two of our sources let the vision say what the product is and whom it serves; one "
        "example vision begins 'to provide a learning management system'.",
        "Pichler: a vision is not tied to a solution. Another source: describe how customers' "
        "behaviour changes, not what you build.",
        "The vision describes the change in people's lives. The product's category and target "
        "users go in the mission. Naming a category in a vision is a warning (linter rule "
        "`vision/names-solution`), not an error, because some authors allow it.",
        "A vision tied to one solution must be rewritten when the solution changes; a vision "
        "about people survives pivots and keeps the team open to better solutions.",
        "03_vision_vs_mission"),
    Disagreement(
        "vision-stability",
        "How often should the vision change?",
        "One article among our sources advises updating the vision often.",
        "Pichler and Cagan: the vision stays stable for years (stubborn on the vision, flexible "
        "on the details); strategy and roadmap are what change.",
        "The vision is stable (3 to 10 years). Strategy is reviewed quarterly; the roadmap "
        "changes whenever the team learns something.",
        "A vision that moves every quarter cannot align anyone. If it needs frequent edits, it "
        "probably contains strategy (segments, features, dates) that should move down a level.",
        "02_product_vision"),
    Disagreement(
        "mission-definition",
        "What is a mission?",
        "Common definitions: the mission is what the company does now and how, the vision is "
        "the future; authors disagree on which of the two may change. Cagan treats a mission "
        "statement as a purpose slogan, which is not a vision.",
        "The seven-step strategy guide among our sources: the product mission is the product's "
        "specific contribution to the vision, with its category and key aspects. The vision-vs-"
        "mission article among our sources never defines mission at all.",
        "Product mission = the product's contribution to the vision: who it serves, which "
        "category it is, which two or three aspects matter; present tense; no slogans.",
        "This definition can be checked (who, category, aspects are there or not), and it makes "
        "the vision and the mission do different jobs instead of saying the same thing twice.",
        "03_vision_vs_mission"),
    Disagreement(
        "backlog-roadmap-hierarchy",
        "Are epics and stories part of the roadmap?",
        "Some tool guides draw one tree on the roadmap: mission, themes, dated milestones, then "
        "epics and user stories.",
        "An introductory course among our sources: keep roadmap and backlog distinct; the "
        "roadmap is strategic and long-range, the backlog tactical and near-term.",
        "Epics and stories live in the backlog and link up to the roadmap outcome they serve. "
        "They are never drawn on the roadmap.",
        "Story-level detail on a roadmap makes it a project plan nobody outside the team can "
        "read, and hides whether the outcomes are moving.",
        "08_backlogs"),
    Disagreement(
        "four-questions-owner",
        "Does the roadmap or the strategy answer the four questions?",
        "One handbook page can be read as saying the roadmap answers them.",
        "Read with the rest of that page (a strategy is not a roadmap; roadmaps come out of a "
        "strategy), they belong to the strategy.",
        "The four questions check a strategy for completeness. The roadmap is derived from the "
        "answers.",
        "If the roadmap answered them, there would be nothing to derive the roadmap from.",
        "04_product_strategy"),
)}


def find_disagreement(topic: str) -> Disagreement | None:
    """The disagreement with slug `topic` (underscores or spaces allowed); None when unknown."""
    slug = "-".join(topic.replace("_", " ").casefold().split())
    return DISAGREEMENTS.get(slug)
