"""The four strategy questions: what we build, whom we target, how we grow, how we know it works.

Each answer is free text, so many answers are right; the points follow the *choice* each answer
makes. The grader reads which options of the data an answer picks (a segment, a growth channel, a
metric, a thing to build), by id or in the learner's own words, leaving out what the answer turns
down ("not students", "rather than paid ads"), and scores the choice against the data: the key
rates every option. A contradicted option anywhere in the choice earns nothing; a target that
hedges between segments earns the weaker one; otherwise the best option named counts. Citing the
data earns credit only when it backs a choice the data supports (ids quoted next to a choice that
contradicts them earn nothing). A reason and a well-formed text
(the text gate, a useful length, the linter's strategy rules) count for the rest.

Key format: ``{"options": {question: {option_id: {"credit": 0..1, "says": [ids, names or word
stems that name the option]}}}, "evidence": {question: [ids or paraphrases of the data that back
a supported choice]}, "example": {question: text}}``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..engine.problem import Problem
from ..engine.result import CriterionResult
from .gate import gate_fields
from .textual import error_rules, fields, listing, mentions, words

QUESTIONS = {
    "what": "What are we building, and why?",
    "who": "Whom do we target first, and why?",
    "grow": "How will we grow, and why that way?",
    "good": "How will we know the product is good, and why that signal?",
}
"""The four questions (source 000), keyed by the names the answer dict uses."""

CONTRADICTED_CAP = "contradicted"
"""Cap id: at least one answer makes a choice the data contradicts (students first, paid ads
against the findings, revenue as the sign of a good product)."""

_CHOICE_NOUN = {"what": "thing to build", "who": "segment", "grow": "growth channel",
                "good": "signal"}

_REASON = re.compile(
    r"\b(because|since|so that|so we|so they|so the|which means|that is why|this is why|"
    r"the reason|given that|as a result|therefore|in order to|otherwise|as shown|shows|showed|"
    r"proves|tells us|means|as (?:they|it|we|this|these|those|the|their|our))\b"
    r"|:\s+\w|\s[—–-]\s",
    re.IGNORECASE)

_CLAUSE = re.compile(r"[.;:!?]|,|\bbut\b|\bwhile\b|\bwhereas\b|\bthen\b", re.IGNORECASE)
_TURN_DOWN = re.compile(
    r"\b(aside|can wait|(?<!months )(?<!weeks )(?<!years )(?<!days )later|next year|"
    r"out of scope|not now|not yet|say no|no to|deprioriti[sz]e)\b"
    r"|(?:\bnot|n['’]t) (?:our|a|the) (?:focus|target|priority|market)", re.IGNORECASE)
"""A clause with one of these turns down what it names ("students can wait")."""
_TURN_AFTER = re.compile(
    r"\b(rather than|instead of|not|no|\w+n['’]t|will not|unlike|never|nor|ahead of|"
    r"(?<!more )(?<!less )(?<!fewer )(?<!other )than|leave|leaving|exclude|excluding|ignore|"
    r"ignoring|skip|avoid|avoiding|drop(?!-)|dropping)\b",
    re.IGNORECASE)
"""What follows one of these within its clause is turned down ("sharing rather than paid ads")."""


_ID = re.compile(r"^[a-z]\d{1,2}$")
MAX_ID_SHARE = 0.2
"""An answer whose words are more than this share of data ids (with three or more ids) lists
ids instead of making a choice in sentences."""


def listed_ids(text: str) -> bool:
    """True when `text` is mostly a list of the data's ids ("S1 S4 S7 ... because S1")."""
    ws = words(text)
    ids = [w for w in ws if _ID.match(w)]
    return len(ids) >= 3 and len(ids) > MAX_ID_SHARE * len(ws)


def stance(text: str) -> tuple[str, str]:
    """`text` split into what it chooses and what it turns down, each as one string of clauses."""
    chosen, declined = [], []
    for clause in _CLAUSE.split(text.replace("(", " ").replace(")", " ")):
        if _TURN_DOWN.search(clause):
            declined.append(clause)
            continue
        turn = _TURN_AFTER.search(clause)
        if turn:
            chosen.append(clause[: turn.start()])
            declined.append(clause[turn.start():])
        else:
            chosen.append(clause)
    return " ; ".join(chosen), " ; ".join(declined)


