"""The backlog builder: ordered items (story, epic, task) with acceptance criteria, each linked to a
roadmap outcome, and hints on story form and the INVEST qualities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, NamedTuple, Self

from .base import Draft, DraftError, filled, text_field, text_list

ITEM_TYPES: tuple[str, ...] = ("story", "epic", "task")
"""Kinds of backlog item: a user story, an epic (a story too big for one sprint), a task."""

SMALL_STORY_WORDS = 35
"""A story longer than this many words usually hides more than one story (INVEST: Small)."""

_STORY = re.compile(
    r"^\s*as an?\s+(?P<role>.+?),?\s+i\s+(?:want|need|would like)\s+(?:to\s+)?(?P<want>.+?)"
    r"(?:,?\s+so\s+that\s+(?P<benefit>.+?))?\s*[.!]?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_DEPENDS = re.compile(r"\b(after|once|depends on|blocked by|requires? (?:the|that))\b",
                      re.IGNORECASE)
_UI_DETAIL = re.compile(r"\b(button|dropdown|drop-down|pixels?|px|modal|checkbox|font|colou?r)\b",
                        re.IGNORECASE)


class StoryParts(NamedTuple):
    """The three parts of a user story: who, what they want, and the benefit (may be empty)."""

    role: str
    want: str
    benefit: str


def parse_story(text: str) -> StoryParts | None:
    """Splits 'As a ..., I want ..., so that ...' into its parts; None when not in that form."""
    match = _STORY.match(" ".join(text.split()))
    if not match:
        return None
    return StoryParts(match["role"].strip(), match["want"].strip(" ,"),
                      (match["benefit"] or "").strip())


@dataclass
class BacklogItem:
    """One backlog item: its text, type, acceptance criteria and the roadmap outcome it serves."""

    id: str
    text: str = ""
    type: str = "story"
    acceptance: list[str] = field(default_factory=list)
    outcome_id: str = ""
    outcome_text: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The item as JSON-ready values."""
        return {"id": self.id, "text": self.text, "type": self.type,
                "acceptance": list(self.acceptance), "outcome_id": self.outcome_id,
                "outcome_text": self.outcome_text}

    @classmethod
    def from_dict(cls, data: Any) -> BacklogItem:
        """Reads an item, refusing a missing id or an unknown type."""
        if not isinstance(data, dict) or not isinstance(data.get("id"), str) or not data["id"]:
            msg = "Every backlog item needs a text 'id'. Edit the file or delete it to start over."
            raise DraftError(msg)
        kind = data.get("type", "story")
        if kind not in ITEM_TYPES:
            msg = (f"Backlog item {data['id']} has type {kind!r}; "
                   f"use one of {', '.join(ITEM_TYPES)}.")
            raise DraftError(msg)
        return cls(id=data["id"], text=text_field(data, "text", "backlog"), type=kind,
                   acceptance=text_list(data, "acceptance", "backlog"),
                   outcome_id=text_field(data, "outcome_id", "backlog"),
                   outcome_text=text_field(data, "outcome_text", "backlog"))

    def hints(self) -> list[str]:
        """Story-form and INVEST hints for this item, most important first; empty if none apply."""
        if not filled(self.text):
            return []
        out = []
        story = parse_story(self.text)
        if self.type in ("story", "epic"):
            if story is None:
                out.append("Story form: write it as 'As a <kind of user>, I want <something>, "
                           "so that <benefit>' so the team knows who it is for and why.")
            elif not story.benefit:
                out.append("Valuable: add 'so that <benefit>' - the reason this matters to the "
                           "user is what lets the team judge it against other items.")
        if _DEPENDS.search(self.text):
            out.append("Independent: it reads as if it waits for other work. Can it be "
                       "delivered on its own? If not, order it after its prerequisite.")
        if _UI_DETAIL.search(self.text):
            out.append("Negotiable: it fixes interface details. Describe the need and leave the "
                       "how to the conversation with the team.")
        if self.type != "epic" and len(self.text.split()) > SMALL_STORY_WORDS:
            out.append(f"Small: over {SMALL_STORY_WORDS} words usually hides several items. "
                       "Split it, or mark it as an epic.")
        if self.type == "story" and story and " and " in f" {story.want} ":
            out.append("Small: 'and' in what the user wants often joins two stories; split it "
                       "if each half is useful alone.")
        if self.type != "epic" and not self.acceptance:
            out.append("Estimable and Testable: add acceptance criteria (one per line), so the "
                       "team can size it and everyone agrees when it is done.")
        return out


