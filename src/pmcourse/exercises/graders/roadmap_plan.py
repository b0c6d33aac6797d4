"""Now-Next-Later under dependencies and capacity: many valid plans, graded by invariants and value.

The learner places every initiative in ``now``, ``next`` or ``later``. Any plan that keeps the
invariants (each item placed once, dependencies never later than what needs them, Now and Next
within capacity, hard deadlines in Now) earns those criteria in full; the value criterion compares
the plan's value with the best value achievable under the same limits.

Key format: ``{"optimum": float, "plan": {item_id: horizon}}`` where ``plan`` is one optimal plan
(shown by ``solution()`` only) and ``optimum`` its value; `best_plan` recomputes both from the data.
Messages name the learner's own placements and the public limits, never the optimum or the key plan.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from ..engine.answers import plain_text, records, rows_by_id
from ..engine.errors import NotAttempted
from ..engine.problem import Problem
from ..engine.result import CriterionResult
from .textual import listing, row_notes

COLUMNS = ("item_id", "horizon")
HORIZONS = ("now", "next", "later")
RANK = {h: n for n, h in enumerate(HORIZONS)}
NEXT_WEIGHT = 0.5
"""A Next item counts half its value: it is less certain and arrives later (content-research E9)."""
MIN_USE = 0.5
"""Now and Next must each use at least half their capacity: an empty horizon is not a plan."""
NO_PLAN_CAP = "no-plan"
"""Cap id: most items unplaced, or every item in one horizon; that is not yet a plan."""
FULL_VALUE_RATIO, ZERO_VALUE_RATIO = 0.9, 0.6
"""Value credit rises linearly from 0 at 60% of the optimum to full at 90% (content-research E9)."""


def depends_on(row: Mapping[str, Any]) -> list[str]:
    """The ids an item depends on, from a ``depends_on`` cell such as ``"N01, N03"`` or ``""``."""
    raw = row.get("depends_on") or ""
    if isinstance(raw, str):
        return [part.strip() for part in raw.split(",") if part.strip()]
    return [str(part) for part in raw]


def plan_value(items: Sequence[Mapping[str, Any]], plan: Mapping[str, str]) -> float:
    """Value of a plan: full value for Now items, half for Next, nothing for Later."""
    weight = {"now": 1.0, "next": NEXT_WEIGHT, "later": 0.0}
    return float(sum(row["value"] * weight.get(plan.get(row["item_id"], "later"), 0.0)
                     for row in items))


def best_plan(
    items: Sequence[Mapping[str, Any]], limits: Mapping[str, Any]
) -> tuple[float, dict[str, str]]:
    """The highest-value plan that keeps every invariant, by exhaustive search with pruning.

    Items are visited in dependency order, so an item's horizon is never earlier than its
    dependencies'; capacity prunes the search. Fast for the 10-15 items of an exercise.
    """
    order = _topological(items)
    cap = {"now": limits["now_capacity"], "next": limits["next_capacity"]}
    best: list[Any] = [-1.0, {}]
    suffix = [0.0] * (len(order) + 1)
    for n in range(len(order) - 1, -1, -1):
        suffix[n] = suffix[n + 1] + order[n]["value"]

    def visit(n: int, used: dict[str, float], plan: dict[str, str], value: float) -> None:
        if value + suffix[n] <= best[0]:
            return  # even putting every remaining item in Now could not beat the best plan
        if n == len(order):
            best[0], best[1] = value, dict(plan)
            return
        row = order[n]
        earliest = max((RANK[plan[d]] for d in depends_on(row) if d in plan), default=0)
        allowed = ("now",) if row.get("deadline") else HORIZONS[earliest:]
        if RANK[allowed[0]] < earliest:
            return
        for horizon in allowed:
            if horizon in cap and used[horizon] + row["effort"] > cap[horizon]:
                continue
            weight = {"now": 1.0, "next": NEXT_WEIGHT, "later": 0.0}[horizon]
            plan[row["item_id"]] = horizon
            if horizon in used:
                used[horizon] += row["effort"]
            visit(n + 1, used, plan, value + weight * row["value"])
            if horizon in used:
                used[horizon] -= row["effort"]
            del plan[row["item_id"]]

    visit(0, {"now": 0.0, "next": 0.0}, {}, 0.0)
    if best[0] < 0:
        msg = "no plan satisfies the limits: check the capacities and deadlines of the data"
        raise ValueError(msg)
    return float(best[0]), {row["item_id"]: best[1][row["item_id"]] for row in items}


def _topological(items: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    by_id = {row["item_id"]: row for row in items}
    done: dict[str, bool] = {}
    order: list[Mapping[str, Any]] = []

    def add(item_id: str) -> None:
        if done.get(item_id):
            return
        if item_id in done:
            msg = f"dependency cycle through {item_id}"
            raise ValueError(msg)
        done[item_id] = False
        for dep in depends_on(by_id[item_id]):
            add(dep)
        done[item_id] = True
        order.append(by_id[item_id])

    for row in items:
        add(row["item_id"])
    return order


def pairs_as_rows(answer: Any, columns: tuple[str, str]) -> Any:
    """A mapping ``{id: value}`` as rows with `columns`; any other answer unchanged.

    Lets a learner answer ``{"N01": "now", ...}`` instead of building a DataFrame.
    """
    if isinstance(answer, Mapping) and answer and all(
        isinstance(k, str) and (v is None or isinstance(v, str)) for k, v in answer.items()
    ):
        return [{columns[0]: k, columns[1]: v} for k, v in answer.items()]
    return answer



@dataclass(frozen=True)
class NowNextLater:
    """Grades a Now / Next / Later plan by its invariants and by its value against the optimum."""

    cap_ids: ClassVar[tuple[str, ...]] = (NO_PLAN_CAP,)
    var: str = "plan"
    items: str = "initiatives"
    """Problem input with rows ``item_id, initiative, effort, value, depends_on, deadline``."""
    limits: str = "limits"
    """Problem input ``{"now_capacity": .., "next_capacity": ..}`` (effort points)."""
    weights: tuple[float, float, float, float, float] = (0.1, 0.15, 0.2, 0.15, 0.4)
    """Shares for placement, dependencies, capacity, deadlines and value."""

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        items = list(problem.data[self.items])
        limits = problem.data[self.limits]
        given = [row["item_id"] for row in items]
        rows = records(pairs_as_rows(answers[self.var], COLUMNS), self.var, COLUMNS)
        index = rows_by_id(rows, "item_id", given)
        plan: dict[str, str] = {}
        bad = []
        for item, row in index.first.items():
            raw = plain_text(row["horizon"])
            horizon = raw.lower().replace("-", "").strip() if raw else None
            if horizon in HORIZONS:
                plan[item] = horizon
            elif raw is not None:
                bad.append(f"{item} ({raw!r})")
        if not plan:
            msg = (f"no item in `{self.var}` has a `horizon` yet: set each item's horizon to "
                   "'now', 'next' or 'later'.")
            raise NotAttempted(msg)

        notes = row_notes(index)
        if bad:
            notes.append(f"Unknown horizon for {listing(bad)}: use 'now', 'next' or 'later'.")

        criteria = [
            self._placed(given, plan),
            self._dependencies(items, plan),
            self._capacity(items, plan, limits),
            self._deadlines(items, plan),
        ]
        criteria.append(self._value(items, plan, key, all(c.passed for c in criteria)))
        return criteria, tuple(notes)

    def _placed(self, given: list[str], plan: dict[str, str]) -> CriterionResult:
        placed = sum(i in plan for i in given)
        message = (
            f"All {len(given)} items are placed exactly once."
            if placed == len(given)
            else f"{placed} of {len(given)} items have a horizon; every item needs one, even "
                 "if it is 'later'."
        )
        few = placed < len(given) / 2
        if few:
            message += (" With most items unplaced there is no plan to judge yet, so the score "
                        "is capped.")
        return CriterionResult(
            "placed", "Every item is placed once", self.weights[0], placed / len(given), message,
            cap=NO_PLAN_CAP if few else None,
        )

    def _dependencies(
        self, items: list[Mapping[str, Any]], plan: dict[str, str]
    ) -> CriterionResult:
        edges = [(row["item_id"], dep) for row in items for dep in depends_on(row)]
        broken = [
            f"{item} ({plan[item]}) depends on {dep} ({plan.get(dep, 'not placed')})"
            for item, dep in edges
            if item in plan and (dep not in plan or RANK[plan[dep]] > RANK[plan[item]])
        ]
        unchecked = sum(item not in plan for item, _ in edges)
        kept = len(edges) - len(broken) - unchecked
        if not broken and not unchecked:
            message = "No item comes before something it depends on."
        else:
            message = ("An item cannot start before the work it builds on: "
                       + ("; ".join(broken) if broken else "")
                       + (f"{'; ' if broken else ''}{unchecked} dependencies belong to items "
                          "you have not placed" if unchecked else "")
                       + ". Move the dependency earlier or the item later.")
        return CriterionResult(
            "dependencies", "Dependencies come first (rule R12)", self.weights[1],
            kept / len(edges) if edges else 1.0, message,
        )

    def _capacity(
        self, items: list[Mapping[str, Any]], plan: dict[str, str], limits: Mapping[str, Any]
    ) -> CriterionResult:
        effort = {row["item_id"]: row["effort"] for row in items}
        problems = []
        idle = 0
        for horizon in ("now", "next"):
            used = sum(effort[i] for i, h in plan.items() if h == horizon)
            limit = limits[f"{horizon}_capacity"]
            name = horizon.capitalize()
            if used > limit:
                problems.append(f"{name} holds {used:g} effort points but the team has {limit:g}: "
                                "move something to a later horizon (rule R13)")
            elif used < MIN_USE * limit:
                idle += 1
                problems.append(f"{name} uses only {used:g} of its {limit:g} points: a "
                                "half-empty horizon leaves the team idle, so bring work forward")
        message = (
            "Now and Next are both well used and within the team's capacity."
            if not problems
            else "; ".join(problems) + "."
        )
        one = set(plan.values())
        constant = len(plan) > 1 and len(one) == 1
        if constant:
            message = (f"Every item you placed is in {one.pop().capitalize()}: a plan decides "
                       "what comes first, so the score is capped until the horizons differ. "
                       + message)
        elif idle == 2:
            constant = True
            message = ("Now and Next are both nearly empty: deferring almost everything is not "
                       "a plan yet, so the score is capped. " + message)
        return CriterionResult(
            "capacity", "Now and Next are used, within capacity (rule R13)", self.weights[2],
            1.0 - len(problems) / 2, message, cap=NO_PLAN_CAP if constant else None,
        )

    def _deadlines(
        self, items: list[Mapping[str, Any]], plan: dict[str, str]
    ) -> CriterionResult:
        due = [row["item_id"] for row in items if row.get("deadline")]
        late = [i for i in due if plan.get(i) != "now"]
        message = (
            "Every item with a hard external deadline is in Now."
            if not late
            else f"{listing(late)} {'has' if len(late) == 1 else 'have'} a hard external deadline "
                 "(see the `deadline` column) but not a place in Now: a date set by law or a "
                 "partner does not wait."
        )
        return CriterionResult(
            "deadlines", "Hard deadlines are in Now", self.weights[3],
            (len(due) - len(late)) / len(due) if due else 1.0, message,
        )

    def _value(
        self, items: list[Mapping[str, Any]], plan: dict[str, str], key: Any, feasible: bool
    ) -> CriterionResult:
        label = "The plan delivers value close to the best possible"
        if not feasible:
            return CriterionResult(
                "value", label, self.weights[4], 0.0,
                "Value is scored once the plan keeps every rule above; fix those first.",
            )
        ratio = plan_value(items, plan) / float(key["optimum"])
        span = FULL_VALUE_RATIO - ZERO_VALUE_RATIO
        earned = min(1.0, max(0.0, (ratio - ZERO_VALUE_RATIO) / span))
        if earned >= 1.0:
            message = "Your plan is within 10% of the best value these limits allow."
        elif earned > 0:
            message = ("A plan within the same limits delivers clearly more value: look for "
                       "Now or Next slots spent on low-value items, and for effort freed by "
                       "moving a big, modest-value item out.")
        else:
            message = ("Your plan delivers less than 60% of the value these limits allow: "
                       "compare value per effort point and fill Now with what pays most.")
        return CriterionResult("value", label, self.weights[4], earned, message)

    def describe(self, problem: Problem, key: Any) -> str:
        items = {row["item_id"]: row for row in problem.data[self.items]}
        lines = ["| horizon | initiatives | effort |", "|---|---|---|"]
        for horizon in HORIZONS:
            ids = [i for i, h in key["plan"].items() if h == horizon]
            cell = "<br>".join(f"{i}: {items[i]['initiative']}" for i in ids)
            effort = sum(items[i]["effort"] for i in ids)
            lines.append(f"| **{horizon.capitalize()}** | {cell} | {effort:g} |")
        lines += [
            "",
            f"Value of this plan: {float(key['optimum']):g} (Now counts in full, Next at half). "
            "Other plans that keep every rule and come within 10% of this value earn full marks "
            "too.",
        ]
        return "\n".join(lines)
