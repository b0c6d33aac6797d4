"""Instructor-only answers for `backlog.spot_outcome` (Courtside): lists of item ids.
Never released.

REFERENCE scores 1.0; each PARTIAL scores strictly between 0 and 1; each WRONG scores at most 0.3.
"""

REFERENCE = ["E02", "E05", "E08", "E10"]

PARTIAL = [
    # Only the one with a percentage found.
    ["E02"],
    # Sorted by form: the three that look like outcomes, plus the task that starts with a verb.
    ["E02", "E05", "E08", "E11"],
]

WRONG = [
    # Only real stories flagged.
    ["E01", "E04"],
    # Every item flagged.
    [f"E{n:02d}" for n in range(1, 12)],
]
