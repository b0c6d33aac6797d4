"""Instructor-only answers for `backlog.split_epic` (Courtside): lists of story strings.
Never released.

REFERENCE scores 1.0; each PARTIAL scores strictly between 0 and 1; each WRONG scores at most 0.4.
"""

REFERENCE = [
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

PARTIAL = [
    # Scope lost: no waiting list and no cancellations.
    REFERENCE[:3],
    # Split by technical layer instead of by user step: not stories, and scope is lost.
    ["Create the lessons table in the database",
     "Build the lesson sign-up endpoint",
     "Design the lesson screens"],
]

WRONG = [
    # The epic handed back as one story.
    ["As a club coach, I want to run my group lessons through Courtside, so that I spend less "
     "time on admin."],
    # A vague wish list.
    ["Lessons should be easy", "Payments should be simple"],
]
