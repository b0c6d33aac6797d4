"""The four strategy questions: what we build, whom we target, how we grow, how we know it works.

Each answer is free text, so many answers are right. Each earns credit for being there and of a
sensible length, for pointing at the evidence in the problem's data (a named segment, metric or
channel), for giving a reason (the "and why" of each question) and, when long enough to judge,
for passing the course linter's error rules for strategy text.

Key format: ``{"references": {question: [names or word stems from the data that count as
evidence for it]}}``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .problem import Problem
from .result import CriterionResult
from .textual import error_rules, fields, listing, mentions, words

QUESTIONS = {
    "what": "What are we building, and why?",
    "who": "Whom do we target first, and why?",
    "grow": "How will we grow, and why that way?",
    "good": "How will we know the product is good, and why that signal?",
}
"""The four questions (source 000), keyed by the names the answer dict uses."""

_REASON = re.compile(
    r"\b(because|since|so that|so we|so they|which means|that is why|this is why|the reason|"
    r"given that|as a result|therefore|in order to|otherwise)\b", re.IGNORECASE)


@dataclass(frozen=True)
class FourQuestions:
    """Grades a dict answering the four strategy questions, each tied to the data."""

    var: str = "strategy"
    min_words: int = 12
    max_words: int = 80
    weights: tuple[float, float, float, float] = (0.2, 0.35, 0.2, 0.25)
    """Shares for: answered at a sensible length, evidence from the data, a reason, lint."""

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        """Scores the four answers criterion by criterion; raises NotAttempted or AnswerError."""
        text = fields(answers[self.var], self.var, tuple(QUESTIONS))
        given = {q: t for q, t in text.items() if t}
        notes = [f"`{q}` is empty: answer {QUESTIONS[q]!r}" for q, t in text.items() if not t]
        return [
            self._answered(given),
            self._evidence(given, key),
            self._reasons(given),
            self._lint(given),
        ], tuple(notes)

    def _answered(self, given: dict[str, str]) -> CriterionResult:
        short = [q for q, t in given.items() if len(words(t)) < self.min_words]
        long = [q for q, t in given.items() if len(words(t)) > self.max_words]
        ok = len(given) - len(short) - len(long)
        parts = [f"{ok} of {len(QUESTIONS)} questions are answered at a useful length "
                 f"({self.min_words} to {self.max_words} words)."]
        if short:
            parts.append(f"{listing([f'`{q}`' for q in short])}: too short to carry a choice and "
                         "its reason.")
        if long:
            parts.append(f"{listing([f'`{q}`' for q in long])}: too long; a strategy is read by "
                         "busy people, so keep the choice and the reason, cut the rest.")
        return CriterionResult("answered", "Each question is answered at a useful length",
                               self.weights[0], ok / len(QUESTIONS), " ".join(parts))

    def _evidence(self, given: dict[str, str], key: Any) -> CriterionResult:
        backed = [q for q, t in given.items() if mentions(t, key["references"][q])]
        bare = [q for q in given if q not in backed]
        message = (f"{len(backed)} of {len(QUESTIONS)} answers point at the evidence in the data."
                   if not bare else
                   f"{listing([f'`{q}`' for q in bare])} {'does' if len(bare) == 1 else 'do'} not "
                   "point at the data: name the segment, metric or channel from the tables that "
                   "your answer rests on.")
        return CriterionResult("evidence", "Each answer rests on the data", self.weights[1],
                               len(backed) / len(QUESTIONS), message)

    def _reasons(self, given: dict[str, str]) -> CriterionResult:
        reasoned = [q for q, t in given.items() if _REASON.search(t)]
        bare = [q for q in given if q not in reasoned]
        message = (f"{len(reasoned)} of {len(QUESTIONS)} answers give their reason."
                   if not bare else
                   f"{listing([f'`{q}`' for q in bare])} state{'s' if len(bare) == 1 else ''} a "
                   "choice without its reason: each question asks 'and why', so say it "
                   "('because ...', 'so that ...').")
        return CriterionResult("reasons", "Each answer says why", self.weights[2],
                               len(reasoned) / len(QUESTIONS), message)

    def _lint(self, given: dict[str, str]) -> CriterionResult:
        broken = {q: error_rules(t, "strategy") for q, t in given.items()}
        clean = [q for q, errs in broken.items()
                 if not errs and len(words(given[q])) >= self.min_words]
        bad = [f"`{q}` ({', '.join(f'`{e}`' for e in errs)})" for q, errs in broken.items() if errs]
        message = (f"{len(clean)} of {len(QUESTIONS)} answers pass the linter's error rules "
                   "(an answer too short to judge does not count)."
                   if not bad else
                   f"{listing(bad)} break the linter's error rules: run `lint(text, 'strategy')` "
                   "on them to see why.")
        return CriterionResult("lint", "Each answer passes the linter's error rules",
                               self.weights[3], len(clean) / len(QUESTIONS), message)

    def describe(self, problem: Problem, key: Any) -> str:
        """The four questions with an example answer each."""
        example = key.get("example", {})
        lines = []
        for q, question in QUESTIONS.items():
            lines.append(f"**{question}**" + (f" {example[q]}" if q in example else ""))
            lines.append("")
        lines.append("Many answers are right: each should make a choice, rest on a named segment, "
                     "metric or channel from the data, and say why.")
        return "\n".join(lines)
