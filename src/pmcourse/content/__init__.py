"""The course's content as data: lessons, house definitions, disagreements, glossary, the quiz.

Lesson notebooks render from here (``lesson_header``, ``definition``, ``Quiz.for_lesson`` ...)
so each fact is written once.
"""

from __future__ import annotations

from .definitions import DEFINITIONS, Definition, find_definition
from .diagrams import DIAGRAMS, Diagram, diagram
from .disagreements import DISAGREEMENTS, Disagreement, find_disagreement
from .display import Markdown
from .glossary import GlossaryEntry, glossary
from .larder import LARDER, Case
from .lessons import LESSON_ERRORS, LESSONS
from .model import Lesson, MultipleChoice
from .quiz import Feedback, Quiz
from .views import (
    definition,
    disagreement,
    drafts_status,
    further_reading,
    glossary_table,
    larder,
    lesson_header,
    lint_report,
    progress_markdown,
    progress_view,
    published_examples,
    syllabus,
)

__all__ = [
    "DEFINITIONS", "DIAGRAMS", "DISAGREEMENTS", "LARDER", "LESSONS", "LESSON_ERRORS", "Case",
    "Definition", "Diagram", "Disagreement", "Feedback", "GlossaryEntry", "Lesson", "Markdown",
    "MultipleChoice", "Quiz", "definition", "diagram", "disagreement", "drafts_status",
    "find_definition", "find_disagreement", "further_reading", "glossary", "glossary_table", "larder",
    "lesson_header", "lint_report", "progress_markdown", "progress_view", "published_examples",
    "syllabus",
]
