"""Students' written answers, read from autograded notebooks, and near-identical pairs of them.

An answer is the part of an answer cell (``metadata.nbgrader.solution``) the student wrote
themselves: lines of the released starter cell and nbgrader's stubs are removed, and answers that
match the instructor's reference solution are left out (agreeing with the key proves nothing).
Pairs are compared within one question only, with rapidfuzz, so a large cohort takes seconds.
"""

from __future__ import annotations

import heapq
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

STUBS = ("YOUR ANSWER HERE", "# YOUR CODE HERE", "raise NotImplementedError()",
         "raise NotImplementedError", "### BEGIN SOLUTION", "### END SOLUTION")
"""Placeholder lines nbgrader puts where a solution was removed; never part of an answer."""
REFERENCE_MATCH = 95
"""Token-sort similarity to the reference solution at which an answer counts as the key's own."""
_WORD = re.compile(r"\w+")
_SOLUTION = re.compile(r"### BEGIN SOLUTION\n?(.*?)### END SOLUTION", re.DOTALL)


@dataclass(frozen=True)
class Answer:
    """What one student wrote in one answer cell, with starter text and stubs removed."""

    assignment: str
    notebook: str
    cell: str
    student: str
    text: str

    @property
    def question(self) -> str:
        """The question as the instructor finds it: ``notebook / grade_id``."""
        return f"{self.notebook} / {self.cell}"

    @property
    def words(self) -> int:
        """Number of words (runs of letters, digits or underscores)."""
        return len(_WORD.findall(self.text))


@dataclass(frozen=True)
class DuplicatePair:
    """Two students' answers to the same question that are near-identical."""

    assignment: str
    question: str
    student_a: str
    student_b: str
    similarity: float
    text_a: str
    text_b: str


@dataclass
class DuplicateFindings:
    """The near-identical pairs found (most similar first, at most `limit`) and what was compared."""

    pairs: list[DuplicatePair] = field(default_factory=list)
    total_pairs: int = 0
    """All pairs at or above the threshold, also those beyond the listed ones."""
    compared: int = 0
    """Answers long enough to compare."""
    too_short: int = 0
    """Answers left out because they had fewer than `min_words` words (blank answers included)."""
    unreadable: list[str] = field(default_factory=list)
    """Autograded notebooks that could not be read (path relative to the course)."""


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else str(src)


def _nbgrader(cell: dict[str, Any]) -> dict[str, Any]:
    meta = cell.get("metadata")
    data = meta.get("nbgrader") if isinstance(meta, dict) else None
    return data if isinstance(data, dict) else {}


def _answer_cells(path: Path) -> dict[str, str]:
    """grade_id -> source of every answer cell of a notebook (raises OSError/ValueError)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    cells = data.get("cells") if isinstance(data, dict) else None
    if not isinstance(cells, list):
        msg = "no list of cells"
        raise ValueError(msg)
    out: dict[str, str] = {}
    for cell in cells:
        if not isinstance(cell, dict):
            continue
        meta = _nbgrader(cell)
        if meta.get("solution") and meta.get("grade_id"):
            out[str(meta["grade_id"])] = _source(cell)
    return out


def _cells_or_empty(path: Path) -> dict[str, str]:
    try:
        return _answer_cells(path)
    except (OSError, ValueError):
        return {}


def own_words(text: str, starter: str = "") -> str:
    """`text` without the starter cell's lines and nbgrader's stubs, whitespace collapsed."""
    given = {line.strip() for line in starter.splitlines() if line.strip()}
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped in given or stripped in STUBS:
            continue
        for stub in STUBS:
            stripped = stripped.replace(stub, " ")
        kept.append(stripped)
    return " ".join(" ".join(kept).split())


def _reference(source_text: str) -> str:
    """The instructor's solution inside a source cell (the whole cell when it has no markers)."""
    parts = _SOLUTION.findall(source_text)
    return "\n".join(parts) if parts else source_text


def collect_answers(course_root: Path, assignments: Iterable[str] | None = None,
                    *, unreadable: list[str] | None = None) -> list[Answer]:
    """Every student's own words in every answer cell of `DIR/autograded/*/<assignment>/`.

    Answers that match the released starter text or the reference solution in ``source/`` are
    dropped. Notebooks that cannot be read are skipped and named in `unreadable` when given.
    """
    root = Path(course_root)
    base = root / "autograded"
    if not base.is_dir():
        return []
    wanted = set(assignments) if assignments is not None else None
    answers: list[Answer] = []
    starters: dict[tuple[str, str], dict[str, str]] = {}
    references: dict[tuple[str, str], dict[str, str]] = {}
    for path in sorted(base.glob("*/*/*.ipynb")):
        assignment, student = path.parent.name, path.parent.parent.name
        if wanted is not None and assignment not in wanted:
            continue
        key = (assignment, path.name)
        if key not in starters:
            starters[key] = _cells_or_empty(root / "release" / assignment / path.name)
            references[key] = {gid: own_words(_reference(src)) for gid, src in
                               _cells_or_empty(root / "source" / assignment / path.name).items()}
        try:
            cells = _answer_cells(path)
        except (OSError, ValueError):
            if unreadable is not None:
                unreadable.append(str(path.relative_to(root)))
            continue
        for grade_id, text in cells.items():
            words = own_words(text, starters[key].get(grade_id, ""))
            reference = references[key].get(grade_id, "")
            if words and reference and fuzz.token_sort_ratio(words, reference) >= REFERENCE_MATCH:
                continue
            answers.append(Answer(assignment, path.stem, grade_id, student, words))
    return answers


def shorten(text: str, limit: int = 160) -> str:
    """`text` cut to about `limit` characters at a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut + " …"


def near_duplicates(answers: list[Answer], *, threshold: float = 90, min_words: int = 8,
                    limit: int = 200) -> DuplicateFindings:
    """Pairs of different students' answers to one question with token-set similarity >= threshold.

    Answers with fewer than `min_words` words are not compared (short answers agree by chance).
    At most `limit` pairs are listed, most similar first; ``total_pairs`` counts them all.
    """
    findings = DuplicateFindings()
    groups: dict[tuple[str, str], list[Answer]] = {}
    for answer in answers:
        if answer.words < min_words:
            findings.too_short += 1
            continue
        groups.setdefault((answer.assignment, answer.question), []).append(answer)
    found: list[tuple[float, str, str, Answer, Answer]] = []
    for (assignment, question), group in sorted(groups.items()):
        findings.compared += len(group)
        if len(group) < 2:
            continue
        texts = [a.text for a in group]
        scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio,
                               score_cutoff=threshold, dtype=np.float32, workers=-1)
        rows, cols = np.nonzero(np.triu(scores >= threshold, k=1))
        for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
            a, b = group[i], group[j]
            if a.student == b.student:
                continue
            findings.total_pairs += 1
            found.append((float(scores[i, j]), assignment, question, a, b))
    found = heapq.nsmallest(limit, found,
                            key=lambda f: (-f[0], f[1], f[2], f[3].student, f[4].student))
    findings.pairs = [
        DuplicatePair(assignment, question, a.student, b.student, round(sim, 1),
                      shorten(a.text), shorten(b.text))
        for sim, assignment, question, a, b in found
    ]
    return findings
