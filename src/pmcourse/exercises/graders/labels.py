"""Which artifact is this? Label statements vision, mission, strategy, roadmap outcome or backlog.

Key format: ``{"labels": {statement_id: [best label, other defensible labels...]}}``. The best label
earns full credit, another listed label half. Feedback counts confusions by kind ("you labelled
2 missions as visions") and never says which statement carries which label.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from ..engine.answers import plain_text, records, type_name
from ..engine.errors import AnswerError, NotAttempted
from ..engine.placeholder import is_placeholder
from ..engine.problem import Problem
from ..engine.result import CriterionResult
from .textual import count, listing

LABELS = ("vision", "mission", "strategy", "outcome", "backlog")
"""The five artifacts, from the long-lived direction down to the work."""

_ALIASES = {
    **{label: label for label in LABELS},
    "product vision": "vision", "product mission": "mission", "product strategy": "strategy",
    "strategy choice": "strategy", "roadmap": "outcome", "roadmap outcome": "outcome",
    "roadmap item": "outcome", "backlog item": "backlog", "task": "backlog", "story": "backlog",
    "user story": "backlog", "epic": "backlog",
}
DIRECTION = frozenset({"vision", "mission", "strategy"})
"""Labels that set direction for years; the others deliver it (the leverage pyramid)."""

_PLURAL = {"vision": "visions", "mission": "missions", "strategy": "strategy choices",
           "outcome": "roadmap outcomes", "backlog": "backlog items"}
_TELL = {
    "vision": "a vision describes the change in people's lives and names no product or category",
    "mission": "a mission says what this product contributes: for whom, which category, which "
               "key aspects",
    "strategy": "a strategy statement makes a choice: whom to serve, how to win, what not to do, "
                "how success is measured",
    "outcome": "a roadmap outcome is a change in what users do or get, within the next horizons",
    "backlog": "a backlog item is a piece of work the team can finish: a story, a fix, a task",
}


def _statements(ids: list[str], one: str = "has", many: str = "have") -> str:
    """``Statement A01 has`` / ``Statements A01 and A02 have``."""
    return f"Statement {ids[0]} {one}" if len(ids) == 1 else f"Statements {listing(ids)} {many}"


ONE_LABEL_CAP = "one-label"
"""Cap id: (nearly) every item carries the same label, which is no decision at all."""
FEW_LABELS_CAP = "few-labels"
"""Cap id: two labels for fifteen statements of five kinds (one per level, say) tells the levels
apart but skips the artifact decision."""
ONE_LABEL_SHARE = 0.9
"""A label on at least this share of the labelled items counts as one label for everything..."""
ONE_LABEL_KEY_SHARE = 0.8
"""...unless the key itself gives that label to at least this share of the items."""


def one_label_for_all(given: Mapping[str, str], truth: Mapping[str, str]) -> str | None:
    """The label a learner gave to (nearly) every item when the key does not, else None.

    `given` and `truth` map item id -> label. Labelling nearly everything alike sidesteps the
    decision the problem asks for, so the grader caps the score (see `Problem.caps`).
    """
    if len(given) < 2 or len(given) < len(truth) / 2:
        return None
    top, n = Counter(given.values()).most_common(1)[0]
    in_key = sum(label == top for label in truth.values())
    if n == len(given) and in_key < len(truth):
        return top
    if n >= ONE_LABEL_SHARE * len(given) and in_key < ONE_LABEL_KEY_SHARE * len(truth):
        return top
    return None


def label_of(raw: Any) -> str | None:
    """The canonical label for a learner's spelling ('Backlog item' -> 'backlog'), else None."""
    text = plain_text(raw) if isinstance(raw, str) else None
    return _ALIASES.get(" ".join(text.lower().replace("_", " ").split())) if text else None


