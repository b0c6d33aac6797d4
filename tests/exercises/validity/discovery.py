"""Validity cases for lesson 07's practice: experiments to opportunities, bets in RICE order."""

from __future__ import annotations

from tests.exercises.validity import Case

_TESTS = {"X1": "O2", "X2": "O1", "X3": "O3", "X4": "O1", "X5": "none", "X6": "O2", "X7": "O3"}
_ORDER = ["B4", "B5", "B2", "B3", "B1"]

CASES: list[Case] = [
    Case("practice.discovery_priorities", "valid", 1.0,
         {"tests": dict(_TESTS), "ranking": list(_ORDER)},
         why="every experiment matched, bets in RICE order as a list"),
    Case("practice.discovery_priorities", "valid", 1.0,
         {"tests": [{"experiment_id": x, "opportunity_id": o.upper() if o == "none" else o}
                    for x, o in _TESTS.items()],
          "ranking": {bet: place for place, bet in enumerate(_ORDER, start=1)}},
         why="the same decisions as table rows and places 1 to 5"),
    Case("practice.discovery_priorities", "wrong", 0.6,
         {"tests": _TESTS | {"X5": "O2"},
          "ranking": ["B2", "B4", "B5", "B1", "B3"]},
         why="put the widest-reaching bet first and linked the colour survey to an opportunity"),
    Case("practice.discovery_priorities", "gaming", 0.0,
         {"tests": dict.fromkeys(_TESTS, "none"), "ranking": ["B1", "B2", "B3", "B4", "B5"]},
         why="'none' for every experiment and the bets left in table order"),
    Case("practice.discovery_priorities", "gaming", 0.1,
         {"tests": dict.fromkeys(_TESTS, "O2"), "ranking": list(reversed(_ORDER))},
         why="one opportunity for every experiment and the order turned upside down"),
]
