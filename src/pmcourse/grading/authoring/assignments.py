"""The graded assignments of the course, declared as data; `authoring` builds their notebooks.

Each part is either a graded problem (its public half in ``pmcourse.exercises.graded``, its key
and reference answer in ``autograders/``) or a written answer graded by a person with a rubric.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ProblemPart:
    """An auto-graded part: the problem's inputs, an answer cell and a hidden-test cell."""

    problem_id: str
    tools: tuple[str, ...] = ()
    """Code cells shown before the answer (e.g. drafting widgets), one string per cell."""
    starter: str = ""
    """What the answer cell holds for students (default: each variable set to ``____``)."""


@dataclass(frozen=True)
class WrittenPart:
    """A manually graded written answer; the rubric is shown to students and graders alike."""

    slug: str
    title: str
    prompt: str
    points: float
    rubric: tuple[str, ...]
    model_answer: str = ""
    """An exemplar for graders, kept in the instructor's notebook only (nbgrader clears it)."""


@dataclass(frozen=True)
class Assignment:
    """One nbgrader assignment: ``course/source/<id>/<notebook>.ipynb``."""

    id: str
    notebook: str
    title: str
    intro: str
    parts: tuple[ProblemPart | WrittenPart, ...]


def answered_in_widget(problem_id: str, *variables: str) -> ProblemPart:
    """A part answered in its answer widget (no code needed) or in code: the widget saves
    ``drafts/<problem>.json`` next to the notebook, and the answer cell reads that file, so the
    answer survives autograde (widget state does not)."""
    path = f"drafts/{problem_id.split('.', 1)[1]}.json"
    lines = ["# Answered in the widget above? The next line reads what it saved. Answering in",
             "# code? Replace it with your own answer."]
    for var in variables:
        part = f', var="{var}"' if len(variables) > 1 else ""
        lines.append(f'{var} = load_answer("{path}", "{problem_id}"{part}, '
                     'if_missing="placeholder")')
    if len(variables) > 1:
        lines[0:2] = ["# Answered in the widget above? The next lines read what it saved. "
                      "Answering in", "# code? Replace them with your own answer."]
    return ProblemPart(problem_id, tools=(f'answer_widget("{problem_id}")',),
                       starter="\n".join(lines))


_HOW = (
    "Answer each question in the cell marked for it, run the notebook from the top, and submit. "
    "Hidden checks grade each answer with partial credit and explain what earned or lost points."
)

