"""Answer drafts: a widget's answer saved as ``drafts/<problem>.json``, read back as plain data.

The file survives a kernel restart and nbgrader's autograde (widget state does not), so a graded
notebook's answer cell can be ``split = load_answer("drafts/feature_split.json")``.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any, ClassVar, Literal, Self

from ...exercises.engine.placeholder import ____
from ...exercises.engine.problem import Problem
from ..models.base import Draft, DraftError, DraftMissingError, read_json
from .form import AnswerForm, FormSpec
from .specs import form_spec

DRAFTS_FOLDER = "drafts"
"""Where answers are saved, next to the notebook (the folder a graded submission includes)."""


def default_path(problem: Problem) -> Path:
    """``drafts/<problem>.json``: the problem id without its set (``feature_split``)."""
    return Path(DRAFTS_FOLDER) / f"{problem.id.split('.', 1)[-1]}.json"


class AnswerDraft(Draft):
    """The values of one problem's answer form, as a draft file the DraftStore saves."""

    KIND: ClassVar[str] = "answer"
    TITLE: ClassVar[str] = "Answer"
    SPEC: ClassVar[FormSpec]

    def __init__(self, form: AnswerForm | None = None) -> None:
        self.form = form if form is not None else AnswerForm(self.SPEC)

    def __eq__(self, other: object) -> bool:
        return (type(other) is type(self) and isinstance(other, AnswerDraft)
                and other.form.values == self.form.values)

    __hash__ = None  # type: ignore[assignment]

    def fields_to_dict(self) -> dict[str, Any]:
        return {"problem": self.SPEC.problem_id, "values": self.form.to_values()}

    @classmethod
    def from_fields(cls, data: dict[str, Any]) -> Self:
        problem = data.get("problem")
        if problem != cls.SPEC.problem_id:
            msg = (f"This file holds the answer to {problem!r}, not to {cls.SPEC.problem_id!r}. "
                   "Give each problem its own file.")
            raise DraftError(msg)
        form = AnswerForm(cls.SPEC)
        form.load(data.get("values", {}))
        return cls(form)

    def missing(self) -> list[str]:
        return self.form.missing()

    def parts(self) -> int:
        return self.form.parts()

    def is_empty(self) -> bool:
        return self.form.is_empty()

    def to_markdown(self) -> str:
        lines = [f"## {self.SPEC.title}", ""]
        for section in self.SPEC.sections:
            for row in section.rows:
                given = {f.label: self.form.get(section.name, row.id, f.name)
                         for f in section.fields}
                shown = "; ".join(f"{k}: {', '.join(v) if isinstance(v, list) else v}"
                                  for k, v in given.items() if v)
                if shown:
                    lines.append(f"- **{row.id}** {shown}")
        return "\n".join(lines)


@functools.cache
def answer_draft_type(problem_id: str) -> type[AnswerDraft]:
    """The draft class for one problem's answer (one class per problem, made once)."""
    from ...exercises.engine.registry import get_problem

    spec = form_spec(get_problem(problem_id))
    name = "AnswerDraft_" + problem_id.replace(".", "_")
    return type(name, (AnswerDraft,), {"SPEC": spec, "TITLE": spec.title})


def read_answer_form(path: str | os.PathLike[str], problem: str | None = None) -> AnswerForm:
    """The answer form saved at `path` (for `problem`, when given); a DraftError says what is
    wrong with a missing, damaged or mismatched file."""
    target = Path(path).expanduser()
    data = read_json(target)
    if not isinstance(data, dict) or not isinstance(data.get("draft"), dict):
        msg = f"{target} is not a pmcourse answer file."
        raise DraftError(msg)
    if data.get("kind") != AnswerDraft.KIND:
        msg = f"{target} holds a {data.get('kind')!r} draft, not an answer."
        raise DraftError(msg)
    claimed = data["draft"].get("problem")
    wanted = problem or claimed
    if not isinstance(wanted, str):
        msg = f"{target} does not say which problem it answers."
        raise DraftError(msg)
    try:
        draft_type = answer_draft_type(wanted)
    except LookupError as exc:
        raise DraftError(f"{target}: {exc}") from None
    return draft_type.from_dict(data).form


def load_answer(path: str | os.PathLike[str], problem: str | None = None, *,
                var: str | None = None, if_missing: Literal["raise", "placeholder"] = "raise"
                ) -> Any:
    """The answer saved by an answer widget at `path`, as the plain value a code answer holds.

    For a problem with several answer variables, name the one you want with `var`. A missing or
    damaged file raises a DraftError that says what to do (nbgrader's Validate shows it); with
    ``if_missing="placeholder"`` a missing file prints that message and gives the `____`
    placeholder instead (checked as not attempted), for cells that must run without a draft.
    """
    target = Path(path).expanduser()
    try:
        form = read_answer_form(target, problem)
    except DraftMissingError:
        msg = (f"No answer saved at {target} yet. Answer in the widget above (it saves as you "
               "go), and hand in that file with this notebook.")
        if if_missing == "placeholder":
            print(msg)
            return ____
        raise DraftMissingError(msg) from None
    answers = form.answers()
    if var is None:
        if len(answers) != 1:
            names = ", ".join(repr(n) for n in answers)
            msg = f"this answer has several parts ({names}): name one, e.g. var={next(iter(answers))!r}."
            raise TypeError(msg)
        return next(iter(answers.values()))
    if var not in answers:
        msg = f"this answer has no part {var!r}; it has {', '.join(map(repr, answers))}."
        raise KeyError(msg)
    return answers[var]
