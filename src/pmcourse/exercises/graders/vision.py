"""Fix the vision: name the rules a flawed vision breaks, then rewrite it.

Key format: ``{"rules": {vision_id: [rule ids]}, "optional": {vision_id: [rule ids]},
"topic": {vision_id: [topic word stems]}}``. The rules are an expert's reading of each draft,
reviewed independently of the linter (the linter misses some flaws, e.g. a money goal written
in words); rules in ``optional`` are defensible either way and neither earn nor cost credit.
The diagnosis earns credit by overlap (Jaccard) with the key's rules. A rewrite has many valid
answers: it must first pass the text gate (not a placeholder, not the draft again), then it
earns the rewrite criterion when it breaks no error rule of the linter, none of the flaws its
draft had, and names no product, adoption or market-share goal and no metric
(`vision_problems`); and the topic criterion when it stays on the draft's subject. An unchanged
or lightly edited draft earns nothing. Feedback counts missed and extra rules without saying
which vision has which flaw.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..engine.answers import records, rows_by_id
from ..engine.errors import NotAttempted
from ..engine.problem import Problem
from ..engine.result import CriterionResult
from .gate import gate
from .textual import (
    count,
    id_list,
    lint_findings,
    listing,
    mentions,
    optional_text,
    similarity,
)

ADOPTION = re.compile(
    r"\b(?:use|uses|using|download|downloads|install|installs|subscribe|subscribes|sign up|"
    r"signs up|chooses?|picks?|relies on|rely on|trusts?)\s+(?:our|the|this|a)?\s*"
    r"(?:app|application|platform|product|service|tool|software|brand)\b|"
    r"\bwith (?:our|the|this) (?:app|application|platform|product|service|tool|software)\b|"
    r"\bmarket[- ]share\b|\bmost[- ](?:used|popular|downloaded|loved|trusted)\b|"
    r"\b(?:half|a third|a quarter|most|\d+\s?%|\d+ per ?cent)\s+of\s+(?:all\s+)?"
    r"(?:the\s+)?(?:people|patients|households|families|users|customers|clinics|clubs|market)\b",
    re.IGNORECASE,
)
"""Adoption and market-share goals: "every patient uses the app", "half of all households"."""

METRIC_IN_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a hundred|hundreds|"
    r"a thousand|thousands|a million|millions|a billion|\d[\d,.]*)\s+(?:million|billion|"
    r"thousand|k|m|bn)?\s*(?:euros?|dollars?|pounds?|users|customers|downloads|members|"
    r"subscribers|patients|households|clinics)\b|\b(?:double|triple|halve|quadruple)\b|"
    r"\b\d+(?:[.,]\d+)?\s?(?:%|per ?cent|x)(?!\w)|\bby (?:20\d\d|next year|the end of)\b",
    re.IGNORECASE,
)
"""Targets and amounts, also written in words: "five million euros", "double", "by 2030"."""


def vision_problems(text: str, *, product: str = "") -> list[str]:
    """What keeps `text` from being a vision, beyond the linter's error rules: the product's own
    name, an adoption or market-share goal, a metric or target (each a short learner phrase)."""
    found = []
    if product and re.search(rf"\b{re.escape(product)}\b", text, re.IGNORECASE):
        found.append(f"names the product ({product})")
    if ADOPTION.search(text):
        found.append("sets an adoption or market-share goal")
    if METRIC_IN_WORDS.search(text):
        found.append("holds a number or target")
    return found


def vision_rules() -> tuple[dict[str, str], ...]:
    """The linter's vision rules as a table learners choose from (one truth: the linter)."""
    from ...lint import rules_for

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


COLUMNS = ("vision_id", "rules", "rewrite")


