"""What every draft shares: a kind, a schema version, JSON (de)serialisation and clear errors.

Drafts are plain dataclasses so graded work and tests can read a saved draft without ipywidgets.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Self

SCHEMA_VERSION = 1
"""The draft file format this pmcourse writes; newer files are refused, not guessed at."""


class DraftError(ValueError):
    """A draft file or dict that cannot be read; the message says what is wrong and what to do."""


class DraftMissingError(DraftError, FileNotFoundError):
    """No draft has been saved at this path yet."""


def text_field(data: dict[str, Any], name: str, kind: str) -> str:
    """Reads an optional text field from a draft dict, refusing anything that is not a string."""
    value = data.get(name, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        msg = (f"The {kind} draft's field {name!r} should be text but is "
               f"{type(value).__name__}. Edit the file or delete it to start over.")
        raise DraftError(msg)
    return value


def text_list(data: dict[str, Any], name: str, kind: str) -> list[str]:
    """Reads an optional list of strings from a draft dict."""
    value = data.get(name, [])
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        msg = (f"The {kind} draft's field {name!r} should be a list of texts. "
               "Edit the file or delete it to start over.")
        raise DraftError(msg)
    return list(value)


def lines_of(text: str) -> list[str]:
    """Splits a multi-line text box into its non-empty, stripped lines (one entry per line)."""
    return [line.strip(" -*\t").strip() for line in text.splitlines() if line.strip(" -*\t")]


def filled(text: str) -> bool:
    """True when a field holds more than whitespace."""
    return bool(text and text.strip())


@dataclass
class Draft:
    """Base of every draft: subclasses set `KIND`, `TITLE` and implement the field methods."""

    KIND: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""

    # -- what subclasses implement -------------------------------------------------------------
    def fields_to_dict(self) -> dict[str, Any]:
        """The draft's own fields as JSON-ready values."""
        raise NotImplementedError

    @classmethod
    def from_fields(cls, data: dict[str, Any]) -> Self:
        """Builds the draft from its fields dict, raising DraftError on a wrong type."""
        raise NotImplementedError

    def missing(self) -> list[str]:
        """Labels of the parts still to write, in the order a learner meets them."""
        raise NotImplementedError

    def parts(self) -> int:
        """How many parts count towards completeness."""
        raise NotImplementedError

    def to_markdown(self) -> str:
        """The draft as a Markdown section (heading level 2)."""
        raise NotImplementedError

    def lint_targets(self) -> list[tuple[str, str, str]]:
        """(label, text, lint kind) of each statement in the draft the linter should read."""
        return []

    # -- shared behaviour ----------------------------------------------------------------------
    def errors(self) -> list[str]:
        """The linter's errors on the draft's statements, one line each: a draft with any is not
        complete, however many parts are written."""
        from ...lint import lint

        out = []
        for label, text, kind in self.lint_targets():
            if not filled(text):
                continue
            for finding in lint(text, kind):
                if finding.severity == "error":
                    out.append(f"{label}: {finding.message}")
        return out

    def problems(self) -> list[str]:
        """Structural problems worth showing (beyond missing parts); empty when none."""
        return []

    def completeness(self) -> float:
        """The share of parts written, from 0.0 (empty) to 1.0 (every part filled)."""
        total = self.parts()
        return 1.0 if total == 0 else round((total - len(self.missing())) / total, 4)

    @property
    def is_complete(self) -> bool:
        """True when no part is missing and the linter finds no error."""
        return not self.missing() and not self.errors()

    def is_empty(self) -> bool:
        """True when nothing at all has been written."""
        return len(self.missing()) == self.parts()

    def to_dict(self) -> dict[str, Any]:
        """The draft as a JSON-ready dict tagged with its kind and schema version."""
        return {"kind": self.KIND, "schema_version": SCHEMA_VERSION, "draft": self.fields_to_dict()}

    def to_json(self) -> str:
        """The draft as indented JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Any) -> Self:
        """Rebuilds a draft from `to_dict()` output, checking its kind and schema version."""
        check_envelope(data, cls.KIND)
        return cls.from_fields(data["draft"])

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Self:
        """Reads a draft of this kind from a JSON file (DraftMissingError if there is none)."""
        return cls.from_dict(read_json(path))


def check_envelope(data: Any, kind: str | None) -> str:
    """Checks the outer shape of a draft dict and returns its kind."""
    if not isinstance(data, dict) or not isinstance(data.get("draft"), dict):
        msg = ("This is not a pmcourse draft: expected a JSON object with 'kind', "
               "'schema_version' and 'draft'.")
        raise DraftError(msg)
    found = data.get("kind")
    if kind is not None and found != kind:
        msg = (f"This file holds a {found!r} draft, not a {kind!r} draft. "
               "Give this widget its own file, e.g. path='" + kind + ".json'.")
        raise DraftError(msg)
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        msg = "The draft's 'schema_version' is missing or not a positive whole number."
        raise DraftError(msg)
    if version > SCHEMA_VERSION:
        msg = (f"This draft was saved by a newer pmcourse (format {version}; this one reads up "
               f"to {SCHEMA_VERSION}). Upgrade pmcourse with `pip install -U pmcourse`.")
        raise DraftError(msg)
    return str(found)


def read_json(path: str | os.PathLike[str]) -> Any:
    """Reads a JSON file, turning a missing file or bad JSON into a DraftError that names it."""
    target = Path(path)
    try:
        text = target.read_text(encoding="utf-8")
    except FileNotFoundError:
        msg = f"No draft saved at {target} yet."
        raise DraftMissingError(msg) from None
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"Cannot read the draft at {target}: {exc}."
        raise DraftError(msg) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        msg = (f"The draft at {target} is not valid JSON (line {exc.lineno}, column {exc.colno}); "
               "it may have been cut short or edited by hand.")
        raise DraftError(msg) from None
