"""Choose the ideal customer profile (ICP) and a won't-do list from a table of segments.

Many answers are right. An ICP of one or two segments earns credit when every segment in it meets
the problem's hard constraints, none is dominated by a segment left out (another feasible segment,
not chosen, at least as good on every criterion and better on one), and it makes a good beachhead:
the key rates each feasible segment, with pain and fit weighing more than size, so the biggest but
least-pained segment is not a full answer. The won't-do list must name at least two segments, none
of them in the ICP, including at least one of the large segments left out.

Key format: ``{"criteria": {column: "max" | "min"}, "blocked": {segment_id: reason},
"frontier": [feasible, non-dominated segment ids], "large": [segment ids of the larger half],
"beachhead": {segment_id: credit in [0, 1]}}``. `pareto_frontier` and `large_segments` compute
"frontier" and "large" from the data; "beachhead" is an expert's rating, which tests compare with
`beachhead_strength`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ..engine.answers import plain_text, type_name
from ..engine.errors import AnswerError, NotAttempted
from ..engine.placeholder import is_placeholder
from ..engine.problem import Problem
from ..engine.result import CriterionResult
from .textual import count, id_list, listing


def dominates(a: Mapping[str, Any], b: Mapping[str, Any], criteria: Mapping[str, str]) -> bool:
    """True when segment `a` is at least as good as `b` on every criterion and better on one."""
    def better_or_equal(col: str) -> bool:
        return a[col] >= b[col] if criteria[col] == "max" else a[col] <= b[col]

    def strictly(col: str) -> bool:
        return a[col] > b[col] if criteria[col] == "max" else a[col] < b[col]

    return all(map(better_or_equal, criteria)) and any(map(strictly, criteria))


def pareto_frontier(
    rows: Sequence[Mapping[str, Any]], criteria: Mapping[str, str], blocked: Sequence[str] = ()
) -> list[str]:
    """Ids of the feasible segments no other feasible segment dominates, in table order."""
    feasible = [r for r in rows if r["segment_id"] not in blocked]
    return [r["segment_id"] for r in feasible
            if not any(dominates(o, r, criteria) for o in feasible if o is not r)]


def beachhead_strength(
    rows: Sequence[Mapping[str, Any]], criteria: Mapping[str, str], weights: Mapping[str, float],
    blocked: Sequence[str] = (),
) -> dict[str, float]:
    """Each feasible segment's weighted score in [0, 1]: every column scaled over the feasible
    segments (best 1, worst 0) and weighted, e.g. pain and fit more than size."""
    feasible = [r for r in rows if r["segment_id"] not in blocked]
    out = {}
    for row in feasible:
        total = 0.0
        for col, weight in weights.items():
            values = [r[col] for r in feasible]
            low, high = min(values), max(values)
            share = (row[col] - low) / (high - low) if high > low else 1.0
            total += weight * (share if criteria[col] == "max" else 1.0 - share)
        out[row["segment_id"]] = total / sum(weights.values())
    return out


NO_BEACHHEAD_CAP = "no-beachhead"
"""Cap id: no ICP segment is a usable beachhead (blocked, or beaten by one left out)."""
NO_FOCUS_CAP = "no-focus"
"""Cap id: the ICP holds more than half of all segments, which is no choice at all."""
WEAK_BEACHHEAD_CAP = "weak-beachhead"
"""Cap id: the ICP's best segment is usable but a weak beachhead (low pain or fit)."""


def _known_once(ids: list[str], known: list[str]) -> list[str]:
    """`ids` without unknown ids and repeats, in the learner's order."""
    return list(dict.fromkeys(s for s in ids if s in known))


