"""Instructor-only answers for vision_mission.vision_mission_pair: full marks, partial, wrong."""

REFERENCE = {
    "vision": "Patients recovering from an injury get back to the life they had before.",
    "mission": "Waypoint is a home-exercise app for physiotherapy patients that turns their "
               "therapist's plan into short daily sessions and flags pain early.",
}

PARTIAL = [
    # vision and mission swapped: the category sits in the vision
    {"vision": REFERENCE["mission"], "mission": REFERENCE["vision"]},
    # a good vision, a mission that repeats it
    {"vision": REFERENCE["vision"],
     "mission": "Patients recovering from an injury get back to the life they had before!"},
]

WRONG = [
    # company goals and slogans, no people
    {"vision": "Become the number one physiotherapy app in Europe.",
     "mission": "The best tool with great UX."},
    # the same slogan twice
    {"vision": "World-class recovery.", "mission": "World-class recovery."},
]
