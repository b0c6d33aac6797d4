"""StrategyDocument: gathers the saved drafts into one Markdown and HTML document and exports it."""

from __future__ import annotations

import html
import os
from typing import Any

import ipywidgets as w

from ._layout import box_layout, full_width, heading, notice_html
from .models.document import StrategyDocumentModel


class StrategyDocument(w.VBox):
    """Previews every draft as one document, lists what is missing, exports strategy.md/.html.

    Example: `StrategyDocument("vision.json", "mission.json", "roadmap.json")`; drafts can also
    be named by kind: `StrategyDocument(vision="v.json", backlog="b.json")`.
    """

    def __init__(self, *paths: str | os.PathLike[str], directory: str | os.PathLike[str] = ".",
                 title: str = "Product strategy",
                 **by_kind: str | os.PathLike[str] | None) -> None:
        """Reads the drafts now; `directory` is where Export writes the two files."""
        self._paths = paths
        self._by_kind = by_kind
        self._title = title
        self._model = StrategyDocumentModel.gather(paths, title=title, **by_kind)
        self._directory = w.Text(value=str(directory), description="Export to folder",
                                 tooltip="Where strategy.md and strategy.html are written",
                                 style={"description_width": "initial"},
                                 layout=w.Layout(width="60%"))
        self._refresh = w.Button(description="Refresh", icon="refresh",
                                 tooltip="Read the draft files again",
                                 layout=w.Layout(width="auto"))
        self._export = w.Button(description="Export", icon="download", button_style="primary",
                                tooltip="Write strategy.md and strategy.html",
                                layout=w.Layout(width="auto"))
        self._message = w.HTML(layout=full_width())
        self._missing = w.HTML(layout=full_width())
        self._preview = w.HTML(layout=w.Layout(width="100%", border="1px solid #d1d5db",
                                               padding="0 8px"))
        self._refresh.on_click(self._on_refresh_click)
        self._export.on_click(self._on_export_click)
        super().__init__([heading("Strategy document"),
                          w.HBox([self._directory, self._refresh, self._export],
                                 layout=full_width()),
                          self._message, self._missing, self._preview], layout=box_layout())
        self.add_class("pmcourse-document")
        self._render()

    @property
    def model(self) -> StrategyDocumentModel:
        """The gathered drafts (widget-free)."""
        return self._model

    def missing(self) -> list[str]:
        """What is still missing from the document."""
        return self._model.missing()

    def markdown(self) -> str:
        """The document as Markdown."""
        return self._model.to_markdown()

    def html(self) -> str:
        """The document as a standalone HTML page."""
        return self._model.to_html()

    def refresh(self) -> None:
        """Reads the draft files again and redraws the preview."""
        self._model = StrategyDocumentModel.gather(self._paths, title=self._title,
                                                   **self._by_kind)
        self._render()

    def export(self, directory: str | os.PathLike[str] | None = None) -> tuple[Any, Any]:
        """Re-reads the drafts and writes strategy.md and strategy.html into `directory`
        (default: the folder in the widget); returns both paths."""
        self.refresh()
        md, page = self._model.export(directory if directory is not None
                                      else self._directory.value or ".")
        self._message.value = (f"<div style='color:#166534'>✓ Wrote <code>{html.escape(str(md))}"
                               f"</code> and <code>{html.escape(str(page))}</code>.</div>")
        return md, page

    def _on_refresh_click(self, _button: w.Button) -> None:
        self.refresh()
        self._message.value = ""

    def _on_export_click(self, _button: w.Button) -> None:
        try:
            self.export()
        except OSError as exc:
            self._message.value = notice_html(
                f"Could not export to {self._directory.value!r}: {exc.strerror or exc}. "
                "Choose a folder you can write to.")

    def _render(self) -> None:
        missing, errors = self._model.missing(), self._model.errors()
        parts = [f"<div><b>{title}</b><ul>" + "".join(
            f"<li>{html.escape(m)}</li>" for m in items) + "</ul></div>"
            for title, items in (("Still missing", missing), ("Errors to fix", errors)) if items]
        self._missing.value = "".join(parts) or (
            "<div style='color:#166534'>✓ Every part is written and the linter finds no "
            "error.</div>")
        page = self._model.to_html()
        self._preview.value = page[page.index("<body>") + 6: page.rindex("</body>")]
