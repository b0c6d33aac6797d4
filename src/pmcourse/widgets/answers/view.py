"""AnswerSheet: the ipywidgets view of an answer form (a thin layer over `AnswerForm`).

Every item shows its full text; every control has a visible, accessible name (``A01 artifact``)
and is a native select, checkbox, text area or button, so it works from the keyboard. Text fields
show the text gate's verdict and the linter's findings as the learner types.
"""

from __future__ import annotations

import html
import os
from collections.abc import Callable
from typing import Any

import ipywidgets as w

from ...exercises.engine.problem import Problem
from .._base import DraftView
from .._feedback import findings_html, lines_html, run_lint
from .._layout import full_width, heading
from ..store import DEFAULT_DELAY
from .draft import AnswerDraft, answer_draft_type, default_path
from .form import AnswerForm, Field, Option, Row, Section

CHOOSE = "(choose)"
"""What an unanswered choice shows."""
MUTED = "#4b5563"
"""Grey for secondary text: 7.6:1 on white, above WCAG AA's 4.5:1."""


class AnswerSheet(DraftView):
    """Answers one problem with choices and text fields; saves to ``drafts/<problem>.json``."""

    INTRO = ("Answer here by choosing and typing; your answer is saved as you go. "
             "Then press Check my answer, or run q.check().")

    def __init__(self, problem: Problem, *, path: str | os.PathLike[str] | None = None,
                 delay: float = DEFAULT_DELAY,
                 on_check: Callable[[], Any] | None = None, **kwargs: Any) -> None:
        """The answer widget of `problem`, restoring the answer saved at `path`."""
        self.problem = problem
        self.DRAFT_TYPE = answer_draft_type(problem.id)
        self.TITLE = problem.title
        self._on_check = on_check
        self._controls: dict[tuple[str, str, str], Any] = {}
        self._feedback: dict[tuple[str, str, str], w.HTML] = {}
        self._boards: dict[str, w.HTML] = {}
        super().__init__(path=path if path is not None else default_path(problem), delay=delay,
                         **kwargs)
        self.add_class("pmcourse-answer")

    @property
    def form(self) -> AnswerForm:
        """The learner's values (widget-free)."""
        draft: AnswerDraft = self._draft
        return draft.form

    def answers(self) -> dict[str, Any]:
        """What the widget holds, as the problem's grader reads it."""
        return self.form.answers()

    # -- building -------------------------------------------------------------------------------
    def _build(self) -> list[w.Widget]:
        spec = self.form.spec
        out: list[w.Widget] = []
        self._summary = w.HTML(layout=full_width())
        if spec.intro:
            out.append(_paragraph(spec.intro))
        for section in spec.sections:
            out.append(heading(section.title, level=4))
            if section.intro:
                out.append(_paragraph(section.intro))
            if section.board:
                board = w.HTML(layout=full_width())
                self._boards[section.name] = board
                out += [board, self._summary]  # capacity and order right under the board
            out.extend(self._row(section, row) for row in section.rows)
        if self._summary not in out:
            out.append(self._summary)
        if self._on_check is not None:
            button = w.Button(description="Check my answer", icon="check",
                              tooltip="Check what this widget holds, criterion by criterion",
                              button_style="primary", layout=w.Layout(width="auto"))
            button.on_click(lambda _: self._check())
            self._result = w.HTML(layout=full_width())
            out += [button, self._result]
        return out

    def _row(self, section: Section, row: Row) -> w.Widget:
        detail = (f"<br><span style='color:{MUTED};font-size:90%'>{html.escape(row.detail)}"
                  "</span>") if row.detail else ""
        text = w.HTML(f"<div style='white-space:normal;line-height:1.4'><b>{html.escape(row.id)}"
                      f"</b> {html.escape(row.text)}{detail}</div>", layout=full_width())
        controls: list[w.Widget] = []
        for field in section.fields:
            controls.append(self._control(section, row, field))
        box = w.VBox([text, *controls], layout=w.Layout(
            width="100%", border="1px solid #9ca3af", padding="4px 8px", margin="2px 0"))
        box.add_class("pmcourse-answer-row")
        return box

    def _control(self, section: Section, row: Row, field: Field) -> w.Widget:
        key = (section.name, row.id, field.name)
        name = f"{row.id} {field.label}"
        value = self.form.get(*key)
        style = {"description_width": "initial"}
        if field.kind == "choice":
            control = w.Dropdown(options=self._options(field, value), value=value,
                                 description=name, style=style,
                                 layout=w.Layout(width="auto", max_width="100%"))
            control.observe(lambda ch, k=key: self._set(k, ch["new"] or ""), names="value")
            self._controls[key] = control
            return control
        if field.kind == "multi":
            boxes = []
            for option in field.options:
                box = w.Checkbox(value=option.value in value,
                                 description=f"{row.id}: {option.label}",
                                 indent=False, style=style, layout=full_width())
                box.observe(lambda ch, k=key: self._set_multi(k), names="value")
                boxes.append((option.value, box))
            self._controls[key] = boxes
            legend = w.HTML(f"<b>{html.escape(name)}</b> (tick every one that applies)")
            return w.VBox([legend, *(b for _, b in boxes)], layout=full_width())
        control = w.Textarea(value=value, description=name, placeholder=field.placeholder,
                             rows=max(field.rows, 1), continuous_update=True, style=style,
                             layout=full_width())
        control.observe(lambda ch, k=key: self._set(k, ch["new"]), names="value")
        self._controls[key] = control
        feedback = w.HTML(layout=full_width())
        self._feedback[key] = feedback
        return w.VBox([control, feedback], layout=full_width())

    def _options(self, field: Field, value: str) -> list[tuple[str, str]]:
        offered = list(field.choices(self.form.values))
        if value and value not in {o.value for o in offered}:
            offered.append(Option(value, f"{value} (no longer offered: choose again)"))
        return [(CHOOSE, ""), *((o.label, o.value) for o in offered)]

    # -- events ---------------------------------------------------------------------------------
    def _set(self, key: tuple[str, str, str], value: Any) -> None:
        if self._quiet:
            return
        self.form.set(*key, value)
        self._changed()

    def _set_multi(self, key: tuple[str, str, str]) -> None:
        if self._quiet:
            return
        picked = [value for value, box in self._controls[key] if box.value]
        self.form.set(*key, picked)
        self._changed()

    def _check(self) -> None:
        self.flush()
        result = self._on_check() if self._on_check is not None else None
        if result is not None:
            self._result.value = result_html(result)

    # -- rendering ------------------------------------------------------------------------------
    def _render(self) -> None:
        spec = self.form.spec
        for section in spec.sections:
            for row in section.rows:
                for field in section.fields:
                    key = (section.name, row.id, field.name)
                    if field.kind == "choice" and field.options_from is not None:
                        control = self._controls[key]
                        value = self.form.get(*key)
                        options = self._options(field, value)
                        if list(control.options) != options:
                            control.options = options
                            control.value = value
                    if key in self._feedback:
                        self._feedback[key].value = self._text_feedback(section, row, field)
            if section.name in self._boards:
                self._boards[section.name].value = self._board_html(section)
        lines = self.form.summary()
        self._summary.value = ("<ul style='margin:4px 0;padding-left:18px'>" + "".join(
            f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>") if lines else ""

    def _text_feedback(self, section: Section, row: Row, field: Field) -> str:
        text = self.form.get(section.name, row.id, field.name)
        if not text.strip():
            return ""
        parts = []
        verdict = _gate(text, f"{row.id} {field.label}", self.problem, row, field)
        if verdict:
            parts.append(f"<div role='status' style='color:#92400e'>⚠ {html.escape(verdict)}"
                         "</div>")
        lint_as = row.lint_as or field.lint_as
        if lint_as:
            findings, message = run_lint(text, lint_as)
            parts.append(findings_html(findings, message,
                                       clean=f"No {lint_as} rule fired on this text."))
        return "".join(parts)

    def _board_html(self, section: Section) -> str:
        first = section.fields[0].name
        cells = []
        for option in section.board:
            rows = [r for r in section.rows
                    if self.form.get(section.name, r.id, first) == option.value]
            items = "".join(f"<li><b>{html.escape(r.id)}</b> {html.escape(r.text)}</li>"
                            for r in rows) or "<li><i>nothing yet</i></li>"
            cells.append(
                f"<div style='flex:1;min-width:0;border:1px solid #6b7280;padding:4px 8px'>"
                f"<b>{html.escape(option.label)}</b> ({len(rows)})"
                f"<ul style='margin:2px 0;padding-left:18px'>{items}</ul></div>")
        return ("<div class='pmcourse-board' style='display:flex;gap:6px;width:100%'>"
                + "".join(cells) + "</div>")

    def _status_html(self) -> str:
        form = self.form
        missing = form.missing()
        total = form.parts()
        body = f"<b>{total - len(missing)} of {total} answered.</b>"
        if missing:
            shown = ", ".join(missing[:4]) + (f" and {len(missing) - 4} more"
                                              if len(missing) > 4 else "")
            body += " Still to answer: " + html.escape(shown) + "."
        saved = f"Saved automatically to <code>{html.escape(str(self._store.path))}</code>."
        if self._store.last_error:
            saved = f"<span style='color:#b91c1c'>⚠ {html.escape(self._store.last_error)}</span>"
        return f"<div class='pmcourse-progress'>{body}</div><div>{saved}</div>"


def _paragraph(text: str) -> w.HTML:
    return w.HTML(f"<p style='margin:2px 0;white-space:normal'>{html.escape(text)}</p>",
                  layout=full_width())


def _gate(text: str, name: str, problem: Problem, row: Row, field: Field) -> str:
    """The text gate's verdict on one field ('' when it passes or the gate is not installed)."""
    try:
        from ...exercises.graders.gate import gate
    except ImportError:
        return ""
    verdict = gate(text, field=name, prompt_texts=(problem.prompt,), data_texts=(row.text,),
                   sentence=field.sentence, min_words=3 if field.sentence else 1)
    return verdict.message


def result_html(result: Any) -> str:
    """A check result as escaped HTML: its summary, then one line per criterion and note."""
    head, *rest = result.lines()
    body = lines_html([line.strip() for line in rest], title=head) if rest else (
        f"<b>{html.escape(head)}</b>")
    return f"<div role='status'>{body}</div>"


def answer_widget(problem_id: str, *, path: str | os.PathLike[str] | None = None,
                  delay: float = DEFAULT_DELAY) -> AnswerSheet:
    """The answer widget of any problem by id (a graded notebook's tool cell), saving to
    ``drafts/<problem>.json``; its answer cell reads the file with `load_answer`."""
    from ...exercises.engine.registry import get_problem

    return AnswerSheet(get_problem(problem_id), path=path, delay=delay)
