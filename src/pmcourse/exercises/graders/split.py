"""The feature split: label each item a roadmap ``outcome`` or a backlog ``task``, link tasks to outcomes.

Key format: ``{"kind": {item_id: "outcome" | "task"}, "parents": {task_id: [allowed outcome ids]}}``.
Messages count mistakes by direction ("3 items you marked outcome ...") and never name which
given item carries which expected label, so a check cannot be mined for the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..engine.answers import plain_text, records, rows_by_id
from ..engine.errors import NotAttempted
from ..engine.problem import Problem
from ..engine.result import CriterionResult
from .labels import ONE_LABEL_CAP, one_label_for_all
from .textual import listing, row_notes

COLUMNS = ("item_id", "kind", "outcome_id")
OUTCOME, TASK = "outcome", "task"
_ALIASES = {
    "outcome": OUTCOME, "roadmap": OUTCOME, "roadmap outcome": OUTCOME,
    "task": TASK, "backlog": TASK, "backlog task": TASK, "backlog item": TASK,
}



@dataclass(frozen=True)
class FeatureSplit:
    """Grades a split of a feature list into roadmap outcomes and backlog tasks."""

    cap_ids: ClassVar[tuple[str, ...]] = (ONE_LABEL_CAP,)
    var: str = "split"
    items: str = "items"
    """Name of the problem input holding the rows ``item_id, text``."""
    weights: tuple[float, float, float] = (0.5, 0.4, 0.1)
    """Shares of the points for labels, links and structure."""

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        given = [str(row["item_id"]) for row in problem.data[self.items]]
        rows = records(answers[self.var], self.var, COLUMNS, optional=("outcome_id",))
        index = rows_by_id(rows, "item_id", given)
        label: dict[str, str] = {}
        parent: dict[str, str | None] = {}
        bad_labels = []
        for item, row in index.first.items():
            raw = plain_text(row["kind"])
            kind = _ALIASES.get(raw.lower()) if raw else None
            if raw is not None and kind is None:
                bad_labels.append(f"{item} ({raw!r})")
            if kind is not None:
                label[item] = kind
            parent[item] = plain_text(row["outcome_id"])
        if not label:
            msg = (f"no item in `{self.var}` has a `kind` yet: label each item "
                   f"'{OUTCOME}' or '{TASK}'.")
            raise NotAttempted(msg)

        notes = row_notes(index)
        if bad_labels:
            notes.append(f"Unknown kind for {listing(bad_labels)}: use '{OUTCOME}' or '{TASK}'.")

        return [
            self._labels(given, label, key),
            self._links(given, label, parent, key),
            self._structure(given, label, parent),
        ], tuple(notes)

    def _labels(self, given: list[str], label: dict[str, str], key: Any) -> CriterionResult:
        truth = key["kind"]
        right = sum(label.get(i) == truth[i] for i in given)
        over = sum(label.get(i) == OUTCOME and truth[i] == TASK for i in given)
        under = sum(label.get(i) == TASK and truth[i] == OUTCOME for i in given)
        if right == len(given):
            message = f"All {len(given)} items carry the right label."
        else:
            parts = [f"{right} of {len(given)} labels are right."]
            if over:
                parts.append(
                    f"{over} item(s) you marked '{OUTCOME}' describe something the team would build "
                    "or do: that is output, and it belongs in the backlog."
                )
            if under:
                parts.append(
                    f"{under} item(s) you marked '{TASK}' describe a change in what users do or get: "
                    "that is an outcome for the roadmap."
                )
            unlabelled = len(given) - right - over - under
            if unlabelled:
                parts.append(f"{unlabelled} item(s) have no usable label.")
            message = " ".join(parts)
        same = one_label_for_all(label, truth)
        if same:
            message = (f"You marked nearly every item '{same}': a roadmap needs both outcomes "
                       "and the tasks that serve them, so the score is capped until you decide "
                       "item by item. " + message)
        return CriterionResult(
            "labels", "Each item is labelled outcome or task", self.weights[0],
            right / len(given), message, cap=ONE_LABEL_CAP if same else None,
        )

    def _links(
        self, given: list[str], label: dict[str, str], parent: dict[str, str | None], key: Any
    ) -> CriterionResult:
        tasks = [i for i in given if key["kind"][i] == TASK]
        right = sum(
            label.get(i) == TASK and parent.get(i) in key["parents"].get(i, ()) for i in tasks
        )
        if right == len(tasks):
            message = "Every backlog task is linked to the outcome it serves."
        else:
            message = (
                f"{right} of {len(tasks)} backlog tasks are linked to an outcome they serve. "
                "For each task ask: if we ship this, which outcome moves?"
            )
        return CriterionResult(
            "links", "Each task is linked to the outcome it serves", self.weights[1],
            right / len(tasks) if tasks else 1.0, message,
        )

    def _structure(
        self, given: list[str], label: dict[str, str], parent: dict[str, str | None]
    ) -> CriterionResult:
        outcomes = [i for i in given if label.get(i) == OUTCOME]
        tasks = [i for i in given if label.get(i) == TASK]
        unlinked = [t for t in tasks if not parent.get(t)]
        dangling = [t for t in tasks if parent.get(t) and label.get(parent[t]) != OUTCOME]
        childless = [o for o in outcomes if not any(parent.get(t) == o for t in tasks)]
        total = len(tasks) + len(outcomes)
        bad = len(unlinked) + len(dangling) + len(childless)
        problems = []
        if unlinked:
            problems.append(f"tasks {listing(unlinked)} have no `outcome_id`")
        if dangling:
            problems.append(f"tasks {listing(dangling)} point to an item you did not label an outcome")
        if childless:
            problems.append(f"outcomes {listing(childless)} have no task under them")
        message = (
            "Every task points to one of your outcomes, and every outcome has work under it."
            if not problems
            else "Fix the shape of your roadmap: " + "; ".join(problems) + "."
        )
        return CriterionResult(
            "structure", "Tasks hang under outcomes; outcomes have tasks", self.weights[2],
            (total - bad) / total if total else 0.0, message,
        )

    def describe(self, problem: Problem, key: Any) -> str:
        text = {str(r["item_id"]): r["text"] for r in problem.data[self.items]}
        lines = ["| roadmap outcome | backlog tasks that serve it |", "|---|---|"]
        for o in (i for i, k in key["kind"].items() if k == OUTCOME):
            tasks = [t for t, ps in key["parents"].items() if ps and ps[0] == o]
            cell = "<br>".join(f"{t}: {text[t]}" for t in tasks)
            lines.append(f"| **{o}**: {text[o]} | {cell} |")
        also = [
            f"{t} may also sit under {', '.join(ps[1:])}"
            for t, ps in key["parents"].items() if len(ps) > 1
        ]
        if also:
            lines += ["", "Also accepted: " + "; ".join(also) + "."]
        return "\n".join(lines)
