"""BacklogBuilder: ordered backlog items linked to roadmap outcomes, with story-form and INVEST hints.

Roadmap outcomes are read from the RoadmapBoard's saved draft (`roadmap_path`), never from a live
widget, so the builder works in any notebook that can see the file.
"""

from __future__ import annotations

import html
import os
from typing import Any, ClassVar

import ipywidgets as w

from ._base import DraftView
from ._feedback import findings_html, lines_html, run_lint
from ._layout import full_width, notice_html, textarea
from ._sources import DraftSource
from .models import ITEM_TYPES, BacklogDraft, BacklogItem, RoadmapDraft
from .store import DEFAULT_DELAY

_TYPE_OPTIONS = [("User story", "story"), ("Epic", "epic"), ("Task", "task")]
_NOT_LINKED = ("(not linked to an outcome yet)", "")
_LABEL_STYLE = {"description_width": "7em"}


class _ItemView(w.VBox):
    """One item's editors; every edit is passed to the builder, which updates the model."""

    def __init__(self, builder: BacklogBuilder, item: BacklogItem) -> None:
        self._builder = builder
        self.item_id = item.id
        self._header = w.HTML()
        self._text = w.Textarea(value=item.text, rows=2, continuous_update=True,
                                tooltip="The item: 'As a ..., I want ..., so that ...' for a story",
                                layout=full_width())
        self._type = w.Dropdown(options=_TYPE_OPTIONS, value=item.type, description="Type",
                                tooltip="Story, epic (too big for one sprint) or task",
                                style=dict(_LABEL_STYLE), layout=w.Layout(width="40%"))
        self._outcome = w.Dropdown(options=[_NOT_LINKED], value="", description="Serves",
                                   tooltip="The roadmap outcome this item moves",
                                   style=dict(_LABEL_STYLE), layout=w.Layout(width="60%"))
        self._acceptance = w.Textarea(
            value="\n".join(item.acceptance), rows=2, continuous_update=True,
            placeholder="Acceptance criteria, one per line", tooltip="How everyone will agree "
            "it is done: one criterion per line", layout=full_width())
        self._up = w.Button(description="Move up", icon="arrow-up", tooltip="Raise priority",
                            layout=w.Layout(width="auto"))
        self._remove = w.Button(description="Remove", icon="trash", tooltip="Remove this item",
                                layout=w.Layout(width="auto"))
        self._feedback = w.HTML(layout=full_width())
        self._text.observe(self._on_text_value, names="value")
        self._type.observe(self._on_type_value, names="value")
        self._outcome.observe(self._on_outcome_value, names="value")
        self._acceptance.observe(self._on_acceptance_value, names="value")
        self._up.on_click(self._on_up_click)
        self._remove.on_click(self._on_remove_click)
        super().__init__([self._header, self._text, w.HBox([self._type, self._outcome],
                                                           layout=full_width()),
                          w.HTML("<b>Acceptance criteria</b>"), self._acceptance,
                          self._feedback, w.HBox([self._up, self._remove])],
                         layout=w.Layout(width="100%", border="1px solid #d1d5db",
                                         padding="4px", margin="0 0 6px 0"))
        self.add_class("pmcourse-backlog-item")

    def _on_text_value(self, change: dict[str, Any]) -> None:
        self._builder._item_edited(self.item_id, "text", change["new"])

    def _on_type_value(self, change: dict[str, Any]) -> None:
        self._builder._item_edited(self.item_id, "type", change["new"])

    def _on_outcome_value(self, change: dict[str, Any]) -> None:
        self._builder._item_edited(self.item_id, "outcome_id", change["new"])

    def _on_acceptance_value(self, change: dict[str, Any]) -> None:
        self._builder._item_edited(self.item_id, "acceptance", change["new"])

    def _on_up_click(self, _button: w.Button) -> None:
        self._builder._item_moved_up(self.item_id)

    def _on_remove_click(self, _button: w.Button) -> None:
        self._builder._item_removed(self.item_id)

    def show(self, rank: int, item: BacklogItem, options: list[tuple[str, str]],
             feedback: str) -> None:
        """Redraws the header, the outcome choices and the feedback."""
        self._header.value = f"<b>{rank}. {html.escape(item.id)}</b>"
        if list(self._outcome.options) != options:
            self._outcome.options = options
        if self._outcome.value != item.outcome_id:
            self._outcome.value = item.outcome_id
        self._up.disabled = rank == 1
        self._feedback.value = feedback


