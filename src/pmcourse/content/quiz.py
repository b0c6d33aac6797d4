"""Self-quizzes: multiple-choice questions with explaining feedback, as a form and from code.

The right option is never shown before an answer: a wrong answer gets a reason and a hint, and
the explanation appears once the learner answers correctly or has used up their tries.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..exercises.engine.result import CheckResult, Outcome
from .model import MultipleChoice

MAX_TRIES = 2
"""Wrong answers allowed before a question shows its answer and explanation."""

QUIZ_CSS = """<style>
.pmcourse-quiz .widget-radio, .pmcourse-quiz .widget-radio-box { width: auto; max-width: 100%; }
.pmcourse-quiz .widget-radio-box label, .pmcourse-quiz .widget-checkbox label {
  height: auto !important; line-height: 1.35 !important; white-space: normal !important;
  display: flex; align-items: flex-start; padding: 3px 0; overflow: visible;
  text-overflow: clip; }
.pmcourse-quiz .widget-radio-box input, .pmcourse-quiz .widget-checkbox input {
  float: none !important; flex-shrink: 0; height: auto !important; margin-top: 2px; }
.pmcourse-quiz .widget-radio-box input { order: -1; margin-right: 8px; }
.pmcourse-quiz .widget-checkbox { height: auto; width: auto; max-width: 100%; }
.pmcourse-quiz .widget-checkbox span { white-space: normal; overflow: visible; }
</style>"""
"""Lets long option texts wrap instead of overlapping (ipywidgets sizes options for one line)."""


@dataclass(frozen=True)
class Feedback:
    """What a learner sees after answering one question."""

    question_id: str
    correct: bool | None
    """True / False for a checked answer; None when the answer could not be checked."""
    message: str
    """Markdown: why, a hint, or what to fix in the input."""
    revealed: bool = False
    """True when the message shows the right option (after a correct answer or the last try)."""

    def _repr_markdown_(self) -> str:
        return self.message

    def __str__(self) -> str:
        return self.message

    __repr__ = __str__

    def __bool__(self) -> bool:
        return bool(self.correct)


def markdown_inline_html(text: str) -> str:
    """Turns the little Markdown used in quiz text (bold, code, italics) into safe HTML."""
    out = html.escape(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    out = re.sub(r"`(.+?)`", r"<code>\1</code>", out)
    out = re.sub(r"(?<![\w])_(.+?)_(?![\w])", r"<i>\1</i>", out)
    return out.replace("\n\n", "<br><br>")


class Quiz:
    """A lesson's self-quiz: a form in a notebook, or ``quiz.check(qid, choice)`` from code."""

    def __init__(self, lesson_id: str, questions: Sequence[MultipleChoice], *,
                 record: bool = True) -> None:
        self.lesson_id = lesson_id
        self.questions: dict[str, MultipleChoice] = {q.id: q for q in questions}
        self.record = record
        self._wrong: dict[str, int] = {}
        self._widget: Any = None

    @classmethod
    def for_lesson(cls, lesson_id: str) -> Quiz:
        """The quiz declared in the lesson's data module (``content/lessons/lNN_*.py``)."""
        from .lessons import LESSONS

        lesson = LESSONS.get(lesson_id)
        if lesson is None:
            known = ", ".join(LESSONS)
            msg = f"there is no lesson {lesson_id!r}; the lessons are: {known}"
            raise KeyError(msg)
        return cls(lesson_id, lesson.quiz)

    def __repr__(self) -> str:
        lines = [f"Self-quiz for {self.lesson_id}: answer with quiz.check('<question id>', "
                 f"'<option letter>')"]
        for q in self.questions.values():
            lines.append(f"\n{q.id}. {q.prompt}")
            lines += [f"   {k}) {v}" for k, v in q.options.items()]
        return "\n".join(lines)

    def check(self, question_id: str, choice: str | Iterable[str] | None) -> Feedback:
        """Checks one answer and explains; bad input gets a message, never an exception."""
        question = self.questions.get(str(question_id).strip())
        if question is None:
            known = ", ".join(f"'{k}'" for k in self.questions)
            return Feedback(str(question_id), None,
                            f"There is no question {question_id!r} in this quiz. Its questions "
                            f"are {known}.")
        chosen, problem = _parse_choice(question, choice)
        if problem:
            return Feedback(question.id, None, problem)
        if chosen == question.answers:
            feedback = Feedback(question.id, True, f"**Correct.** {question.explanation}", True)
        else:
            self._wrong[question.id] = self._wrong.get(question.id, 0) + 1
            feedback = self._wrong_feedback(question, chosen)
        self._record(question, feedback)
        return feedback

    def _wrong_feedback(self, question: MultipleChoice, chosen: frozenset[str]) -> Feedback:
        parts = ["**Not quite.**"]
        reasons = [question.why_not[c] for c in sorted(chosen) if c in question.why_not]
        if question.multiple:
            right = len(chosen & question.answers)
            extra = len(chosen - question.answers)
            parts.append(f"You picked {right} of the {len(question.answers)} options that "
                         f"belong" + (f", and {extra} that does not." if extra == 1 else
                                      f", and {extra} that do not." if extra else "."))
        parts += reasons
        if self._wrong[question.id] < MAX_TRIES:
            if question.hint:
                parts.append(f"_Hint:_ {question.hint}")
            parts.append("Try again.")
            return Feedback(question.id, False, " ".join(parts))
        letters = ", ".join(f"({k}) {question.options[k]}" for k in sorted(question.answers))
        parts.append(f"\n\nThe answer: {letters}. {question.explanation}")
        return Feedback(question.id, False, " ".join(parts), True)

    def _record(self, question: MultipleChoice, feedback: Feedback) -> None:
        if not self.record:
            return
        from ..progress import record_check

        outcome = Outcome.CORRECT if feedback.correct else Outcome.INCORRECT
        result = CheckResult(f"quiz.{self.lesson_id}.{question.id}", outcome,
                             1.0 if feedback.correct else 0.0, message=feedback.message)
        record_check(result.problem_id, result)

    # -- the form ---------------------------------------------------------------------------

    def widget(self) -> Any:
        """The quiz as an ipywidgets form: one block per question with a Check button."""
        if self._widget is None:
            import ipywidgets as w

            blocks = [w.HTML(f"{QUIZ_CSS}<h4>Self-quiz: {len(self.questions)} questions</h4>")]
            blocks += [self._question_block(q) for q in self.questions.values()]
            self._widget = w.VBox(blocks)
            self._widget.add_class("pmcourse-quiz")
        return self._widget

    def _question_block(self, question: MultipleChoice) -> Any:
        import ipywidgets as w

        prompt = w.HTML(f"<p><b>{html.escape(question.id)}.</b> "
                        f"{markdown_inline_html(question.prompt)}</p>")
        labels = [(f"{k}) {v}", k) for k, v in question.options.items()]
        layout = w.Layout(width="auto")
        if question.multiple:
            boxes = [w.Checkbox(value=False, description=label, indent=False, layout=layout)
                     for label, _ in labels]
            picker: Any = w.VBox(boxes)

            def value() -> list[str]:
                return [k for (_, k), box in zip(labels, boxes, strict=True) if box.value]
        else:
            radio = w.RadioButtons(options=labels, value=None, layout=layout)
            picker = radio

            def value() -> str | None:
                return radio.value

        button = w.Button(description="Check", button_style="primary",
                          tooltip=f"Check your answer to {question.id}")
        feedback = w.HTML("")
        feedback.add_class("pmcourse-quiz-feedback")

        def on_click(_: Any) -> None:
            result = self.check(question.id, value())
            colour = {True: "#1b7f3a", False: "#a33", None: "#555"}[result.correct]
            feedback.value = (f"<div style='color:{colour}'>"
                              f"{markdown_inline_html(result.message)}</div>")

        button.on_click(on_click)
        block = w.VBox([prompt, picker, button, feedback])
        block.add_class("pmcourse-quiz-question")
        return block

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget()._repr_mimebundle_(**kwargs)


