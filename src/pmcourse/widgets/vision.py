"""VisionDrafter: guided parts compose a vision statement, linted live as the learner types."""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as w

from ._feedback import findings_html, run_lint
from ._layout import field_label, textarea
from ._statement import StatementView
from .models import VisionDraft


class VisionDrafter(StatementView):
    """Drafts a product vision: who benefits, what changes for them, why it matters, the statement.

    Example: `VisionDrafter(path="vision.json")`. The draft is saved there as you type and
    restored when the cell runs again.
    """

    DRAFT_TYPE: ClassVar[type[VisionDraft]] = VisionDraft
    TITLE = "Vision drafter"
    INTRO = ("Describe the change your product should bring about for people. Fill in the three "
             "parts; the statement below is composed from them until you edit it yourself.")

    def _build(self) -> list[w.Widget]:
        d: VisionDraft = self._draft
        who_box, self._who = textarea(
            "Who benefits?", "The people whose lives change: be specific (not 'users').",
            d.who, rows=1, placeholder="e.g. busy households")
        change_box, self._change = textarea(
            "What changes for them?", "What they do or experience differently once you succeed.",
            d.change, placeholder="e.g. cook from what they already have, without a daily scramble")
        why_box, self._why = textarea(
            "Why does it matter? What does the world look like after success?",
            "The lasting difference, in their terms; no revenue, features or dates.",
            d.why, placeholder="e.g. less food ends up in the bin")
        statement_box, self._statement = textarea(
            "Your vision statement", "Composed from the parts above; edit it freely.",
            d.statement, rows=3)
        self._recompose = w.Button(
            description="Compose from the parts", tooltip="Replace the statement with one "
            "composed from the three parts (your edits to the statement are discarded)",
            icon="refresh", layout=w.Layout(width="auto", align_self="flex-start"))
        self._feedback = w.HTML(layout=w.Layout(width="100%"))
        self._who.observe(self._on_who_value, names="value")
        self._change.observe(self._on_change_value, names="value")
        self._why.observe(self._on_why_value, names="value")
        self._statement.observe(self._on_statement_value, names="value")
        self._recompose.on_click(self._on_recompose_click)
        return [who_box, change_box, why_box, statement_box, self._recompose,
                field_label("Feedback on your statement"), self._feedback]

    def _on_who_value(self, change: dict[str, Any]) -> None:
        self._set_part("who", change["new"])

    def _on_change_value(self, change: dict[str, Any]) -> None:
        self._set_part("change", change["new"])

    def _on_why_value(self, change: dict[str, Any]) -> None:
        self._set_part("why", change["new"])

    def _render(self) -> None:
        d: VisionDraft = self._draft
        if self._statement.value != d.statement:
            self._statement.value = d.statement
        self._recompose.disabled = not d.statement_edited
        findings, message = run_lint(d.statement, "vision")
        self._feedback.value = findings_html(findings, message)
