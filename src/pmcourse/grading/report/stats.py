"""The numbers of the cohort report, computed with pandas from the grading ledger's results.

Kept apart from plotting and HTML so each figure on the page can be checked by a unit test.
Scores count for every status that `grades.csv` exports a score for (graded, late, tampered,
timeout), so the report and the exported grades agree.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..pipeline.ledger import SCORED, Status, SubmissionResult

RESULT_COLUMNS = ("assignment", "student", "status", "message", "score", "max_score", "share",
                  "seconds", "peak_mb", "scored")
CELL_COLUMNS = ("assignment", "student", "notebook", "cell", "score", "max_score")
ITEM_COLUMNS = ("assignment", "notebook", "cell", "max_score", "n", "difficulty",
                "discrimination", "why_na")
_MIN_FOR_CORRELATION = 3
"""Fewer scored submissions than this and a correlation says nothing."""
_TINY = 1e-12


def results_frame(results: list[SubmissionResult]) -> pd.DataFrame:
    """One row per submission: status, score, share of the maximum, seconds, peak memory."""
    rows = [
        (r.assignment, r.student, r.status, r.message, r.score, r.max_score,
         r.seconds, (r.details or {}).get("peak_kernel_rss_mb"))
        for r in results
    ]
    frame = pd.DataFrame(rows, columns=["assignment", "student", "status", "message", "score",
                                        "max_score", "seconds", "peak_mb"])
    for column in ("score", "max_score", "seconds", "peak_mb"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    frame["scored"] = frame["status"].isin(SCORED) & frame["score"].notna()
    has_max = frame["max_score"] > 0
    frame["share"] = np.where(frame["scored"] & has_max, frame["score"] / frame["max_score"],
                              np.nan)
    return frame[list(RESULT_COLUMNS)]


def cells_frame(results: list[SubmissionResult]) -> pd.DataFrame:
    """One row per graded cell of every scored submission (from the per-cell details); a cell
    still awaiting a person has no score yet and is left out."""
    rows = [
        (r.assignment, r.student, str(c.get("notebook", "")), str(c.get("cell", "")),
         c.get("score"), c.get("max_score"))
        for r in results
        if r.status in SCORED and r.score is not None
        for c in (r.details or {}).get("cells", []) or []
        if isinstance(c, dict) and not c.get("needs_manual_grade")
    ]
    frame = pd.DataFrame(rows, columns=list(CELL_COLUMNS))
    for column in ("score", "max_score"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    return frame


def awaiting_counts(results: list[SubmissionResult]) -> dict[tuple[str, str, str], int]:
    """(assignment, notebook, cell) -> scored submissions whose cell still awaits a person."""
    counts: dict[tuple[str, str, str], int] = {}
    for r in results:
        if r.status not in SCORED or r.score is None:
            continue
        for c in (r.details or {}).get("cells", []) or []:
            if isinstance(c, dict) and c.get("needs_manual_grade"):
                key = (r.assignment, str(c.get("notebook", "")), str(c.get("cell", "")))
                counts[key] = counts.get(key, 0) + 1
    return counts


def item_statistics(cells: pd.DataFrame) -> pd.DataFrame:
    """Difficulty and discrimination of every grade cell, in notebook order.

    Difficulty is the mean share of the cell's points earned (1 = everyone got full marks).
    Discrimination is the Pearson (point-biserial for all-or-nothing cells) correlation of the
    cell's share with the rest-of-assignment score; NaN with a reason in ``why_na`` when it is
    undefined (too few submissions, a constant cell, or nothing else to compare with).
    """
    keys = ["assignment", "notebook", "cell"]
    usable = cells[cells["score"].notna() & (cells["max_score"] > 0)].copy()
    if usable.empty:
        return pd.DataFrame(columns=list(ITEM_COLUMNS))
    usable["share"] = usable["score"] / usable["max_score"]
    total = usable.groupby(["assignment", "student"])["score"].transform("sum")
    usable["rest"] = total - usable["score"]
    groups = usable.groupby(keys, sort=False)
    usable["dx"] = usable["share"] - groups["share"].transform("mean")
    usable["dy"] = usable["rest"] - groups["rest"].transform("mean")
    usable["dxy"] = usable["dx"] * usable["dy"]
    usable["dxx"] = usable["dx"] ** 2
    usable["dyy"] = usable["dy"] ** 2
    sums = usable.groupby(keys, sort=False).agg(
        max_score=("max_score", "max"), n=("share", "size"), difficulty=("share", "mean"),
        sxy=("dxy", "sum"), sxx=("dxx", "sum"), syy=("dyy", "sum"),
    ).reset_index()
    # questions in the order the notebooks list them, assignments alphabetically
    sums = sums.sort_values("assignment", kind="stable").reset_index(drop=True)
    per_assignment = usable.groupby("assignment")["cell"].nunique()
    sums["cells_in_assignment"] = sums["assignment"].map(per_assignment)
    flat_x = sums["sxx"] <= _TINY * sums["n"]
    flat_y = sums["syy"] <= _TINY * sums["n"]
    few = sums["n"] < _MIN_FOR_CORRELATION
    alone = sums["cells_in_assignment"] < 2
    defined = ~(few | flat_x | flat_y | alone)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = sums["sxy"] / np.sqrt(sums["sxx"] * sums["syy"])
    sums["discrimination"] = np.where(defined, np.clip(r, -1.0, 1.0), np.nan)
    sums["why_na"] = np.select(
        [alone, few, flat_x, flat_y],
        ["the only graded cell: no rest-of-assignment score to compare with",
         f"fewer than {_MIN_FOR_CORRELATION} scored submissions",
         "everyone earned the same share of this cell",
         "everyone earned the same score on the rest of the assignment"],
        default="",
    )
    sums["n"] = sums["n"].astype(int)
    return sums[list(ITEM_COLUMNS)]


def status_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Submissions per assignment (rows) and status (columns, in the ledger's order), with 0s."""
    if frame.empty:
        return pd.DataFrame(columns=list(Status), dtype=int)
    table = pd.crosstab(frame["assignment"], frame["status"])
    table = table.reindex(columns=list(Status), fill_value=0).astype(int)
    table.columns.name = None
    return table


