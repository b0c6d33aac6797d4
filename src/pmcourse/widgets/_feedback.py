"""Live lint feedback for the views: run `pmcourse.lint.lint` safely, render findings as HTML."""

from __future__ import annotations

import functools
import html
from collections.abc import Mapping, Sequence
from typing import Any

START_TYPING = "Start typing... feedback on your statement appears here as you write."

_COLOURS = {"error": ("#b91c1c", "#fef2f2"), "warning": ("#b45309", "#fffbeb"),
            "info": ("#1d4ed8", "#eff6ff")}


def run_lint(text: str, kind: str,
             context: Mapping[str, str] | None = None) -> tuple[list[Any], str]:
    """Returns (findings, message): the linter's findings, or a message saying why there are none.

    Empty text gives the 'Start typing...' message; a missing linter or a refused text gives a
    message instead of a traceback.
    """
    if not text or not text.strip():
        return [], START_TYPING
    findings, message = _lint_cached(text, kind, tuple(sorted((context or {}).items())))
    return list(findings), message


@functools.lru_cache(maxsize=512)
def _lint_cached(text: str, kind: str,
                 context: tuple[tuple[str, str], ...]) -> tuple[tuple[Any, ...], str]:
    """Lints once per distinct (text, kind, context): boards re-show unchanged cards often."""
    try:
        from pmcourse.lint import lint
    except ImportError:
        return (), "The statement linter (pmcourse.lint) is not available in this installation."
    try:
        return tuple(lint(text, kind, context=dict(context) or None)), ""
    except ValueError as exc:
        return (), str(exc) or START_TYPING


def findings_html(findings: Sequence[Any], message: str = "", *, clean: str = "") -> str:
    """Each finding as a line with its severity, rule id, message and lesson; or the message."""
    if message:
        return f"<div class='pmcourse-lint' style='color:#555'>{html.escape(message)}</div>"
    if not findings:
        text = clean or "No rule fired on this statement. Read it aloud once more: is it yours?"
        return f"<div class='pmcourse-lint' style='color:#166534'>✓ {html.escape(text)}</div>"
    items = []
    for f in findings:
        fg, bg = _COLOURS.get(f.severity, ("#374151", "#f3f4f6"))
        lesson = (f" <span style='color:#555'>(lesson: {html.escape(f.lesson)})</span>"
                  if f.lesson else "")
        items.append(
            f"<li style='margin:2px 0'><span style='color:{fg};background:{bg};padding:0 4px;"
            f"border-radius:3px;font-weight:bold'>{html.escape(f.severity)}</span> "
            f"<code>{html.escape(f.rule)}</code>: {html.escape(f.message)}{lesson}</li>")
    return ("<div class='pmcourse-lint'><ul style='margin:2px 0;padding-left:18px'>"
            + "".join(items) + "</ul></div>")


def lines_html(lines: Sequence[str], *, title: str = "") -> str:
    """A short titled list of plain-text lines (hints, warnings); empty when there are none."""
    if not lines:
        return ""
    head = f"<b>{html.escape(title)}</b>" if title else ""
    return (f"<div>{head}<ul style='margin:2px 0;padding-left:18px'>"
            + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul></div>")
