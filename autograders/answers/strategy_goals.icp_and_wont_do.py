"""Instructor-only answers for strategy_goals.icp_and_wont_do: full marks, partial, wrong."""

REFERENCE = {"icp": ["T1"], "wont_do": ["T3", "T5", "T6"]}

ALSO_CORRECT = [
    {"icp": ["T2"], "wont_do": ["T3", "T5", "T8"]},
    {"icp": ["T1", "T2"], "wont_do": ["T3", "T7"]},
]
"""Other full-marks answers: one or two strong beachheads (high pain and fit) with a real
won't-do list."""

PARTIAL = [
    # a dominated segment in the ICP
    {"icp": ["T1", "T5"], "wont_do": ["T3", "T6"]},
    # a good ICP, a won't-do list of one small segment
    {"icp": ["T2"], "wont_do": ["T6"]},
    # a strong segment with a weak second one (mobile mechanics: middling pain and fit)
    {"icp": ["T2", "T4"], "wont_do": ["T1", "T8"]},
]

WRONG = [
    # chase the biggest segment, blocked by the constraints, and everything else too
    {"icp": ["T3", "T8", "T5"], "wont_do": []},
    # a dominated segment and a blocked one, won't-do overlapping the ICP
    {"icp": ["T7", "T6"], "wont_do": ["T7"]},
]
