"""HTML pieces of the cohort report: escaped tables, figures and the self-contained page shell.

Everything a student could have written (ids, answers, messages) goes through `html.escape`, so
a submission cannot inject markup or scripts into the instructor's page.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterable, Sequence
from typing import Any

CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0;
       color: #1a1a1a; background: #fafafa; line-height: 1.45; }
main { max-width: 1180px; margin: 0 auto; padding: 1.5rem 2rem 4rem; }
h1 { margin-bottom: 0.2rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #ddd; }
.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: 0.8rem 0 1.2rem; background: #fff; }
th, td { border: 1px solid #ddd; padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; border: 1px solid #eee;
       background: #fff; }
.na { color: #777; font-style: italic; } .note { color: #555; font-size: 0.95rem; }
.empty { font-size: 1.2rem; padding: 2rem; background: #fff; border: 1px solid #ddd; }
.status-graded { color: #2e7d32; } .status-late { color: #8d6e00; }
.status-error { color: #c62828; } .status-timeout { color: #6a1b9a; }
.status-tampered { color: #ef6c00; } .status-missing { color: #546e7a; }
.answer { max-width: 28rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.92rem; }
nav a { margin-right: 1rem; }
"""


def esc(value: object) -> str:
    """`value` as text safe to put inside HTML."""
    return html.escape(str(value), quote=True)


def number(value: Any, digits: int = 2, na: str = "n/a", why: str = "", *,
           trim: bool = True) -> str:
    """A table cell's content for a number: rounded (trailing zeros trimmed unless `trim` is
    False), or an `na` marker with `why` as its tooltip."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        title = f' title="{esc(why)}"' if why else ""
        return f'<span class="na"{title}>{esc(na)}</span>'
    text = f"{float(value):.{digits}f}"
    return text.rstrip("0").rstrip(".") if trim and digits else text


def table(headers: Sequence[str], rows: Iterable[Sequence[Any]], *, numeric: Sequence[int] = (),
          raw: Sequence[int] = (), caption: str = "", css_class: str = "") -> str:
    """An HTML table; cells are escaped except the column indexes in `raw` (already HTML)."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = []
    for row in rows:
        cells = []
        for i, value in enumerate(row):
            content = str(value) if i in raw else esc(value)
            cls = ' class="num"' if i in numeric else ""
            cells.append(f"<td{cls}>{content}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    cls = f' class="{esc(css_class)}"' if css_class else ""
    return (f"<table{cls}>{cap}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>"
            "</table>")


def image(png_base64: str, alt: str, caption: str = "") -> str:
    """A figure holding an embedded PNG (no file next to the page, no network)."""
    cap = f"<figcaption class=\"note\">{esc(caption)}</figcaption>" if caption else ""
    return (f'<figure><img class="plot" alt="{esc(alt)}" '
            f'src="data:image/png;base64,{png_base64}">{cap}</figure>')


def answer_text(text: str) -> str:
    """A student's (shortened) answer, escaped and wrapped so long words cannot widen the page."""
    return f'<div class="answer">{esc(text)}</div>'


def status_label(status: str) -> str:
    """A status word coloured by its kind."""
    return f'<span class="status-{esc(status)}">{esc(status)}</span>'


def page(title: str, subtitle: str, sections: list[tuple[str, str, str]]) -> str:
    """The whole page: a title, a navigation bar and `sections` of (anchor, heading, body HTML)."""
    nav = " ".join(f'<a href="#{esc(anchor)}">{esc(heading)}</a>'
                   for anchor, heading, _ in sections if heading)
    parts = [f'<section id="{esc(anchor)}">' + (f"<h2>{esc(heading)}</h2>" if heading else "")
             + body + "</section>" for anchor, heading, body in sections]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body><main>"
            f"<h1>{esc(title)}</h1><p class=\"meta\">{esc(subtitle)}</p>"
            + (f"<nav>{nav}</nav>" if nav else "") + "".join(parts)
            + "</main></body></html>\n")


def listing(items: Iterable[str], render: Callable[[str], str] = esc) -> str:
    """A bulleted list of `items`, escaped by default."""
    return "<ul>" + "".join(f"<li>{render(item)}</li>" for item in items) + "</ul>"
