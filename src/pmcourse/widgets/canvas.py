"""StrategyCanvas: one labelled text area per step and question, with a completeness indicator."""

from __future__ import annotations

from typing import Any, ClassVar

import ipywidgets as w

from ._base import DraftView
from ._layout import full_width, heading, textarea
from .models import StrategyCanvasDraft


class StrategyCanvas(DraftView):
    """Walks through the seven steps from vision to principles and the four questions a strategy
    answers. Example: `StrategyCanvas(path="canvas.json")`.
    """

    DRAFT_TYPE: ClassVar[type[StrategyCanvasDraft]] = StrategyCanvasDraft
    TITLE = "Strategy canvas"
    INTRO = ("Work top to bottom: each step builds on the one before. Short, specific answers "
             "beat long ones; you can come back at any time, every answer is saved as you type.")

    def _build(self) -> list[w.Widget]:
        d: StrategyCanvasDraft = self._draft
        self._areas: dict[str, w.Textarea] = {}
        self._progress = w.IntProgress(
            value=0, min=0, max=d.parts(), description="Complete",
            tooltip="How many prompts have an answer", bar_style="info",
            layout=w.Layout(width="60%"))
        children: list[w.Widget] = [self._progress]
        for step, prompts in d.steps().items():
            children.append(heading(step, level=4))
            for prompt in prompts:
                box, area = textarea(prompt.label, prompt.help, d.answer(prompt.key), rows=2)
                area.observe(self._on_answer_value, names="value")
                self._areas[prompt.key] = area
                children.append(box)
        return [w.VBox(children, layout=full_width())]

    def _on_answer_value(self, change: dict[str, Any]) -> None:
        key = next(k for k, area in self._areas.items() if area is change["owner"])
        self._draft.set_answer(key, change["new"])
        self._changed()

    def _render(self) -> None:
        d: StrategyCanvasDraft = self._draft
        done = d.parts() - len(d.missing())
        self._progress.value = done
        self._progress.bar_style = "success" if d.is_complete else "info"
