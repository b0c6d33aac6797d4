"""Graded problems of the backlog assignment, on Courtside (court booking for community tennis
clubs). Keys (topics, scope words, allowed links, hidden outcomes) are in
``autograders/keys/backlog.*.json``.
"""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.backlog import LinkItems, RepairStories, SplitEpic, SpotOutcome

COURTSIDE_FLAWED = (
    {"item_id": "C01", "text": "Booking reminders"},
    {"item_id": "C02", "text": "As a member, I want booking to be quick and simple so that "
     "the app feels nicer"},
    {"item_id": "C03", "text": "As the booking service, I want to cache court availability so "
     "that pages load"},
    {"item_id": "C04", "text": "As a club member, I want to book a court and pay the guest fee "
     "and invite a partner so that we can play"},
)

REPAIR_STORIES = Problem(
    id="backlog.repair_stories",
    title="Repair four of Courtside's backlog stories",
    prompt=(
        "Rewrite each entry of `flawed` as a user story \"As a <user>, I want <action>, so "
        "that <reason>\" with at least one Given / When / Then acceptance criterion, keeping the "
        "need the original was about (where an entry bundles several needs, keep one). Store a "
        "DataFrame `repaired` with the columns `item_id`, `story` and `acceptance` (one "
        "criterion per line)."
    ),
    vars=("repaired",),
    grader=RepairStories(),
    data={"flawed": COURTSIDE_FLAWED},
    points=4.0,
    hints=(
        "A person as the user, one action, a reason, no untestable quality words, and a "
        "criterion someone could run as a test.",
    ),
)

COACHING_EPIC = {
    "text": "As a club coach, I want to run my group lessons through Courtside, so that I spend "
            "less time on admin.",
    "scope": {
        "S1": "publish the lesson timetable",
        "S2": "let players sign up for a lesson",
        "S3": "take the lesson fee online",
        "S4": "keep a waiting list when a lesson is full",
        "S5": "cancel a lesson and tell the players who signed up",
    },
}

SPLIT_EPIC = Problem(
    id="backlog.split_epic",
    title="Split Courtside's coaching epic into stories",
    prompt=(
        "Split the epic in `epic` into 3 to 6 user stories (\"As a <user>, I want <action>, so "
        "that <reason>\") so that every part of its `scope` is covered by a story and no story "
        "is the epic again. Store them as a list of dicts `stories`, each with the keys `story` "
        "and `scope` (the ids of the scope lines the story covers, e.g. `['S1']`)."
    ),
    vars=("stories",),
    grader=SplitEpic(),
    caps={"scope_lost": 0.6},
    data={"epic": COACHING_EPIC},
    points=3.0,
    hints=("Follow one lesson from timetable to the day it runs (or is cancelled).",),
)

COURTSIDE_OUTCOMES = (
    {"outcome_id": "P1", "outcome": "Members find and book a free court without phoning the club"},
    {"outcome_id": "P2", "outcome": "New members play their first match within two weeks of "
     "joining"},
    {"outcome_id": "P3", "outcome": "Clubs fill more of their off-peak court hours"},
)

COURTSIDE_BACKLOG = (
    {"item_id": "D01", "text": "As a member, I want to see every free court for the next seven "
     "days on one screen, so that I can pick a slot without phoning."},
    {"item_id": "D02", "text": "As a new member, I want to be matched with a player of my level, "
     "so that I have someone to play with."},
    {"item_id": "D03", "text": "As a club manager, I want to offer a lower price for weekday "
     "mornings, so that quiet hours attract players."},
    {"item_id": "D04", "text": "As a member, I want to book a court from my phone in three taps, "
     "so that I do not need to call the club desk."},
    {"item_id": "D05", "text": "As a new member, I want a list of beginner sessions in my first "
     "month, so that I meet other players."},
    {"item_id": "D06", "text": "As a member, I want a message when a court frees up in a quiet "
     "hour I follow, so that I can grab it."},
    {"item_id": "D07", "text": "As a new member, I want the club's house rules on my welcome "
     "screen, so that I know how to book."},
    {"item_id": "D08", "text": "As a coach, I want to book a court for a midday lesson series, "
     "so that my lessons use hours members rarely take."},
)

LINK_ITEMS = Problem(
    id="backlog.link_items",
    title="Link Courtside's backlog items to roadmap outcomes",
    prompt=(
        "For each backlog item in `items`, choose the outcome in `outcomes` that moves when it "
        "ships. Store a DataFrame `links` with the columns `item_id` and `outcome_id`."
    ),
    vars=("links",),
    grader=LinkItems(one_parent_cap="one_parent"),
    caps={"one_parent": 0.2},
    data={"items": COURTSIDE_BACKLOG, "outcomes": COURTSIDE_OUTCOMES},
    points=2.0,
    hints=("The 'so that' clause of each story usually points to its outcome.",),
)

COURTSIDE_MIXED = (
    {"item_id": "E01", "text": "As a member, I want to cancel a booking up to two hours before, "
     "so that someone else can use the court."},
    {"item_id": "E02", "text": "Raise off-peak court bookings by 25% this season"},
    {"item_id": "E03", "text": "As a club manager, I want a weekly report of empty court hours, "
     "so that I can plan promotions."},
    {"item_id": "E04", "text": "As a member, I want to split the court fee with my partner, so "
     "that neither of us pays for both."},
    {"item_id": "E05", "text": "Reduce the share of bookings that end in a no-show"},
    {"item_id": "E06", "text": "As a coach, I want to see which players attended each lesson, so "
     "that I can follow up with absentees."},
    {"item_id": "E07", "text": "As a new member, I want to set my playing level when I join, so "
     "that I am matched with fair opponents."},
    {"item_id": "E08", "text": "Improve member retention after the first year"},
    {"item_id": "E09", "text": "As a member, I want floodlit courts marked in the timetable, so "
     "that I can book evening games in winter."},
    {"item_id": "E10", "text": "As a club coach, I want more beginners to still be playing three "
     "months after their first lesson, so that my groups stay full."},
    {"item_id": "E11", "text": "Reduce failed card payments by renewing the payment provider's "
     "certificate before it expires on 1 June"},
)

SPOT_OUTCOME = Problem(
    id="backlog.spot_outcome",
    title="Spot the roadmap outcomes hiding in Courtside's backlog",
    prompt=(
        "Some entries of `backlog` are results to aim for, not backlog items. List their ids in "
        "a list `spotted`."
    ),
    vars=("spotted",),
    grader=SpotOutcome(),
    data={"backlog": COURTSIDE_MIXED},
    points=2.0,
    hints=("Do not go by the form: ask of each entry whether a team could finish it in a sprint "
           "(backlog) or whether it is a change in what people do that many items may move "
           "(roadmap outcome).",),
)

PROBLEMS = (REPAIR_STORIES, SPLIT_EPIC, LINK_ITEMS, SPOT_OUTCOME)
