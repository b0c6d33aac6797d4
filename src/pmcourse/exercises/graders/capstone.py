"""The capstone's auto-checks: a learner's whole strategy document, as `load_strategy` returns it.

The answer is plain data (``{"vision": {...}, "mission": {...}, ..., "unreadable": {...}}``), so
the same grader serves the self-check in lesson 09 and the graded hidden test. Each part is
rebuilt with the drafting tools' own models, so "complete" means what the widgets show. The key
holds only weights and thresholds, e.g. ``{"weights": {...}, "part_weights": {...},
"min_inputs": 3, "max_inputs": 5, "north_star_rules": [...], "outcome_rules": [...]}``.

Every text field passes the text gate before it counts: a field holding a placeholder, a single
letter or a word of filler is not written, whatever the widget's own completeness says; the
vision and mission statements must be real sentences. A North Star that measures money in any
form (revenue, fees, deposits, bookings value, GMV, ARR ...) caps the document (`FINANCIAL_CAP`):
it is the document's core decision.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..engine.answers import type_name
from ..engine.errors import AnswerError, NotAttempted
from ..engine.placeholder import is_placeholder
from ..engine.problem import Problem
from ..engine.result import CriterionResult
from .gate import content_words, gate
from .textual import count, lint_findings, listing

PART_TITLES: dict[str, str] = {
    "vision": "Vision",
    "mission": "Mission",
    "strategy_canvas": "Strategy canvas",
    "north_star": "North Star",
    "roadmap": "Roadmap",
    "backlog": "Backlog",
}
"""The document's parts by draft kind, in order, with the names messages use."""

SAME_AS_VISION = "same-as-vision"
"""The linter's rule for a mission that repeats its vision."""


MAX_DEPTH = 12
"""Nesting deeper than any draft needs (a dict that contains itself never ends)."""

FINANCIAL_CAP = "financial_north_star"
"""The cap a North Star that measures money triggers (declared with the capstone problems)."""
HOLLOW_CAP = "hollow_strategy"
"""The cap a strategy canvas that is missing, or mostly placeholder or repeated text, triggers:
the strategy is the document's core, so the other parts cannot make up for it."""
HOLLOW_SHARE = 0.5
"""Below this share of real (gated, unrepeated) canvas fields the strategy counts as hollow."""

MONEY = re.compile(
    r"\b(?:revenues?|income|sales|turnover|profits?|margins?|earnings|fees?|deposits?|"
    r"(?:gross )?bookings? (?:value|volume)|gross bookings|GMV|ARR|MRR|ACV|TPV|LTV|CLV|ARPU|AOV|"
    r"(?:average )?(?:order|basket|cart|transaction|payment) (?:value|volume|size)|"
    r"payments? (?:collected|taken|processed)|money|cash|spend(?:ing)?|takings|"
    r"subscriptions? (?:sold|revenue)|paid (?:plans?|subscriptions?|accounts?|invoices?)|"
    r"paying (?:customers|users|members|subscribers)|euros?|dollars?|pounds?|"
    r"[$€£]\s?\d[\d,.]*\s?(?:[kmb]n?)?)\b",
    re.IGNORECASE,
)
"""Money in every form a North Star may hide it: revenue, fees, deposits, bookings value ..."""

VAGUE_MEASURES = frozenset({
    "thing", "things", "stuff", "item", "items", "number", "numbers", "count", "counts", "total",
    "amount", "metric", "metrics", "kpi", "kpis", "value", "values", "per", "week", "weekly",
    "month", "monthly", "day", "daily", "year", "yearly", "quarter", "activity", "activities",
    "engagement", "usage", "success", "growth", "score", "rate", "level", "levels",
})
"""Words that name no behaviour on their own: "things per week" measures nothing."""

ID_FIELDS = frozenset({"id", "column", "date", "constraint", "depends_on", "outcome_id", "type",
                       "intent", "outcome_text", "statement_edited", "checks", "now_capacity",
                       "intents"})
"""Draft fields that hold choices or references, not prose the gate should read."""


def money_words(metric: str) -> list[str]:
    """The money words of a North Star metric, in every form (empty when it measures no money)."""
    return sorted({m.group().lower() for m in MONEY.finditer(metric)})


def _prose(value: Any, name: str = "") -> list[str]:
    """The non-empty prose strings of a draft's fields (ids, columns and dates left out)."""
    if name in ID_FIELDS:
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, dict):
        return [t for k, v in value.items() for t in _prose(v, k)]
    if isinstance(value, list):
        return [t for v in value for t in _prose(v, name)]
    return []


