"""Small display objects: Markdown that renders in a notebook and reads as plain text elsewhere."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Markdown:
    """Text shown as Markdown in a notebook and as plain text in a terminal or a test."""

    text: str

    def _repr_markdown_(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


def md_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A Markdown table; pipes and newlines inside cells are escaped so the table never breaks."""

    def cell(value: str) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)
