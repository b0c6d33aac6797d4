"""StrategyCanvas: one labelled text area per step and question, with a completeness indicator."""

from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any, ClassVar

import ipywidgets as w

from ._base import DraftView
from ._layout import field_label, full_width, heading, textarea
from .models import DraftError, StrategyCanvasDraft, load_draft
from .models.canvas import LINKABLE, linked_text

PathLike = str | os.PathLike[str] | None


class StrategyCanvas(DraftView):
    """Walks through the seven steps from vision to principles and the four questions a strategy
    answers. Example: `StrategyCanvas(path="canvas.json")`.

    Give the paths of the drafts that already hold some answers (``vision_path=``,
    ``mission_path=``, ``north_star_path=``, ``roadmap_path=``) and the canvas shows those answers
    from there, read-only, instead of asking for them again.
    """

    DRAFT_TYPE: ClassVar[type[StrategyCanvasDraft]] = StrategyCanvasDraft
    TITLE = "Strategy canvas"
    INTRO = ("Work top to bottom: each step builds on the one before. Short, specific answers "
             "beat long ones; you can come back at any time, every answer is saved as you type.")

    def __init__(self, *, path: str | os.PathLike[str], vision_path: PathLike = None,
                 mission_path: PathLike = None, north_star_path: PathLike = None,
                 roadmap_path: PathLike = None, **kwargs: Any) -> None:
        given = {"vision": vision_path, "mission": mission_path, "north_star": north_star_path,
                 "roadmap": roadmap_path}
        self._links = {key: Path(given[kind]) for key, kind in LINKABLE.items()
                       if given[kind] is not None}
        super().__init__(path=path, **kwargs)

    def _read_links(self) -> None:
        """Reads each linked draft again (another widget may have changed it)."""
        d: StrategyCanvasDraft = self._draft
        d.linked.clear()
        for key, path in self._links.items():
            try:
                d.linked[key] = linked_text(load_draft(path, LINKABLE[key]))
            except DraftError:
                d.linked[key] = ""

    def _linked_html(self, key: str) -> str:
        text = self._draft.answer(key).strip()
        source = html.escape(str(self._links[key]))
        body = (html.escape(text).replace("\n", "<br>") if text else
                "<i>not written yet</i>")
        return (f"<div style='border-left:3px solid #1d4ed8;padding:2px 8px'>{body}"
                f"<div style='font-size:90%;color:#374151'>From <code>{source}</code>: edit it "
                "in its own drafter, and it shows here.</div></div>")

    def _build(self) -> list[w.Widget]:
        d: StrategyCanvasDraft = self._draft
        self._read_links()
        self._areas: dict[str, w.Textarea] = {}
        self._linked_views: dict[str, w.HTML] = {}
        self._progress = w.IntProgress(
            value=0, min=0, max=d.parts(), description="Complete",
            tooltip="How many prompts have an answer", bar_style="info",
            layout=w.Layout(width="60%"))
        children: list[w.Widget] = [self._progress]
        for step, prompts in d.steps().items():
            children.append(heading(step, level=4))
            for prompt in prompts:
                if prompt.key in self._links:
                    view = w.HTML(self._linked_html(prompt.key), layout=full_width())
                    self._linked_views[prompt.key] = view
                    children.append(w.VBox([field_label(prompt.label, prompt.help), view],
                                           layout=full_width()))
                    continue
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
        self._read_links()
        for key, view in self._linked_views.items():
            view.value = self._linked_html(key)
        done = d.parts() - len(d.missing())
        self._progress.value = done
        self._progress.bar_style = "success" if d.is_complete else "info"