@dataclass(frozen=True)
class ArtifactLabels:
    """Grades a labelling of statements by artifact, with half credit for defensible labels."""

    cap_ids: ClassVar[tuple[str, ...]] = (ONE_LABEL_CAP, FEW_LABELS_CAP)
    var: str = "labels"
    statements: str = "statements"
    """Name of the problem input holding the rows ``statement_id, text``."""
    weights: tuple[float, float] = (0.7, 0.3)
    """Shares of the points for the exact artifact and for the level (direction or delivery)."""

    def _read(self, problem: Problem, answer: Any) -> tuple[dict[str, str], list[str]]:
        """The learner's labels by statement id, and notes on rows that could not be used."""
        given = [str(row["statement_id"]) for row in problem.data[self.statements]]
        if is_placeholder(answer):
            msg = (f"`{self.var}` still holds the placeholder `____`; replace it with a dict "
                   "{statement_id: label}.")
            raise NotAttempted(msg)
        if isinstance(answer, Mapping):
            pairs = list(answer.items())
        elif type(answer).__name__ == "Series":  # labels indexed by statement id
            pairs = list(zip(answer.index.tolist(), answer.tolist(), strict=True))
        elif isinstance(answer, (list, tuple)) or type(answer).__name__ == "DataFrame":
            rows = records(answer, self.var, ("statement_id", "label"))
            pairs = [(r["statement_id"], r["label"]) for r in rows]
        else:
            msg = (f"`{self.var}` should be a dict mapping each statement id to a label, e.g. "
                   f"{{'{given[0]}': 'vision'}}; it is {type_name(answer)}.")
            raise AnswerError(msg)
        labels: dict[str, str] = {}
        seen: Counter[str] = Counter()
        unknown_ids, bad, bad_ids = [], [], set()
        for raw_id, raw_label in pairs:
            item = plain_text(raw_id) if isinstance(raw_id, (str, int)) else None
            if item is None:
                continue
            seen[item] += 1
            if item not in given:
                unknown_ids.append(item)
                continue
            if seen[item] > 1 or is_placeholder(raw_label):
                continue
            label = label_of(raw_label)
            if label is None:
                shown = (plain_text(raw_label) if isinstance(raw_label, str)
                         else type_name(raw_label))
                bad.append(f"{item} ({shown!r})")
                bad_ids.add(item)
            else:
                labels[item] = label
        if not labels:
            msg = (f"no statement in `{self.var}` has a usable label yet: use one of "
                   f"{', '.join(repr(x) for x in LABELS)}.")
            raise NotAttempted(msg)
        notes = []
        missing = [i for i in given if i not in labels and i not in bad_ids]
        if missing:
            notes.append(f"{_statements(missing)} no label yet.")
        dupes = sorted(i for i, n in seen.items() if n > 1)
        if dupes:
            notes.append(f"{_statements(dupes, 'is', 'are')} labelled more than once: only the "
                         "first label counts.")
        if unknown_ids:
            odd = sorted(set(unknown_ids))
            what = "is not a statement id" if len(odd) == 1 else "are not statement ids"
            notes.append(f"{listing(odd)} {what}; remove or correct them.")
        if bad:
            notes.append(f"Unknown label for {listing(bad)}: use one of "
                         f"{', '.join(repr(x) for x in LABELS)}.")
        return labels, notes

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        """Scores statement labels criterion by criterion; raises NotAttempted or AnswerError."""
        labels, notes = self._read(problem, answers[self.var])
        truth: dict[str, list[str]] = {k: list(v) for k, v in key["labels"].items()}
        return [self._artifact(labels, truth), self._level(labels, truth)], tuple(notes)

    def _artifact(self, labels: dict[str, str], truth: dict[str, list[str]]) -> CriterionResult:
        best = sum(labels.get(i) == accepted[0] for i, accepted in truth.items())
        fair = sum(labels.get(i) in accepted[1:] for i, accepted in truth.items())
        confusions: Counter[tuple[str, str]] = Counter(
            (accepted[0], labels[i]) for i, accepted in truth.items()
            if i in labels and labels[i] not in accepted
        )
        n = len(truth)
        if best == n:
            message = f"All {n} statements carry the best-fitting label."
        else:
            parts = [f"{best} of {n} statements carry the best-fitting label."]
            if fair:
                parts.append(f"{count(fair, 'label')} can be defended but "
                             f"{'is' if fair == 1 else 'are'} not the best fit (half "
                             "credit): ask which artifact the statement would live in.")
            for (want, got), k in confusions.most_common(3):
                parts.append(f"You labelled {count(k, _PLURAL[want][:-1], _PLURAL[want])} as "
                             f"'{got}': {_TELL[want]}.")
            unlabelled = n - best - fair - sum(confusions.values())
            if unlabelled:
                parts.append(f"{count(unlabelled, 'statement')} "
                             f"{'has' if unlabelled == 1 else 'have'} no usable label.")
            message = " ".join(parts)
        same = one_label_for_all(labels, {i: accepted[0] for i, accepted in truth.items()})
        used = set(labels.values())
        kinds = {accepted[0] for accepted in truth.values()}
        few = not same and len(labels) >= n / 2 and len(used) <= 2 < len(kinds) - 1
        if same:
            message = (f"You labelled nearly every statement '{same}': that skips the decision "
                       "this exercise asks for, so the score is capped. Take each statement on "
                       "its own and ask which artifact it would live in. " + message)
        elif few:
            message = (f"You used only {count(len(used), 'label')} for {n} statements of "
                       f"{len(kinds)} kinds: that skips the artifact decision, so the score is "
                       "capped. " + message)
        cap = ONE_LABEL_CAP if same else FEW_LABELS_CAP if few else None
        return CriterionResult("artifact", "Each statement is labelled with its artifact",
                               self.weights[0], (best + 0.5 * fair) / n, message, cap=cap)

    def _level(self, labels: dict[str, str], truth: dict[str, list[str]]) -> CriterionResult:
        def level(label: str) -> str:
            return "direction" if label in DIRECTION else "delivery"

        right = sum(i in labels and level(labels[i]) in {level(a) for a in accepted}
                    for i, accepted in truth.items())
        def misplaced(placed: str) -> int:
            return sum(i in labels and level(labels[i]) == placed
                       and all(level(a) != placed for a in accepted)
                       for i, accepted in truth.items())

        up, down = misplaced("direction"), misplaced("delivery")
        n = len(truth)
        if right == n:
            message = ("Every statement sits on the right level: direction (vision, mission, "
                       "strategy) or delivery (roadmap, backlog).")
        else:
            parts = [f"{right} of {n} statements sit on the right level of the pyramid."]
            if up:
                parts.append(f"{count(up, 'statement')} about delivery (a change users will see "
                             "soon, or work to finish) you placed among the long-lived direction.")
            if down:
                parts.append(f"{count(down, 'statement')} that set direction for years you placed "
                             "in the roadmap or backlog.")
            message = " ".join(parts)
        return CriterionResult("level", "Direction and delivery are told apart", self.weights[1],
                               right / n, message)

    def describe(self, problem: Problem, key: Any) -> str:
        """A table of every statement with its best label and any other defensible one."""
        text = {str(r["statement_id"]): r["text"] for r in problem.data[self.statements]}
        lines = ["| id | statement | artifact |", "|---|---|---|"]
        for item, accepted in key["labels"].items():
            also = f" (also defensible: {', '.join(accepted[1:])})" if len(accepted) > 1 else ""
            lines.append(f"| {item} | {text[item]} | **{accepted[0]}**{also} |")
        two = [item for item, accepted in key["labels"].items() if len(accepted) > 1]
        if two:
            lines += ["", f"An expert could defend two labels for {listing(two)}: the second "
                          "label earns half credit for that statement and keeps the level."]
        return "\n".join(lines)