def plain(value: Any, where: str, depth: int = 0) -> Any:
    """An exact copy of `value` made of dict, list, str, int, float, bool and None only.

    The placeholder reads as None; anything else (a rigged object, a widget) is an AnswerError
    that names where it sits.
    """
    if depth > MAX_DEPTH:
        msg = (f"{where.split('[')[0]} is nested deeper than any draft; use the value "
               "`load_strategy(\"drafts\")` returns.")
        raise AnswerError(msg)
    if is_placeholder(value):
        return None
    if isinstance(value, bool):
        return bool(int(value))
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, int):
        return int.__index__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, Mapping):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                msg = f"{where} has a key {k!r} that is not text."
                raise AnswerError(msg)
            out[str.__str__(k)] = plain(v, f"{where}['{k}']", depth + 1)
        return out
    if isinstance(value, (list, tuple)):
        return [plain(v, f"{where}[{n}]", depth + 1) for n, v in enumerate(value)]
    msg = (f"{where} holds {type_name(value)}; the strategy should be plain data, exactly as "
           "`load_strategy(\"drafts\")` returns it.")
    raise AnswerError(msg)


@dataclass
class _Document:
    """The parts of one answer rebuilt as drafts, plus why others could not be used."""

    drafts: dict[str, Any]
    problems: dict[str, str]
    notes: list[str]


