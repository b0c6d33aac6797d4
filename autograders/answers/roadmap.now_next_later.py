"""Instructor-only answers for `roadmap.now_next_later` (Kindling): lists of dicts with the
columns ``item_id`` and ``horizon``. Never released.

REFERENCE is an optimal plan (score 1.0); ALSO_FULL are other plans that keep every invariant and
come within 10% of the optimum (score 1.0: many answers are right); each PARTIAL breaks some
invariants or gives up value; each WRONG breaks most of them.
"""


def _plan(now: str, next_: str) -> list[dict]:
    ids = [f"G{n:02d}" for n in range(1, 13)]
    now_ids, next_ids = now.split(), next_.split()
    return [{"item_id": i, "horizon": "now" if i in now_ids else "next" if i in next_ids
             else "later"} for i in ids]


REFERENCE = _plan("G01 G02 G05 G11", "G03 G04 G07 G08 G12")

ALSO_FULL = [
    # Shifts first: value 27 + 12 = 39 (95% of the optimum).
    _plan("G05 G11 G12 G01", "G02 G04 G07 G03 G08"),
]

PARTIAL = [
    # Feasible but modest value: the big paperwork item takes most of Now.
    _plan("G04 G05 G03", "G07 G08 G09 G11"),
    # Good value but the deadline item waits for Next.
    _plan("G01 G02 G11 G12", "G05 G04 G07 G03"),
    # Shift filling in Now before the carer list it depends on.
    _plan("G05 G10 G03", "G11 G12 G01 G02 G07"),
]

WRONG = [
    # Everything in Now: over capacity, value not scored.
    _plan(" ".join(f"G{n:02d}" for n in range(1, 13)), ""),
    # Everything in Later: the deadline missed, nothing of value soon.
    _plan("", ""),
]
