"""Fix the vision: name the linter rules a flawed vision breaks, then rewrite it.

Key format: ``{"rules": {vision_id: [rule ids]}, "topic": {vision_id: [topic word stems]}}``.
The diagnosis earns credit by overlap (Jaccard) with the key's rules. A rewrite has many valid
answers: it earns credit when it stays on the original's subject (mentions one of its topic
stems), and, if it does, when the course linter finds no error in it (nor `no-beneficiary` or
`too-long`) and when it is not a light edit of the original. Feedback counts missed and extra
rules without saying which vision has which flaw.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .answers import records, rows_by_id
from .errors import NotAttempted
from .problem import Problem
from .result import CriterionResult
from .textual import (
    count,
    id_list,
    lint_findings,
    listing,
    mentions,
    optional_text,
    similarity,
    words,
)

COLUMNS = ("vision_id", "rules", "rewrite")


def vision_rules() -> tuple[dict[str, str], ...]:
    """The linter's vision rules as a table learners choose from (one truth: the linter)."""
    from ..lint import rules_for

    return tuple(
        {"rule": r.id, "severity": r.severity,
         "meaning": r.message.split(". ")[0].rstrip(".") + "."}
        for r in rules_for("vision")
    )


@dataclass(frozen=True)
class _Fix:
    """One row of the learner's answer, read into plain values."""

    rules: frozenset[str] | None
    rewrite: str | None