def picked(text: str, options: Mapping[str, Mapping[str, Any]]) -> list[str]:
    """The option ids `text` chooses (named by id or in words, not turned down), in key order.

    Longer names are matched first and blanked out, so "couples without children" is not also
    read as "children".
    """
    chosen, _ = stance(text)
    low = " ".join(words(chosen))
    found: list[str] = []
    names = sorted(((len(" ".join(words(s))), s, oid) for oid, opt in options.items()
                    for s in opt["says"]), reverse=True)
    for _, name, oid in names:
        pattern = re.compile(r"\b" + re.escape(" ".join(words(name))) + r"[a-z0-9'’-]*")
        if pattern.search(low):
            low = pattern.sub(" ", low)
            if oid not in found:
                found.append(oid)
    return [oid for oid in options if oid in found]


@dataclass(frozen=True)
class FourQuestions:
    """Grades a dict answering the four strategy questions by the choices each answer makes."""

    cap_ids: ClassVar[tuple[str, ...]] = (CONTRADICTED_CAP,)
    var: str = "strategy"
    min_words: int = 12
    max_words: int = 80
    max_segments: int = 2
    """More target segments than this is not a focus: the `who` choice earns half."""
    weights: tuple[float, float, float, float] = (0.5, 0.25, 0.1, 0.15)
    """Shares for: the choices, the data behind them, a reason, a well-formed text."""

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        """Scores the four answers criterion by criterion; raises NotAttempted or AnswerError."""
        text = fields(answers[self.var], self.var, tuple(QUESTIONS))
        notes = [f"`{q}` is empty: answer {QUESTIONS[q]!r}" for q, t in text.items() if not t]
        data = [str(v) for rows in problem.data.values() if isinstance(rows, (list, tuple))
                for row in rows if isinstance(row, Mapping) for v in row.values()
                if isinstance(v, str) and len(v.split()) > 3]
        named = gate_fields({f"`{q}`": t for q, t in text.items()},
                            prompt_texts=(problem.prompt,), data_texts=data)
        verdicts = {q: named[f"`{q}`"] for q in text}
        given = {q: t for q, t in text.items() if t and verdicts[q] and not listed_ids(t)}
        gated = [verdicts[q].message for q, t in text.items() if t and not verdicts[q]]
        gated += [f"`{q}` lists ids of the data instead of saying what you choose and why: "
                  "write it as a sentence, in your own words" for q, t in text.items()
                  if t and verdicts[q] and listed_ids(t)]
        choices = {q: self._choice(q, t, key) for q, t in given.items()}
        return [
            self._choices(choices, gated),
            self._evidence(given, choices, key),
            self._reasons(given, choices, key),
            self._form(given),
        ], tuple(notes)

    def _choice(self, question: str, text: str, key: Any) -> tuple[float, str, bool]:
        """The credit of one answer's choice, what to say about it if it is not full, and
        whether the data contradicts it."""
        options = key["options"][question]
        ids = picked(text, options)
        noun = _CHOICE_NOUN[question]
        if not ids:
            return 0.0, (f"`{question}` names no {noun} the data lets us check: say which one "
                         "you choose, by its id or in your own words"), False
        credits = {oid: float(options[oid]["credit"]) for oid in ids}
        if min(credits.values()) == 0.0:
            return 0.0, (f"`{question}` chooses a {noun} the data does not support: read the "
                         "tables and findings again before you commit to it"), True
        best = max(credits.values())
        if question == "who":
            best = min(credits.values())  # hedging between segments earns the weaker one
        if question == "who" and len(ids) > self.max_segments:
            return best / 2, (f"`who` targets {len(ids)} segments: a first target is one or two, "
                              "so say which comes first and which can wait"), False
        if best < 1.0:
            return best, (f"`{question}` makes a choice the data only partly supports: "
                          "another option fits the findings better"), False
        return 1.0, "", False

    def _choices(self, choices: Mapping[str, tuple[float, str, bool]],
                 gated: list[str]) -> CriterionResult:
        earned = sum(c for c, _, _ in choices.values()) / len(QUESTIONS)
        parts = [why.rstrip(".") + "." for why in
                 [why for _, why, _ in choices.values() if why] + gated]
        message = (f"All {len(QUESTIONS)} answers make a choice the data supports."
                   if earned >= 1.0 else
                   " ".join([f"{sum(c >= 1.0 for c, _, _ in choices.values())} of "
                             f"{len(QUESTIONS)} answers make a choice the data supports.",
                             *parts]))
        against = any(contradicted for _, _, contradicted in choices.values())
        return CriterionResult("choices", "Each answer makes a choice the data supports",
                               self.weights[0], earned, message,
                               cap=CONTRADICTED_CAP if against else None)

    def _evidence(self, given: Mapping[str, str], choices: Mapping[str, tuple[float, str, bool]],
                  key: Any) -> CriterionResult:
        backed = [q for q, t in given.items()
                  if choices[q][0] > 0 and mentions(t, key["evidence"][q])]
        against = [q for q, t in given.items()
                   if choices[q][0] == 0 and mentions(t, key["evidence"][q])]
        bare = [q for q in given if q not in backed and q not in against]
        parts = [f"{len(backed)} of {len(QUESTIONS)} answers rest on the data."]
        if against:
            verb = "cites" if len(against) == 1 else "cite"
            parts.append(f"{listing([f'`{q}`' for q in against])} {verb} the data next to a "
                         "choice it does not support: quoting a finding "
                         "earns nothing unless the choice follows from it.")
        if bare:
            parts.append(f"{listing([f'`{q}`' for q in bare])}: name the segment figures, "
                         "finding or metric from the data your choice rests on (by id or in "
                         "your own words).")
        message = (f"All {len(QUESTIONS)} answers rest on the data that supports them."
                   if len(backed) == len(QUESTIONS) else " ".join(parts))
        return CriterionResult("evidence", "Each choice rests on the data", self.weights[1],
                               len(backed) / len(QUESTIONS), message)

    def _reasons(self, given: Mapping[str, str], choices: Mapping[str, tuple[float, str, bool]],
                 key: Any) -> CriterionResult:
        """A supported choice with a reason word, or with the data that backs it in words (a
        finding paraphrased after the choice is its reason; a bare id is not)."""
        said = {q: [e for e in key["evidence"][q] if not _ID.match(e.lower())] for q in given}
        reasoned = [q for q, t in given.items() if choices[q][0] > 0 and (
            _REASON.search(t) or mentions(t, said[q]))]
        bare = [q for q in given if q not in reasoned and choices[q][0] > 0]
        message = (f"{len(reasoned)} of {len(QUESTIONS)} answers give a reason for a supported "
                   "choice."
                   if not bare else
                   f"{listing([f'`{q}`' for q in bare])} state{'s' if len(bare) == 1 else ''} a "
                   "choice without its reason: each question asks 'and why', so say it "
                   "('because ...', 'so that ...').")
        return CriterionResult("reasons", "Each choice says why", self.weights[2],
                               len(reasoned) / len(QUESTIONS), message)

    def _form(self, given: Mapping[str, str]) -> CriterionResult:
        short = [q for q, t in given.items() if len(words(t)) < self.min_words]
        long = [q for q, t in given.items() if len(words(t)) > self.max_words]
        broken = {q: error_rules(t, "strategy") for q, t in given.items()}
        bad = [f"`{q}` ({', '.join(f'`{e}`' for e in errs)})" for q, errs in broken.items() if errs]
        good = [q for q in given if q not in short and q not in long and not broken[q]]
        parts = [f"{len(good)} of {len(QUESTIONS)} answers are well formed ({self.min_words} to "
                 f"{self.max_words} words, no linter error)."]
        if short:
            parts.append(f"{listing([f'`{q}`' for q in short])}: too short to carry a choice and "
                         "its reason.")
        if long:
            parts.append(f"{listing([f'`{q}`' for q in long])}: too long; a strategy is read by "
                         "busy people, so keep the choice and the reason, cut the rest.")
        if bad:
            parts.append(f"{listing(bad)} break the linter's error rules: run "
                         "`lint(text, 'strategy')` on them to see why.")
        return CriterionResult("form", "Each answer is well formed and passes the linter",
                               self.weights[3], len(good) / len(QUESTIONS), " ".join(parts))

    def describe(self, problem: Problem, key: Any) -> str:
        """The four questions with an example answer each, and the choices the data supports."""
        example = key.get("example", {})
        lines = []
        for q, question in QUESTIONS.items():
            lines.append(f"**{question}**" + (f" {example[q]}" if q in example else ""))
            options = key["options"][q]
            full = [o for o, v in options.items() if v["credit"] >= 1.0 and not o.startswith("_")]
            part = [o for o, v in options.items() if 0 < v["credit"] < 1.0]
            if len(full) > 1 or part:
                said = [listing([_shown(o, options) for o in full])]
                if part:
                    said.append(f"part credit: {listing([_shown(o, options) for o in part])}")
                lines.append(f"*Choices the data supports:* {'; '.join(said)}.")
            lines.append("")
        lines.append("Many answers are right: each makes a choice the data supports, names the "
                     "data it rests on (by id or in your own words) and says why. Where the "
                     "data supports two choices (two target segments, for instance), an expert "
                     "accepts either.")
        return "\n".join(lines)


def _shown(option: str, options: Mapping[str, Mapping[str, Any]]) -> str:
    """An option as shown in the solution: its first name, and its id when that differs."""
    name = options[option]["says"][0]
    return f"{name} ({option})" if re.fullmatch(r"[A-Z]\d+", option) else name
