"""NorthStarPicker: a candidate North Star metric, its 3 to 5 input metrics and a checklist."""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as w

from ._base import DraftView
from ._feedback import findings_html, lines_html, run_lint
from ._layout import field_label, full_width, text, textarea
from .models import MAX_INPUTS, MIN_INPUTS, NorthStarDraft


class NorthStarPicker(DraftView):
    """Picks a North Star metric, linted live, with its input metrics and a checklist.

    Example: `NorthStarPicker(path="north_star.json")`.
    """

    DRAFT_TYPE: ClassVar[type[NorthStarDraft]] = NorthStarDraft
    TITLE = "North Star picker"
    INTRO = ("Choose one metric that shows customers getting value from the product, then the "
             f"{MIN_INPUTS} to {MAX_INPUTS} input metrics the team can move to drive it.")

    def _build(self) -> list[w.Widget]:
        d: NorthStarDraft = self._draft
        metric_box, self._metric = text(
            "Candidate North Star metric", "One metric, counted over a time window.", d.metric,
            placeholder="e.g. meals cooked from a Larder plan per household per week")
        rationale_box, self._rationale = textarea(
            "Why does it capture customer value?",
            "What a customer gets when this number goes up.", d.rationale)
        inputs_box, self._inputs = textarea(
            f"Input metrics ({MIN_INPUTS} to {MAX_INPUTS}, one per line)",
            "Levers the team can pull that move the North Star.", "\n".join(d.inputs), rows=5,
            placeholder="e.g. households that plan a week within 3 days of signing up")
        self._checks: dict[str, w.Checkbox] = {}
        boxes: list[w.Widget] = [field_label("Checklist", "Tick each statement that holds.")]
        for key, statement in d.CHECKS:
            box = w.Checkbox(value=bool(d.checks.get(key)), description=statement, indent=False,
                             tooltip=statement, layout=full_width())
            box.observe(self._on_check_value, names="value")
            self._checks[key] = box
            boxes.append(box)
        self._feedback = w.HTML(layout=full_width())
        self._problems = w.HTML(layout=full_width())
        self._metric.observe(self._on_metric_value, names="value")
        self._rationale.observe(self._on_rationale_value, names="value")
        self._inputs.observe(self._on_inputs_value, names="value")
        return [metric_box, field_label("Feedback on the metric"), self._feedback, rationale_box,
                inputs_box, self._problems, w.VBox(boxes, layout=full_width())]

    def _on_metric_value(self, change: dict[str, Any]) -> None:
        self._draft.metric = change["new"]
        self._changed()

    def _on_rationale_value(self, change: dict[str, Any]) -> None:
        self._draft.rationale = change["new"]
        self._changed()

    def _on_inputs_value(self, change: dict[str, Any]) -> None:
        self._draft.set_inputs_text(change["new"])
        self._changed()

    def _on_check_value(self, change: dict[str, Any]) -> None:
        key = next(k for k, box in self._checks.items() if box is change["owner"])
        self._draft.tick(key, change["new"])
        self._changed()

    def _render(self) -> None:
        d: NorthStarDraft = self._draft
        findings, message = run_lint(d.metric, "north_star")
        self._feedback.value = findings_html(findings, message)
        self._problems.value = lines_html(d.problems(), title="About the input metrics")