def not_graded(frame: pd.DataFrame) -> pd.DataFrame:
    """The submissions whose status is not ``graded``, with their messages, by assignment."""
    rows = frame[frame["status"] != Status.GRADED]
    order = {status: n for n, status in enumerate(Status)}
    rows = rows.assign(_order=rows["status"].map(order))
    rows = rows.sort_values(["assignment", "_order", "student"])
    return rows[["assignment", "student", "status", "message"]].reset_index(drop=True)


def slowest(frame: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The `n` submissions that took longest to grade, slowest first."""
    columns = ["assignment", "student", "status", "seconds", "peak_mb"]
    timed = frame[frame["seconds"].notna() & (frame["seconds"] > 0)]
    return timed.nlargest(n, "seconds", keep="first")[columns].reset_index(drop=True)


def headline(frame: pd.DataFrame) -> pd.DataFrame:
    """Per assignment: submissions, scored submissions, maximum, mean and median score."""
    columns = ["assignment", "submissions", "scored", "max_score", "mean", "median",
               "mean_share", "median_share"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    scored = frame[frame["scored"]]
    summary = frame.groupby("assignment").size().rename("submissions").to_frame()
    stats = scored.groupby("assignment").agg(
        scored=("score", "size"), max_score=("max_score", "median"), mean=("score", "mean"),
        median=("score", "median"), mean_share=("share", "mean"),
        median_share=("share", "median"))
    summary = summary.join(stats, how="left")
    summary["scored"] = summary["scored"].fillna(0).astype(int)
    return summary.reset_index()[columns]


def student_count(frame: pd.DataFrame) -> int:
    """Distinct students with at least one result."""
    return int(frame["student"].nunique()) if not frame.empty else 0

