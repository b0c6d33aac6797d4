"""Student text made safe for where it is shown: terminals, CSV files and HTML pages.

Anything a student wrote (answers, outputs, even their id) can reach grades.csv, the instructor's
terminal and the feedback page. Control and escape characters are removed (a forged ANSI or OSC
sequence could rewrite the terminal or the clipboard), CSV cells that a spreadsheet would run as a
formula are quoted, and HTML goes through nh3, a maintained sanitiser, before it is embedded.
"""

from __future__ import annotations

import re

import nh3

_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"            # CSI sequences (colours, cursor moves)
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC sequences (titles, clipboard writes, links)
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"      # DCS, SOS, PM, APC strings
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"      # every other C0/C1 control, ESC included
    r"|[\u200e\u200f\u202a-\u202e\u2066-\u2069]"  # bidirectional overrides
)
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP's CSV injection list)."""
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "div", "dl", "dt", "em", "h1",
    "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "ol", "p", "pre", "q", "s",
    "span", "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "tr", "u", "ul",
}
"""Markup a student's markdown may produce in feedback: text structure, no script, no forms."""
_ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"alt", "title"},
                       "td": {"align"}, "th": {"align"}, "span": {"class"}, "code": {"class"}}


def strip_controls(text: object, *, keep_newlines: bool = True) -> str:
    """`text` without escape sequences and control characters (tabs and newlines kept)."""
    cleaned = _CONTROL.sub("", str(text))
    return cleaned if keep_newlines else " ".join(cleaned.split())


def one_line(text: object) -> str:
    """Control-free text folded onto one line, for a CSV cell or a terminal row."""
    return strip_controls(text, keep_newlines=False)


def csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text: control-free, formulas neutralised.

    A cell starting with ``= + - @``, a tab or a carriage return gets a leading apostrophe, the
    form spreadsheets read as "this is text". Numbers are written by the caller, never through
    here, so a negative score is never touched.
    """
    text = one_line(value) if value is not None else ""
    raw = "" if value is None else str(value)
    if raw.startswith(FORMULA_START) or text.startswith(FORMULA_START):
        return "'" + text
    return text


def clean_html(markup: str) -> str:
    """HTML from student markdown, sanitised: no script, handlers, styles, forms or frames."""
    return nh3.clean(strip_controls(markup), tags=ALLOWED_TAGS, attributes=_ALLOWED_ATTRIBUTES,
                     url_schemes={"http", "https", "mailto"}, link_rel="noopener noreferrer")