@dataclass(frozen=True)
class VisionFix:
    """Grades a diagnosis (rule ids) and a rewrite of each flawed vision."""

    var: str = "fixes"
    visions: str = "visions"
    """Name of the problem input holding the rows ``vision_id, text``."""
    rules: str = "rules"
    """Name of the problem input listing the rule ids to choose from (``rule, meaning``)."""
    weights: tuple[float, float, float, float] = (0.5, 0.3, 0.1, 0.1)
    """Shares for diagnosis, rewrite passes the linter, rewrite on topic, rewrite not a copy."""
    max_alike: float = 0.6
    """A rewrite this similar to the original (or more) counts as a copy."""
    min_words: int = 3
    """A rewrite needs at least this many words to count as a statement."""
    also_required: tuple[str, ...] = ("no-beneficiary", "too-long")
    """Warning rules a rewrite must pass too: it names the people and stays short (E3)."""

    def _read(self, problem: Problem, answer: Any) -> tuple[dict[str, _Fix], list[str]]:
        given = [str(r["vision_id"]) for r in problem.data[self.visions]]
        known = {str(r["rule"]) for r in problem.data[self.rules]}
        rows = records(answer, self.var, COLUMNS, optional=("rules", "rewrite"))
        index = rows_by_id(rows, "vision_id", given)
        fixes: dict[str, _Fix] = {}
        unknown_rules: set[str] = set()
        for item, row in index.first.items():
            tagged = id_list(row["rules"], f"`rules` of {item}")
            rewrite = optional_text(row["rewrite"], f"the `rewrite` of {item}")
            if tagged is not None:
                unknown_rules.update(r for r in tagged if r not in known)
            fixes[item] = _Fix(frozenset(tagged) if tagged is not None else None, rewrite)
        if not any(f.rules is not None or f.rewrite for f in fixes.values()):
            msg = (f"no row of `{self.var}` has rules or a rewrite yet: fill in `rules` (a list of "
                   "rule ids) and `rewrite` for each vision.")
            raise NotAttempted(msg)
        notes = []
        if all(f.rules is None for f in fixes.values()):
            notes.append("No vision has `rules` yet: list the rule ids each draft breaks.")
        if all(not f.rewrite for f in fixes.values()):
            notes.append("No vision has a `rewrite` yet: rewrite each draft as a vision.")
        if index.missing:
            notes.append(f"Visions {listing(index.missing)} have no row: add one row per vision.")
        if index.duplicates:
            notes.append(f"Visions {listing(index.duplicates)} appear more than once: only the "
                         "first row counts.")
        if index.unknown:
            notes.append(f"{listing(index.unknown)}: not a vision id of this problem.")
        if unknown_rules:
            notes.append(f"{listing(sorted(unknown_rules))}: not a rule id. Pick ids from "
                         "`q.data('rules')`.")
        return fixes, notes

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        """Scores diagnoses and rewrites criterion by criterion; raises NotAttempted or AnswerError."""
        fixes, notes = self._read(problem, answers[self.var])
        original = {str(r["vision_id"]): str(r["text"]) for r in problem.data[self.visions]}
        return [
            self._diagnosis(fixes, key),
            *self._rewrites(fixes, original, key),
        ], tuple(notes)

    def _diagnosis(self, fixes: dict[str, _Fix], key: Any) -> CriterionResult:
        truth = {i: frozenset(r) for i, r in key["rules"].items()}
        scores, missed, extra = [], 0, 0
        for item, expected in truth.items():
            tagged = fixes[item].rules if item in fixes else None
            tagged = tagged or frozenset()
            union = expected | tagged
            scores.append(len(expected & tagged) / len(union) if union else 1.0)
            missed += len(expected - tagged)
            extra += len(tagged - expected)
        full = sum(s >= 1.0 for s in scores)
        if full == len(truth):
            message = f"All {len(truth)} visions are fully diagnosed."
        else:
            parts = [f"{full} of {len(truth)} visions are fully diagnosed."]
            if missed:
                parts.append(f"You missed {count(missed, 'flaw')}: test each vision against every "
                             "rule in `q.data('rules')`, one rule at a time.")
            if extra:
                parts.append(f"{count(extra, 'rule')} you tagged {'does' if extra == 1 else 'do'} "
                             "not apply: a rule applies only when the words it looks for are "
                             "really there.")
            message = " ".join(parts)
        return CriterionResult("diagnosis", "Each vision's flaws are named by rule id",
                               self.weights[0], sum(scores) / len(scores), message)

    def _rewrites(
        self, fixes: dict[str, _Fix], original: dict[str, str], key: Any
    ) -> list[CriterionResult]:
        ids = list(key["rules"])
        n = len(ids)
        clean, on_topic, fresh = [], [], []
        broken: list[str] = []
        drifting: list[str] = []
        copies: list[str] = []
        absent: list[str] = []
        for item in ids:
            text = fixes[item].rewrite if item in fixes else None
            if not text:
                absent.append(item)
                continue
            topical = (len(words(text)) >= self.min_words
                       and bool(mentions(text, key["topic"][item])))
            if topical:
                on_topic.append(item)
            else:
                drifting.append(item)
            errors = sorted({f.rule for f in lint_findings(text, "vision")
                             if f.severity == "error" or f.rule in self.also_required})
            if errors:
                broken.append(f"{item} ({', '.join(f'`{e}`' for e in errors)})")
            elif topical:
                clean.append(item)
            alike = similarity(text, original[item])
            if alike >= self.max_alike:
                copies.append(f"{item} ({alike:.0%} alike)")
            elif topical:
                fresh.append(item)
        gap = f" {listing(absent)} {'has' if len(absent) == 1 else 'have'} no rewrite yet." \
            if absent else ""
        if broken:
            lint_msg = (f"Your rewrites of {listing(broken)} still break linter rules a vision "
                        f"must pass: run `lint(text, 'vision')` on them and fix what it names.{gap}")
        elif len(clean) + len(absent) < n:
            lint_msg = ("A rewrite earns this only when it also stays on the original's subject: "
                        f"a clean slogan about nothing is not a vision for this product.{gap}")
        else:
            lint_msg = f"Every rewrite you wrote passes the linter.{gap}"
        topic_msg = (f"Every rewrite you wrote stays on the original's subject.{gap}"
                     if not drifting else
                     f"The rewrites of {listing(drifting)} drift away from what the original was "
                     f"about: keep the same people and the same change, and say it better.{gap}")
        if copies:
            copy_msg = (f"The rewrites of {listing(copies)} are light edits of the original: "
                        "start again from the change in people's lives instead of deleting a "
                        f"few words.{gap}")
        elif len(fresh) + len(absent) < n:
            copy_msg = f"Only a rewrite that stays on the subject counts as a fresh one.{gap}"
        else:
            copy_msg = f"Every rewrite you wrote is written afresh.{gap}"
        return [
            CriterionResult("rewrite_lint", "Each rewrite passes the linter (errors, people, "
                            "length)",
                            self.weights[1], len(clean) / n, lint_msg),
            CriterionResult("rewrite_topic", "Each rewrite stays on the original's subject",
                            self.weights[2], len(on_topic) / n, topic_msg),
            CriterionResult("rewrite_fresh", "Each rewrite is new, not a light edit",
                            self.weights[3], len(fresh) / n, copy_msg),
        ]

    def describe(self, problem: Problem, key: Any) -> str:
        """Each draft with the rules it breaks and one good rewrite."""
        text = {str(r["vision_id"]): r["text"] for r in problem.data[self.visions]}
        rewrites = key.get("examples", {})
        lines = ["| id | flawed vision | rules it breaks | one good rewrite |", "|---|---|---|---|"]
        for item, rules in key["rules"].items():
            tags = ", ".join(f"`{r}`" for r in rules)
            lines.append(f"| {item} | {text[item]} | {tags} | {rewrites.get(item, '')} |")
        lines += ["", "Many rewrites are right: any that passes the linter's error rules, keeps "
                      "the original's subject and is written afresh earns full credit."]
        return "\n".join(lines)
