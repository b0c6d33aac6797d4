"""The cohort report's charts, drawn with matplotlib's Agg canvas and returned as base64 PNG.

Figures are built with `matplotlib.figure.Figure` (no pyplot, no global state, no display), so
the report renders the same on a headless grading server as on a laptop.
"""

from __future__ import annotations

import base64
import io
import warnings

import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from ..pipeline.ledger import Status

WIDTH_IN = 10.0
"""Figure width in inches: at 110 dpi, 1100 px, which fits a 1280 px window."""
DPI = 110
STATUS_COLOURS = {Status.GRADED: "#2e7d32", Status.LATE: "#f9a825", Status.ERROR: "#c62828",
                  Status.TIMEOUT: "#6a1b9a", Status.TAMPERED: "#ef6c00", Status.MISSING: "#78909c"}
_BAR = "#1565c0"


def to_png_base64(figure: Figure) -> str:
    """The figure as a base64-encoded PNG (for an ``<img src="data:image/png;base64,...">``)."""
    buffer = io.BytesIO()
    FigureCanvasAgg(figure)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a glyph missing from the font is not worth a warning
        figure.savefig(buffer, format="png", dpi=DPI, bbox_inches="tight")
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def score_histogram(assignment: str, shares: pd.Series) -> Figure:
    """Histogram of the share of points each scored submission of `assignment` earned."""
    figure = Figure(figsize=(WIDTH_IN, 3.6), layout="constrained")
    ax = figure.add_subplot()
    values = shares.dropna().to_numpy(dtype=float) * 100
    bins = np.linspace(0, 100, 11)
    ax.hist(np.clip(values, 0, 100), bins=bins, color=_BAR, edgecolor="white")
    ax.set_xlim(0, 100)
    ax.set_xticks(bins)
    ax.set_title(f"{assignment}: score distribution ({len(values)} scored submissions)")
    ax.set_xlabel("score (% of the maximum)")
    ax.set_ylabel("submissions")
    ax.yaxis.get_major_locator().set_params(integer=True)
    if len(values):
        mean = float(values.mean())
        ax.axvline(mean, color="#c62828", linestyle="--", linewidth=1.5,
                   label=f"mean {mean:.0f}%")
        ax.legend(loc="upper left")
    ax.grid(axis="y", alpha=0.3)
    return figure


def item_chart(assignment: str, items: pd.DataFrame) -> Figure:
    """Bars of difficulty and discrimination for each grade cell of `assignment`."""
    labels = [f"{nb} / {cell}" for nb, cell in zip(items["notebook"], items["cell"], strict=True)]
    height = max(2.6, 0.45 * len(labels) + 1.6)
    figure = Figure(figsize=(WIDTH_IN, height), layout="constrained")
    left, right = figure.subplots(1, 2, sharey=True)
    y = np.arange(len(labels))
    left.barh(y, items["difficulty"].to_numpy(dtype=float), color=_BAR)
    left.set_xlim(0, 1)
    left.set_yticks(y, labels)
    left.invert_yaxis()
    left.set_xlabel("difficulty: mean share of points earned (1 = easy)")
    left.set_title("difficulty")
    disc = items["discrimination"].to_numpy(dtype=float)
    colours = ["#2e7d32" if d >= 0.2 else "#ef6c00" if d >= 0 else "#c62828"
               for d in np.nan_to_num(disc)]
    right.barh(y, np.nan_to_num(disc), color=colours)
    for row, value in enumerate(disc):
        if np.isnan(value):
            right.text(0.02, row, "n/a", va="center", ha="left", color="#555555")
    right.set_xlim(-1, 1)
    right.set_xticks([-1.0, -0.5, 0.0, 0.5, 1.0])
    right.axvline(0, color="#333333", linewidth=0.8)
    right.set_xlabel("discrimination: correlation with the rest of the assignment")
    right.set_title("discrimination")
    for ax in (left, right):
        ax.grid(axis="x", alpha=0.3)
    figure.suptitle(f"{assignment}: per-question difficulty and discrimination")
    return figure


def status_chart(counts: pd.DataFrame) -> Figure:
    """Stacked horizontal bars: how many submissions of each assignment ended in each status."""
    assignments = list(counts.index)
    height = max(2.4, 0.55 * len(assignments) + 1.6)
    figure = Figure(figsize=(WIDTH_IN, height), layout="constrained")
    ax = figure.add_subplot()
    y = np.arange(len(assignments))
    left = np.zeros(len(assignments))
    for status in Status:
        values = counts[status].to_numpy(dtype=float) if status in counts else left * 0
        if values.any():
            ax.barh(y, values, left=left, color=STATUS_COLOURS[status], label=status)
        left += values
    ax.set_yticks(y, assignments)
    ax.invert_yaxis()
    ax.set_xlabel("submissions")
    ax.set_ylabel("assignment")
    ax.set_title("How each submission ended (status per assignment)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25 if len(assignments) < 3 else -0.12),
              ncol=len(Status), frameon=False)
    ax.grid(axis="x", alpha=0.3)
    return figure
