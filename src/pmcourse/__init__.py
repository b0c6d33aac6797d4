"""pmcourse: a Jupyter course and exercise kit on product vision, mission, strategy, roadmap and backlog.

Nothing heavy is imported here: notebooks import what they use from the subpackages
(`pmcourse.exercises`, `pmcourse.widgets`, `pmcourse.lint`, `pmcourse.grading`).
"""

__version__ = "0.1.0"
