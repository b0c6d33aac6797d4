"""Instructor-only answers for `roadmap.feature_split` (Kindling): a full-marks reference, partly
right answers and wrong ones, each a list of dicts a DataFrame can be built from. Never released.

REFERENCE scores 1.0; each PARTIAL scores strictly between 0 and 1; each WRONG scores at most 0.55.
"""


def _rows(kind: dict, parent: dict) -> list[dict]:
    return [{"item_id": i, "kind": k, "outcome_id": parent.get(i)} for i, k in kind.items()]


_OUTCOMES = {"K03": "outcome", "K07": "outcome", "K11": "outcome", "K15": "outcome"}
_PARENT = {
    "K01": "K03", "K02": "K03", "K04": "K03", "K17": "K03",
    "K05": "K07", "K06": "K07", "K08": "K07", "K18": "K07",
    "K09": "K11", "K10": "K11", "K12": "K11",
    "K13": "K15", "K14": "K15", "K16": "K15",
}
_KIND = {f"K{n:02d}": _OUTCOMES.get(f"K{n:02d}", "task") for n in range(1, 19)}

REFERENCE = _rows(_KIND, _PARENT)

PARTIAL = [
    # Labels all right, but the visit-notes tasks are linked to the family outcome.
    _rows(_KIND, {**_PARENT, "K05": "K11", "K06": "K11", "K18": "K11"}),
    # Treats two tasks as outcomes (an output read as an outcome).
    _rows({**_KIND, "K04": "outcome", "K13": "outcome"},
          {k: v for k, v in _PARENT.items() if k not in ("K04", "K13")}),
    # Only the first nine items answered.
    _rows({k: v for k, v in _KIND.items() if k <= "K09"}, _PARENT),
    # Two labels swapped (an outcome called a task and a task called an outcome) and two tasks
    # linked to the wrong outcome: partial credit on every criterion.
    [
        {**row, "kind": "task", "outcome_id": "K07"} if row["item_id"] == "K03"
        else {**row, "kind": "outcome", "outcome_id": None} if row["item_id"] == "K04"
        else {**row, "outcome_id": "K15"} if row["item_id"] in ("K09", "K10")
        else row
        for row in REFERENCE
    ],
]

WRONG = [
    # Everything labelled outcome: no backlog at all.
    _rows(dict.fromkeys(_KIND, "outcome"), {}),
    # Labels swapped: outcomes marked task and tasks marked outcome.
    _rows({i: "task" if k == "outcome" else "outcome" for i, k in _KIND.items()}, {}),
    # Everything called a task under one outcome: the classic "feature list" roadmap.
    [{"item_id": row["item_id"], "kind": "task", "outcome_id": "K03"} for row in REFERENCE],
]
