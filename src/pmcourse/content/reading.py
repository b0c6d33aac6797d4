"""Further reading per lesson: real books and articles, each credited to its author and publisher.

Kept short on purpose: two to four items a learner can actually finish, each with why it helps.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Reading:
    """One book or article: who wrote it, its title, where and when it appeared, and why read it."""

    author: str
    title: str
    published: str
    """Publisher or site, and year where known."""
    why: str


_INSPIRED = Reading("Marty Cagan", "Inspired: How to Create Tech Products Customers Love",
                    "Wiley, 2nd edition, 2017",
                    "the product manager's job, product vision, strategy and principles")
_STRATEGIZE = Reading("Roman Pichler", "Strategize: Product Strategy and Product Roadmap "
                      "Practices for the Digital Age", "Pichler Consulting, 2016",
                      "the vision board, strategy and the goal-oriented (GO) roadmap in one "
                      "method")
_RUMELT = Reading("Richard Rumelt", "Good Strategy/Bad Strategy: The Difference and Why It "
                  "Matters", "Crown Business, 2011",
                  "the kernel of a strategy (diagnosis, guiding policy, coherent actions) and "
                  "the marks of a bad one")

READING: dict[str, tuple[Reading, ...]] = {
    "00_start_here": (_INSPIRED, _STRATEGIZE),
    "01_leverage": (
        Reading("Brandon Chu", "Applying Leverage as a Product Manager",
                "The Black Box of Product Management (Medium)",
                "where a product manager's time pays off most; the idea behind the pyramid"),
        Reading("Melissa Perri", "Escaping the Build Trap", "O'Reilly, 2018",
                "why shipping more features is not the same as making progress"),
        _INSPIRED,
    ),
    "02_product_vision": (
        Reading("Roman Pichler", "The Product Vision Board", "romanpichler.com",
                "a one-page canvas that keeps the vision apart from the strategy beneath it"),
        Reading("Marty Cagan and Chris Jones", "Empowered: Ordinary People, Extraordinary "
                "Products", "Wiley, 2020", "the product vision as a tool for empowered teams"),
    ),
    "03_vision_vs_mission": (
        Reading("Geoffrey A. Moore", "Crossing the Chasm", "HarperBusiness, 1991 (3rd edition "
                "2014)", "the positioning statement: for whom, which need, which category, "
                "unlike what"),
        Reading("Roman Pichler", "The Product Vision Board", "romanpichler.com",
                "why target group and value proposition belong below the vision"),
    ),
    "04_product_strategy": (
        _RUMELT,
        Reading("A. G. Lafley and Roger L. Martin", "Playing to Win: How Strategy Really Works",
                "Harvard Business Review Press, 2013",
                "strategy as a cascade of choices, including where to play and how to win"),
        Reading("Marty Cagan", "Business Strategy vs. Product Strategy", "svpg.com",
                "how the product strategy serves the business strategy"),
    ),
    "05_measurable_goals": (
        Reading("John Cutler and Jason Scherschligt", "The North Star Playbook", "Amplitude",
                "choosing a North Star metric and the inputs under it, with a checklist"),
        Reading("John Doerr", "Measure What Matters", "Portfolio, 2018",
                "objectives and key results, from Intel to Google"),
    ),
    "06_roadmaps": (
        Reading("C. Todd Lombardo, Bruce McCarthy, Evan Ryan and Michael Connors",
                "Product Roadmaps Relaunched", "O'Reilly, 2017",
                "what a roadmap holds: themes, broad time frames, a disclaimer"),
        Reading("Josh Seiden", "Outcomes Over Output", "Sense & Respond Press, 2019",
                "outcomes as changes in behaviour, and the output, outcome, impact chain"),
        Reading("Roman Pichler", "The GO Product Roadmap", "romanpichler.com",
                "a goal-oriented roadmap: a date or time frame, a goal, a few features and "
                "metrics per release"),
    ),
    "07_discovery_prioritisation": (
        Reading("Teresa Torres", "Continuous Discovery Habits", "Product Talk, 2021",
                "the opportunity solution tree and weekly contact with customers"),
        Reading("Sean McBride", "RICE: Simple prioritization for product managers",
                "Intercom's blog", "the RICE score, told by the team that made it"),
        Reading("Donald G. Reinertsen", "The Principles of Product Development Flow",
                "Celeritas Publishing, 2009",
                "cost of delay, and dividing it by duration to order the work"),
    ),
    "08_backlogs": (
        Reading("Mike Cohn", "User Stories Applied", "Addison-Wesley, 2004",
                "writing, splitting and estimating user stories"),
        Reading("Bill Wake", "INVEST in Good Stories, and SMART Tasks", "xp123.com, 2003",
                "the six letters, from the author who coined them"),
        Reading("Jeff Patton", "User Story Mapping", "O'Reilly, 2014",
                "keeping the big picture while slicing work thin"),
    ),
    "09_values_principles_kpis": (
        _INSPIRED,
        Reading("John Cutler and Jason Scherschligt", "The North Star Playbook", "Amplitude",
                "the tree of inputs and work below a North Star, kept schematic"),
    ),
    "10_capstone": (_STRATEGIZE, _RUMELT),
}
"""Lesson id -> its further reading, in the order a learner might take it up."""
