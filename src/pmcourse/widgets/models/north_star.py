"""The North Star metric: a customer-value metric, 3 to 5 inputs that move it, a checklist."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

from .base import Draft, DraftError, filled, text_field, text_list

MIN_INPUTS = 3
MAX_INPUTS = 5
"""Input metrics a North Star should have (the course's rule of thumb: three to five)."""

NORTH_STAR_CHECKS: tuple[tuple[str, str], ...] = (
    ("customer_value", "It measures value customers receive, not value we capture."),
    ("leading", "It moves before revenue does (a leading indicator, not ARR or LTV)."),
    ("team_can_move", "The product team can move it through its own work."),
    ("understood", "Anyone in the company can understand it without a glossary."),
    ("time_bound", "It is counted over a time window (per week, per month)."),
)
"""(key, statement) of each checklist item the learner ticks when it holds."""


@dataclass
class NorthStarDraft(Draft):
    """A candidate North Star metric with its input metrics and the learner's checklist."""

    KIND: ClassVar[str] = "north_star"
    TITLE: ClassVar[str] = "North Star metric"
    CHECKS: ClassVar[tuple[tuple[str, str], ...]] = NORTH_STAR_CHECKS

    metric: str = ""
    rationale: str = ""
    inputs: list[str] = field(default_factory=list)
    checks: dict[str, bool] = field(default_factory=dict)

    def set_inputs_text(self, text: str) -> None:
        """Takes the input metrics from a text box, one metric per line."""
        self.inputs = [line.strip(" -*\t") for line in text.splitlines() if line.strip(" -*\t")]

    def tick(self, key: str, value: bool) -> None:
        """Ticks or clears one checklist item."""
        if key not in dict(self.CHECKS):
            msg = f"The North Star checklist has no item {key!r}."
            raise KeyError(msg)
        self.checks[key] = bool(value)

    def unticked(self) -> list[str]:
        """Checklist statements not ticked yet."""
        return [text for key, text in self.CHECKS if not self.checks.get(key)]

    def problems(self) -> list[str]:
        """The input-metric count when it is outside 3 to 5, and a duplicate of the North Star."""
        out = []
        n = len(self.inputs)
        if 0 < n < MIN_INPUTS:
            out.append(f"You have {n} input metric{'s' if n != 1 else ''}; name at least "
                       f"{MIN_INPUTS} levers the team can pull to move the North Star.")
        elif n > MAX_INPUTS:
            out.append(f"You have {n} input metrics; keep the {MAX_INPUTS} that move the North "
                       "Star most, so the team can focus.")
        norm = " ".join(self.metric.lower().split())
        if norm and any(" ".join(i.lower().split()) == norm for i in self.inputs):
            out.append("An input metric repeats the North Star itself; inputs should be the "
                       "levers that move it.")
        return out

    def lint_targets(self) -> list[tuple[str, str, str]]:
        """The metric, read as a North Star."""
        return [("North Star", self.metric, "north_star")]

    def missing(self) -> list[str]:
        """Metric, rationale, enough inputs, and each unticked checklist item."""
        out = []
        if not filled(self.metric):
            out.append("the North Star metric")
        if not filled(self.rationale):
            out.append("why it captures customer value")
        if len(self.inputs) < MIN_INPUTS:
            out.append(f"{MIN_INPUTS} to {MAX_INPUTS} input metrics")
        out += [f"checklist: {text}" for text in self.unticked()]
        return out

    def parts(self) -> int:
        """Metric, rationale, inputs and one per checklist item."""
        return 3 + len(self.CHECKS)

    def fields_to_dict(self) -> dict[str, Any]:
        """Metric, rationale, inputs and checks."""
        return {"metric": self.metric, "rationale": self.rationale, "inputs": list(self.inputs),
                "checks": dict(self.checks)}

    @classmethod
    def from_fields(cls, data: dict[str, Any]) -> Self:
        """Reads the fields, refusing a checklist that is not a map of true/false values."""
        checks = data.get("checks", {})
        if not isinstance(checks, dict) or not all(isinstance(v, bool) for v in checks.values()):
            msg = "The North Star draft's 'checks' should map checklist items to true or false."
            raise DraftError(msg)
        return cls(metric=text_field(data, "metric", cls.KIND),
                   rationale=text_field(data, "rationale", cls.KIND),
                   inputs=text_list(data, "inputs", cls.KIND), checks=dict(checks))

    def to_markdown(self) -> str:
        """The metric, why, the inputs and the checklist as task-list items."""
        out = [f"## {self.TITLE}", "", f"**{self.metric.strip() or '_Not chosen yet._'}**", ""]
        if filled(self.rationale):
            out += [self.rationale.strip(), ""]
        out += ["Input metrics:", ""]
        out += [f"- {m}" for m in self.inputs] or ["- _none yet_"]
        out += ["", "Checklist:", ""]
        out += [f"- [{'x' if self.checks.get(k) else ' '}] {text}" for k, text in self.CHECKS]
        return "\n".join(out) + "\n"