ASSIGNMENTS = (
    Assignment(
        id="a1_vision_mission",
        notebook="vision_mission",
        title="Assignment 1: vision and mission",
        intro=(
            "This assignment is about **Waypoint**, a home-exercise app for people recovering "
            "from an injury or an operation with a physiotherapist's plan. " + _HOW
        ),
        parts=(
            answered_in_widget("vision_mission.classify_statements", "labels"),
            answered_in_widget("vision_mission.fix_vision", "fixes"),
            answered_in_widget("vision_mission.vision_mission_pair", "pair"),
            WrittenPart(
                slug="reflection",
                title="Reflection: why the vision leaves the product out",
                prompt=(
                    "In 80 to 150 words: why does the course keep the product category out of a "
                    "vision and put it in the mission? Use one of your Waypoint statements as an "
                    "example, and name one source that disagrees."
                ),
                points=3.0,
                rubric=(
                    "1 point: explains that a vision describes a change for people that should "
                    "outlast any one solution.",
                    "1 point: uses a concrete Waypoint statement to show the difference.",
                    "1 point: names a disagreeing source or framework and what it says instead.",
                ),
                model_answer=(
                    "A vision names a change for people that should hold for years, whatever we "
                    "build: 'people recovering from an injury get back to the things they love'. "
                    "The moment it says 'a home-exercise app', it is tied to one solution and "
                    "stops guiding choices between solutions. The mission is where the product "
                    "belongs: 'Waypoint gives patients in physiotherapy a guided home-exercise "
                    "app their physio can adjust'. One of the course's sources disagrees: its "
                    "sample vision promises a learning management system for institutions, "
                    "which by our definition reads like a mission."
                ),
            ),
        ),
    ),
    Assignment(
        id="a2_strategy_goals",
        notebook="strategy_goals",
        title="Assignment 2: strategy and measurable goals",
        intro=(
            "This assignment is about **Spokes**, software that independent bike shops use to run "
            "repairs and order parts. Every answer should follow from the data you are given. "
            + _HOW
        ),
        parts=(
            answered_in_widget("strategy_goals.icp_and_wont_do", "choice"),
            answered_in_widget("strategy_goals.four_questions", "strategy"),
            answered_in_widget("strategy_goals.north_star", "north_star"),
        ),
    ),
    Assignment(
        id="a3_roadmap",
        notebook="roadmap",
        title="Assignment 3: roadmaps",
        intro=(
            "This assignment is about **Kindling**, a scheduling service for home-care agencies: "
            "coordinators plan visits, carers see their day, families follow their relative's "
            "care. " + _HOW
        ),
        parts=(
            answered_in_widget("roadmap.feature_split", "split"),
            answered_in_widget("roadmap.now_next_later", "plan"),
            answered_in_widget("roadmap.timeline_to_outcomes", "outcomes", "placement"),
        ),
    ),
    Assignment(
        id="a5_capstone",
        notebook="capstone",
        title="Assignment 5: capstone, your product strategy",
        intro=(
            "Draft the product strategy of a product you know (your own, or one you would like to "
            "build; not Larder) with the course's drafting tools below. Each tool saves its draft "
            "in the `drafts/` folder next to this notebook as you type: **submit that folder with "
            "the notebook**. Hidden checks grade completeness and the linter's rules; a person "
            "grades the two written parts with the rubric shown."
        ),
        parts=(
            ProblemPart(
                "capstone.strategy_document",
                tools=tuple(
                    f'{tool}(path="drafts/{name}.json"{extra})'
                    for tool, name, extra in (
                        ("VisionDrafter", "vision", ""),
                        ("MissionDrafter", "mission", ', vision_path="drafts/vision.json"'),
                        ("StrategyCanvas", "strategy", ""),
                        ("NorthStarPicker", "north_star", ""),
                        ("RoadmapBoard", "roadmap", ""),
                        ("BacklogBuilder", "backlog", ', roadmap_path="drafts/roadmap.json"'),
                    )
                ),
                starter='strategy = load_strategy("drafts")  # reads every draft saved above',
            ),
            WrittenPart(
                slug="coherence",
                title="Coherence: does each layer follow from the one above?",
                prompt=(
                    "In 150 to 250 words, trace your strategy top-down. Name one roadmap outcome "
                    "in Now and show which strategic choice (ICP, differentiation or won't-do) it "
                    "follows from and which North Star input it should move. Then name one thing "
                    "your won't-do list rules out that a customer would plausibly ask for."
                ),
                points=4.0,
                rubric=(
                    "1 point: the chosen Now outcome is traced to a named choice in the strategy "
                    "canvas.",
                    "1 point: the same outcome is tied to a named input metric, with a plausible "
                    "mechanism.",
                    "1 point: the won't-do example is tempting and really excluded (not a straw "
                    "man).",
                    "1 point: the ideal customer sits inside the mission's audience, and the "
                    "vision stays free of product, revenue and dates.",
                ),
                model_answer=(
                    "Graders look for the chain strategy -> roadmap -> metric in the student's "
                    "own product: a Now outcome such as 'first-time volunteers log a repair "
                    "without help' traced to the ICP choice (small volunteer-run cafes) and to "
                    "an input metric (share of repairs logged on the day), plus a tempting "
                    "request the won't-do list excludes (e.g. a marketplace for spare parts)."
                ),
            ),
            WrittenPart(
                slug="tradeoffs",
                title="Trade-offs and evidence",
                prompt=(
                    "In 100 to 200 words: which assumption in your strategy are you least sure "
                    "of, what evidence would change your mind, and which roadmap item would you "
                    "drop first if capacity halved? Explain why."
                ),
                points=3.0,
                rubric=(
                    "1 point: names one specific assumption (about customers, market or "
                    "differentiation).",
                    "1 point: names observable evidence that would refute it (a metric, "
                    "research, a test).",
                    "1 point: drops a roadmap item and justifies it by the strategy, not by "
                    "effort alone.",
                ),
                model_answer=(
                    "Graders look for one falsifiable assumption (e.g. 'organisers will log "
                    "repairs during the event'), evidence that would refute it (fewer than a "
                    "third of repairs logged in a four-week pilot), and a dropped roadmap item "
                    "justified by the strategy rather than by effort."
                ),
            ),
        ),
    ),
    Assignment(
        id="a4_backlog",
        notebook="backlog",
        title="Assignment 4: backlogs",
        intro=(
            "This assignment is about **Courtside**, court booking and coaching for community "
            "tennis clubs. " + _HOW
        ),
        parts=(
            answered_in_widget("backlog.repair_stories", "repaired"),
            answered_in_widget("backlog.split_epic", "stories"),
            answered_in_widget("backlog.link_items", "links"),
            answered_in_widget("backlog.spot_outcome", "spotted"),
            WrittenPart(
                slug="story_value",
                title="Reader's check: do your stories say why, and do their tests show it?",
                prompt=(
                    "The checks above read the form of your repaired stories; whether a reason "
                    "is worth building for and whether a criterion really shows the story is "
                    "done only a reader can judge. In 60 to 120 words, for two of your repaired "
                    "stories: what does the user gain from the 'so that', and which observation "
                    "in the acceptance criterion would show that the story is done?"
                ),
                points=2.0,
                rubric=(
                    "1 point: each of the two reasons names a gain for that user (time, a "
                    "mistake avoided, a worry gone), not a restatement of the action.",
                    "1 point: each criterion names an observable result someone could check "
                    "on a phone or a screen, tied to that gain.",
                ),
                model_answer=(
                    "Graders look for reasons such as 'so that I do not miss my slot' (a missed "
                    "booking avoided) with a criterion that shows it ('then I get a message "
                    "two hours before with the court number'), rather than 'so that booking "
                    "works' checked by 'then it works'."
                ),
            ),
        ),
    ),
)
