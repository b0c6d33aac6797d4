"""A vision and mission pair: write both for one product, so that they fit together and differ.

Key format: ``{"beneficiaries": [word stems naming the product's people],
"categories": [category nouns that fit the product]}``. Many answers are right; the grader checks
constraints: each statement passes the course linter's error rules, both speak of the same
people, a product category appears in the mission and not in the vision, and the two are not
near-copies (the linter's ``same-as-vision`` rule, given the vision as context). Both statements
pass the text gate first (no placeholder, no run of nouns, no copy of the brief, not the same
text twice); a statement that fails it earns nothing on the criteria that read it. A vision that
names the product, an adoption or market-share goal or a number is not a vision
(`vision_problems`). A swapped pair (the product in the vision, none in the mission) is capped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..engine.problem import Problem
from ..engine.result import CriterionResult
from .gate import GateVerdict, gate_fields
from .textual import error_rules, fields, lint_findings, mentions, similarity
from .vision import vision_problems

SWAPPED = "swapped"
"""The cap a pair triggers when its vision names the product and its mission does not."""

SAME_AS_VISION = "same-as-vision"
"""The linter's rule for a mission that repeats its vision (content-research M04)."""


@dataclass(frozen=True)
class VisionMissionPair:
    """Grades a ``{"vision": ..., "mission": ...}`` pair by constraints, not by one key."""

    var: str = "pair"
    product: str = ""
    """The product's name: the mission may use it, the vision may not."""
    weights: tuple[float, float, float, float, float] = (0.25, 0.2, 0.2, 0.15, 0.2)
    """Shares for: vision lint, mission lint, category placement, same people, distinct."""
    cap_ids: tuple[str, ...] = (SWAPPED,)
    max_alike: float = 0.8
    """Similarity at which two statements count as near-copies when the linter cannot say."""

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        """Scores a vision-mission pair criterion by criterion; raises NotAttempted or AnswerError."""
        text = fields(answers[self.var], self.var, ("vision", "mission"))
        verdicts = gate_fields(text, prompt_texts=(problem.prompt,),
                               data_texts=tuple(str(v) for v in problem.data.values()),
                               min_words=4, first_keeps=True)
        notes = [v.message for v in verdicts.values() if v.gate not in (None, "blank")]
        if text["vision"] is None:
            notes.append("`vision` is empty: write the change the product should bring about.")
        if text["mission"] is None:
            notes.append("`mission` is empty: write what the product contributes, for whom.")
        vision = text["vision"] if verdicts["vision"] else None
        mission = text["mission"] if verdicts["mission"] else None
        context = {"vision": vision} if vision else None
        mission_findings = lint_findings(mission, "mission", context) if mission else []
        return [
            self._vision_lint(vision, verdicts["vision"]),
            self._mission_lint(mission, mission_findings),
            self._category(vision, mission, mission_findings, key),
            self._people(vision, mission, key),
            self._distinct(vision, mission, mission_findings),
        ], tuple(notes)

    def _vision_lint(self, vision: str | None, verdict: GateVerdict) -> CriterionResult:
        label = "The vision is a vision: no product, goal or number, no linter error"
        if vision is None:
            why = verdict.message or "No vision yet."
            return CriterionResult("vision_lint", label, self.weights[0], 0.0, why)
        errors = [f"`{e}`" for e in error_rules(vision, "vision")]
        errors += vision_problems(vision, product=self.product)
        message = ("Your vision describes a change for people, with no product, goal or number."
                   if not errors else
                   f"Your vision {', '.join(errors)}: run `lint(pair['vision'], 'vision')` and "
                   "keep only the change in people's lives.")
        return CriterionResult("vision_lint", label, self.weights[0], float(not errors), message)

    def _mission_lint(self, mission: str | None, findings: list[Any]) -> CriterionResult:
        label = "The mission passes the linter's error rules"
        if mission is None:
            return CriterionResult("mission_lint", label, self.weights[1], 0.0, "No mission yet.")
        errors = sorted({f.rule for f in findings
                         if f.severity == "error" and f.rule != SAME_AS_VISION})
        message = ("The linter finds no error in your mission." if not errors else
                   f"Your mission breaks {', '.join(f'`{e}`' for e in errors)}: run "
                   "`lint(pair['mission'], 'mission')` to see why and how to fix it.")
        return CriterionResult("mission_lint", label, self.weights[1], float(not errors), message)

    def _category(
        self, vision: str | None, mission: str | None, findings: list[Any], key: Any
    ) -> CriterionResult:
        categories = key["categories"]
        in_mission = bool(mission) and (
            bool(mentions(mission, categories))
            or not any(f.rule == "no-category" for f in findings)
        )
        in_vision = bool(vision) and (
            bool(mentions(vision, categories))
            or bool(self.product and mentions(vision, [self.product]))
            or any(f.rule == "names-solution" for f in lint_findings(vision, "vision"))
        )
        earned = (0.5 if in_mission else 0.0) + (0.5 if vision and not in_vision else 0.0)
        swapped = bool(in_vision and mission and not in_mission)
        parts = []
        parts.append("Your mission says what kind of product this is." if in_mission else
                     "Your mission names no product category: say what kind of thing the "
                     "product is, the noun a buyer would look for.")
        if vision:
            parts.append("Your vision stays free of the product." if not in_vision else
                         "Your vision names the product or its category: keep that in the "
                         "mission and let the vision describe the change in people's lives.")
        if swapped:
            parts.append("The two look swapped: the product belongs in the mission, the change "
                         "for people in the vision.")
        return CriterionResult("category", "A product category is named in the mission only",
                               self.weights[2], earned, " ".join(parts),
                               cap=SWAPPED if swapped else None)

    def _people(self, vision: str | None, mission: str | None, key: Any) -> CriterionResult:
        stems = key["beneficiaries"]
        in_vision = bool(vision) and bool(mentions(vision, stems))
        in_mission = bool(mission) and bool(mentions(mission, stems))
        earned = (in_vision + in_mission) / 2
        if earned == 1:
            message = "Both statements speak of the people this product serves."
        else:
            missing = [name for name, ok in (("vision", in_vision), ("mission", in_mission))
                       if not ok]
            message = (f"Your {' and '.join(missing)} {'does' if len(missing) == 1 else 'do'} "
                       "not name the people the product brief is about: the two statements "
                       "should serve the same beneficiary, named in both.")
        return CriterionResult("people", "Vision and mission serve the same people",
                               self.weights[3], earned, message)

    def _distinct(self, vision: str | None, mission: str | None,
                  findings: list[Any]) -> CriterionResult:
        label = "Vision and mission say different things"
        if not (vision and mission):
            return CriterionResult("distinct", label, self.weights[4], 0.0,
                                   "Write both statements first.")
        same = any(f.rule == SAME_AS_VISION for f in findings) or (
            similarity(vision, mission) >= self.max_alike
        )
        message = ("The two statements do different jobs." if not same else
                   "Your mission repeats your vision almost word for word. The vision is the "
                   "change in people's lives; the mission is this product's part in it.")
        return CriterionResult("distinct", label, self.weights[4], float(not same), message)

    def describe(self, problem: Problem, key: Any) -> str:
        """An example pair and what makes a pair work."""
        example = key.get("example", {})
        lines = []
        if example:
            lines += [f"**Vision:** {example['vision']}", "", f"**Mission:** {example['mission']}",
                      ""]
        lines.append(
            "Many pairs are right. What makes one work: the vision names the people and the "
            "change, with no product in it; the mission names the same people, a product "
            "category and what the product does for them; and the two say different things."
        )
        return "\n".join(lines)
