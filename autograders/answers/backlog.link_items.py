"""Instructor-only answers for `backlog.link_items` (Courtside): lists of dicts with the columns
``item_id`` and ``outcome_id``. Never released.

REFERENCE scores 1.0; ALSO_FULL uses the other accepted link; each PARTIAL scores strictly
between 0 and 1; each WRONG scores at most 0.3.
"""

_LINKS = {"D01": "P1", "D02": "P2", "D03": "P3", "D04": "P1", "D05": "P2", "D06": "P3",
          "D07": "P2", "D08": "P3"}


def _rows(links: dict) -> list[dict]:
    return [{"item_id": i, "outcome_id": o} for i, o in links.items()]


REFERENCE = _rows(_LINKS)

ALSO_FULL = [_rows({**_LINKS, "D06": "P1"}), _rows({**_LINKS, "D07": "P1"})]

PARTIAL = [
    # The off-peak items linked to the booking outcome.
    _rows({**_LINKS, "D03": "P1", "D08": "P1"}),
    # Two items left without an outcome.
    _rows({i: o for i, o in _LINKS.items() if i not in ("D07", "D08")}),
]

WRONG = [
    # Everything under one outcome.
    _rows(dict.fromkeys(_LINKS, "P2")),
]