class BacklogBuilder(DraftView):
    """Builds an ordered backlog whose items link to roadmap outcomes, with hints as you type.

    Example: `BacklogBuilder(path="backlog.json", roadmap_path="roadmap.json")`.
    """

    DRAFT_TYPE: ClassVar[type[BacklogDraft]] = BacklogDraft
    TITLE = "Backlog builder"
    INTRO = ("List the work in priority order, most important first. Link every item to the "
             "roadmap outcome it moves; write stories as 'As a ..., I want ..., so that ...'.")

    def __init__(self, *, path: str | os.PathLike[str],
                 roadmap_path: str | os.PathLike[str] | None = None,
                 delay: float = DEFAULT_DELAY, **kwargs: Any) -> None:
        """Opens the backlog draft at `path`; reads outcomes from the roadmap at `roadmap_path`."""
        self._roadmap = DraftSource(roadmap_path, RoadmapDraft)
        self._items: dict[str, _ItemView] = {}
        self._order: tuple[str, ...] = ()
        super().__init__(path=path, delay=delay, **kwargs)

    def _build(self) -> list[w.Widget]:
        self._roadmap_note = w.HTML(layout=full_width())
        new_box, self._new_text = textarea(
            "New item", "A user story, an epic or a task.", "", rows=2,
            placeholder="e.g. As a parent, I want tonight's recipe to use what expires first, "
            "so that less food goes off")
        self._new_type = w.Dropdown(options=_TYPE_OPTIONS, value="story", description="Type",
                                    tooltip="The kind of the new item", style=dict(_LABEL_STYLE),
                                    layout=w.Layout(width="40%"))
        self._add = w.Button(description="Add item", icon="plus", button_style="primary",
                             tooltip="Add the item at the bottom of the backlog",
                             layout=w.Layout(width="auto"))
        self._list = w.VBox(layout=full_width())
        self._warnings = w.HTML(layout=full_width())
        self._add.on_click(self._on_add_click)
        return [self._roadmap_note, new_box, w.HBox([self._new_type, self._add]),
                self._warnings, self._list]

    # -- handlers ------------------------------------------------------------------------------
    def _on_add_click(self, _button: w.Button) -> None:
        self.add_item(self._new_text.value, self._new_type.value)
        self._new_text.value = ""

    def _item_edited(self, item_id: str, field: str, value: str) -> None:
        if self._quiet:
            return
        d: BacklogDraft = self._draft
        if field == "acceptance":
            d.set_acceptance_text(item_id, value)
        elif field == "outcome_id":
            d.link(item_id, value, self._outcomes_with_stale(d.item(item_id)))
        elif field == "type" and value in ITEM_TYPES:
            d.item(item_id).type = value
        elif field == "text":
            d.item(item_id).text = value
        self._changed()

    def _item_moved_up(self, item_id: str) -> None:
        self._draft.move_up(item_id)
        self._changed()

    def _item_removed(self, item_id: str) -> None:
        self._draft.remove_item(item_id)
        self._items.pop(item_id).close()
        self._changed()

    # -- public --------------------------------------------------------------------------------
    def add_item(self, text: str = "", type: str = "story") -> str:
        """Adds an item at the bottom (as the Add button does) and returns its id."""
        item = self._draft.add_item(text.strip(), type)
        self._changed()
        return item.id

    def item_view(self, item_id: str) -> _ItemView:
        """The widget showing one item (for tests and notebooks that script the builder)."""
        return self._items[item_id]

    def outcomes(self) -> list[tuple[str, str]]:
        """(id, text) of the outcomes on the saved roadmap (empty without one)."""
        roadmap = self._roadmap.read()
        return roadmap.outcomes() if roadmap else []

    # -- drawing -------------------------------------------------------------------------------
    def _outcomes_with_stale(self, item: BacklogItem) -> list[tuple[str, str]]:
        outcomes = self.outcomes()
        if item.outcome_id and item.outcome_id not in dict(outcomes):
            outcomes.append((item.outcome_id, item.outcome_text))
        return outcomes

    def _render(self) -> None:
        d: BacklogDraft = self._draft
        roadmap = self._roadmap.read()
        outcomes = roadmap.outcomes() if roadmap else []
        if self._roadmap.path is None:
            self._roadmap_note.value = notice_html(
                "No roadmap given: create the builder with roadmap_path='roadmap.json' (the "
                "RoadmapBoard's file) to link items to outcomes.")
        elif roadmap is None:
            self._roadmap_note.value = notice_html(self._roadmap.problem)
        elif not outcomes:
            self._roadmap_note.value = notice_html(
                "Your roadmap has no outcomes yet: add cards on the RoadmapBoard first.")
        else:
            self._roadmap_note.value = ""
        self._warnings.value = "".join(
            notice_html(p) for p in d.problems_with(outcomes if roadmap else None))
        for rank, item in enumerate(d.items, 1):
            view = self._items.get(item.id)
            if view is None:
                view = self._items[item.id] = _ItemView(self, item)
            options = [_NOT_LINKED] + [
                (f"{oid}: {text}" + ("" if oid in dict(outcomes) else " (no longer on roadmap)"),
                 oid) for oid, text in self._outcomes_with_stale(item)]
            findings, message = run_lint(item.text, "task")
            feedback = (findings_html(findings, message, clean="No linter rule fired.")
                        + lines_html(item.hints(), title="Hints (story form and INVEST)"))
            view.show(rank, item, options, feedback)
        order = tuple(i.id for i in d.items)
        if order != self._order:
            self._order = order
            self._list.children = [self._items[i] for i in order] or [
                w.HTML("<i>No items yet: add your first item above.</i>")]
