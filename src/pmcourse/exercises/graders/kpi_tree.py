"""KPI tree mapping (content-research 2.12): map initiatives to the tree metric each one moves.

Graded by edges: each initiative's metric must be one of its allowed parents in the key; mapping an
initiative straight to the root (rule T01) or to a metric with children of its own earns nothing
for the "level" criterion, whatever the key says, because teams influence leaves, not the top.

Key format: ``{"parents": {item_id: [allowed metric ids]}}`` (the first one is shown by
``solution()``; an initiative that fits two metrics lists both, and either earns full marks).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..engine.problem import Problem
from ..engine.result import CriterionResult
from .backlog import LinkItems
from .labels import ONE_LABEL_CAP, one_label_for_all
from .textual import listing


@dataclass(frozen=True)
class KpiTreeMapping:
    """Grades a mapping of initiatives to the leaf metrics of a KPI tree."""

    cap_ids: ClassVar[tuple[str, ...]] = (ONE_LABEL_CAP,)
    var: str = "mapping"
    items: str = "initiatives"
    """Problem input with rows ``item_id, text``."""
    tree: str = "tree"
    """Problem input with rows ``metric_id, metric, parent_id`` (the root has no parent)."""
    weights: tuple[float, float, float] = (0.15, 0.25, 0.6)
    """Shares for completeness, mapping to leaves (not the root) and right edges."""

    def _links(self) -> LinkItems:
        return LinkItems(
            var=self.var, items=self.items, parents=self.tree, parent_column="metric_id",
            parent_text="metric", noun="metric", weights=(self.weights[0], self.weights[2]),
        )

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        links = self._links()
        mapping, notes, given = links.read(problem, answers[self.var])
        right = links.right(given, mapping, key)
        same = one_label_for_all(mapping, {i: ps[0] for i, ps in key["parents"].items()})
        if same:
            right = dataclasses.replace(right, cap=ONE_LABEL_CAP, message=(
                f"You mapped nearly every initiative to {same}: each initiative pulls its own "
                "lever, so the score is capped until you map them one by one. " + right.message))
        return [
            links.complete(given, mapping),
            self._level(problem, given, mapping),
            right,
        ], tuple(notes)

    def _level(
        self, problem: Problem, given: list[str], mapping: Mapping[str, str]
    ) -> CriterionResult:
        tree = problem.data[self.tree]
        root = {row["metric_id"] for row in tree if not row.get("parent_id")}
        inner = {row["parent_id"] for row in tree if row.get("parent_id")}
        at_root = [i for i in given if mapping.get(i) in root]
        too_high = [i for i in given if mapping.get(i) in inner - root]
        unmapped = sum(i not in mapping for i in given)
        problems = []
        if at_root:
            problems.append(f"{listing(at_root)}: mapped straight to the root metric (rule T01): "
                            "no single initiative moves the top of the tree directly; find the "
                            "input metric it pushes")
        if too_high:
            problems.append(f"{listing(too_high)}: mapped to a metric that has children of its "
                            "own: go one level down, to a metric a team can move")
        message = (
            "Every initiative maps to a leaf metric a team can influence."
            if not problems and not unmapped
            else ("; ".join(problems) + "." if problems
                  else f"{unmapped} initiative(s) are not mapped yet.")
        )
        ok = len(given) - len(at_root) - len(too_high) - unmapped
        return CriterionResult(
            "level", "Initiatives map to leaves, not the root (T01)", self.weights[1],
            ok / len(given), message,
        )

    def describe(self, problem: Problem, key: Any) -> str:
        """The leaves with the initiatives that move them; an initiative that fits two leaves is
        listed under "Also accepted" (the problem's explanation says why)."""
        return self._links().describe(problem, key)
