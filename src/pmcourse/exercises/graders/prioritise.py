"""Discovery and prioritisation: which opportunity each experiment tests, and bets ordered by RICE.

Two decisions, both choices per row: for each experiment, the opportunity of the tree it tests (or
``none`` when it tests nothing on the tree); for the candidate bets, their order by RICE score
(reach x impact x confidence / effort), computed from the public table. Feedback counts kinds of
mistakes ("sorted by reach alone") and never says which experiment or bet carries which answer.

Key format: ``{"tests": {experiment_id: opportunity_id | "none"}, "order": [bet ids, best
first]}``. `rice_order` computes the order from the data, so a test can check the key.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..engine.answers import plain_text, records, type_name
from ..engine.errors import AnswerError, NotAttempted
from ..engine.placeholder import is_placeholder
from ..engine.problem import Problem
from ..engine.result import CriterionResult
from .textual import count, id_list, listing

NONE = "none"
"""The choice for an experiment that tests no opportunity on the tree."""


def rice(row: Mapping[str, Any]) -> float:
    """The RICE score of one bet: reach x impact x confidence / effort (Intercom's formula)."""
    return (float(row["reach"]) * float(row["impact"]) * float(row["confidence"])
            / float(row["effort"]))


def rice_order(rows: Sequence[Mapping[str, Any]], id_column: str = "bet_id") -> list[str]:
    """Bet ids from the highest RICE score to the lowest (ties keep table order)."""
    return [str(r[id_column]) for r in sorted(rows, key=rice, reverse=True)]


def _id(value: Any) -> str | None:
    return plain_text(value) if isinstance(value, (str, int)) else None


@dataclass(frozen=True)
class DiscoveryPriorities:
    """Grades ``tests`` (experiment -> opportunity) and ``ranking`` (bets, best first)."""

    tests_var: str = "tests"
    ranking_var: str = "ranking"
    experiments: str = "experiments"
    opportunities: str = "opportunities"
    bets: str = "bets"
    weights: tuple[float, float, float] = (0.5, 0.2, 0.3)
    """Shares for: experiments matched to opportunities, the top bet, the order of all bets."""

    # -- reading ------------------------------------------------------------------------------

    def _read_tests(self, problem: Problem, answer: Any) -> tuple[dict[str, str], list[str]]:
        given = [str(r["experiment_id"]) for r in problem.data[self.experiments]]
        choices = [str(r["opportunity_id"]) for r in problem.data[self.opportunities]] + [NONE]
        if is_placeholder(answer):
            return {}, []
        if isinstance(answer, Mapping):
            pairs = list(answer.items())
        elif isinstance(answer, (list, tuple)) or type(answer).__name__ == "DataFrame":
            rows = records(answer, f"`{self.tests_var}`", ("experiment_id", "opportunity_id"))
            pairs = [(r["experiment_id"], r["opportunity_id"]) for r in rows]
        else:
            msg = (f"`{self.tests_var}` should be a dict mapping each experiment id to the "
                   f"opportunity it tests, e.g. {{'{given[0]}': '{choices[0]}'}}; it is "
                   f"{type_name(answer)}.")
            raise AnswerError(msg)
        tests: dict[str, str] = {}
        notes: list[str] = []
        unknown_ids, bad = [], []
        for raw_id, raw_choice in pairs:
            item = _id(raw_id)
            if item is None or item in tests or is_placeholder(raw_choice):
                continue
            if item not in given:
                unknown_ids.append(item)
                continue
            choice = _id(raw_choice)
            folded = {c.casefold(): c for c in choices}
            if choice is None or choice.casefold() not in folded:
                bad.append(item)
                continue
            tests[item] = folded[choice.casefold()]
        if unknown_ids:
            notes.append(f"{listing(sorted(set(unknown_ids)))}: not an experiment id; use the "
                         "ids in the `experiment_id` column.")
        if bad:
            notes.append(f"The choice for {listing(bad)} is not one of "
                         f"{', '.join(repr(c) for c in choices)}.")
        missing = [i for i in given if i not in tests and i not in bad]
        if tests and missing:
            notes.append(f"{count(len(missing), 'experiment')} still without a choice.")
        return tests, notes

    def _read_ranking(self, problem: Problem, answer: Any) -> tuple[list[str], list[str]]:
        known = [str(r["bet_id"]) for r in problem.data[self.bets]]
        where = f"`{self.ranking_var}`"
        if is_placeholder(answer):
            return [], []
        if isinstance(answer, Mapping):  # bet id -> position (1 = first)
            positions: dict[str, int] = {}
            for raw_id, raw_pos in answer.items():
                item, pos = _id(raw_id), _id(raw_pos)
                if item is None or pos is None or is_placeholder(raw_pos):
                    continue
                if not pos.isdigit():
                    msg = (f"{where} gives {item!r} the position {pos!r}; use whole numbers, "
                           "1 for the bet to do first.")
                    raise AnswerError(msg)
                positions[item] = int(pos)
            order = sorted(positions, key=lambda k: positions[k])
        else:
            order = id_list(answer, where) or []
        notes = []
        unknown = sorted({b for b in order if b not in known})
        if unknown:
            notes.append(f"{listing(unknown)}: not a bet id; use the ids in the `bet_id` column.")
        seen: list[str] = []
        for b in order:
            if b in known and b not in seen:
                seen.append(b)
        if len(seen) < len([b for b in order if b in known]):
            notes.append(f"A bet appears twice in {where}: only its first place counts.")
        if seen and len(seen) < len(known):
            notes.append(f"{count(len(known) - len(seen), 'bet')} not placed yet: order all "
                         f"{len(known)}.")
        return seen, notes

    # -- grading ------------------------------------------------------------------------------

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        """Scores both decisions criterion by criterion; raises NotAttempted or AnswerError."""
        tests, notes_t = self._read_tests(problem, answers[self.tests_var])
        order, notes_r = self._read_ranking(problem, answers[self.ranking_var])
        if not tests and not order:
            msg = (f"`{self.tests_var}` and `{self.ranking_var}` are both still empty: choose an "
                   "opportunity for each experiment and put the bets in order.")
            raise NotAttempted(msg)
        bets = {str(r["bet_id"]): r for r in problem.data[self.bets]}
        criteria = [self._tests(tests, key["tests"]), self._top(order, key["order"], bets),
                    self._order(order, key["order"])]
        return criteria, (*notes_t, *notes_r)

    def _tests(self, tests: dict[str, str], truth: Mapping[str, str]) -> CriterionResult:
        label = "Each experiment is matched to the opportunity it tests"
        n = len(truth)
        right = sum(tests.get(x) == o for x, o in truth.items())
        if not tests:
            return CriterionResult("tests", label, self.weights[0], 0.0,
                                   f"Choose an opportunity (or '{NONE}') for each experiment in "
                                   f"`{self.tests_var}`.")
        if right == n:
            message = (f"All {n} experiments are matched: each tests the opportunity you chose, "
                       "and the off-tree one is marked as such.")
        else:
            parts = [f"{right} of {n} experiments are matched to the opportunity they test."]
            off_tree = sum(o == NONE and tests.get(x) not in (None, NONE)
                           for x, o in truth.items())
            missed = sum(o != NONE and tests.get(x) == NONE for x, o in truth.items())
            crossed = sum(o != NONE and tests.get(x) not in (None, NONE, o)
                          for x, o in truth.items())
            if off_tree:
                parts.append(f"{count(off_tree, 'experiment')} that would teach the team nothing "
                             "about any opportunity on this tree you linked to one: ask what "
                             "the team would know afterwards that it does not know now.")
            if missed:
                parts.append(f"{count(missed, 'experiment')} that does test an opportunity on "
                             f"the tree you marked '{NONE}'.")
            if crossed:
                parts.append(f"{count(crossed, 'experiment')} you linked to a different "
                             "opportunity from the one its result would speak to: read what "
                             "each experiment measures, not which feature it mentions.")
            message = " ".join(parts)
        return CriterionResult("tests", label, self.weights[0], right / n, message)

    def _top(self, order: list[str], truth: list[str],
             bets: Mapping[str, Mapping[str, Any]]) -> CriterionResult:
        label = "The bet placed first has the highest RICE score"
        if not order:
            return CriterionResult("top", label, self.weights[1], 0.0,
                                   f"Put the bets in order in `{self.ranking_var}`, best first.")
        first = order[0]
        if first == truth[0]:
            return CriterionResult("top", label, self.weights[1], 1.0,
                                   "Your first bet has the highest RICE score.")
        rows = list(bets.values())

        def top_by(column: str, *, low: bool = False) -> str:
            pick = (min if low else max)(rows, key=lambda r: float(r[column]))
            return str(pick["bet_id"])

        if first == top_by("reach"):
            why = ("it reaches the most households, but reach is one factor of four: multiply "
                   "by impact and confidence, then divide by effort.")
        elif first == top_by("impact"):
            why = ("its impact is the largest, but so is its effort and its confidence is low: "
                   "the score weighs all four.")
        elif first == top_by("effort", low=True):
            why = ("it is the cheapest, but cheap is only the divisor: a small impact on the "
                   "same households scores little.")
        else:
            why = ("check the confidence column: an uncertain estimate counts for less, which "
                   "is the point of the C in RICE.")
        return CriterionResult("top", label, self.weights[1], 0.0,
                               f"The bet you put first does not have the highest score: {why}")

    def _order(self, order: list[str], truth: list[str]) -> CriterionResult:
        label = "All bets are in RICE order"
        rank = {b: i for i, b in enumerate(order)}
        pairs = [(a, b) for i, a in enumerate(truth) for b in truth[i + 1:]]
        right = sum(a in rank and b in rank and rank[a] < rank[b] for a, b in pairs)
        share = right / len(pairs)
        if share == 1.0:
            message = "Every bet is in its place by RICE score."
        elif not order:
            message = "No order yet."
        else:
            message = (f"{right} of {len(pairs)} pairs of bets are in the right order. Work out "
                       "each score (reach × impact × confidence ÷ effort) and sort from the "
                       "highest.")
        return CriterionResult("order", label, self.weights[2], share, message)

    def describe(self, problem: Problem, key: Any) -> str:
        """The experiments with their opportunity, and the bets with their RICE scores."""
        opp = {str(r["opportunity_id"]): r["opportunity"] for r in problem.data[self.opportunities]}
        text = {str(r["experiment_id"]): r["experiment"] for r in problem.data[self.experiments]}
        lines = ["| experiment | what it does | tests |", "|---|---|---|"]
        for x, o in key["tests"].items():
            tested = f"**{o}** ({opp[o]})" if o in opp else "**none**: nothing on this tree"
            lines.append(f"| {x} | {text[x]} | {tested} |")
        bets = {str(r["bet_id"]): r for r in problem.data[self.bets]}
        lines += ["", "| place | bet | reach × impact × confidence ÷ effort | RICE |",
                  "|---|---|---|---|"]
        for place, b in enumerate(key["order"], start=1):
            r = bets[b]
            lines.append(f"| {place} | {b}: {r['bet']} | {r['reach']:,} × {r['impact']} × "
                         f"{r['confidence']:.0%} ÷ {r['effort']} | {rice(r):,.0f} |")
        return "\n".join(lines)
