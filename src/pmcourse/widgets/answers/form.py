"""The answer form: what a learner answers through widgets, as plain data (no ipywidgets here).

A `FormSpec` declares sections of rows (an item to decide about, with its full text) and the
fields each row asks for (a choice, several choices or a text). An `AnswerForm` holds the
learner's values and builds exactly the answer value the problem's grader reads (the same shape
a code answer has: a list of row dicts, a dict of ids, a list of ids).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ..models.base import DraftError

FieldKind = Literal["choice", "multi", "text"]
Values = dict[str, dict[str, dict[str, Any]]]
"""section name -> row id -> field name -> value ('' or a str, or a list of str for `multi`)."""


@dataclass(frozen=True)
class Option:
    """One value a choice field can take, and what the learner reads for it."""

    value: str
    label: str


@dataclass(frozen=True)
class Field:
    """One thing asked about every row of a section."""

    name: str
    label: str
    """The field's accessible name and column heading, e.g. 'artifact'."""
    kind: FieldKind = "choice"
    options: tuple[Option, ...] = ()
    lint_as: str = ""
    """The linter kind for live feedback on a text field ('' for none)."""
    placeholder: str = ""
    rows: int = 1
    """Lines of a text field's box."""
    required: bool = True
    """Whether a row counts as unanswered while this field is empty."""
    sentence: bool = True
    """For text: the text gate reads it as a sentence (off for metrics and dates)."""
    options_from: Callable[[Values], tuple[Option, ...]] | None = None
    """Options that follow the learner's other answers (e.g. the items marked as outcomes)."""

    def choices(self, values: Values) -> tuple[Option, ...]:
        """The options offered now."""
        return self.options_from(values) if self.options_from is not None else self.options

    def empty(self) -> Any:
        """The value of a field nobody has touched."""
        return [] if self.kind == "multi" else ""


@dataclass(frozen=True)
class Row:
    """One item of a section: its id, its full text and facts about it."""

    id: str
    text: str
    detail: str = ""
    lint_as: str = ""
    """Overrides the field's linter kind for this row (a vision row, a mission row)."""


@dataclass(frozen=True)
class Section:
    """A table of rows that each ask the same fields."""

    name: str
    title: str
    rows: tuple[Row, ...]
    fields: tuple[Field, ...]
    intro: str = ""
    board: tuple[Option, ...] = ()
    """When set, the view also draws the rows as columns by the first field's value."""

    def field(self, name: str) -> Field:
        """The field called `name`."""
        for f in self.fields:
            if f.name == name:
                return f
        msg = f"section {self.name!r} has no field {name!r}"
        raise KeyError(msg)


@dataclass(frozen=True)
class FormSpec:
    """Everything the widget needs for one problem, and how its values become the answer."""

    problem_id: str
    title: str
    sections: tuple[Section, ...]
    build: Callable[[Values], dict[str, Any]]
    """Values -> {variable name: answer value}; every variable of the problem is set."""
    summary: Callable[[Values], list[str]] = field(default=lambda values: [])
    """Facts about the current answer worth showing (capacity used, a second North Star)."""
    intro: str = ""

    def section(self, name: str) -> Section:
        """The section called `name`."""
        for s in self.sections:
            if s.name == name:
                return s
        msg = f"the form of {self.problem_id} has no section {name!r}"
        raise KeyError(msg)


