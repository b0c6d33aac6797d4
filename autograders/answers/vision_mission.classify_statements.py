"""Instructor-only answers for vision_mission.classify_statements: a full-marks one, partial, wrong."""

REFERENCE = {
    "W01": "vision", "W02": "backlog", "W03": "mission", "W04": "strategy", "W05": "outcome",
    "W06": "backlog", "W07": "vision", "W08": "strategy", "W09": "outcome", "W10": "mission",
    "W11": "backlog", "W12": "vision", "W13": "strategy", "W14": "outcome", "W15": "mission",
}

PARTIAL = [
    # missions taken for visions, one defensible second choice, one outcome taken for a task
    {**REFERENCE, "W03": "vision", "W10": "vision", "W15": "vision", "W14": "backlog"},
    # every direction label swapped within its level, delivery right
    {**REFERENCE, "W01": "mission", "W07": "strategy", "W12": "mission", "W04": "vision"},
]

WRONG = [
    # every statement called a vision
    {statement: "vision" for statement in REFERENCE},
    # levels inverted: direction labelled as delivery and the other way round
    {"W01": "outcome", "W02": "strategy", "W03": "backlog", "W04": "outcome", "W05": "vision",
     "W06": "mission", "W07": "backlog", "W08": "backlog", "W09": "mission", "W10": "outcome",
     "W11": "vision", "W12": "outcome", "W13": "backlog", "W14": "strategy", "W15": "backlog"},
]
