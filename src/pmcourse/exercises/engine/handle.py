"""`ProblemHandle`: what a practice notebook calls: ``q.show()``, ``q.answer()``, ``q.check()``,
``q.hint()``, ``q.solution()``. Answering needs no code: ``q.answer()`` shows a widget and
``q.check()`` with no argument checks what it holds; ``q.check(split)`` checks a code answer."""

from __future__ import annotations

import html
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .placeholder import ____
from .problem import Problem
from .result import CheckResult, Outcome, markdown_text


@dataclass(frozen=True)
class Markdown:
    """Text shown as Markdown in a notebook and as plain text elsewhere."""

    text: str

    def _repr_markdown_(self) -> str:
        return self.text

    def __str__(self) -> str:
        return self.text

    __repr__ = __str__


@dataclass(frozen=True)
class Table:
    """A problem input shown in full: every text wrapped, never cut at 50 characters."""

    title: str
    value: Any

    def _repr_html_(self) -> str:
        head = f"<p><b>{html.escape(self.title)}</b></p>" if self.title else ""
        return head + _html(self.value)

    def __str__(self) -> str:
        return (f"{self.title}\n" if self.title else "") + _plain(self.value)

    __repr__ = __str__


def _is_rows(value: Any) -> bool:
    return (isinstance(value, Sequence) and not isinstance(value, str) and bool(value)
            and all(isinstance(row, Mapping) for row in value))


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)