class AnswerForm:
    """A learner's values for one `FormSpec`: set them one by one, read the answer."""

    def __init__(self, spec: FormSpec, values: Values | None = None) -> None:
        """An empty form for `spec`, or one holding `values` (checked like a draft file)."""
        self.spec = spec
        self.values: Values = {
            s.name: {r.id: {f.name: f.empty() for f in s.fields} for r in s.rows}
            for s in spec.sections
        }
        if values:
            self.load(values)

    # -- editing ------------------------------------------------------------------------------
    def set(self, section: str, row: str, name: str, value: Any) -> None:
        """Sets one field of one row; a choice outside the options is refused with a message."""
        spec = self.spec.section(section)
        if row not in self.values[section]:
            msg = f"{row!r} is not a row of {spec.title!r}"
            raise KeyError(msg)
        self.values[section][row][name] = self._clean(spec.field(name), value)

    def get(self, section: str, row: str, name: str) -> Any:
        """The current value of one field of one row."""
        return self.values[section][row][name]

    def clear(self) -> None:
        """Empties every field."""
        for s in self.spec.sections:
            for r in s.rows:
                for f in s.fields:
                    self.values[s.name][r.id][f.name] = f.empty()

    def _clean(self, spec: Field, value: Any) -> Any:
        if value is None:
            return spec.empty()
        if spec.kind == "text":
            if not isinstance(value, str):
                msg = f"{spec.label} should be text, not {type(value).__name__}."
                raise DraftError(msg)
            return str.__str__(value)
        if spec.kind == "multi":
            if isinstance(value, str) or not isinstance(value, list | tuple):
                msg = f"{spec.label} should be a list of choices."
                raise DraftError(msg)
            allowed = {o.value for o in spec.options}
            picked = [str.__str__(v) for v in value if isinstance(v, str)]
            if len(picked) != len(value) or any(v not in allowed for v in picked):
                msg = f"{spec.label} holds a value that is not one of its options."
                raise DraftError(msg)
            return [o.value for o in spec.options if o.value in picked]
        if not isinstance(value, str):
            msg = f"{spec.label} should be one of its options, not {type(value).__name__}."
            raise DraftError(msg)
        value = str.__str__(value)
        if value and spec.options_from is None and value not in {o.value for o in spec.options}:
            known = ", ".join(o.value for o in spec.options)
            msg = f"{spec.label} cannot be {value!r}; choose one of: {known}."
            raise DraftError(msg)
        return value

    # -- reading ------------------------------------------------------------------------------
    def answers(self) -> dict[str, Any]:
        """The answer of every variable, as the problem's grader reads it."""
        return self.spec.build(self.values)

    def missing(self) -> list[str]:
        """'<row> <field>' for every required field still empty, in the order shown."""
        out = []
        for s in self.spec.sections:
            for r in s.rows:
                for f in s.fields:
                    if f.required and not _filled(self.values[s.name][r.id][f.name]):
                        out.append(f"{r.id} {f.label}")
        return out

    def parts(self) -> int:
        """How many required fields the form has."""
        return sum(len(s.rows) * sum(f.required for f in s.fields) for s in self.spec.sections)

    def is_empty(self) -> bool:
        """True when the learner has not set anything yet."""
        return not any(_filled(v) for rows in self.values.values() for row in rows.values()
                       for v in row.values())

    def summary(self) -> list[str]:
        """Facts about the current answer (capacity used, conflicting picks)."""
        return self.spec.summary(self.values)

    # -- plain data ---------------------------------------------------------------------------
    def to_values(self) -> Values:
        """A JSON-ready copy of the values, leaving out fields nobody touched."""
        return {s: {r: {f: (list(v) if isinstance(v, list) else v) for f, v in row.items()
                        if _filled(v)}
                    for r, row in rows.items() if any(_filled(v) for v in row.values())}
                for s, rows in self.values.items()}

    def load(self, values: Any) -> None:
        """Takes values from a draft file, refusing wrong types with a DraftError (unknown
        sections, rows and fields, e.g. from an older version of the problem, are skipped)."""
        if not isinstance(values, Mapping):
            msg = "The answer's 'values' should be a JSON object."
            raise DraftError(msg)
        for s in self.spec.sections:
            rows = values.get(s.name, {})
            if not isinstance(rows, Mapping):
                msg = f"The answer's section {s.name!r} should be a JSON object."
                raise DraftError(msg)
            for r in s.rows:
                row = rows.get(r.id, {})
                if not isinstance(row, Mapping):
                    msg = f"The answer for {r.id} should be a JSON object."
                    raise DraftError(msg)
                for f in s.fields:
                    if f.name in row:
                        self.values[s.name][r.id][f.name] = self._clean(f, row[f.name])


def _filled(value: Any) -> bool:
    return bool(value.strip()) if isinstance(value, str) else bool(value)