def _parse_choice(question: MultipleChoice,
                  choice: str | Iterable[str] | None) -> tuple[frozenset[str], str]:
    """The chosen letters, or an empty set and a message saying what is wrong with the input."""
    letters = ", ".join(question.options)
    example = "'a', 'c'" if question.multiple else "'b'"
    how = (f"Pass the option letter(s) as text, e.g. quiz.check('{question.id}', "
           f"{'[' + example + ']' if question.multiple else example}).")
    if choice is None or (isinstance(choice, str) and not choice.strip()):
        return frozenset(), f"Pick an option first. {how}"
    if isinstance(choice, str):
        raw = [part for part in re.split(r"[\s,;]+", choice) if part]
    elif isinstance(choice, Iterable):
        raw = [str(part) for part in choice]
    else:
        return frozenset(), f"{choice!r} is not an option letter. {how}"
    chosen = frozenset(part.strip().strip(")(.").casefold() for part in raw)
    unknown = sorted(c for c in chosen if c not in question.options)
    if unknown:
        return frozenset(), (f"{', '.join(repr(u) for u in unknown)} is not among the options "
                             f"({letters}). {how}")
    if not chosen:
        return frozenset(), f"Pick an option first. {how}"
    if len(chosen) > 1 and not question.multiple:
        return frozenset(), f"This question has one answer: pick a single letter. {how}"
    return chosen, ""
