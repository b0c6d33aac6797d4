"""RoadmapBoard: Now / Next / Later columns of outcome cards in strategic-intent swimlanes.

Every card is linted as an outcome; the board warns when Now is over capacity, when a card sits
earlier than a card it depends on, and when a date has no hard constraint. All decisions are the
model's (`RoadmapDraft`); the view only draws them.
"""

from __future__ import annotations

import html
import os
import re
from typing import Any, ClassVar

import ipywidgets as w

from ._base import DraftView
from ._feedback import findings_html, run_lint
from ._layout import column_layout, field_label, full_width, notice_html, textarea
from .models import COLUMNS, RoadmapCard, RoadmapDraft
from .models.roadmap import COLUMN_TITLES, NO_INTENT
from .store import DEFAULT_DELAY

_COLUMN_OPTIONS = [(COLUMN_TITLES[c], c) for c in COLUMNS]
_LABEL_STYLE = {"description_width": "6.5em"}


def _border(conflict: bool) -> str:
    return "2px solid #b91c1c" if conflict else "1px solid #d1d5db"


def _card_layout(conflict: bool) -> w.Layout:
    return w.Layout(width="100%", border=_border(conflict), padding="4px", margin="0 0 6px 0")


class _CardView(w.VBox):
    """One card's editors; every edit is passed to the board, which updates the model."""

    def __init__(self, board: RoadmapBoard, card: RoadmapCard) -> None:
        self._board = board
        self.card_id = card.id
        self.error = ""
        self._header = w.HTML()
        self._outcome = w.Textarea(value=card.outcome, rows=2, continuous_update=True,
                                   placeholder="A change for users, e.g. 'households waste less "
                                   "food each week'", tooltip="The outcome: what changes for "
                                   "users when this succeeds", layout=full_width())
        self._intent = w.Combobox(value=card.intent, description="Intent", ensure_option=False,
                                  tooltip="The strategic intent (swimlane) this outcome serves",
                                  style=dict(_LABEL_STYLE), layout=full_width())
        self._column = w.Dropdown(options=_COLUMN_OPTIONS, value=card.column,
                                  description="Column", tooltip="Move the card: Now, Next or "
                                  "Later", style=dict(_LABEL_STYLE), layout=full_width())
        self._date = w.Text(value=card.date, description="Hard date", placeholder="YYYY-MM-DD "
                            "(only for an external deadline)", continuous_update=True,
                            tooltip="Optional: only when a law, contract or event fixes it",
                            style=dict(_LABEL_STYLE), layout=full_width())
        self._constraint = w.Text(value=card.constraint, description="Constraint",
                                  placeholder="What fixes the date?", continuous_update=True,
                                  tooltip="The external constraint behind the date",
                                  style=dict(_LABEL_STYLE), layout=full_width())
        self._depends = w.Text(value=", ".join(card.depends_on), description="Depends on",
                               placeholder="card ids, e.g. R1, R3", continuous_update=False,
                               tooltip="Cards that must come first (press Enter or leave the "
                               "field to apply)", style=dict(_LABEL_STYLE), layout=full_width())
        self._feedback = w.HTML(layout=full_width())
        self._remove = w.Button(description="Remove card", icon="trash",
                                tooltip=f"Remove card {card.id} from the board",
                                layout=w.Layout(width="auto", align_self="flex-end"))
        self._outcome.observe(self._on_outcome_value, names="value")
        self._intent.observe(self._on_intent_value, names="value")
        self._column.observe(self._on_column_value, names="value")
        self._date.observe(self._on_date_value, names="value")
        self._constraint.observe(self._on_constraint_value, names="value")
        self._depends.observe(self._on_depends_value, names="value")
        self._remove.on_click(self._on_remove_click)
        super().__init__([self._header, self._outcome, self._intent, self._column, self._date,
                          self._constraint, self._depends, self._feedback, self._remove],
                         layout=_card_layout(False))
        self.add_class("pmcourse-card")

    def _on_outcome_value(self, change: dict[str, Any]) -> None:
        self._board._card_edited(self.card_id, "outcome", change["new"])

    def _on_intent_value(self, change: dict[str, Any]) -> None:
        self._board._card_edited(self.card_id, "intent", change["new"])

    def _on_column_value(self, change: dict[str, Any]) -> None:
        self._board._card_edited(self.card_id, "column", change["new"])

    def _on_date_value(self, change: dict[str, Any]) -> None:
        self._board._card_edited(self.card_id, "date", change["new"])

    def _on_constraint_value(self, change: dict[str, Any]) -> None:
        self._board._card_edited(self.card_id, "constraint", change["new"])

    def _on_depends_value(self, change: dict[str, Any]) -> None:
        self._board._card_edited(self.card_id, "depends_on", change["new"])

    def _on_remove_click(self, _button: w.Button) -> None:
        self._board._card_removed(self.card_id)

    def show(self, card: RoadmapCard, lanes: list[str], waits_for: list[str],
             lint_html: str) -> None:
        """Redraws the card's header, intent options, conflict border and feedback."""
        marker = ""
        if waits_for:
            marker = (" <span style='color:#b91c1c'>⚠ sits before "
                      + html.escape(", ".join(waits_for)) + ", which it depends on</span>")
        self._header.value = f"<b>{html.escape(card.id)}</b>{marker}"
        options = tuple(lanes)
        if tuple(self._intent.options) != options:
            self._intent.options = options
        if self._column.value != card.column:
            self._column.value = card.column
        border = _border(bool(waits_for))
        if self.layout.border != border:
            self.layout.border = border
        error = notice_html(self.error) if self.error else ""
        self._feedback.value = error + lint_html


