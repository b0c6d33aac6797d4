"""Layout and label factories for the views: every call returns new objects (no shared defaults)."""

from __future__ import annotations

import html

import ipywidgets as w


def full_width(**extra: str) -> w.Layout:
    """A new layout that fills its container's width."""
    return w.Layout(width="100%", **extra)


def box_layout() -> w.Layout:
    """A new layout for a drafting tool's outer box: full width, capped for reading at 1280 px."""
    return w.Layout(width="100%", max_width="1100px", padding="4px", grid_gap="6px")


def column_layout() -> w.Layout:
    """A new layout for one of three side-by-side columns."""
    return w.Layout(width="33%", min_width="0", padding="0 4px")


def heading(text: str, level: int = 3) -> w.HTML:
    """A heading widget with escaped text."""
    return w.HTML(f"<h{level} style='margin:6px 0'>{html.escape(text)}</h{level}>")


def field_label(label: str, help_text: str = "") -> w.HTML:
    """A visible label with its help text under it, both escaped."""
    body = f"<b>{html.escape(label)}</b>"
    if help_text:
        body += f"<br><span style='color:#555;font-size:90%'>{html.escape(help_text)}</span>"
    return w.HTML(body, layout=w.Layout(margin="6px 0 0 0"))


def textarea(label: str, help_text: str, value: str, *, rows: int = 2,
             placeholder: str = "") -> tuple[w.VBox, w.Textarea]:
    """A labelled, full-width text area that reports every keystroke; returns (box, area)."""
    area = w.Textarea(value=value, rows=rows, placeholder=placeholder, continuous_update=True,
                      tooltip=help_text or label, layout=full_width())
    return w.VBox([field_label(label, help_text), area], layout=full_width()), area


def text(label: str, help_text: str, value: str, *, placeholder: str = "") -> tuple[w.VBox, w.Text]:
    """A labelled, full-width one-line field that reports every keystroke; returns (box, field)."""
    field = w.Text(value=value, placeholder=placeholder, continuous_update=True,
                   tooltip=help_text or label, layout=full_width())
    return w.VBox([field_label(label, help_text), field], layout=full_width()), field


def notice_html(message: str) -> str:
    """A visible warning box (empty string when there is nothing to say)."""
    if not message:
        return ""
    return ("<div role='alert' style='border:1px solid #b45309;background:#fffbeb;color:#78350f;"
            f"padding:6px 10px;border-radius:4px'>⚠ {html.escape(message)}</div>")


def progress_html(done: int, total: int, missing: list[str], errors: list[str] = ()) -> str:
    """'n of m parts written', then what is missing and what the linter calls an error, each as
    a list; 'Complete' only when nothing is missing and nothing is in error."""
    body = f"<b>{done} of {total} parts written.</b>"
    if missing:
        body += " Still missing:" + _items(missing)
    if errors:
        body += (f" <b>{len(errors)} error{'s' if len(errors) != 1 else ''} to fix</b> before "
                 "this is complete:" + _items(errors))
    if not missing and not errors:
        body += " ✓ Complete: every part is written and the linter finds no error."
    return f"<div class='pmcourse-progress'>{body}</div>"


def _items(lines: list[str]) -> str:
    return "<ul style='margin:2px 0'>" + "".join(
        f"<li>{html.escape(line.rstrip('.'))}</li>" for line in lines) + "</ul>"