def _html(value: Any) -> str:
    style = "text-align:left;vertical-align:top;white-space:normal;padding:2px 8px"
    if _is_rows(value):
        columns = list(dict.fromkeys(k for row in value for k in row))
        head = "".join(f"<th style='{style}'>{html.escape(str(c))}</th>" for c in columns)
        body = "".join(
            "<tr>" + "".join(f"<td style='{style}'>{html.escape(_cell(row.get(c)))}</td>"
                             for c in columns) + "</tr>" for row in value)
        return (f"<table class='pmcourse-table' style='table-layout:auto;width:auto'>"
                f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    if isinstance(value, Mapping):
        body = "".join(f"<tr><th style='{style}'>{html.escape(str(k))}</th>"
                       f"<td style='{style}'>{_html(v)}</td></tr>" for k, v in value.items())
        return f"<table class='pmcourse-table'><tbody>{body}</tbody></table>"
    return f"<span style='white-space:normal'>{html.escape(_cell(value))}</span>"


def _plain(value: Any, indent: str = "") -> str:
    if _is_rows(value):
        return "\n".join(indent + "; ".join(f"{k}: {_cell(v)}" for k, v in row.items())
                         for row in value)
    if isinstance(value, Mapping):
        return "\n".join(f"{indent}{k}: {_plain(v).strip()}" if not isinstance(v, Mapping)
                         else f"{indent}{k}:\n{_plain(v, indent + '  ')}"
                         for k, v in value.items())
    return indent + _cell(value)


class ProblemHandle:
    """A learner's handle on one practice problem: answer, check, progressive hints, solution."""

    def __init__(self, problem: Problem, *, on_check: Any = None) -> None:
        self.problem = problem
        self._hints_shown = 0
        self._on_check = on_check
        self._sheet: Any = None

    def __repr__(self) -> str:
        return f"{self.problem.title}: q.answer(), q.check(), q.hint(), q.solution()"

    def _repr_markdown_(self) -> str:
        from ...widgets.answers import NoAnswerForm, form_spec

        text = f"### {markdown_text(self.problem.title)}\n\n{markdown_text(self.problem.prompt)}"
        try:
            form_spec(self.problem)
        except NoAnswerForm:
            return text
        return (text + "\n\n_No code needed: `q.answer()` lets you answer by choosing and "
                "typing, and `q.check()` checks what you entered._")

    def data(self, name: str | None = None) -> Any:
        """The public inputs of the problem (a copy), e.g. the feature list as a DataFrame."""
        from .data import materialize

        return materialize(self.problem.data[self._input(name)])

    def show(self, name: str | None = None) -> Table:
        """One public input shown in full (wrapped text, no cut-off), for reading."""
        name = self._input(name)
        return Table(name.replace("_", " ").capitalize(), self.problem.data[name])

    def _input(self, name: str | None) -> str:
        if name is None:
            if len(self.problem.data) != 1:
                msg = f"this problem has several inputs: {', '.join(self.problem.data)}"
                raise TypeError(msg)
            (name,) = self.problem.data
        if name not in self.problem.data:
            msg = f"no input {name!r}; this problem has: {', '.join(self.problem.data)}"
            raise KeyError(msg)
        return name

    def answer(self, *, path: str | os.PathLike[str] | None = None,
               delay: float | None = None) -> Any:
        """The answer widget: choose and type, saved to ``drafts/<problem>.json`` as you go and
        restored when you run this again. ``q.check()`` then checks what it holds."""
        from ...widgets.answers import AnswerSheet

        options = {} if delay is None else {"delay": delay}
        self._sheet = AnswerSheet(self.problem, path=path, on_check=self.check, **options)
        return self._sheet

    def check(self, *args: Any, **kwargs: Any) -> CheckResult:
        """Checks the answer: the widget's (or its saved draft) when called with no argument;
        otherwise positional arguments follow the problem's variables in order."""
        if len(args) > len(self.problem.vars):
            expected = ", ".join(self.problem.vars)
            msg = f"check() takes {len(self.problem.vars)} answer(s): {expected}"
            raise TypeError(msg)
        if not args and not kwargs:
            answers, why = self._widget_answers()
            if answers is None:
                return CheckResult(self.problem.id, Outcome.NOT_ATTEMPTED, 0.0, message=why)
        else:
            answers = dict(zip(self.problem.vars, args, strict=False))
            answers.update(kwargs)
        result = self.problem.check(answers)
        if self._on_check is not None:
            self._on_check(self.problem.id, result)
        return result

    def _widget_answers(self) -> tuple[dict[str, Any] | None, str]:
        """What the answer widget holds, else its saved draft; or None and why there is none."""
        from ...widgets.answers import NoAnswerForm, default_path, read_answer_form
        from ...widgets.models import DraftError, DraftMissingError

        empty = ("Not attempted: the answer widget is still empty. Choose or type your answer "
                 "in it (`q.answer()` shows it), then check again.")
        if self._sheet is not None:
            self._sheet.flush()
            if self._sheet.form.is_empty():
                return None, empty
            return self._sheet.answers(), ""
        names = ", ".join(self.problem.vars)
        try:
            form = read_answer_form(default_path(self.problem), self.problem.id)
        except NoAnswerForm as exc:
            return None, f"Not attempted: {exc} Then pass your answer, e.g. `q.check({names})`."
        except DraftMissingError:
            return None, ("Not attempted: there is nothing to check yet. Answer in the widget "
                          f"(`q.answer()`), or pass your answer, e.g. `q.check({names})`.")
        except DraftError as exc:
            return None, (f"Your saved answer could not be read: {exc} Run `q.answer()`: it "
                          "keeps the damaged file aside and starts a fresh answer.")
        if form.is_empty():
            return None, empty
        return ({v: form.answers().get(v, ____) for v in self.problem.vars}, "")

    def hint(self) -> Markdown:
        """The next hint: each call reveals one more, gentlest first."""
        hints = self.problem.hints
        if not hints:
            return Markdown("There is no hint for this problem. Re-read the prompt, then try "
                            "`q.check()`.")
        n = min(self._hints_shown, len(hints) - 1)
        self._hints_shown = n + 1
        more = (
            f" Call `hint()` again for hint {n + 2}."
            if n + 1 < len(hints)
            else " That was the last hint; `solution()` shows the answer."
        )
        return Markdown(f"**Hint {n + 1} of {len(hints)}:** {markdown_text(hints[n])}\n\n"
                        f"_{more.strip()}_")

    def solution(self) -> Markdown:
        """The worked solution and why it is right."""
        body = markdown_text(self.problem.solution_markdown()).replace("&lt;br&gt;", "<br>")
        return Markdown(f"**Solution: {markdown_text(self.problem.title)}**\n\n{body}")
