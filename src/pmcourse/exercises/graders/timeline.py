"""From a dated feature timeline to an outcome roadmap (content-research E10): many valid answers.

The learner writes 2-5 outcomes (a change for users, with a metric, in Now / Next / Later) and
places every feature of the timeline under one of them, keeping a date only where a hard external
constraint exists. Outcome wording is checked by the course linter (kind ``outcome``), so the same
rules drive widgets, CLI and this grader.

Key format: ``{"families": [[feature_id, ...], ...], "example": {"outcomes": [row, ...],
"placement": {feature_id: outcome_id}}}``. ``families`` group features that serve one change for
users (features of one family should share an outcome); the optional ``example`` is one good
answer for ``solution()`` (practice keys only; graded keys keep just what grading needs).
Messages quote the learner's own outcomes and never the families.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any, ClassVar

from ..engine.answers import plain_text, records
from ..engine.errors import AnswerError, NotAttempted
from ..engine.problem import Problem
from ..engine.result import CriterionResult
from .gate import gate
from .roadmap_plan import pairs_as_rows
from .textual import listing

OUTCOME_COLUMNS = ("outcome_id", "horizon", "outcome", "metric", "date")
PLACEMENT_COLUMNS = ("feature_id", "outcome_id")
HORIZONS = ("now", "next", "later")
MIN_OUTCOMES, MAX_OUTCOMES = 2, 5
"""A roadmap of 2-5 outcomes (content-research E10)."""
NO_OUTCOME_CAP = "no-outcome"
"""Cap id: not one outcome is worded as a change for users (all fail the gate or the linter)."""
LUMPED_CAP = "lumped"
"""Cap id: one outcome holds more than half of the features, so the roadmap groups nothing."""
MAX_FEATURES = 5
"""At most five features per outcome (rule R08, a course heuristic after Pichler's GO roadmap)."""


def lint_problems(text: str, kind: str, also: frozenset[str] = frozenset()) -> list[str]:
    """The course linter's errors (and findings of the rules in `also`) for `text` as `kind`.

    One line per rule, ``"`rule-id`: message"``, however often the rule fires.
    """
    from ...lint import lint

    found: dict[str, str] = {}
    for f in lint(text, kind):
        if (f.severity == "error" or f.rule in also) and f.rule not in found:
            found[f.rule] = f.message
    return [f"`{rule}`: {message}" for rule, message in found.items()]

NO_EXAMPLE = ("This key holds no worked example (graded keys keep only what grading needs); "
              "a full-marks answer is in the instructor's `autograders/answers/`.")
"""What ``solution()`` says for a key without an ``example`` (graded keys stay minimal)."""


def _date_text(value: Any) -> str | None:
    """A date cell as text: a string as written, a date or timestamp as ISO, blanks as None."""
    if isinstance(value, datetime.date):
        return None if str(value) == "NaT" else value.isoformat()[:10]
    return plain_text(value)


def grouped(problems: list[tuple[str, str]]) -> str:
    """``[(id, problem), ...]`` as one message, each distinct problem once with all its ids."""
    by_problem: dict[str, list[str]] = {}
    for item, problem in problems:
        by_problem.setdefault(problem, []).append(item)
    parts = []
    for problem, items in by_problem.items():
        text = f"{listing(items)}: {problem}"
        parts.append(text if text[-1] in ".?!" else text + ".")
    return " ".join(parts)



@dataclass(frozen=True)
class _Outcome:
    outcome_id: str
    horizon: str | None
    text: str | None
    metric: str | None
    date: str | None


@dataclass(frozen=True)
class TimelineToOutcomes:
    """Grades an outcome roadmap rebuilt from a dated feature timeline."""

    cap_ids: ClassVar[tuple[str, ...]] = (NO_OUTCOME_CAP, LUMPED_CAP)
    outcomes_var: str = "outcomes"
    placement_var: str = "placement"
    timeline: str = "timeline"
    """Problem input with rows ``feature_id, date, feature, constraint``."""
    weights: tuple[float, float, float, float, float] = (0.2, 0.3, 0.2, 0.1, 0.2)
    """Shares for coverage, outcome wording, grouping, structure and dates."""

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        features = [row["feature_id"] for row in problem.data[self.timeline]]
        constrained = {r["feature_id"] for r in problem.data[self.timeline] if r.get("constraint")}
        outcomes, notes = self._read_outcomes(answers[self.outcomes_var])
        placed, more = self._read_placement(answers[self.placement_var], features, outcomes)
        notes += more
        under: dict[str, list[str]] = {o: [] for o in outcomes}
        for feature, outcome in placed.items():
            under[outcome].append(feature)
        return [
            self._coverage(features, placed),
            self._wording(problem, outcomes),
            self._grouping(placed, key),
            self._structure(outcomes, under),
            self._dates(outcomes, under, constrained),
        ], tuple(notes)

    def _read_outcomes(self, answer: Any) -> tuple[dict[str, _Outcome], list[str]]:
        var = self.outcomes_var
        rows = records(answer, var, OUTCOME_COLUMNS, optional=("metric", "date"))
        outcomes: dict[str, _Outcome] = {}
        notes: list[str] = []
        for n, row in enumerate(rows, start=1):
            oid = plain_text(row["outcome_id"])
            text = plain_text(row["outcome"])
            if oid is None:
                if text is not None:
                    notes.append(f"Row {n} of `{var}` has no `outcome_id`: give every outcome one.")
                continue
            if oid in outcomes:
                notes.append(f"Outcome id {oid} is used twice in `{var}`: only the first counts.")
                continue
            raw = plain_text(row["horizon"])
            horizon = raw.lower() if raw and raw.lower() in HORIZONS else None
            if raw is not None and horizon is None:
                notes.append(f"Outcome {oid} has the horizon {raw!r}: use 'now', 'next' or "
                             "'later'.")
            outcomes[oid] = _Outcome(oid, horizon, text, plain_text(row["metric"]),
                                     _date_text(row["date"]))
        if not any(o.text for o in outcomes.values()):
            msg = f"`{var}` has no outcome yet: write one row per outcome, with its wording."
            raise NotAttempted(msg)
        return outcomes, notes

    def _read_placement(
        self, answer: Any, features: list[str], outcomes: Mapping[str, _Outcome]
    ) -> tuple[dict[str, str], list[str]]:
        var = self.placement_var
        rows = records(pairs_as_rows(answer, PLACEMENT_COLUMNS), var, PLACEMENT_COLUMNS)
        placed: dict[str, str] = {}
        seen: Counter[str] = Counter()
        unknown_features, unknown_outcomes = [], []
        for row in rows:
            feature = plain_text(row["feature_id"])
            if feature is None:
                continue
            seen[feature] += 1
            if feature not in features:
                unknown_features.append(feature)
                continue
            outcome = plain_text(row["outcome_id"])
            if seen[feature] > 1 or outcome is None:
                continue
            if outcome not in outcomes:
                unknown_outcomes.append(f"{feature} -> {outcome}")
                continue
            placed[feature] = outcome
        notes = []
        dupes = sorted(f for f, n in seen.items() if n > 1 and f in features)
        if dupes:
            notes.append(f"Features {listing(dupes)} are placed more than once: only the first row "
                         "counts. One feature serves one outcome here.")
        if unknown_features:
            notes.append(f"{listing(sorted(set(unknown_features)))} are not features of the "
                         "timeline; remove them.")
        if unknown_outcomes:
            notes.append(f"{listing(unknown_outcomes)} point to an outcome id that is not in "
                         f"`{self.outcomes_var}`.")
        if not rows:
            msg = f"`{var}` is empty: add one row per feature with the outcome it serves."
            raise AnswerError(msg)
        return placed, notes

    def _coverage(self, features: list[str], placed: Mapping[str, str]) -> CriterionResult:
        missing = [f for f in features if f not in placed]
        message = (
            f"All {len(features)} features sit under one of your outcomes."
            if not missing
            else f"{listing(missing)} are not under any of your outcomes: nothing from the old "
                 "timeline may silently disappear. Place each one under the change it serves."
        )
        return CriterionResult(
            "coverage", "Every feature sits under an outcome", self.weights[0],
            (len(features) - len(missing)) / len(features), message,
        )

    def _wording(self, problem: Problem, outcomes: Mapping[str, _Outcome]) -> CriterionResult:
        good, problems = 0, []
        given = [str(v) for row in problem.data[self.timeline] for v in row.values()
                 if isinstance(v, str) and v]
        others = {o.outcome_id: o.text for o in outcomes.values()}
        for o in outcomes.values():
            if o.text is None:
                problems.append((o.outcome_id, "no wording yet"))
                continue
            verdict = gate(o.text, field=o.outcome_id, prompt_texts=(problem.prompt,),
                           data_texts=given, other_fields=others, sentence=False)
            if not verdict:
                problems.append((o.outcome_id, verdict.reason))
                continue
            errors = lint_problems(o.text, "outcome")
            problems += [(o.outcome_id, error) for error in errors]
            if o.metric is None:
                problems.append((o.outcome_id, "no `metric`: how will you know the change "
                                 "happened (rule R07)?"))
            if not errors and o.metric is not None:
                good += 1
        message = (
            "Every outcome describes a change for users and names a metric."
            if not problems
            else grouped(problems)
        )
        worded = sum(1 for o in outcomes.values() if o.text is not None and not any(
            item == o.outcome_id and not text.startswith("no `metric`") for item, text in problems))
        if outcomes and not worded:
            message += (" Not one outcome is worded as a change for users yet, so the score is "
                        "capped: the placement only means something under real outcomes.")
        return CriterionResult(
            "wording", "Outcomes are changes for users, each with a metric", self.weights[1],
            good / len(outcomes) if outcomes else 0.0, message,
            cap=NO_OUTCOME_CAP if outcomes and not worded else None,
        )

    def _grouping(self, placed: Mapping[str, str], key: Any) -> CriterionResult:
        """Half for keeping each family together, half for keeping families apart: lumping every
        feature under one outcome is no more a grouping than giving each its own."""
        pairs = [p for family in key["families"] for p in combinations(family, 2)]
        split = sum(placed.get(a) != placed.get(b) for a, b in pairs)
        apart = [(a, b) for f, g in combinations(key["families"], 2) for a in f for b in g]
        lumped = sum(placed.get(a) is not None and placed.get(a) == placed.get(b)
                     for a, b in apart)
        together = (len(pairs) - split) / len(pairs) if pairs else 1.0
        separate = (len(apart) - lumped) / len(apart) if apart else 1.0
        parts = []
        if split:
            parts.append(f"{split} pair(s) of features that serve the same change for users sit "
                         "under different outcomes (or are not placed).")
        if lumped > len(apart) / 4:
            parts.append(f"{lumped} pair(s) of features that serve different changes share an "
                         "outcome: an outcome that holds everything says nothing.")
        if parts:
            parts.append("Ask of each feature: which user behaviour would it move?")
        earned = (together + separate) / 2 if lumped > len(apart) / 4 else together
        message = (" ".join(parts) if parts
                   else "Features that serve the same change for users share an outcome.")
        return CriterionResult("grouping", "Related features share an outcome", self.weights[2],
                               earned, message)

    def _structure(
        self, outcomes: Mapping[str, _Outcome], under: Mapping[str, list[str]]
    ) -> CriterionResult:
        checks, problems = 1, []
        total = sum(len(fs) for fs in under.values())
        single = sum(1 for fs in under.values() if fs) < MIN_OUTCOMES
        lumped = not single and any(len(fs) > max(MAX_FEATURES, total / 2)
                                    for fs in under.values())
        if lumped:
            problems.append("one outcome holds more than half of the features: it groups "
                            "nothing, so the score is capped until each feature sits under the "
                            "change it serves")
        if single:
            problems.append("every feature sits under one outcome, which is no roadmap: the "
                            "score is capped until the features are grouped by the change "
                            "each one serves")
        if not MIN_OUTCOMES <= len(outcomes) <= MAX_OUTCOMES:
            problems.append(f"you wrote {len(outcomes)} outcomes; a focused roadmap has "
                            f"{MIN_OUTCOMES} to {MAX_OUTCOMES}")
        for o in outcomes.values():
            checks += 2
            if o.horizon is None:
                problems.append(f"{o.outcome_id} needs a horizon ('now', 'next' or 'later')")
            n = len(under[o.outcome_id])
            if not 1 <= n <= MAX_FEATURES:
                problems.append(f"{o.outcome_id} holds {n} features (keep 1 to {MAX_FEATURES}, "
                                "rule R08)")
        message = (
            "The roadmap has a focused set of outcomes, each in a horizon with a few features."
            if not problems
            else "Shape: " + "; ".join(problems) + "."
        )
        return CriterionResult(
            "structure", "2-5 outcomes, each in a horizon with 1-5 features", self.weights[3],
            max(0.0, (checks - len(problems)) / checks), message,
            cap=NO_OUTCOME_CAP if single else LUMPED_CAP if lumped else None,
        )

    def _dates(
        self, outcomes: Mapping[str, _Outcome], under: Mapping[str, list[str]],
        constrained: set[str],
    ) -> CriterionResult:
        right, problems = 0, []
        for o in outcomes.values():
            hard = any(f in constrained for f in under[o.outcome_id])
            if hard and o.date is None:
                problems.append(f"{o.outcome_id} holds a feature with a hard external constraint "
                                "but dropped its date: keep that one")
            elif hard and o.horizon == "later":
                problems.append(f"{o.outcome_id} has a hard date but sits in Later, where it "
                                "would miss it")
            elif not hard and o.date is not None:
                problems.append(f"{o.outcome_id} keeps a date ({o.date}) with no external "
                                "constraint behind it (rule R02): drop it, the horizon says when")
            else:
                right += 1
        message = (
            "Dates survive only where an outside constraint forces them."
            if not problems
            else "; ".join(problems) + "."
        )
        return CriterionResult(
            "dates", "Dates only for hard external constraints (rule R02)", self.weights[4],
            right / len(outcomes) if outcomes else 0.0, message,
        )

    def describe(self, problem: Problem, key: Any) -> str:
        if "example" not in key:
            return NO_EXAMPLE
        feature = {r["feature_id"]: r["feature"] for r in problem.data[self.timeline]}
        example = key["example"]
        lines = ["| horizon | outcome | metric | features | date |", "|---|---|---|---|---|"]
        for row in example["outcomes"]:
            ids = [f for f, o in example["placement"].items() if o == row["outcome_id"]]
            cell = "<br>".join(f"{f}: {feature[f]}" for f in ids)
            lines.append(
                f"| {row['horizon'].capitalize()} | **{row['outcome_id']}**: {row['outcome']} | "
                f"{row['metric']} | {cell} | {row.get('date') or ''} |"
            )
        lines += ["", "This is one good answer among many: other groupings that keep the rules "
                  "above earn full marks too."]
        return "\n".join(lines)