def large_segments(rows: Sequence[Mapping[str, Any]], size: str) -> list[str]:
    """Ids of the segments at or above the median `size`: the ones a team is tempted to chase."""
    sizes = sorted(r[size] for r in rows)
    median = sizes[(len(sizes) - 1) // 2]
    return [r["segment_id"] for r in rows if r[size] >= median]


@dataclass(frozen=True)
class SegmentChoice:
    """Grades ``{"icp": [...], "wont_do": [...]}`` against the segment table's constraints."""

    cap_ids: ClassVar[tuple[str, ...]] = (NO_BEACHHEAD_CAP, WEAK_BEACHHEAD_CAP, NO_FOCUS_CAP)
    var: str = "choice"
    segments: str = "segments"
    """Name of the problem input holding the segment table (a ``segment_id`` column first)."""
    max_icp: int = 2
    min_wont_do: int = 2
    weights: tuple[float, float, float, float] = (0.1, 0.2, 0.45, 0.25)
    """Shares for: a focused ICP, hard constraints met, a strong beachhead, a real won't-do
    list."""

    def _read(self, problem: Problem, answer: Any) -> tuple[list[str], list[str], list[str]]:
        known = [str(r["segment_id"]) for r in problem.data[self.segments]]
        if is_placeholder(answer):
            msg = (f"`{self.var}` still holds the placeholder `____`; replace it with a dict "
                   "{'icp': [...], 'wont_do': [...]}.")
            raise NotAttempted(msg)
        if not isinstance(answer, Mapping):
            msg = (f"`{self.var}` should be a dict with the keys `icp` and `wont_do`, each a list "
                   f"of segment ids; it is {type_name(answer)}.")
            raise AnswerError(msg)
        keys = {plain_text(k): k for k in answer if isinstance(k, str)}
        missing = [k for k in ("icp", "wont_do") if k not in keys]
        if missing:
            msg = (f"`{self.var}` has no key {', '.join(f'`{k}`' for k in missing)}; it needs "
                   "`icp` and `wont_do`, each a list of segment ids.")
            raise AnswerError(msg)
        icp = id_list(answer[keys["icp"]], f"`{self.var}['icp']`") or []
        wont = id_list(answer[keys["wont_do"]], f"`{self.var}['wont_do']`") or []
        if not icp and not wont:
            msg = f"`{self.var}` names no segment yet: list your ICP and your won't-do segments."
            raise NotAttempted(msg)
        notes = []
        odd = sorted({s for s in icp + wont if s not in known})
        if odd:
            notes.append(f"{listing(odd)}: not a segment id; use the ids in the `segment_id` "
                         "column.")
        for name, ids in (("icp", icp), ("wont_do", wont)):
            twice = sorted({s for s in ids if ids.count(s) > 1})
            if twice:
                notes.append(f"{listing(twice)} appear{'s' if len(twice) == 1 else ''} twice in "
                             f"`{name}`; once is enough.")
        return _known_once(icp, known), _known_once(wont, known), notes

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        """Scores an ICP and won't-do list criterion by criterion.

        Raises NotAttempted or AnswerError for a blank or malformed answer."""
        icp, wont, notes = self._read(problem, answers[self.var])
        return [
            self._focus(icp, len(problem.data[self.segments])),
            self._constraints(icp, key),
            self._beachhead(problem, icp, key),
            self._wont_do(icp, wont, key),
        ], tuple(notes)

    def _focus(self, icp: list[str], segments: int) -> CriterionResult:
        ok = 1 <= len(icp) <= self.max_icp
        sprawl = len(icp) > segments / 2
        if ok:
            message = f"Your ICP is focused: {count(len(icp), 'segment')}."
        elif not icp:
            message = "Your ICP is empty: choose the one or two segments you will win first."
        else:
            message = (f"Your ICP has {len(icp)} segments. A strategy that serves everyone serves "
                       f"no one well: keep at most {self.max_icp} and move the rest to `wont_do` "
                       "or to later.")
        if sprawl:
            message += " With most segments in it, the ICP chooses nothing: the score is capped."
        return CriterionResult("focus", f"The ICP has 1 to {self.max_icp} segments",
                               self.weights[0], float(ok), message,
                               cap=NO_FOCUS_CAP if sprawl else None)

    def _constraints(self, icp: list[str], key: Any) -> CriterionResult:
        label = "Every ICP segment meets the hard constraints"
        if not icp:
            return CriterionResult("constraints", label, self.weights[1], 0.0,
                                   "Choose an ICP first.")
        blocked = [s for s in icp if s in key["blocked"]]
        if not blocked:
            message = "Every segment you chose can be served under this year's constraints."
        else:
            message = (f"{listing(blocked)} in your ICP break{'s' if len(blocked) == 1 else ''} a "
                       "hard constraint stated in the prompt: a constraint is not a preference, "
                       "so that segment cannot be first however attractive it looks.")
        return CriterionResult("constraints", label, self.weights[1],
                               (len(icp) - len(blocked)) / len(icp), message)

    def _beachhead(self, problem: Problem, icp: list[str], key: Any) -> CriterionResult:
        label = "The ICP is a strong beachhead that no segment left out beats"
        if not icp:
            return CriterionResult("beachhead", label, self.weights[2], 0.0,
                                   "Choose an ICP first.", cap=NO_BEACHHEAD_CAP)
        rows = {str(r["segment_id"]): r for r in problem.data[self.segments]}
        criteria = key["criteria"]
        feasible = [s for s in rows if s not in key["blocked"]]
        beaten = [s for s in icp if s in feasible and any(
            dominates(rows[o], rows[s], criteria) for o in feasible if o not in icp)]
        blocked = [s for s in icp if s in key["blocked"]]
        credit = {s: 0.0 if s in beaten or s in blocked else float(key["beachhead"].get(s, 0.0))
                  for s in icp}
        weak = [s for s in icp if 0.0 < credit[s] < 1.0]
        poor = [s for s in icp if s not in beaten and s not in blocked and credit[s] == 0.0]
        columns = ", ".join(f"`{c}` ({'higher' if d == 'max' else 'lower'} is better)"
                            for c, d in criteria.items())
        parts = []
        if beaten:
            parts.append(f"{listing(beaten)} {'is' if len(beaten) == 1 else 'are'} beaten by a "
                         "segment you left out: another segment that meets the constraints is at "
                         f"least as good on every criterion and better on one. Compare them on "
                         f"{columns}.")
        if blocked:
            parts.append("A segment that breaks a hard constraint cannot be a beachhead either.")
        if weak or poor:
            parts.append(f"{listing(weak + poor)} {'is' if len(weak + poor) == 1 else 'are'} a "
                         "weak first market: a beachhead is won on pain and fit (people who "
                         "badly need the product and whom it serves well), not on size alone.")
        best = max(credit.values())
        cap = NO_BEACHHEAD_CAP if best == 0.0 else WEAK_BEACHHEAD_CAP if best < 1.0 else None
        message = " ".join(parts) or (
            "Your ICP is a strong beachhead: high pain and fit, and no segment you left out "
            "beats it on every criterion.")
        return CriterionResult("beachhead", label, self.weights[2],
                               sum(credit.values()) / len(icp), message, cap=cap)

    def _wont_do(self, icp: list[str], wont: list[str], key: Any) -> CriterionResult:
        overlap = [s for s in wont if s in icp]
        enough = len([s for s in wont if s not in icp]) >= self.min_wont_do
        tempting = any(s in key["large"] and s not in icp for s in wont)
        earned = (enough + (not overlap and bool(wont)) + tempting) / 3
        parts = []
        if not wont:
            parts.append(f"Your won't-do list is empty: name at least {self.min_wont_do} "
                         "segments you decide not to serve this year.")
        else:
            if not enough:
                parts.append(f"Name at least {self.min_wont_do} segments you will not serve.")
            if overlap:
                parts.append(f"{listing(overlap)} {'is' if len(overlap) == 1 else 'are'} in both "
                             "your ICP and your won't-do list: choose one.")
            if not tempting:
                parts.append("A won't-do list earns its keep when it turns down something "
                             "tempting: include at least one of the larger segments you are not "
                             "serving.")
        message = " ".join(parts) or (
            "Your won't-do list says no to real options, including a large one.")
        return CriterionResult("wont_do", "The won't-do list turns down real options",
                               self.weights[3], earned, message)

    def describe(self, problem: Problem, key: Any) -> str:
        """The blocked segments, the undominated ones and an example answer."""
        names = {r["segment_id"]: r.get("segment", r["segment_id"])
                 for r in problem.data[self.segments]}
        lines = ["Segments that break a hard constraint:"]
        lines += [f"- {s} ({names[s]}): {why}" for s, why in key["blocked"].items()]
        strong = [s for s, c in key["beachhead"].items() if c >= 1.0]
        fair = [s for s, c in key["beachhead"].items() if 0.0 < c < 1.0]
        lines += ["", "Strong beachheads (high pain and fit; any one or two make a full ICP, "
                      "unless a segment you leave out beats one on every column):"]
        lines += [f"- {s} ({names[s]})" for s in strong]
        behind = [s for s in strong if s not in key["frontier"]]
        if behind:
            lines += ["", f"{listing(behind)} {'is' if len(behind) == 1 else 'are'} beaten on "
                          "every column by another strong segment: an expert could defend "
                          f"{'it' if len(behind) == 1 else 'them'} as the second segment next "
                          "to that one, not alone."]
        if fair:
            lines += ["", f"Defensible but weaker first markets (part credit): {listing(fair)}; "
                          "their pain or fit is lower, whatever their size or speed."]
        example = key.get("example")
        if example:
            lines += ["", f"One full answer: `icp = {example['icp']}`, "
                          f"`wont_do = {example['wont_do']}`."]
        return "\n".join(lines)
