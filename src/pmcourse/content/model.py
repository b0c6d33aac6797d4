"""The course's content model: lessons and their multiple-choice self-quiz questions, as data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MultipleChoice:
    """One self-quiz question: options keyed by letter, the right letter(s), and why."""

    id: str
    """Stable id within its lesson, e.g. ``q1``; progress stores ``quiz.<lesson>.<id>``."""
    prompt: str
    options: Mapping[str, str]
    """Option letter -> option text, e.g. ``{"a": "...", "b": "..."}``."""
    answer: str | frozenset[str]
    """The right option letter, or a frozenset of letters when several options must be chosen."""
    explanation: str
    """Why the right option is right; shown only once the learner has answered correctly
    or has used up their tries."""
    hint: str = ""
    """A nudge shown after a wrong answer; must not name the right option."""
    why_not: Mapping[str, str] = field(default_factory=dict)
    """Optional: wrong option letter -> why that option misses (shown when it is chosen)."""

    @property
    def multiple(self) -> bool:
        """True when the learner must pick a set of options rather than one."""
        return isinstance(self.answer, frozenset)

    @property
    def answers(self) -> frozenset[str]:
        """The right option letters as a set (one letter for a single-answer question)."""
        return self.answer if isinstance(self.answer, frozenset) else frozenset({self.answer})


@dataclass(frozen=True)
class Lesson:
    """One lesson notebook's data: what it teaches, its quiz and its practice exercises."""

    id: str
    """The notebook's file stem, e.g. ``02_product_vision``."""
    title: str
    objectives: tuple[str, ...]
    """Learning objectives: what a learner can do after the lesson (syllabus and header)."""
    concepts: tuple[str, ...]
    """Slugs of the concepts the lesson teaches (each maps to a tagged cell in the notebook)."""
    quiz: tuple[MultipleChoice, ...] = ()
    practice: tuple[str, ...] = ()
    """Practice notebook names, e.g. ``02_fix_the_vision.ipynb`` (under ``exercises/``)."""
    summary: str = ""
    """One sentence for the syllabus: what the lesson is about."""
    minutes: int = 30
    """Rough time a learner needs, reading and doing the quiz."""

    @property
    def number(self) -> int:
        """The lesson's position in the course (from its id's two-digit prefix)."""
        return int(self.id[:2])

    @property
    def notebook(self) -> str:
        """The lesson notebook's path relative to the course root."""
        return f"notebooks/{self.id}.ipynb"
