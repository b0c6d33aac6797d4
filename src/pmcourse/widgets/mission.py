"""MissionDrafter: whom the product serves, its category and key aspects compose the mission."""

from __future__ import annotations

import html
import os
from typing import Any, ClassVar

import ipywidgets as w

from ._feedback import findings_html, run_lint
from ._layout import field_label, notice_html, text, textarea
from ._sources import DraftSource
from ._statement import StatementView
from .models import MissionDraft, VisionDraft
from .store import DEFAULT_DELAY


class MissionDrafter(StatementView):
    """Drafts a product mission, linted live; with `vision_path` it is compared with your vision.

    Example: `MissionDrafter(path="mission.json", vision_path="vision.json")`.
    """

    DRAFT_TYPE: ClassVar[type[MissionDraft]] = MissionDraft
    TITLE = "Mission drafter"
    INTRO = ("State what your product contributes to the vision: for whom, in which category, "
             "and the few aspects that define it. The statement is composed from the parts "
             "until you edit it yourself.")

    def __init__(self, *, path: str | os.PathLike[str],
                 vision_path: str | os.PathLike[str] | None = None,
                 delay: float = DEFAULT_DELAY, **kwargs: Any) -> None:
        """Opens the mission draft at `path`; reads the vision saved at `vision_path` if given."""
        self._vision = DraftSource(vision_path, VisionDraft)
        super().__init__(path=path, delay=delay, **kwargs)

    def _build(self) -> list[w.Widget]:
        d: MissionDraft = self._draft
        self._vision_html = w.HTML(layout=w.Layout(width="100%"))
        product_box, self._product = text(
            "Product name (optional)", "Used as the subject of the composed statement.",
            d.product, placeholder="e.g. Larder")
        who_box, self._who = text(
            "Whom does the product serve?", "A specific group, not 'everyone'.", d.who,
            placeholder="e.g. busy households that cook at home")
        category_box, self._category = text(
            "Product category", "What kind of product it is, so people can place it.",
            d.category, placeholder="e.g. a meal-planning app")
        aspects_box, self._aspects = textarea(
            "Key aspects (one per line)",
            "What the product does that defines it; concrete and bold, no slogans.",
            "\n".join(d.aspects), rows=3,
            placeholder="e.g. plans the week around what is already in the pantry")
        statement_box, self._statement = textarea(
            "Your mission statement", "Composed from the parts above; edit it freely.",
            d.statement, rows=3)
        self._recompose = w.Button(
            description="Compose from the parts", icon="refresh",
            tooltip="Replace the statement with one composed from the parts",
            layout=w.Layout(width="auto", align_self="flex-start"))
        self._feedback = w.HTML(layout=w.Layout(width="100%"))
        self._product.observe(self._on_product_value, names="value")
        self._who.observe(self._on_who_value, names="value")
        self._category.observe(self._on_category_value, names="value")
        self._aspects.observe(self._on_aspects_value, names="value")
        self._statement.observe(self._on_statement_value, names="value")
        self._recompose.on_click(self._on_recompose_click)
        return [self._vision_html, product_box, who_box, category_box, aspects_box,
                statement_box, self._recompose, field_label("Feedback on your statement"),
                self._feedback]

    def _on_product_value(self, change: dict[str, Any]) -> None:
        if not self._quiet:
            self._draft.set_product(change["new"])
            self._changed()

    def _on_who_value(self, change: dict[str, Any]) -> None:
        self._set_part("who", change["new"])

    def _on_category_value(self, change: dict[str, Any]) -> None:
        self._set_part("category", change["new"])

    def _on_aspects_value(self, change: dict[str, Any]) -> None:
        if not self._quiet:
            self._draft.set_aspects_text(change["new"])
            self._changed()

    def _render(self) -> None:
        d: MissionDraft = self._draft
        if self._statement.value != d.statement:
            self._statement.value = d.statement
        self._recompose.disabled = not d.statement_edited
        vision = self._vision.read()
        context = {"vision": vision.statement} if vision and vision.statement.strip() else None
        if self._vision.path is None:
            self._vision_html.value = ""
        elif context:
            self._vision_html.value = (
                "<div><b>Your vision:</b> " + html.escape(context["vision"]) + "</div>")
        else:
            self._vision_html.value = notice_html(
                self._vision.problem or "Your vision draft has no statement yet.")
        findings, message = run_lint(d.statement, "mission", context)
        self._feedback.value = findings_html(findings, message)
