"""Lesson 08 data: backlogs (stories, epics, operational tasks, INVEST, acceptance criteria)."""

from __future__ import annotations

from ..model import Lesson, MultipleChoice

LESSON = Lesson(
    id="08_backlogs",
    title="Backlogs: stories, epics and tasks that link up to outcomes",
    summary="The backlog as the ordered, near-term list of work: user stories, epics and "
            "operational tasks, checked with INVEST and acceptance criteria, each linked up to a "
            "roadmap outcome.",
    objectives=(
        "Write a user story with a role, an action and a reason, and tell it from an epic and "
        "from an operational task.",
        "Split an epic into thin stories that each give a user something.",
        "Check a story against INVEST and write Given / When / Then acceptance criteria.",
        "Keep roadmap and backlog distinct and link every backlog item to the outcome it serves.",
    ),
    concepts=("user-stories", "epics", "operational-tasks", "invest", "acceptance-criteria",
              "roadmap-vs-backlog"),
    quiz=(
        MultipleChoice(
            id="q1",
            prompt="Which backlog item is a well-formed **user story**?",
            options={
                "a": "Recipe filter",
                "b": "As the recipe service, I want to cache search results so that I respond "
                     "quickly",
                "c": "As a parent, I want to swap tonight's meal so that dinner fits our "
                     "evening",
                "d": "Improve weeknight cooking by 10%",
            },
            answer="c",
            explanation="It names a person, one action and the reason. The reason helps the team "
                        "find the best way to build it and helps order the backlog.",
            hint="A story has a who, a what and a why, and the who is a person.",
            why_not={
                "a": "A label, not a story: who wants it, and why?",
                "b": "A system as the 'user': this is a technical task, or part of a real "
                     "user's story.",
                "d": "That is an outcome; it belongs on the roadmap, not in the backlog.",
            },
        ),
        MultipleChoice(
            id="q2",
            prompt="'As a new household, I want a meal plan ready for my whole first month, "
                   "with shopping lists, reminders and recipe swaps.' What is it?",
            options={
                "a": "A roadmap outcome",
                "b": "A good story, ready for the sprint",
                "c": "An operational task",
                "d": "An epic: too big for a sprint, to be split into thinner stories",
            },
            answer="d",
            why_not={
                "a": "It describes work to build, not a change in what households do.",
                "b": "It bundles many actions and weeks of work: too big for one sprint.",
                "c": "It has a user and a benefit; operational tasks have neither.",
            },
            explanation="It bundles several actions and weeks of work. Split it, for example by "
                        "workflow step, so each story gives a household something on its own.",
            hint="Could one team finish it within a sprint, and does it ask for one thing?",
        ),
        MultipleChoice(
            id="q3",
            prompt="Which INVEST letter does 'I want a dropdown listing five diets' break first?",
            options={
                "a": "Independent",
                "b": "Negotiable",
                "c": "Estimable",
                "d": "Testable",
            },
            answer="b",
            why_not={
                "a": "Nothing here depends on another story.",
                "c": "A dropdown is easy to size; the trouble is that it fixes the design.",
                "d": "You could test a dropdown; the trouble is that it leaves no room for a "
                     "better design.",
            },
            explanation="A story should state the need and leave the design open for the team "
                        "to work out together. Naming the widget fixes the solution too early.",
            hint="Which letter is about leaving room for the conversation?",
        ),
        MultipleChoice(
            id="q4",
            prompt="Which is a well-formed acceptance criterion?",
            options={
                "a": "The plan loads fast",
                "b": "Users are happy with suggestions",
                "c": "Suggestions are implemented",
                "d": "Given spinach expiring tomorrow, when I open suggestions, then one uses "
                     "the spinach",
            },
            answer="d",
            why_not={
                "a": "'Fast' is vague: give a number, such as 'within two seconds'.",
                "b": "Happiness is not observable when the story is done; say what the user sees.",
                "c": "Says nothing about behaviour: what would a tester check?",
            },
            explanation="It sets up a concrete situation, an action and an observable result, so "
                        "anyone can test it and agree whether the story is done.",
            hint="Look for a situation, an action and a result you could check.",
        ),
        MultipleChoice(
            id="q5",
            prompt="Where do epics and user stories live in this course's model?",
            options={
                "a": "In the backlog, each linked up to the roadmap outcome it serves",
                "b": "On the roadmap, under each outcome",
                "c": "In the strategy document",
                "d": "Nowhere: they are replaced by outcomes",
            },
            answer="a",
            why_not={
                "b": "Story-level detail on the roadmap hides the strategy; keep them apart.",
                "c": "The strategy document stays at the level of choices, not work items.",
                "d": "Outcomes say why; stories and epics still say what the team does.",
            },
            explanation="Roadmap and backlog stay distinct: the roadmap holds outcomes, the "
                        "backlog holds work, and links point from the work up to the outcome.",
            hint="Keep the strategic and the tactical apart, but connected.",
        ),
    ),
    practice=("09_backlog_repair.ipynb", "06_feature_split.ipynb"),
    minutes=40,
)