@dataclass(frozen=True)
class VisionFix:
    """Grades a diagnosis (rule ids) and a rewrite of each flawed vision."""

    var: str = "fixes"
    visions: str = "visions"
    """Name of the problem input holding the rows ``vision_id, text``."""
    rules: str = "rules"
    """Name of the problem input listing the rule ids to choose from (``rule, meaning``)."""
    product: str = ""
    """The product's name: a rewrite that names it describes the product, not the change."""
    weights: tuple[float, float, float] = (0.4, 0.45, 0.15)
    """Shares for diagnosis, rewrite is a vision (fixes the draft's flaws), rewrite on topic."""
    max_alike: float = 0.6
    """A rewrite this similar to the original (or more) counts as a copy and earns nothing."""
    min_words: int = 4
    """A rewrite needs at least this many real words to count as a statement."""

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
            *self._rewrites(fixes, original, key, problem.prompt),
        ], tuple(notes)

    def _diagnosis(self, fixes: dict[str, _Fix], key: Any) -> CriterionResult:
        truth = {i: frozenset(r) for i, r in key["rules"].items()}
        optional = {i: frozenset(r) for i, r in key.get("optional", {}).items()}
        scores, missed, extra = [], 0, 0
        for item, expected in truth.items():
            tagged = fixes[item].rules if item in fixes else None
            tagged = (tagged or frozenset()) - optional.get(item, frozenset())
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
        self, fixes: dict[str, _Fix], original: dict[str, str], key: Any, prompt: str
    ) -> list[CriterionResult]:
        ids = list(key["rules"])
        n = len(ids)
        visions, on_topic = [], []
        blocked: list[str] = []
        broken: list[str] = []
        drifting: list[str] = []
        absent: list[str] = []
        earlier: dict[str, str | None] = {}  # a rewrite repeated for another draft counts once
        for item in ids:
            text = fixes[item].rewrite if item in fixes else None
            if not text:
                absent.append(item)
                continue
            verdict = gate(text, field=f"rewrite of {item}", prompt_texts=(prompt,),
                           data_texts=(original[item],), other_fields=earlier,
                           min_words=self.min_words)
            earlier[f"rewrite of {item}"] = text
            alike = similarity(text, original[item])
            if not verdict:
                blocked.append(verdict.message)
                continue
            if alike >= self.max_alike:
                blocked.append(f"The rewrite of {item} is a light edit of the draft ({alike:.0%} "
                               "alike): start again from the change in people's lives.")
                continue
            if mentions(text, key["topic"][item]):
                on_topic.append(item)
            else:
                drifting.append(item)  # costs the topic criterion only: one missing word
            flaws = set(key["rules"][item])
            rules = sorted({f.rule for f in lint_findings(text, "vision")
                            if f.severity == "error" or f.rule in flaws})
            problems = [f"`{r}`" for r in rules] + vision_problems(text, product=self.product)
            if problems:
                broken.append(f"{item} ({', '.join(problems)})")
            else:
                visions.append(item)
        gap = (f" {listing(absent)} {'has' if len(absent) == 1 else 'have'} no rewrite yet."
               if absent else "")
        stop = (" " + " ".join(blocked[:3]) + (" ..." if len(blocked) > 3 else "")
                if blocked else "")
        if broken:
            vision_msg = (f"Your rewrites of {listing(broken)} are not yet visions: a vision "
                          "names no product, goal, number or date and fixes what its draft got "
                          f"wrong. Run `lint(text, 'vision')` on them too.{stop}{gap}")
        else:
            vision_msg = f"Every rewrite that counts reads as a vision.{stop}{gap}"
        topic_msg = (f"Every rewrite that counts stays on its draft's subject.{stop}{gap}"
                     if not drifting else
                     f"The rewrites of {listing(drifting)} drift away from what the draft was "
                     f"about: keep the same people and the same change, and say it better."
                     f"{stop}{gap}")
        return [
            CriterionResult("rewrite", "Each rewrite is a vision that fixes its draft's flaws",
                            self.weights[1], len(visions) / n, vision_msg.strip()),
            CriterionResult("rewrite_topic", "Each rewrite stays on the draft's subject",
                            self.weights[2], len(on_topic) / n, topic_msg.strip()),
        ]

    def describe(self, problem: Problem, key: Any) -> str:
        """Each draft with the rules it breaks and one good rewrite."""
        text = {str(r["vision_id"]): r["text"] for r in problem.data[self.visions]}
        rewrites = key.get("examples", {})
        lines = ["| id | flawed vision | rules it breaks | one good rewrite |", "|---|---|---|---|"]
        for item, rules in key["rules"].items():
            tags = ", ".join(f"`{r}`" for r in rules)
            lines.append(f"| {item} | {text[item]} | {tags} | {rewrites.get(item, '')} |")
        also = [f"{i}: {', '.join(f'`{r}`' for r in rules)}"
                for i, rules in key.get("optional", {}).items() if rules]
        if also:
            lines += ["", "Defensible either way, so not counted: " + "; ".join(also) + "."]
        lines += ["", "Many rewrites are right: any that is written afresh, keeps the draft's "
                      "subject, breaks no error rule and none of its draft's flaws, and names no "
                      "product, adoption goal or number earns full credit."]
        return "\n".join(lines)
