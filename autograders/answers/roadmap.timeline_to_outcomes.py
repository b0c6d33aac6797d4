"""Instructor-only answers for `roadmap.timeline_to_outcomes` (Kindling). This problem has two
variables, so each answer is a dict ``{"outcomes": rows, "placement": rows}``. Never released.

REFERENCE scores 1.0; each PARTIAL scores strictly between 0 and 1; each WRONG scores at most 0.5.
"""


def _answer(outcomes: list[tuple], placement: dict[str, str]) -> dict[str, list[dict]]:
    columns = ("outcome_id", "horizon", "outcome", "metric", "date")
    return {
        "outcomes": [dict(zip(columns, row, strict=True)) for row in outcomes],
        "placement": [{"feature_id": f, "outcome_id": o} for f, o in placement.items()],
    }


_GOOD = [
    ("W1", "now", "Clients get their visits on time",
     "Share of visits that start within 15 minutes of the planned time", None),
    ("W2", "now", "Every client's medication is recorded at each visit",
     "Visits with a complete medication record", "1 March 2027 (care regulator rule)"),
    ("W3", "next", "Carers spend less of their day on paperwork after visits",
     "Minutes per visit spent on notes", None),
    ("W4", "next", "Families feel informed about their relative's care",
     "Calls from families asking about a visit, per week", None),
    ("W5", "next", "Coordinators fill an open shift within the hour",
     "Median minutes from an open shift to an accepted carer",
     "1 September 2027 (county contract)"),
]
_PLACED = {
    "F01": "W1", "F02": "W1", "F03": "W1", "F04": "W2", "F05": "W3", "F06": "W3",
    "F07": "W4", "F08": "W4", "F09": "W4", "F10": "W5", "F11": "W5", "F12": "W5",
}

REFERENCE = _answer(_GOOD, _PLACED)

PARTIAL = [
    # Every old date kept on every outcome.
    _answer([(o, h, t, m, "2027-03-01") for o, h, t, m, _ in _GOOD], _PLACED),
    # Three features forgotten.
    _answer(_GOOD, {f: o for f, o in _PLACED.items() if f not in ("F09", "F11", "F12")}),
]

WRONG = [
    # Outcomes worded as features (build verbs), no metrics: no outcome at all, capped.
    _answer([(o, h, f"Build {t.split()[0].lower()} tools", None, d) for o, h, t, _, d in _GOOD],
            _PLACED),
    # The old timeline copied: one "outcome" per feature, dates kept everywhere.
    _answer(
        [(f"X{n}", "now", text, None, date) for n, (date, text) in enumerate([
            ("2027-02-01", "GPS check-in when a carer arrives"),
            ("2027-04-01", "Voice dictation for visit notes"),
        ], start=1)],
        {"F01": "X1", "F05": "X2"},
    ),
]