@dataclass
class BacklogDraft(Draft):
    """Backlog items in priority order (first = most important)."""

    KIND: ClassVar[str] = "backlog"
    TITLE: ClassVar[str] = "Backlog"

    items: list[BacklogItem] = field(default_factory=list)

    def item(self, item_id: str) -> BacklogItem:
        """The item with this id (KeyError naming the known ids otherwise)."""
        for item in self.items:
            if item.id == item_id:
                return item
        ids = ", ".join(i.id for i in self.items) or "none yet"
        msg = f"No backlog item {item_id!r}; items are {ids}."
        raise KeyError(msg)

    def add_item(self, text: str = "", type: str = "story") -> BacklogItem:
        """Appends an item with the next free id (B1, B2, ...) and returns it."""
        if type not in ITEM_TYPES:
            msg = f"Unknown item type {type!r}; use one of {', '.join(ITEM_TYPES)}."
            raise ValueError(msg)
        taken = {i.id for i in self.items}
        n = len(self.items) + 1
        while f"B{n}" in taken:
            n += 1
        item = BacklogItem(id=f"B{n}", text=text, type=type)
        self.items.append(item)
        return item

    def remove_item(self, item_id: str) -> None:
        """Removes an item."""
        self.items.remove(self.item(item_id))

    def move_up(self, item_id: str) -> None:
        """Raises an item one place in priority (no change at the top)."""
        i = self.items.index(self.item(item_id))
        if i > 0:
            self.items[i - 1], self.items[i] = self.items[i], self.items[i - 1]

    def link(self, item_id: str, outcome_id: str, outcomes: list[tuple[str, str]]) -> None:
        """Links an item to a roadmap outcome (by id, from `outcomes`), or unlinks it with ''."""
        item = self.item(item_id)
        if not outcome_id:
            item.outcome_id, item.outcome_text = "", ""
            return
        known = dict(outcomes)
        if outcome_id not in known:
            msg = (f"No roadmap outcome {outcome_id!r}; "
                   f"outcomes are {', '.join(known) or 'none yet'}.")
            raise ValueError(msg)
        item.outcome_id, item.outcome_text = outcome_id, known[outcome_id]

    def set_acceptance_text(self, item_id: str, text: str) -> None:
        """Takes an item's acceptance criteria from a text box, one per line."""
        self.item(item_id).acceptance = [
            line.strip(" -*\t") for line in text.splitlines() if line.strip(" -*\t")]

    def problems_with(self, outcomes: list[tuple[str, str]] | None) -> list[str]:
        """Items linked to an outcome the roadmap no longer has (when the roadmap is known)."""
        if outcomes is None:
            return []
        known = dict(outcomes)
        return [f"{i.id} links to {i.outcome_id}, which is no longer on the roadmap; link it again."
                for i in self.items if i.outcome_id and i.outcome_id not in known]

    def lint_targets(self) -> list[tuple[str, str, str]]:
        """Every story and task (epics are big by design), read as a backlog item."""
        return [(f"item {i.id}", i.text, "task") for i in self.items if i.type != "epic"]

    def missing(self) -> list[str]:
        """At least one item, a link for each, acceptance criteria on each story and task."""
        written = [i for i in self.items if filled(i.text)]
        out = [] if written else ["at least one backlog item"]
        if any(not i.outcome_id for i in written) or not written:
            out.append("a roadmap outcome for every item")
        if any(i.type != "epic" and not i.acceptance for i in written) or not written:
            out.append("acceptance criteria on every story and task")
        return out

    def parts(self) -> int:
        """Items, links and acceptance criteria."""
        return 3

    def fields_to_dict(self) -> dict[str, Any]:
        """The items in priority order."""
        return {"items": [i.to_dict() for i in self.items]}

    @classmethod
    def from_fields(cls, data: dict[str, Any]) -> Self:
        """Reads the items, refusing duplicate ids."""
        raw = data.get("items", [])
        if not isinstance(raw, list):
            msg = "The backlog draft's 'items' should be a list."
            raise DraftError(msg)
        items = [BacklogItem.from_dict(i) for i in raw]
        if len({i.id for i in items}) != len(items):
            msg = "Two backlog items share an id; give each item its own id."
            raise DraftError(msg)
        return cls(items=items)

    def to_markdown(self) -> str:
        """Items in priority order with their type, linked outcome and acceptance criteria."""
        out = [f"## {self.TITLE}", ""]
        if not self.items:
            out.append("_No items yet._")
        for n, item in enumerate(self.items, 1):
            link = (f" (serves {item.outcome_id}: {item.outcome_text})" if item.outcome_id
                    else " (not linked to a roadmap outcome yet)")
            out.append(f"{n}. **{item.type}** {item.text.strip() or '_(empty)_'}{link}")
            out += [f"    - [ ] {a}" for a in item.acceptance]
        return "\n".join(out) + "\n"
