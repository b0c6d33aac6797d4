"""The roadmap board: outcome cards in Now / Next / Later under strategic intents, with links.

The model decides everything the board shows: which lane a card sits in, whether Now is over
capacity, which cards sit earlier than a card they depend on, and which dates lack a constraint.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

from .base import Draft, DraftError, filled, text_field, text_list

COLUMNS: tuple[str, ...] = ("now", "next", "later")
"""The board's columns, earliest first."""

COLUMN_TITLES: dict[str, str] = {"now": "Now", "next": "Next", "later": "Later"}

DEFAULT_NOW_CAPACITY = 2
"""Strategic intents the teams can pursue in Now at once: lesson 06 counts one intent per team
(two squads, two intents). Adjustable on the board."""

NO_INTENT = "(no strategic intent yet)"
"""The swimlane of cards whose intent is empty."""


@dataclass
class RoadmapCard:
    """One roadmap item: an outcome for users, its intent, column, date and dependencies."""

    id: str
    outcome: str = ""
    intent: str = ""
    column: str = "now"
    date: str = ""
    constraint: str = ""
    depends_on: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The card as JSON-ready values."""
        return {"id": self.id, "outcome": self.outcome, "intent": self.intent,
                "column": self.column, "date": self.date, "constraint": self.constraint,
                "depends_on": list(self.depends_on)}

    @classmethod
    def from_dict(cls, data: Any) -> RoadmapCard:
        """Reads a card, refusing a missing id or an unknown column."""
        if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
            msg = "Every roadmap card needs a text 'id'. Edit the file or delete it to start over."
            raise DraftError(msg)
        column = data.get("column", "now")
        if column not in COLUMNS:
            msg = (f"Roadmap card {data['id']} has column {column!r}; "
                   f"use one of {', '.join(COLUMNS)}.")
            raise DraftError(msg)
        return cls(id=data["id"], outcome=text_field(data, "outcome", "roadmap"),
                   intent=text_field(data, "intent", "roadmap"), column=column,
                   date=text_field(data, "date", "roadmap"),
                   constraint=text_field(data, "constraint", "roadmap"),
                   depends_on=text_list(data, "depends_on", "roadmap"))

    def label(self) -> str:
        """A short name for messages: the id and the start of the outcome."""
        text = " ".join(self.outcome.split())
        return f"{self.id} ({text[:40] + '...' if len(text) > 40 else text or 'no outcome yet'})"


@dataclass
class RoadmapDraft(Draft):
    """Strategic intents (swimlanes), outcome cards and the capacity limit on Now."""

    KIND: ClassVar[str] = "roadmap"
    TITLE: ClassVar[str] = "Roadmap"

    intents: list[str] = field(default_factory=list)
    cards: list[RoadmapCard] = field(default_factory=list)
    now_capacity: int = DEFAULT_NOW_CAPACITY

    # -- editing -------------------------------------------------------------------------------
    def card(self, card_id: str) -> RoadmapCard:
        """The card with this id (KeyError naming the known ids otherwise)."""
        for card in self.cards:
            if card.id == card_id:
                return card
        msg = f"No card {card_id!r} on the board; cards are {', '.join(self.ids()) or 'none yet'}."
        raise KeyError(msg)

    def ids(self) -> list[str]:
        """Card ids in board order."""
        return [c.id for c in self.cards]

    def add_card(self, outcome: str = "", intent: str = "", column: str = "now") -> RoadmapCard:
        """Adds a card with the next free id (R1, R2, ...) and returns it."""
        self._check_column(column)
        taken = set(self.ids())
        n = len(self.cards) + 1
        while f"R{n}" in taken:
            n += 1
        card = RoadmapCard(id=f"R{n}", outcome=outcome, intent=intent, column=column)
        self.cards.append(card)
        return card

    def remove_card(self, card_id: str) -> None:
        """Removes a card and every dependency on it."""
        self.cards.remove(self.card(card_id))
        for card in self.cards:
            card.depends_on = [d for d in card.depends_on if d != card_id]

    def move(self, card_id: str, column: str) -> None:
        """Moves a card to another column."""
        self._check_column(column)
        self.card(card_id).column = column

    def set_dependencies(self, card_id: str, depends_on: list[str]) -> None:
        """Sets the cards this card waits for (unknown ids and the card itself are refused)."""
        card = self.card(card_id)
        unknown = [d for d in depends_on if d not in self.ids()]
        if card_id in depends_on:
            msg = f"Card {card_id} cannot depend on itself."
            raise ValueError(msg)
        if unknown:
            msg = f"Card {card_id} cannot depend on {', '.join(unknown)}: no such card."
            raise ValueError(msg)
        card.depends_on = list(dict.fromkeys(depends_on))

    def set_intents_text(self, text: str) -> None:
        """Takes the strategic intents from a text box, one per line."""
        self.intents = [line.strip(" -*\t") for line in text.splitlines() if line.strip(" -*\t")]

    @staticmethod
    def _check_column(column: str) -> None:
        if column not in COLUMNS:
            msg = f"Unknown column {column!r}; use one of {', '.join(COLUMNS)}."
            raise ValueError(msg)

    # -- what the board shows ------------------------------------------------------------------
    def in_column(self, column: str) -> list[RoadmapCard]:
        """Cards in one column, in board order."""
        return [c for c in self.cards if c.column == column]

    def lanes(self) -> list[str]:
        """Swimlanes: declared intents, then intents used only on cards, then the no-intent lane."""
        lanes = [i for i in self.intents if filled(i)]
        for card in self.cards:
            if filled(card.intent) and card.intent.strip() not in lanes:
                lanes.append(card.intent.strip())
        if any(not filled(c.intent) for c in self.cards):
            lanes.append(NO_INTENT)
        return lanes

    def lane_of(self, card: RoadmapCard) -> str:
        """The swimlane a card sits in."""
        return card.intent.strip() if filled(card.intent) else NO_INTENT

    def grid(self) -> dict[str, dict[str, list[RoadmapCard]]]:
        """Cards by swimlane, then by column: what the board draws."""
        grid = {lane: {col: [] for col in COLUMNS} for lane in self.lanes()}
        for card in self.cards:
            grid[self.lane_of(card)][card.column].append(card)
        return grid

    def intents_in_now(self) -> list[str]:
        """The strategic intents (swimlanes) with at least one card in Now, in board order."""
        return list(dict.fromkeys(self.lane_of(c) for c in self.in_column("now")))

    def over_capacity(self) -> int:
        """How many intents Now runs beyond the capacity (0 when within it). Capacity counts
        intents, as lesson 06 teaches: each needs a team, whatever its number of outcomes."""
        return max(0, len(self.intents_in_now()) - self.now_capacity)

    def dependency_conflicts(self) -> list[tuple[RoadmapCard, RoadmapCard]]:
        """(card, prerequisite) pairs where a card sits in a column before its prerequisite's."""
        out = []
        for card in self.cards:
            for dep_id in card.depends_on:
                dep = next((c for c in self.cards if c.id == dep_id), None)
                if dep and COLUMNS.index(card.column) < COLUMNS.index(dep.column):
                    out.append((card, dep))
        return out

    def date_problems(self) -> list[str]:
        """Messages for dates without a hard constraint and dates not written as YYYY-MM-DD."""
        out = []
        for card in self.cards:
            if not filled(card.date):
                continue
            try:
                dt.date.fromisoformat(card.date.strip())
            except ValueError:
                out.append(f"{card.label()}: write the date as YYYY-MM-DD (e.g. 2027-03-31).")
            if not filled(card.constraint):
                out.append(f"{card.label()} has a date but no hard constraint. Keep dates for "
                           "external deadlines (a law, a contract, an event) and say which one, "
                           "or remove the date.")
        return out

    def problems(self) -> list[str]:
        """Everything the board warns about, capacity first."""
        out = []
        if excess := self.over_capacity():
            out.append(f"Now runs {len(self.intents_in_now())} strategic intents, {excess} more "
                       f"than your capacity of {self.now_capacity}: "
                       f"{', '.join(self.intents_in_now())}. Move the least urgent intent's "
                       "outcomes to Next.")
        for card, dep in self.dependency_conflicts():
            out.append(f"{card.label()} sits in {COLUMN_TITLES[card.column]} but depends on "
                       f"{dep.label()} in {COLUMN_TITLES[dep.column]}. Move one so the "
                       "prerequisite comes first.")
        return out + self.date_problems()

    def outcomes(self) -> list[tuple[str, str]]:
        """(id, outcome text) of every card with an outcome: what backlog items link to."""
        return [(c.id, " ".join(c.outcome.split())) for c in self.cards if filled(c.outcome)]

    # -- completeness and export ---------------------------------------------------------------
    def lint_targets(self) -> list[tuple[str, str, str]]:
        """Every card's outcome, read as a roadmap outcome."""
        return [(f"card {c.label()}", c.outcome, "outcome") for c in self.cards]

    def missing(self) -> list[str]:
        """Intents, an outcome in each column, and outcome text and intent on every card."""
        out = []
        if not any(filled(i) for i in self.intents):
            out.append("strategic intents (swimlanes)")
        out += [f"an outcome in {COLUMN_TITLES[col]}" for col in COLUMNS
                if not any(filled(c.outcome) for c in self.in_column(col))]
        if not self.cards or any(not filled(c.outcome) for c in self.cards):
            out.append("outcome text on every card")
        if not self.cards or any(not filled(c.intent) for c in self.cards):
            out.append("a strategic intent on every card")
        return out

    def parts(self) -> int:
        """Intents, three columns, outcomes and intents on every card."""
        return 6

    def fields_to_dict(self) -> dict[str, Any]:
        """Intents, capacity and cards."""
        return {"intents": list(self.intents), "now_capacity": self.now_capacity,
                "cards": [c.to_dict() for c in self.cards]}

    @classmethod
    def from_fields(cls, data: dict[str, Any]) -> Self:
        """Reads intents, capacity and cards, refusing duplicate card ids."""
        capacity = data.get("now_capacity", DEFAULT_NOW_CAPACITY)
        if not isinstance(capacity, int) or isinstance(capacity, bool) or capacity < 1:
            msg = "The roadmap draft's 'now_capacity' should be a whole number of at least 1."
            raise DraftError(msg)
        raw = data.get("cards", [])
        if not isinstance(raw, list):
            msg = "The roadmap draft's 'cards' should be a list."
            raise DraftError(msg)
        cards = [RoadmapCard.from_dict(c) for c in raw]
        ids = [c.id for c in cards]
        if len(set(ids)) != len(ids):
            msg = "Two roadmap cards share an id; give each card its own id."
            raise DraftError(msg)
        return cls(intents=text_list(data, "intents", cls.KIND), cards=cards,
                   now_capacity=capacity)

    def to_markdown(self) -> str:
        """Per swimlane, the Now / Next / Later outcomes with dates and links, then warnings."""
        out = [f"## {self.TITLE}", ""]
        if not self.cards:
            out.append("_No outcomes on the board yet._")
        for lane, columns in self.grid().items():
            out += [f"### {lane}", ""]
            for col in COLUMNS:
                for card in columns[col]:
                    outcome = card.outcome.strip() or "_(empty)_"
                    line = f"- **{COLUMN_TITLES[col]}** {card.id}: {outcome}"
                    if filled(card.date):
                        why = card.constraint.strip() or "no constraint given"
                        line += f" (by {card.date.strip()}: {why})"
                    if card.depends_on:
                        line += f"; after {', '.join(card.depends_on)}"
                    out.append(line)
            out.append("")
        if problems := self.problems():
            out += ["**Warnings:**", ""] + [f"- {p}" for p in problems]
        return "\n".join(out).rstrip() + "\n"
