"""The course glossary: every house definition plus the supporting terms lessons use in passing."""

from __future__ import annotations

from dataclasses import dataclass

from .definitions import DEFINITIONS


@dataclass(frozen=True)
class GlossaryEntry:
    """One term, a short meaning and the lesson where it is taught or first used."""

    term: str
    meaning: str
    lesson: str


EXTRA_TERMS: tuple[GlossaryEntry, ...] = (
    GlossaryEntry("ARR", "Annual recurring revenue: yearly subscription income. A business "
                  "metric, too slow and indirect to steer product work by.", "05_measurable_goals"),
    GlossaryEntry("LTV", "Lifetime value: the revenue a customer brings over their whole "
                  "relationship with the company. A business metric, not a product goal.",
                  "05_measurable_goals"),
    GlossaryEntry("leading indicator", "A metric that moves before the result you care about "
                  "and so predicts it; input metrics are leading indicators.",
                  "05_measurable_goals"),
    GlossaryEntry("lagging indicator", "A metric that shows a result only after the fact, such "
                  "as revenue or churn.", "05_measurable_goals"),
    GlossaryEntry("stakeholder", "Anyone with a stake in the product's decisions: customers, "
                  "executives, sales, support, the team itself.", "01_leverage"),
    GlossaryEntry("alignment", "People in different roles making decisions that point the same "
                  "way because they share the vision and strategy.", "01_leverage"),
    GlossaryEntry("impact", "The business result that outcomes lead to later, such as revenue "
                  "or retention: the last link of the chain output, outcome, impact.",
                  "06_roadmaps"),
    GlossaryEntry("sprint", "A short fixed period (often two weeks) in which a team delivers a "
                  "set of backlog items.", "08_backlogs"),
    GlossaryEntry("guardrail", "A limit a team agrees not to cross while chasing a goal, such as "
                  "a principle or a metric that must not get worse.", "09_values_principles_kpis"),
    GlossaryEntry("capstone", "The final project: your own product's strategy, drafted and "
                  "exported as one document.", "10_capstone"),
)


def glossary() -> list[GlossaryEntry]:
    """Every glossary entry, definitions first turned into entries, sorted by term."""
    entries = [GlossaryEntry(d.term, d.meaning, d.lesson) for d in DEFINITIONS.values()]
    entries += EXTRA_TERMS
    return sorted(entries, key=lambda e: e.term.casefold())