@dataclass(frozen=True)
class StrategyDocumentCheck:
    """Grades a whole strategy document: complete, lint-clean, measurable, linked and coherent."""

    var: str = "strategy"
    financial_cap: str = FINANCIAL_CAP
    hollow_cap: str = HOLLOW_CAP
    cap_ids: tuple[str, ...] = (FINANCIAL_CAP, HOLLOW_CAP)

    # -- reading the answer ----------------------------------------------------------------------
    def _read(self, answer: Any) -> _Document:
        from ...widgets.models import DRAFT_TYPES, DraftError

        if is_placeholder(answer):
            msg = (f"`{self.var}` still holds the placeholder `____`; set it with "
                   f"`{self.var} = load_strategy(\"drafts\")` after saving your drafts.")
            raise NotAttempted(msg)
        if not isinstance(answer, Mapping):
            msg = (f"`{self.var}` should be the dict `load_strategy(\"drafts\")` returns; it is "
                   f"{type_name(answer)}.")
            raise AnswerError(msg)
        data = plain(answer, f"`{self.var}`")
        if not any(name in data for name in (*PART_TITLES, "missing", "unreadable")):
            msg = (f"`{self.var}` has none of the parts {listing(list(PART_TITLES))}; set it "
                   f"with `{self.var} = load_strategy(\"drafts\")`, which reads your saved "
                   "drafts.")
            raise AnswerError(msg)
        drafts: dict[str, Any] = {}
        problems: dict[str, str] = {}
        raw_unreadable = data.get("unreadable")
        unreadable = raw_unreadable if isinstance(raw_unreadable, dict) else {}
        for kind in PART_TITLES:
            fields = data.get(kind)
            if fields is None:
                if isinstance(unreadable.get(kind), str):
                    problems[kind] = f"the draft file could not be read: {unreadable[kind]}"
                continue
            if not isinstance(fields, dict):
                problems[kind] = (f"`{self.var}['{kind}']` should be a dict of the draft's "
                                  f"fields; it is {type_name(fields)}.")
                continue
            try:
                drafts[kind] = DRAFT_TYPES[kind].from_fields(fields)
            except DraftError as exc:
                problems[kind] = f"its fields could not be read: {exc}"
        notes = [f"A file in the drafts folder was skipped: {why}" for name, why in unreadable.items()
                 if name not in PART_TITLES and isinstance(why, str)]
        notes += [n for n in data.get("notes", []) if isinstance(n, str)] if isinstance(
            data.get("notes"), list) else []
        if not problems and all(d.is_empty() for d in drafts.values()):
            msg = ("no draft has any text yet. Draft each part with the widgets (they save to "
                   f"`drafts/`), then run `{self.var} = load_strategy(\"drafts\")` again.")
            raise NotAttempted(msg)
        return _Document(drafts, problems, notes)

    # -- grading -------------------------------------------------------------------------------
    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        """Scores the document criterion by criterion; raises NotAttempted or AnswerError."""
        doc = self._read(answers[self.var])
        weights = key["weights"]
        criteria = [
            self._complete(doc, key, weights["complete"]),
            self._vision_lint(doc, weights["vision_lint"]),
            self._mission_lint(doc, weights["mission_lint"]),
            self._consistent(doc, weights["consistent"]),
            self._north_star(doc, key, weights["north_star"]),
            self._roadmap_outcomes(doc, key, weights["roadmap_outcomes"]),
            self._roadmap_plan(doc, weights["roadmap_plan"]),
            self._backlog_links(doc, weights["backlog_links"]),
        ]
        notes = [_sentence(f"{PART_TITLES[k]}: {why}") for k, why in doc.problems.items()]
        notes += [_sentence(n) for n in doc.notes]
        return criteria, tuple(notes)

    def _complete(self, doc: _Document, key: Any, weight: float) -> CriterionResult:
        part_weights = key["part_weights"]
        total = sum(part_weights.values())
        earned = 0.0
        gaps = []
        hollow = "strategy_canvas" not in doc.drafts
        for kind, title in PART_TITLES.items():
            draft = doc.drafts.get(kind)
            if draft is None:
                gaps.append(f"{title}: " + ("could not be read" if kind in doc.problems
                                            else "no draft saved yet"))
                continue
            texts = _prose(draft.fields_to_dict())
            filler = [t for t in texts if not gate(t, field=title, min_words=1, sentence=False)]
            filler += _repeats(texts, allowed=(self._statement(doc, "vision"),
                                               self._statement(doc, "mission")))
            real = 1 - len(filler) / len(texts) if texts else 0.0
            if kind == "strategy_canvas" and real * draft.completeness() < HOLLOW_SHARE:
                hollow = True
            earned += part_weights[kind] * draft.completeness() * real
            missing = draft.missing()
            if filler:
                missing = [*missing, f"{len(filler)} field{'s' if len(filler) > 1 else ''} "
                           f"holding placeholder or repeated text such as '{filler[0][:20]}'"]
            if missing:
                gaps.append(f"{title} ({_gaps(missing)})")
        share = earned / total if total else 0.0
        message = ("Every part of the document is written." if not gaps else
                   "Parts still to finish (the widgets show the same list): "
                   + "; ".join(gaps) + ".")
        if hollow:
            message += (" The strategy canvas is the core of the document and most of it is "
                        "missing or filler, so the other parts cannot make up for it.")
        return CriterionResult("complete", "Every part of the strategy document is complete",
                               weight, share, message,
                               cap=self.hollow_cap if hollow else None)

    def _statement(self, doc: _Document, kind: str) -> str:
        """The vision or mission statement, or "" when missing or when it fails the text gate."""
        draft = doc.drafts.get(kind)
        text = " ".join(draft.statement.split()) if draft is not None else ""
        return text if text and gate(text, field=kind, min_words=5) else ""

    def _statement_gap(self, doc: _Document, kind: str) -> str:
        """Why the statement does not count: not written yet, or what the gate found."""
        draft = doc.drafts.get(kind)
        text = " ".join(draft.statement.split()) if draft is not None else ""
        verdict = gate(text or None, field=f"{kind} statement", min_words=5)
        return (f"{PART_TITLES[kind]}: no statement yet, so there is nothing to check."
                if verdict.gate == "blank" else f"{PART_TITLES[kind]}: {verdict.message}")

    def _vision_lint(self, doc: _Document, weight: float) -> CriterionResult:
        label = "The vision statement passes the linter's error rules"
        vision = self._statement(doc, "vision")
        if not vision:
            return CriterionResult("vision_lint", label, weight, 0.0,
                                   self._statement_gap(doc, "vision"))
        errors = [f for f in lint_findings(vision, "vision") if f.severity == "error"]
        return CriterionResult("vision_lint", label, weight, float(not errors),
                               _lint_message("Vision", errors, "strategy['vision']['statement']", "vision"))

    def _mission_lint(self, doc: _Document, weight: float) -> CriterionResult:
        label = "The mission statement passes the linter's error rules"
        mission = self._statement(doc, "mission")
        if not mission:
            return CriterionResult("mission_lint", label, weight, 0.0,
                                   self._statement_gap(doc, "mission"))
        errors = [f for f in lint_findings(mission, "mission")
                  if f.severity == "error" and f.rule != SAME_AS_VISION]
        return CriterionResult("mission_lint", label, weight, float(not errors),
                               _lint_message("Mission", errors, "strategy['mission']['statement']",
                                             "mission"))

    def _consistent(self, doc: _Document, weight: float) -> CriterionResult:
        label = "Vision and mission do different jobs"
        vision, mission = self._statement(doc, "vision"), self._statement(doc, "mission")
        if not (vision and mission):
            return CriterionResult("consistent", label, weight, 0.0,
                                   "Write both the vision and the mission statement first.")
        same = any(f.rule == SAME_AS_VISION
                   for f in lint_findings(mission, "mission", {"vision": vision}))
        message = ("Vision and mission say different things: the change, then this product's "
                   "part in it." if not same else
                   f"Mission: `{SAME_AS_VISION}`: your mission repeats your vision. Keep the "
                   "vision about the change in people's lives and let the mission say whom the "
                   "product serves, what kind of product it is and what makes it fit.")
        return CriterionResult("consistent", label, weight, float(not same), message)

    def _north_star(self, doc: _Document, key: Any, weight: float) -> CriterionResult:
        label = f"A North Star that is not a money metric, with {key['min_inputs']} to " \
                f"{key['max_inputs']} input metrics"
        draft = doc.drafts.get("north_star")
        if draft is None or not draft.metric.strip():
            return CriterionResult("north_star", label, weight, 0.0,
                                   "North Star: no metric chosen yet.")
        rules = set(key["north_star_rules"])
        metric = " ".join(draft.metric.split())
        errors = [f for f in lint_findings(metric, "north_star")
                  if f.severity == "error" and f.rule in rules]
        money = money_words(metric)
        measures = [w for w in content_words(metric) if w not in VAGUE_MEASURES]
        inputs = [i for i in draft.inputs
                  if gate(i, field="input", min_words=2, sentence=False)]
        enough = key["min_inputs"] <= len(inputs) <= key["max_inputs"]
        parts = [_lint_message("North Star", errors, "strategy['north_star']['metric']",
                               "north_star")]
        if money and not errors:
            parts = [f"North Star: it measures money ({', '.join(money)}). Money is the result "
                     "of the value customers get, not the value itself: count the customer "
                     "behaviour that creates it."]
        if not measures:
            parts = [f"North Star: '{metric}' names nothing a customer does or gets: say which "
                     "behaviour you count (who does what, how often)."]
        ok = not errors and not money and bool(measures)
        if enough:
            parts.append(f"Its {count(len(inputs), 'input metric')} give the team levers to "
                         "pull.")
        else:
            parts.append(f"North Star: it has {count(len(inputs), 'input metric')}; name "
                         f"{key['min_inputs']} to {key['max_inputs']} measurable levers your "
                         "teams can move, each feeding the North Star.")
        earned = 0.5 * ok + 0.5 * enough
        financial = bool(money) or any(f.rule == "financial-metric" for f in errors)
        return CriterionResult("north_star", label, weight, earned, " ".join(parts),
                               cap=self.financial_cap if financial else None)

    def _roadmap_outcomes(self, doc: _Document, key: Any, weight: float) -> CriterionResult:
        label = "Roadmap cards describe outcomes, not features or stories"
        draft = doc.drafts.get("roadmap")
        cards = [c for c in draft.cards if c.outcome.strip()] if draft is not None else []
        if not cards:
            return CriterionResult("roadmap_outcomes", label, weight, 0.0,
                                   "Roadmap: no outcome written on a card yet.")
        rules = set(key["outcome_rules"])
        flagged = []
        for card in cards:
            verdict = gate(card.outcome, field=f"card {card.id}", min_words=3)
            if not verdict:
                flagged.append(verdict.message.rstrip("."))
                continue
            errors = [f for f in lint_findings(card.outcome, "outcome")
                      if f.severity == "error" and f.rule in rules]
            if errors:
                flagged.append(f"{card.id} breaks `{errors[0].rule}` ({errors[0].message})")
        earned = 1 - len(flagged) / len(cards)
        message = (f"All {count(len(cards), 'card')} name a change for people." if not flagged
                   else f"Roadmap: {count(len(flagged), 'card')} of {len(cards)} read as work "
                   "to ship rather than a result to reach: " + "; ".join(flagged[:3])
                   + (" ..." if len(flagged) > 3 else ""))
        return CriterionResult("roadmap_outcomes", label, weight, earned, message)

    def _roadmap_plan(self, doc: _Document, weight: float) -> CriterionResult:
        label = "Now is within capacity, prerequisites come first, dates have a reason"
        draft = doc.drafts.get("roadmap")
        if draft is None or not draft.cards:
            return CriterionResult("roadmap_plan", label, weight, 0.0,
                                   "Roadmap: no cards on the board yet.")
        checks = [
            (not draft.over_capacity(),
             f"Now runs {len(draft.intents_in_now())} strategic intents, more than its capacity "
             f"of {draft.now_capacity}"),
            (not draft.dependency_conflicts(),
             "a card sits in an earlier column than a card it depends on"),
            (not draft.date_problems(),
             "a date has no hard outside constraint or is not written as YYYY-MM-DD"),
        ]
        failed = [why for ok, why in checks if not ok]
        earned = 1 - len(failed) / len(checks)
        message = ("The board respects capacity, order and dates." if not failed else
                   "Roadmap: " + "; ".join(failed) + ". The board lists each warning under it.")
        return CriterionResult("roadmap_plan", label, weight, earned, message)

    def _backlog_links(self, doc: _Document, weight: float) -> CriterionResult:
        label = "Every backlog item links to an outcome on the roadmap"
        backlog = doc.drafts.get("backlog")
        items = [i for i in backlog.items if i.text.strip()] if backlog is not None else []
        if not items:
            return CriterionResult("backlog_links", label, weight, 0.0,
                                   "Backlog: no item written yet.")
        roadmap = doc.drafts.get("roadmap")
        known = {card_id for card_id, _ in roadmap.outcomes()} if roadmap is not None else set()
        filler = [i.id for i in items if not gate(i.text, field=i.id, min_words=4)]
        unlinked = [i.id for i in items if not i.outcome_id and i.id not in filler]
        dangling = [i.id for i in items if i.outcome_id and i.outcome_id not in known
                    and i.id not in filler]
        linked = len(items) - len(unlinked) - len(dangling) - len(filler)
        parts = []
        if filler:
            parts.append(f"{listing(filler)} hold{'s' if len(filler) == 1 else ''} no real "
                         "item text (a placeholder or a word or two)")
        if unlinked:
            parts.append(f"item {listing(unlinked)} has no parent outcome" if len(unlinked) == 1
                         else f"items {listing(unlinked)} have no parent outcome")
        if dangling:
            parts.append(f"{listing(dangling)} link{'s' if len(dangling) == 1 else ''} to an "
                         "outcome that is not on your roadmap (or has no text)")
        message = (f"All {count(len(items), 'item')} serve an outcome on the roadmap." if not parts
                   else "Backlog: " + "; ".join(parts) + ". Link each item to the roadmap "
                   "outcome it moves, in the BacklogBuilder.")
        return CriterionResult("backlog_links", label, weight, linked / len(items),
                               message)

    def describe(self, problem: Problem, key: Any) -> str:
        """What a complete, coherent strategy document has (there is no single right answer)."""
        return (
            "There is no single right strategy: yours is checked against rules, not a key. "
            "A document earns full marks when:\n\n"
            "- every part is complete (the widgets show what is missing);\n"
            "- the vision and the mission pass the linter's error rules and say different "
            "things;\n"
            f"- the North Star measures customer value (no money metric) and has "
            f"{key['min_inputs']} to {key['max_inputs']} input metrics;\n"
            "- every roadmap card names an outcome for people, Now is within capacity, "
            "prerequisites come first and only hard outside constraints carry a date;\n"
            "- every backlog item links to an outcome on the roadmap."
        )


