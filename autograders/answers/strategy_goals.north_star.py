"""Instructor-only answers for strategy_goals.north_star: full marks, partial, wrong."""

REFERENCE = {
    "metric": "M1",
    "inputs": ["J1", "J2", "J3", "J4"],
    "rejected": {"M2": "customer-value", "M3": "not-vanity", "M4": "not-vanity",
                 "M5": "measurable", "M6": "customer-value", "M7": "actionable"},
}

PARTIAL = [
    # the second-best North Star, inputs with one piece of work among them
    {"metric": "M6", "inputs": ["J1", "J2", "J5"],
     "rejected": {"M1": "leading", "M2": "customer-value", "M3": "not-vanity",
                  "M4": "not-vanity", "M5": "measurable", "M7": "actionable"}},
    # the right North Star, too few inputs, half the reasons wrong
    {"metric": "M1", "inputs": ["J1", "J4"],
     "rejected": {"M2": "measurable", "M3": "not-vanity", "M4": "understandable",
                  "M5": "measurable", "M6": "strategy", "M7": "actionable"}},
]

WRONG = [
    # revenue as the North Star, lagging and vanity inputs, no reasons
    {"metric": "M2", "inputs": ["J5", "J6", "J7"], "rejected": {}},
    # a vanity count, reasons that do not hold
    {"metric": "M3", "inputs": ["J6", "J7"],
     "rejected": {"M1": "measurable", "M2": "understandable", "M4": "measurable"}},
]