class RoadmapBoard(DraftView):
    """A Now / Next / Later roadmap of outcomes under strategic intents, with a capacity limit
    on Now and dependencies. Example: `RoadmapBoard(path="roadmap.json")`.
    """

    DRAFT_TYPE: ClassVar[type[RoadmapDraft]] = RoadmapDraft
    TITLE = "Roadmap board"
    INTRO = ("Write outcomes (changes for users), not features. Group them under strategic "
             "intents, keep Now within your team's capacity, and give a date only when an "
             "outside constraint fixes it.")

    def __init__(self, *, path: str | os.PathLike[str], delay: float = DEFAULT_DELAY,
                 **kwargs: Any) -> None:
        """Opens (or starts) the roadmap draft at `path`."""
        self._cards: dict[str, _CardView] = {}
        self._shape: tuple[Any, ...] = ()
        super().__init__(path=path, delay=delay, **kwargs)

    def _build(self) -> list[w.Widget]:
        d: RoadmapDraft = self._draft
        intents_box, self._intents = textarea(
            "Strategic intents (one per line)",
            "The few work streams that deliver your goals; each becomes a swimlane.",
            "\n".join(d.intents), rows=3, placeholder="e.g. Waste less food")
        self._capacity = w.BoundedIntText(
            value=d.now_capacity, min=1, max=20, description="Intents in Now",
            tooltip="How many strategic intents your teams can pursue at once (one per team)",
            style={"description_width": "initial"}, layout=w.Layout(width="14em"))
        self._warnings = w.HTML(layout=full_width())
        self._new_outcome = w.Text(
            description="New outcome", placeholder="e.g. Households waste less food each week",
            tooltip="The outcome for the new card", style={"description_width": "initial"},
            layout=w.Layout(flex="3 1 20em"))
        self._new_intent = w.Combobox(
            description="Intent", ensure_option=False, tooltip="Its strategic intent",
            style={"description_width": "initial"}, layout=w.Layout(flex="2 1 12em"))
        self._new_column = w.Dropdown(options=_COLUMN_OPTIONS, value="now", description="In",
                                      tooltip="The column for the new card",
                                      style={"description_width": "initial"},
                                      layout=w.Layout(flex="0 0 9em"))
        self._add = w.Button(description="Add card", icon="plus", button_style="primary",
                             tooltip="Add the outcome as a card",
                             layout=w.Layout(flex="0 0 auto", width="auto"))
        self._headers = w.HBox(layout=full_width())
        self._lanes = w.VBox(layout=full_width())
        self._intents.observe(self._on_intents_value, names="value")
        self._capacity.observe(self._on_capacity_value, names="value")
        self._add.on_click(self._on_add_click)
        return [intents_box, self._capacity, self._warnings,
                w.HBox([self._new_outcome, self._new_intent, self._new_column, self._add],
                       layout=w.Layout(width="100%", flex_flow="row wrap", grid_gap="4px")),
                self._headers, self._lanes]

    # -- handlers ------------------------------------------------------------------------------
    def _on_intents_value(self, change: dict[str, Any]) -> None:
        self._draft.set_intents_text(change["new"])
        self._changed()

    def _on_capacity_value(self, change: dict[str, Any]) -> None:
        self._draft.now_capacity = int(change["new"])
        self._changed()

    def _on_add_click(self, _button: w.Button) -> None:
        self.add_card(self._new_outcome.value, self._new_intent.value, self._new_column.value)
        self._new_outcome.value = ""

    def _card_edited(self, card_id: str, field: str, value: str) -> None:
        if self._quiet:
            return
        view = self._cards[card_id]
        if field == "depends_on":
            ids = [p.upper() for p in re.split(r"[\s,;]+", value) if p]
            try:
                self._draft.set_dependencies(card_id, ids)
                view.error = ""
            except (ValueError, KeyError) as exc:
                view.error = f"{exc.args[0]} Write ids of other cards, e.g. R1, R2."
        else:
            setattr(self._draft.card(card_id), field, value)
        self._changed()

    def _card_removed(self, card_id: str) -> None:
        self._draft.remove_card(card_id)
        self._cards.pop(card_id).close()
        self._changed()

    # -- public --------------------------------------------------------------------------------
    def add_card(self, outcome: str = "", intent: str = "", column: str = "now") -> str:
        """Adds an outcome card (as the Add button does) and returns its id."""
        card = self._draft.add_card(outcome.strip(), intent.strip(), column)
        self._changed()
        return card.id

    def card_view(self, card_id: str) -> _CardView:
        """The widget showing one card (for tests and notebooks that script the board)."""
        return self._cards[card_id]

    # -- drawing -------------------------------------------------------------------------------
    def _render(self) -> None:
        d: RoadmapDraft = self._draft
        problems = d.problems()
        self._warnings.value = "".join(notice_html(p) for p in problems)
        lane_options = tuple(lane for lane in d.lanes() if lane != NO_INTENT)
        if tuple(self._new_intent.options) != lane_options:
            self._new_intent.options = lane_options
        counts = {col: len(d.in_column(col)) for col in COLUMNS}
        headers = []
        for col in COLUMNS:
            label = f"{COLUMN_TITLES[col]} ({counts[col]})"
            style = ""
            if col == "now":
                label = f"Now ({len(d.intents_in_now())} of {d.now_capacity} intents)"
                if d.over_capacity():
                    label += " ⚠ over capacity"
                    style = "color:#b91c1c"
            headers.append(w.HTML(f"<h4 style='margin:4px 0;{style}'>{html.escape(label)}</h4>",
                                  layout=column_layout()))
        self._headers.children = headers
        waits: dict[str, list[str]] = {}
        for card, dep in d.dependency_conflicts():
            waits.setdefault(card.id, []).append(f"{dep.id} ({COLUMN_TITLES[dep.column]})")
        for card in d.cards:
            view = self._cards.get(card.id)
            if view is None:
                view = self._cards[card.id] = _CardView(self, card)
            findings, message = run_lint(card.outcome, "outcome")
            view.show(card, list(lane_options), waits.get(card.id, []),
                      findings_html(findings, message, clean="Reads as an outcome."))
        grid = d.grid()
        shape = tuple((lane, col, tuple(c.id for c in cards))
                      for lane, cols in grid.items() for col, cards in cols.items())
        if shape != self._shape:
            self._shape = shape
            rows: list[w.Widget] = []
            for lane, cols in grid.items():
                rows.append(field_label(f"Strategic intent: {lane}"))
                rows.append(w.HBox([w.VBox([self._cards[c.id] for c in cols[col]],
                                           layout=column_layout()) for col in COLUMNS],
                                   layout=full_width()))
            if not d.cards:
                rows.append(w.HTML("<i>No cards yet: add your first outcome above.</i>"))
            self._lanes.children = rows