def _repeats(texts: list[str], allowed: tuple[str, ...] = ()) -> list[str]:
    """The texts of one part that repeat an earlier one of the same part (the vision and mission
    statements may appear again, e.g. in the strategy canvas)."""
    seen: set[str] = set()
    out = []
    free = {" ".join(a.lower().split()) for a in allowed if a}
    for text in texts:
        norm = " ".join(text.lower().split())
        if norm in seen and norm not in free and len(norm.split()) > 2:
            out.append(text)
        seen.add(norm)
    return out


def _sentence(text: str) -> str:
    """`text` ending in a full stop (unless it already ends a sentence)."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def _gaps(missing: list[str], shown: int = 2) -> str:
    """'a; b and 3 more still missing': the first gaps of a part, then how many others."""
    items = [m.strip().rstrip(".") for m in missing]
    text = "; ".join(items[:shown])
    if len(items) > shown:
        text += f" and {len(items) - shown} more"
    return f"{text} still missing"


def _lint_message(part: str, errors: list[Any], expression: str, kind: str) -> str:
    """'<Part>: no error', or the first error's rule and why, the others' ids, and how to see all."""
    if not errors:
        return f"{part}: the linter finds no error."
    first = errors[0]
    others = sorted({f.rule for f in errors[1:]} - {first.rule})
    more = f" It also breaks {', '.join(f'`{r}`' for r in others)}." if others else ""
    return (f"{part}: `{first.rule}`: {first.message}{more} Run "
            f"`lint({expression}, \"{kind}\")` (from pmcourse.lint) to see every finding.")
