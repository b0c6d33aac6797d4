"""Instructor-only answers for `backlog.split_epic` (Courtside): lists of dicts with the keys
``story`` and ``scope`` (the scope ids each story covers). Never released.

REFERENCE scores 1.0; each PARTIAL scores strictly between 0 and 1; each WRONG scores at most 0.3.
"""

_STORIES = [
    "As a club coach, I want to publish my lesson timetable in Courtside, so that players can "
    "see when I teach.",
    "As a player, I want to sign up for a group lesson in the app, so that my place is held "
    "without messaging the coach.",
    "As a player, I want to pay the lesson fee online, so that the coach does not collect cash "
    "on court.",
    "As a player, I want to go on a waiting list when a lesson is full, so that I get a place if "
    "someone drops out.",
    "As a club coach, I want players who signed up to be told when I cancel a lesson, so that "
    "nobody travels for nothing.",
]

REFERENCE = [{"story": story, "scope": [f"S{n}"]} for n, story in enumerate(_STORIES, start=1)]

PARTIAL = [
    # Scope lost: no waiting list and no cancellations.
    REFERENCE[:3],
    # Split by technical layer instead of by user step: horizontal slices, not stories.
    [{"story": "As a coach, I want a lessons table in the database, so that lesson data has a "
               "home.", "scope": ["S1"]},
     {"story": "As a player, I want a sign-up API endpoint for lessons, so that the app can "
               "send sign-ups.", "scope": ["S2"]},
     {"story": "As a player, I want to pay the lesson fee online, so that I do not bring cash "
               "to the court.", "scope": ["S3"]}],
    # Good stories, but no scope ids: coverage cannot be read.
    _STORIES,
]

WRONG = [
    # The epic handed back as one story.
    [{"story": "As a club coach, I want to run my group lessons through Courtside, so that I "
               "spend less time on admin.", "scope": ["S1", "S2", "S3", "S4", "S5"]}],
    # A vague wish list.
    ["Lessons should be easy", "Payments should be simple"],
]
