"""Pick a North Star metric, three to five input metrics, and say why each other candidate fails.

Answer: ``{"metric": candidate id, "inputs": [input ids], "rejected": {candidate id: criterion
id or [criterion ids]}}``. Key format: ``{"north_star": [accepted ids], "second": [half-credit
ids], "inputs": [ids that drive the North Star], "rejected": {candidate id: [checklist criteria it
fails]}, "financial": [ids of money metrics]}``. A candidate that fails several checks lists each of
them, and any one of them is a right reason. Choosing a candidate that fails the checklist caps the
score (a money metric lower than the rest). Feedback counts what is off and points to the
checklist; it never names the answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..engine.answers import plain_text, type_name
from ..engine.errors import AnswerError, NotAttempted
from ..engine.placeholder import is_placeholder
from ..engine.problem import Problem
from ..engine.result import CriterionResult
from .textual import count, id_list, listing

KEYS = ("metric", "inputs", "rejected")
FINANCIAL_CAP = "financial-north-star"
"""Cap id: the North Star is a money metric (revenue, contract value, fees...)."""
FAILING_CAP = "failing-north-star"
"""Cap id: the North Star is another candidate that fails the checklist."""

CHECKLIST = (
    {"criterion": "customer-value", "question": "Does it express value customers get?"},
    {"criterion": "strategy", "question": "Does it reflect the vision and the strategy?"},
    {"criterion": "leading", "question": "Does it move before results do, rather than report "
                                         "the past?"},
    {"criterion": "actionable", "question": "Can teams move it through their own work?"},
    {"criterion": "understandable", "question": "Would a partner outside the product team "
                                                "understand it?"},
    {"criterion": "measurable", "question": "Can it be measured reliably from data we have?"},
    {"criterion": "not-vanity", "question": "Can it grow only when customers get value (no "
                                            "running totals or vanity counts)?"},
)
"""The North Star checklist (Amplitude's seven points, in the course's words)."""


@dataclass(frozen=True)
class NorthStarPick:
    """Grades a North Star choice, its inputs and the reasons given for the rejected candidates."""

    cap_ids: ClassVar[tuple[str, ...]] = (FINANCIAL_CAP, FAILING_CAP)
    var: str = "north_star"
    candidates: str = "candidates"
    """Problem input: the North Star candidates (``metric_id, metric, definition``)."""
    inputs: str = "inputs"
    """Problem input: the possible input metrics (``metric_id, metric``)."""
    checklist: str = "checklist"
    """Problem input: the checklist criteria (``criterion, question``)."""
    min_inputs: int = 3
    max_inputs: int = 5
    max_reasons: int = 3
    """More checklist points than this for one candidate is a shotgun, not a reason: none count."""
    weights: tuple[float, float, float] = (0.3, 0.3, 0.4)
    """Shares for: the North Star, its inputs, the reasons for rejecting the others."""

    def _read(
        self, problem: Problem, answer: Any
    ) -> tuple[str | None, list[str], dict[str, frozenset[str]], list[str]]:
        if is_placeholder(answer):
            msg = (f"`{self.var}` still holds the placeholder `____`; replace it with a dict "
                   "{'metric': ..., 'inputs': [...], 'rejected': {...}}.")
            raise NotAttempted(msg)
        if not isinstance(answer, Mapping):
            msg = (f"`{self.var}` should be a dict with the keys `metric`, `inputs` and "
                   f"`rejected`; it is {type_name(answer)}.")
            raise AnswerError(msg)
        keys = {plain_text(k): k for k in answer if isinstance(k, str)}
        missing = [k for k in KEYS if k not in keys]
        if missing:
            msg = (f"`{self.var}` has no key {', '.join(f'`{k}`' for k in missing)}; it needs "
                   "`metric` (one candidate id), `inputs` (a list of input ids) and `rejected` "
                   "(a dict: candidate id -> checklist criterion).")
            raise AnswerError(msg)
        raw_metric = answer[keys["metric"]]
        if not (is_placeholder(raw_metric) or isinstance(raw_metric, str)):
            msg = (f"`{self.var}['metric']` should be one candidate id (a str); it is "
                   f"{type_name(raw_metric)}. Pick exactly one North Star.")
            raise AnswerError(msg)
        metric = plain_text(raw_metric) if isinstance(raw_metric, str) else None
        inputs = id_list(answer[keys["inputs"]], f"`{self.var}['inputs']`") or []
        raw_rejected = answer[keys["rejected"]]
        rejected: dict[str, frozenset[str]] = {}
        if not is_placeholder(raw_rejected):
            if not isinstance(raw_rejected, Mapping):
                msg = (f"`{self.var}['rejected']` should be a dict mapping each rejected candidate "
                       f"id to a checklist criterion; it is {type_name(raw_rejected)}.")
                raise AnswerError(msg)
            for k, v in raw_rejected.items():
                cid = plain_text(k) if isinstance(k, str) else None
                tags = id_list(v, f"the reason given for {cid}")
                if cid and tags:
                    rejected[cid] = frozenset(tags)
        if metric is None and not inputs and not rejected:
            msg = f"`{self.var}` is still empty: choose a metric, its inputs and your reasons."
            raise NotAttempted(msg)
        notes = []
        cands = {str(r["metric_id"]) for r in problem.data[self.candidates]}
        ins = {str(r["metric_id"]) for r in problem.data[self.inputs]}
        crits = {str(r["criterion"]) for r in problem.data[self.checklist]}
        if metric is not None and metric not in cands:
            notes.append(f"{metric!r} is not a North Star candidate: pick a `metric_id` from "
                         "`q.data('candidates')`.")
        odd_inputs = sorted({i for i in inputs if i not in ins})
        if odd_inputs:
            notes.append(f"{listing(odd_inputs)}: not an input metric id; pick from "
                         "`q.data('inputs')`.")
        odd_cands = sorted(c for c in rejected if c not in cands)
        if odd_cands:
            notes.append(f"{listing(odd_cands)} in `rejected`: not a candidate id.")
        odd_crits = sorted({t for tags in rejected.values() for t in tags if t not in crits})
        if odd_crits:
            notes.append(f"{listing(odd_crits)}: not a checklist criterion; use the ids in "
                         "`q.data('checklist')`.")
        if metric is not None and metric in rejected:
            notes.append(f"You chose {metric} as your North Star and also rejected it.")
        return metric, list(dict.fromkeys(inputs)), rejected, notes

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        """Scores a North Star pick criterion by criterion; raises NotAttempted or AnswerError."""
        metric, inputs, rejected, notes = self._read(problem, answers[self.var])
        return [
            self._metric(metric, key),
            self._inputs(inputs, key),
            self._rejected(metric, rejected, key),
        ], tuple(notes)

    def _metric(self, metric: str | None, key: Any) -> CriterionResult:
        if metric in key["north_star"]:
            earned, message = 1.0, "Your North Star passes every point of the checklist."
        elif metric in key.get("second", ()):
            earned, message = 0.5, (
                "Your North Star is close, but another candidate fits the checklist better: "
                "compare the strongest two on how directly they express the value customers "
                "get, and how early they move.")
        elif metric is None:
            earned, message = 0.0, "Choose one candidate as your North Star."
        elif metric in key.get("financial", ()):
            return CriterionResult(
                "metric", "The North Star passes the checklist", self.weights[0], 0.0,
                "Your North Star counts money the business takes in: it rises when customers "
                "pay, not when they get value, and it moves after the value has been delivered. "
                "Money is a result of a good North Star, never the North Star itself, so the "
                "score is capped until you choose again against `q.data('checklist')`.",
                cap=FINANCIAL_CAP)
        else:
            return CriterionResult(
                "metric", "The North Star passes the checklist", self.weights[0], 0.0,
                "Your North Star fails the checklist: run it through every question in "
                "`q.data('checklist')`; a North Star should pass them all. The inputs and "
                "reasons hang on this choice, so the score is capped until it passes.",
                cap=FAILING_CAP)
        return CriterionResult("metric", "The North Star passes the checklist", self.weights[0],
                               earned, message)

    def _inputs(self, inputs: list[str], key: Any) -> CriterionResult:
        accepted = set(key["inputs"])
        hits = [i for i in inputs if i in accepted]
        precision = len(hits) / len(inputs) if inputs else 0.0
        recall = len(hits) / len(accepted) if accepted else 0.0
        f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
        in_range = self.min_inputs <= len(inputs) <= self.max_inputs
        earned = f1 if in_range else f1 * 0.5
        parts = []
        if not in_range:
            parts.append(f"You chose {count(len(inputs), 'input')}; a North Star needs "
                         f"{self.min_inputs} to {self.max_inputs} (half credit until then).")
        wrong = len(inputs) - len(hits)
        if wrong:
            parts.append(f"{count(wrong, 'input')} you chose {'does' if wrong == 1 else 'do'} not "
                         "drive the North Star: an input is a metric a team can move week to "
                         "week that pushes the North Star up, not a piece of work or a lagging "
                         "business number.")
        if len(hits) < len(accepted) and inputs:
            parts.append(f"{count(len(accepted) - len(hits), 'input')} that "
                         f"{'drives' if len(accepted) - len(hits) == 1 else 'drive'} it "
                         f"{'is' if len(accepted) - len(hits) == 1 else 'are'} missing.")
        message = " ".join(parts) or "Your inputs are metrics teams can move, and together they "\
            "drive the North Star."
        return CriterionResult("inputs", f"{self.min_inputs} to {self.max_inputs} inputs that "
                               "drive the North Star", self.weights[1], earned, message)

    def _rejected(
        self, metric: str | None, rejected: dict[str, frozenset[str]], key: Any
    ) -> CriterionResult:
        truth = {c: frozenset(v) for c, v in key["rejected"].items()}
        scores = []
        unexplained = wrong = shotgun = 0
        for cand, fails in truth.items():
            tags = rejected.get(cand)
            if not tags:
                unexplained += cand != metric
                scores.append(0.0)
                continue
            if len(tags) > self.max_reasons:
                shotgun += 1
                scores.append(0.0)
                continue
            right = len(tags & fails)
            wrong += len(tags) - right
            scores.append(right / len(tags))
        earned = sum(scores) / len(scores) if scores else 1.0
        if earned >= 1.0:
            message = "Each rejected candidate is matched to a checklist point it fails."
        else:
            parts = [f"{sum(s >= 1 for s in scores)} of {len(truth)} rejected candidates carry "
                     "a checklist point they really fail."]
            if unexplained:
                parts.append(f"{count(unexplained, 'candidate')} you did not choose "
                             f"{'has' if unexplained == 1 else 'have'} no reason yet.")
            if wrong:
                parts.append(f"{count(wrong, 'reason')} you gave {'does' if wrong == 1 else 'do'} "
                             "not hold: read the candidate's definition against that checklist "
                             "question again.")
            if shotgun:
                parts.append(f"{count(shotgun, 'candidate')} carr{'ies' if shotgun == 1 else 'y'} "
                             f"more than {self.max_reasons} checklist points: name the one to "
                             f"{self.max_reasons} it really fails, not every point.")
            message = " ".join(parts)
        return CriterionResult("rejected", "Each rejected candidate fails a named checklist point",
                               self.weights[2], earned, message)

    def describe(self, problem: Problem, key: Any) -> str:
        """The North Star, its inputs and why each other candidate fails."""
        names = {str(r["metric_id"]): r["metric"] for r in problem.data[self.candidates]}
        names.update({str(r["metric_id"]): r["metric"] for r in problem.data[self.inputs]})
        best = ", ".join(f"{m} ({names[m]})" for m in key["north_star"])
        lines = [f"**North Star:** {best}", "", "**Inputs that drive it:**"]
        lines += [f"- {m}: {names[m]}" for m in key["inputs"]]
        lines += ["", "| rejected candidate | checklist point(s) it fails |", "|---|---|"]
        lines += [f"| {c}: {names[c]} | {', '.join(f'`{t}`' for t in fails)} |"
                  for c, fails in key["rejected"].items()]
        several = [c for c, fails in key["rejected"].items() if len(fails) > 1]
        if several:
            lines += ["", f"{listing(several)} fail more than one check: any of the points listed "
                          "is a right reason, and you may give several."]
        if key.get("second"):
            lines += ["", f"{listing(list(key['second']))} can be defended as a North Star but "
                          "fits the checklist less well (half credit for the choice)."]
        return "\n".join(lines)
