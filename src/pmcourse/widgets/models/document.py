"""The strategy document: every saved draft gathered, in order, into one Markdown and HTML file.

It reads draft files (never widgets), says what is still missing, and writes both files
atomically, so it works in any notebook, script or grading step.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..._io import atomic_write_text
from .base import Draft, DraftError, DraftMissingError, check_envelope, read_json

DOCUMENT_ORDER: tuple[tuple[str, str], ...] = (
    ("vision", "Vision"),
    ("mission", "Mission"),
    ("strategy_canvas", "Strategy canvas"),
    ("north_star", "North Star metric"),
    ("roadmap", "Roadmap"),
    ("backlog", "Backlog"),
)
"""(kind, title) of each section, in the order the document tells the story."""

_CSS = ("body{font-family:system-ui,sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem;"
        "line-height:1.5;color:#111}blockquote{border-left:4px solid #2563eb;margin:0;"
        "padding:.2rem 1rem;background:#eff6ff}")


@dataclass
class DocumentSource:
    """One draft file given to the document: its path, the draft read from it, or the problem."""

    path: Path
    kind: str = ""
    draft: Draft | None = None
    problem: str = ""


@dataclass
class StrategyDocumentModel:
    """The drafts that make up the document, by kind, plus files that could not be used."""

    sources: dict[str, DocumentSource] = field(default_factory=dict)
    unusable: list[DocumentSource] = field(default_factory=list)
    title: str = "Product strategy"

    @classmethod
    def gather(cls, paths: Iterable[str | os.PathLike[str]] = (), *,
               title: str = "Product strategy",
               **by_kind: str | os.PathLike[str] | None) -> StrategyDocumentModel:
        """Reads draft files: positional paths of any kind (read from the file) and keyword
        paths by kind (vision=, mission=, strategy_canvas=, north_star=, roadmap=, backlog=)."""
        known = dict(DOCUMENT_ORDER)
        unknown = [k for k in by_kind if k not in known]
        if unknown:
            msg = (f"Unknown draft kind {', '.join(unknown)}; use {', '.join(known)} "
                   "(or pass the path without a name).")
            raise TypeError(msg)
        doc = cls(title=title)
        for kind, path in by_kind.items():
            if path is not None:
                doc._add(_read(Path(path), kind))
        for path in paths:
            doc._add(_read(Path(path), None))
        return doc

    def _add(self, source: DocumentSource) -> None:
        if source.draft is None and not source.kind:
            self.unusable.append(source)
        elif source.kind in self.sources:
            source.problem = (f"{source.path} holds a second {source.kind} draft; the document "
                              f"uses {self.sources[source.kind].path}.")
            self.unusable.append(source)
        else:
            self.sources[source.kind] = source

    def drafts(self) -> list[Draft]:
        """The readable drafts, in document order."""
        return [s.draft for k, _ in DOCUMENT_ORDER if (s := self.sources.get(k)) and s.draft]

    def missing(self) -> list[str]:
        """Everything still missing: drafts not given or not readable, then each draft's gaps."""
        out = []
        for kind, title in DOCUMENT_ORDER:
            source = self.sources.get(kind)
            if source is None:
                out.append(f"{title}: no draft given.")
            elif source.draft is None:
                out.append(f"{title}: {source.problem}")
            else:
                out += [f"{title}: {gap}." for gap in source.draft.missing()]
        out += [s.problem for s in self.unusable]
        return out

    def errors(self) -> list[str]:
        """The linter's errors across every draft, each prefixed with its section."""
        titles = dict(DOCUMENT_ORDER)
        return [f"{titles.get(d.KIND, d.TITLE)}: {e}" for d in self.drafts() for e in d.errors()]

    def to_markdown(self) -> str:
        """The whole document as Markdown: title, each draft's section, then what is missing."""
        parts = [f"# {self.title}", ""]
        for kind, title in DOCUMENT_ORDER:
            source = self.sources.get(kind)
            if source and source.draft:
                parts.append(source.draft.to_markdown())
            else:
                parts += [f"## {title}", "", "_Not written yet._", ""]
        missing = self.missing()
        parts += ["## Still missing", ""]
        parts += [f"- {m}" for m in missing] if missing else ["Nothing: every part is written."]
        return "\n".join(parts).rstrip() + "\n"

    def to_html(self) -> str:
        """The whole document as a standalone HTML page (learner text is escaped)."""
        body = markdown_to_html(self.to_markdown())
        body = body.replace("<h2>Still missing</h2>",
                            "<h2 id='still-missing'>Still missing</h2>", 1)
        return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
                f"<title>{html.escape(self.title)}</title><style>{_CSS}</style></head>"
                f"<body>\n{body}</body></html>\n")

    def export(self, directory: str | os.PathLike[str]) -> tuple[Path, Path]:
        """Writes strategy.md and strategy.html into `directory` atomically; returns both paths."""
        folder = Path(directory).expanduser()
        md = atomic_write_text(folder / "strategy.md", self.to_markdown())
        page = atomic_write_text(folder / "strategy.html", self.to_html())
        return md, page


def _read(path: Path, kind: str | None) -> DocumentSource:
    """Reads one draft file into a source, turning every failure into a readable problem."""
    from . import draft_from_dict

    source = DocumentSource(path=path, kind=kind or "")
    try:
        data = read_json(path)
        source.kind = check_envelope(data, kind)
        source.draft = draft_from_dict(data, source.kind)
    except DraftMissingError:
        source.problem = f"nothing saved at {path} yet."
    except DraftError as exc:
        source.problem = f"{path} cannot be used: {exc}"
    return source


def markdown_to_html(text: str) -> str:
    """Renders Markdown to HTML with raw HTML escaped (mistune, shipped with nbconvert);
    falls back to escaped preformatted text if mistune is unavailable."""
    try:
        import mistune
    except ImportError:
        return f"<pre>{html.escape(text)}</pre>\n"
    return str(mistune.create_markdown(escape=True, plugins=["task_lists"])(text))
