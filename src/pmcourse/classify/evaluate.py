"""Evaluating the classifier on a labelled CSV (columns ``text,kind``): accuracy and confusion.

Every fifth data row (index 4, 9, 14 ...) is held out: the cue weights were tuned on the others,
so the held-out accuracy is the honest estimate.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from . import classify
from .features import CLASS_KINDS

HOLDOUT_EVERY = 5


@dataclass(frozen=True)
class Labelled:
    """One labelled statement and whether it belongs to the held-out part."""

    text: str
    kind: str
    held_out: bool


def load(path: str | Path) -> list[Labelled]:
    """Reads the labelled CSV; every fifth row is marked held out."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return [Labelled(r["text"], r["kind"], i % HOLDOUT_EVERY == HOLDOUT_EVERY - 1)
            for i, r in enumerate(rows)]


def confusion(rows: Iterable[Labelled]) -> dict[str, dict[str, int]]:
    """``matrix[true][predicted]`` counts over ``rows``."""
    matrix = {t: dict.fromkeys(CLASS_KINDS, 0) for t in CLASS_KINDS}
    for row in rows:
        matrix[row.kind][classify(row.text).kind] += 1
    return matrix


def accuracy(matrix: dict[str, dict[str, int]]) -> float:
    """Share of the diagonal in a confusion matrix (0.0 when empty)."""
    total = sum(sum(r.values()) for r in matrix.values())
    return sum(matrix[k][k] for k in matrix) / total if total else 0.0


def format_matrix(matrix: dict[str, dict[str, int]]) -> str:
    """A plain-text table: one row per true kind, one column per predicted kind."""
    head = "true \\ predicted".ljust(17) + "".join(k[:8].rjust(9) for k in CLASS_KINDS)
    lines = [head]
    for true in CLASS_KINDS:
        lines.append(true.ljust(17) + "".join(str(matrix[true][p]).rjust(9) for p in CLASS_KINDS))
    return "\n".join(lines)
