"""DraftView: what every drafting widget shares: a store, the restored draft, a notice, a status."""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any, ClassVar

import ipywidgets as w

from ._layout import box_layout, heading, notice_html, progress_html
from .models import Draft
from .store import DEFAULT_DELAY, DraftStore


class DraftView(w.VBox):
    """Base of the drafting widgets: loads the draft at `path`, saves it (debounced) on each change.

    Subclasses set `DRAFT_TYPE` and `TITLE`, build their children in `_build()` and redraw derived
    parts in `_render()`. Handlers call `_changed()` after updating the model.
    """

    DRAFT_TYPE: ClassVar[type[Draft]]
    TITLE: ClassVar[str] = ""
    INTRO: ClassVar[str] = ""

    def __init__(self, *, path: str | os.PathLike[str], delay: float = DEFAULT_DELAY,
                 **kwargs: Any) -> None:
        """Opens (or starts) the draft at `path`; `delay` is the autosave quiet time in seconds."""
        self._store: DraftStore[Any] = DraftStore(path, self.DRAFT_TYPE, delay=delay)
        self._draft = self._store.load()
        self._quiet = False
        self._notice = w.HTML(notice_html(self._store.notice), layout=w.Layout(width="100%"))
        self._status = w.HTML(layout=w.Layout(width="100%"))
        intro = [w.HTML(f"<p style='margin:2px 0'>{html.escape(self.INTRO)}</p>")
                 ] if self.INTRO else []
        children = [heading(self.TITLE), *intro, self._notice, *self._build(), self._status]
        super().__init__(children=children, layout=box_layout(), **kwargs)
        self.add_class("pmcourse-drafter")
        self._refresh()

    # -- for subclasses ------------------------------------------------------------------------
    def _build(self) -> list[w.Widget]:
        """Creates the child widgets from the loaded draft and wires their handlers."""
        raise NotImplementedError

    def _render(self) -> None:
        """Redraws everything derived from the draft (feedback, warnings, composed text)."""
        raise NotImplementedError

    def _changed(self) -> None:
        """Called after the model changed: schedules the save and redraws."""
        if self._quiet:
            return
        self._store.schedule(self._draft)
        self._refresh()

    # -- shared --------------------------------------------------------------------------------
    def _refresh(self) -> None:
        self._quiet = True
        try:
            self._render()
        finally:
            self._quiet = False
        self._status.value = self._status_html()

    def _status_html(self) -> str:
        draft = self._draft
        total = draft.parts()
        missing = draft.missing()
        saved = f"Saved automatically to <code>{html.escape(str(self._store.path))}</code>."
        if self._store.last_error:
            saved = f"<span style='color:#b91c1c'>{html.escape(self._store.last_error)}</span>"
        return (progress_html(total - len(missing), total, missing, draft.errors())
                + f"<div>{saved}</div>")

    @property
    def draft(self) -> Any:
        """The live draft model (read it; edit through the widget)."""
        return self._draft

    @property
    def path(self) -> Path:
        """The file the draft is saved to."""
        return self._store.path

    @property
    def notice(self) -> str:
        """The message shown about the draft file (a damaged file kept aside), or ''."""
        return self._store.notice

    def flush(self) -> bool:
        """Writes any pending change now; returns True when something was written."""
        return self._store.flush()

    def save(self) -> Path:
        """Writes the draft now and returns its path."""
        return self._store.save(self._draft)
