"""Statements composed from guided parts: the vision and the mission.

The learner fills in parts; the statement is composed from them until the learner edits it by
hand, after which it is theirs and the parts no longer overwrite it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar, Self

from .base import Draft, DraftError, filled, lines_of, text_field, text_list


def _sentence(text: str) -> str:
    """Capitalises the first letter and ends the text with a full stop."""
    text = " ".join(text.split()).rstrip(" .")
    return (text[:1].upper() + text[1:] + ".") if text else ""


def _clause(text: str) -> str:
    """A part as a clause inside a sentence: trimmed, without a final full stop."""
    return " ".join(text.split()).rstrip(" .")


@dataclass
class ComposedStatement(Draft):
    """A statement built from named parts, with the learner's own edit taking precedence."""

    PARTS: ClassVar[tuple[tuple[str, str], ...]] = ()
    """(field name, label) of each guided part, in order."""
    LIST_PARTS: ClassVar[frozenset[str]] = frozenset()
    """Parts that hold a list of texts rather than one text."""

    statement: str = ""
    statement_edited: bool = False

    def compose(self) -> str:
        """The statement the parts add up to (empty until the first part is written)."""
        raise NotImplementedError

    def set_part(self, name: str, value: str) -> None:
        """Updates one guided part and, unless the statement was edited by hand, recomposes it."""
        if name not in {n for n, _ in self.PARTS}:
            msg = f"{type(self).__name__} has no part {name!r}."
            raise KeyError(msg)
        setattr(self, name, value)
        if not self.statement_edited:
            self.statement = self.compose()

    def edit_statement(self, text: str) -> None:
        """Records the learner's own wording; it becomes theirs unless it equals the composition."""
        self.statement = text
        self.statement_edited = _clause(text) != _clause(self.compose()) and filled(text)

    def recompose(self) -> None:
        """Throws away the hand edit and composes the statement from the parts again."""
        self.statement_edited = False
        self.statement = self.compose()

    def part_values(self) -> dict[str, Any]:
        """The guided parts by field name."""
        return {name: getattr(self, name) for name, _ in self.PARTS}

    def lint_targets(self) -> list[tuple[str, str, str]]:
        """The statement as the learner sees it (composed or edited by hand), read as the
        draft's own kind."""
        return [(self.TITLE, self.statement or self.compose(), self.KIND)]

    def missing(self) -> list[str]:
        """Unwritten parts, then the statement itself."""
        out = [label for name, label in self.PARTS if not _has(getattr(self, name))]
        if not filled(self.statement):
            out.append("the statement")
        return out

    def parts(self) -> int:
        """Every guided part plus the statement."""
        return len(self.PARTS) + 1

    def fields_to_dict(self) -> dict[str, Any]:
        """Parts, statement and whether it was edited by hand."""
        return {**self.part_values(), "statement": self.statement,
                "statement_edited": self.statement_edited}

    @classmethod
    def from_fields(cls, data: dict[str, Any]) -> Self:
        """Reads the parts (text or list of texts), the statement and the edit flag."""
        kwargs: dict[str, Any] = {}
        for name, _ in cls.PARTS:
            read = text_list if name in cls.LIST_PARTS else text_field
            kwargs[name] = read(data, name, cls.KIND)
        edited = data.get("statement_edited", False)
        if not isinstance(edited, bool):
            msg = f"The {cls.KIND} draft's 'statement_edited' should be true or false."
            raise DraftError(msg)
        return cls(**kwargs, statement=text_field(data, "statement", cls.KIND),
                   statement_edited=edited)

    def to_markdown(self) -> str:
        """Heading, the statement as a quote, then the parts it was built from."""
        out = [f"## {self.TITLE}", ""]
        out.append(f"> {' '.join(self.statement.split())}" if filled(self.statement)
                   else "_Not written yet._")
        out.append("")
        for name, label in self.PARTS:
            value = getattr(self, name)
            if isinstance(value, list):
                out.append(f"- **{label}:**" + ("" if value else " _(empty)_"))
                out.extend(f"  - {item}" for item in value)
            else:
                out.append(f"- **{label}:** {_clause(value) or '_(empty)_'}")
        return "\n".join(out) + "\n"


def _has(value: Any) -> bool:
    """True for a non-blank text or a list with at least one non-blank entry."""
    if isinstance(value, list):
        return any(filled(v) for v in value)
    return filled(value)


@dataclass
class VisionDraft(ComposedStatement):
    """A product vision: who benefits, what changes for them, and the world after success."""

    KIND: ClassVar[str] = "vision"
    TITLE: ClassVar[str] = "Vision"
    PARTS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("who", "who benefits"),
        ("change", "what changes for them"),
        ("why", "why it matters (the world after success)"),
    )

    who: str = ""
    change: str = ""
    why: str = ""

    def compose(self) -> str:
        """'<who> <change>, so that <why>.' built from whichever parts are written."""
        who, change, why = _clause(self.who), _clause(self.change), _clause(self.why)
        head = " ".join(p for p in (who, change) if p)
        if why:
            return _sentence(f"{head}, so that {why}" if head else why)
        return _sentence(head)


@dataclass
class MissionDraft(ComposedStatement):
    """A product mission: whom the product serves, its category and its key aspects."""

    KIND: ClassVar[str] = "mission"
    TITLE: ClassVar[str] = "Mission"
    PARTS: ClassVar[tuple[tuple[str, str], ...]] = (
        ("who", "who it serves"),
        ("category", "product category"),
        ("aspects", "key aspects"),
    )
    LIST_PARTS: ClassVar[frozenset[str]] = frozenset({"aspects"})

    product: str = ""
    who: str = ""
    category: str = ""
    aspects: list[str] = field(default_factory=list)

    def set_aspects_text(self, text: str) -> None:
        """Takes the key aspects from a text box, one aspect per line."""
        self.set_part("aspects", lines_of(text))

    def compose(self) -> str:
        """'<product> gives <who> <category> that <aspect>, <aspect> and <aspect>.'"""
        who, category = _clause(self.who), _clause(self.category)
        aspects = [_clause(a) for a in self.aspects if filled(a)]
        if not (who or category or aspects):
            return ""
        subject = _clause(self.product) or "We"
        verb = "give" if subject == "We" else "gives"
        text = f"{subject} {verb} {who or '...'} {category or '...'}"
        if aspects:
            joined = aspects[-1] if len(aspects) == 1 else (
                ", ".join(aspects[:-1]) + " and " + aspects[-1])
            text += f" that {joined}"
        return _sentence(text)

    def set_product(self, name: str) -> None:
        """Names the product (optional); the composed statement uses it as its subject."""
        self.product = name
        if not self.statement_edited:
            self.statement = self.compose()

    def fields_to_dict(self) -> dict[str, Any]:
        """Parts plus the optional product name."""
        return {"product": self.product, **super().fields_to_dict()}

    @classmethod
    def from_fields(cls, data: dict[str, Any]) -> Self:
        """Reads the parts and the optional product name."""
        draft = super().from_fields(data)
        draft.product = text_field(data, "product", cls.KIND)
        return draft
