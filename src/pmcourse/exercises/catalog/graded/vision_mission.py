"""Graded problems of assignment a1_vision_mission, on Waypoint (home physiotherapy exercises).

A different product from the practice set (Larder), so practice keys do not answer these. The
keys are in ``autograders/keys/vision_mission.<name>.json``, never in this package.
"""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.labels import FEW_LABELS_CAP, ONE_LABEL_CAP, ArtifactLabels
from ...graders.pair import VisionMissionPair
from ...graders.vision import VisionFix, vision_rules

WAYPOINT_BRIEF = (
    "Waypoint is a home-exercise app for people in physiotherapy after an injury or an "
    "operation. Their therapist prescribes a plan in the clinic; Waypoint turns it into short "
    "daily sessions with video guidance, asks how much each exercise hurt, and shows the "
    "therapist who is falling behind between appointments."
)

WAYPOINT_STATEMENTS = (
    {"statement_id": "W01", "text": "People recovering from an injury get back to the life they "
                                    "had before it."},
    {"statement_id": "W02", "text": "As a patient, I want to see today's exercises on one screen "
                                    "so that I do not miss one."},
    {"statement_id": "W03", "text": "Waypoint is a home-exercise app for people in physiotherapy "
                                    "that turns the therapist's plan into short daily sessions "
                                    "with video guidance."},
    {"statement_id": "W04", "text": "We start with private physiotherapy clinics in cities; "
                                    "hospital departments are out of scope this year."},
    {"statement_id": "W05", "text": "Patients complete more of their prescribed home sessions "
                                    "each week."},
    {"statement_id": "W06", "text": "Fix the timer that stops when the phone screen locks."},
    {"statement_id": "W07", "text": "No one has to recover from surgery alone and unsure of what "
                                    "to do."},
    {"statement_id": "W08", "text": "We win by letting therapists see each patient's progress "
                                    "between visits, which generic fitness apps cannot do."},
    {"statement_id": "W09", "text": "Therapists spend less of each appointment explaining the "
                                    "same exercises again."},
    {"statement_id": "W10", "text": "A recovery companion for physiotherapy patients and their "
                                    "therapists that tracks every exercise and flags pain "
                                    "early."},
    {"statement_id": "W11", "text": "Add a pain-score slider after each exercise."},
    {"statement_id": "W12", "text": "Recovering from an injury feels like steady progress, not "
                                    "guesswork."},
    {"statement_id": "W13", "text": "We will not build a marketplace of therapists; clinics "
                                    "bring their own patients."},
    {"statement_id": "W14", "text": "Patients who stop their exercises are noticed by their "
                                    "therapist within a week."},
    {"statement_id": "W15", "text": "Help patients recover sooner by guiding their exercises at "
                                    "home."},
)

CLASSIFY_STATEMENTS = Problem(
    id="vision_mission.classify_statements",
    title="Which artifact is each of Waypoint's statements?",
    prompt=(
        "Waypoint helps people in physiotherapy do their exercises at home. Label each of the "
        "fifteen statements in `statements` with the artifact it belongs in: `'vision'`, "
        "`'mission'`, `'strategy'`, `'outcome'` (a roadmap outcome) or `'backlog'` (a backlog "
        "item). Store a dict `labels` mapping each `statement_id` to its label."
    ),
    vars=("labels",),
    grader=ArtifactLabels(),
    caps={ONE_LABEL_CAP: 0.1, FEW_LABELS_CAP: 0.35},
    data={"statements": WAYPOINT_STATEMENTS},
    points=5.0,
    hints=(
        "Sort by level first (direction for years, or delivery in the coming months), then "
        "pick the artifact within the level.",
    ),
)

WAYPOINT_VISIONS = (
    {"vision_id": "G1", "text": "Become the leading physiotherapy app in Europe and earn ten "
                                "million euros a year."},
    {"vision_id": "G2", "text": "An app with video exercises, pain tracking, reminders and "
                                "progress charts."},
    {"vision_id": "G3", "text": "Innovative, best-in-class recovery for everyone."},
    {"vision_id": "G4", "text": "By the end of this year, half of all patients finish their home "
                                "exercise plan."},
    {"vision_id": "G5", "text": "For private clinics in cities, unlike paper handouts, patients "
                                "recover faster."},
    {"vision_id": "G6", "text": "People who are recovering from an injury or an operation do "
                                "their exercises at home every day with confidence, see their "
                                "progress, talk to their therapist when something hurts, and get "
                                "back to work, sport and family life sooner than they expected."},
)

FIX_VISION = Problem(
    id="vision_mission.fix_vision",
    title="Diagnose and rewrite six drafts of Waypoint's vision",
    prompt=(
        "Six drafts of Waypoint's vision are in `visions`. For each, list the ids of the linter "
        "rules it breaks (errors and warnings; choose from `rules`), and rewrite it as a vision "
        "that keeps the draft's subject. Store a DataFrame (or list of dicts) `fixes` with the "
        "columns `vision_id`, `rules` (a list of rule ids) and `rewrite`."
    ),
    vars=("fixes",),
    grader=VisionFix(product="Waypoint"),
    data={"visions": WAYPOINT_VISIONS, "rules": vision_rules()},
    points=6.0,
    hints=(
        "Test each draft against every rule in turn; a draft can break several. A rewrite names "
        "the people and the change in their lives, with no product, number or date.",
    ),
)

VISION_MISSION_PAIR = Problem(
    id="vision_mission.vision_mission_pair",
    title="Write a vision and a mission for Waypoint that fit together",
    prompt=(
        "Read Waypoint's brief in `brief`. Write a vision (the change Waypoint should bring about "
        "for people, with no product in it) and a mission (Waypoint's own contribution: for "
        "whom, which kind of product, what it does). Store them in a dict `pair` with the keys "
        "`'vision'` and `'mission'`."
    ),
    vars=("pair",),
    grader=VisionMissionPair(product="Waypoint"),
    caps={"swapped": 0.3},
    data={"brief": WAYPOINT_BRIEF},
    points=5.0,
    hints=(
        "The same people in both; the product category only in the mission; two sentences that "
        "do different jobs.",
    ),
)

PROBLEMS = (CLASSIFY_STATEMENTS, FIX_VISION, VISION_MISSION_PAIR)
