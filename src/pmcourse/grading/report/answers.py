"""Students' written answers, read from autograded notebooks, and near-identical pairs of them.

An answer is the part of an answer cell (``metadata.nbgrader.solution``) the student wrote
themselves: lines of the released starter cell and nbgrader's stubs are removed, and answers that
match the instructor's reference solution are left out (agreeing with the key proves nothing).
Pairs are compared within one question only, with rapidfuzz, so a large cohort takes seconds.
"""

from __future__ import annotations

import heapq
import itertools
import json
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, utils

from ..pipeline.course import Course

STUBS = ("YOUR ANSWER HERE", "# YOUR CODE HERE", "raise NotImplementedError()",
         "raise NotImplementedError", "### BEGIN SOLUTION", "### END SOLUTION")
"""Placeholder lines nbgrader puts where a solution was removed; never part of an answer."""
REFERENCE_MATCH = 95
"""Token-sort similarity to the reference solution at which an answer counts as the key's own."""
_BLOCK = 1000
"""Answers compared per block in the overlap prefilter (a block x n matrix at a time)."""
_BUCKETS = 2048
"""Hash buckets of the word-overlap prefilter."""
_MIN_OVERLAP = 0.5
"""Share of the shorter answer's words two answers must have in common to be scored."""
GROUP_SIZE = 3
"""Students sharing one wording from which a group is listed besides its pairs."""
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


@dataclass(frozen=True)
class DuplicateGroup:
    """Three or more students whose answers to one question are linked by near-identical pairs."""

    assignment: str
    question: str
    students: tuple[str, ...]
    lowest_similarity: float
    """The weakest link that joins the group (100 when every answer is the same text)."""


@dataclass
class DuplicateFindings:
    """The near-identical pairs found (most similar first, at most `limit`) and what was compared."""

    pairs: list[DuplicatePair] = field(default_factory=list)
    total_pairs: int = 0
    """All pairs at or above the threshold, also those beyond the listed ones."""
    groups: list[DuplicateGroup] = field(default_factory=list)
    """Groups of `GROUP_SIZE` or more students joined by pairs, largest first."""
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
    course = Course(root)
    base = course.folder("autograded")
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
            starters[key] = _cells_or_empty(course.folder("release") / assignment / path.name)
            references[key] = {gid: own_words(_reference(src)) for gid, src in
                               _cells_or_empty(course.source / assignment / path.name).items()}
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


def _word_matrix(texts: list[str]) -> np.ndarray:
    """Rows of hashed word indicators (one column per hash bucket) for the overlap prefilter.

    Two words sharing a bucket can only raise the overlap of two texts, never lower it, so the
    prefilter keeps every pair the exact comparison could accept.
    """
    matrix = np.zeros((len(texts), _BUCKETS), dtype=np.float32)
    for row, text in enumerate(texts):
        columns = {zlib.crc32(word.encode("utf-8", "surrogatepass")) % _BUCKETS
                   for word in text.split()}
        matrix[row, list(columns)] = 1.0
    return matrix


def _candidates(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs i < j of distinct `texts` that share at least half the words of the shorter.

    A token-sort similarity of 90 or more needs far more common wording than that, and a matrix product
    finds these pairs in milliseconds where scoring every pair would take minutes.
    """
    matrix = _word_matrix(texts)
    sizes = matrix.sum(axis=1)
    found_rows, found_cols = [], []
    for start in range(0, len(texts), _BLOCK):
        shared = matrix[start:start + _BLOCK] @ matrix[start:].T
        smaller = np.minimum(sizes[start:start + _BLOCK, None], sizes[None, start:])
        rows, cols = np.nonzero(shared >= _MIN_OVERLAP * np.maximum(smaller, 1))
        upper = cols > rows  # both offset by `start`, so this is j > i
        found_rows.append(rows[upper] + start)
        found_cols.append(cols[upper] + start)
    return np.concatenate(found_rows), np.concatenate(found_cols)


def _similar_groups(texts: list[str], threshold: float) -> list[tuple[float, int, int]]:
    """(similarity, i, j) for pairs of distinct `texts` (i < j) at or above `threshold`."""
    if len(texts) < 2:
        return []
    rows, cols = _candidates(texts)
    out = []
    for i, j in zip(rows.tolist(), cols.tolist(), strict=True):
        similarity = fuzz.token_sort_ratio(texts[i], texts[j], score_cutoff=threshold)
        if similarity >= threshold:
            out.append((float(similarity), i, j))
    return out


def _components(size: int, links: list[tuple[float, int, int]]) -> list[tuple[list[int], float]]:
    """Connected groups of indexes 0..size-1 joined by `links`, each with its weakest link."""
    parent = list(range(size))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for _, i, j in links:
        parent[root(i)] = root(j)
    weakest: dict[int, float] = {}
    for similarity, i, _ in links:
        r = root(i)
        weakest[r] = min(weakest.get(r, 100.0), similarity)
    members: dict[int, list[int]] = {}
    for i in range(size):
        members.setdefault(root(i), []).append(i)
    return [(group, weakest[r]) for r, group in members.items() if r in weakest]


def _question_pairs(group: list[Answer], threshold: float, limit: int
                    ) -> tuple[int, list[tuple[float, Answer, Answer]],
                               list[tuple[tuple[str, ...], float]]]:
    """How many pairs of `group` reach `threshold`, the first `limit` (most similar first), and
    the groups of `GROUP_SIZE` or more students the pairs join (students, weakest link).

    Identical texts (after lower-casing and dropping punctuation) are scored once, as 100.
    """
    members: dict[str, list[Answer]] = {}
    for answer in group:
        members.setdefault(utils.default_process(answer.text), []).append(answer)
    texts = list(members)
    unique = [(100.0, i, i) for i, text in enumerate(texts) if len(members[text]) > 1]
    unique += _similar_groups(texts, threshold)
    unique.sort(key=lambda u: (-u[0], members[texts[u[1]]][0].student,
                               members[texts[u[2]]][0].student))
    total = 0
    listed: list[tuple[float, Answer, Answer]] = []
    for similarity, i, j in unique:
        first, second = members[texts[i]], members[texts[j]]
        if i == j:
            total += len(first) * (len(first) - 1) // 2
            pairs: Iterable[tuple[Answer, Answer]] = itertools.combinations(first, 2)
        else:
            total += len(first) * len(second)
            pairs = itertools.product(first, second)
        for a, b in itertools.islice(pairs, max(0, limit - len(listed))):
            if a.student != b.student:
                listed.append((similarity, *sorted((a, b), key=lambda x: x.student)))
    clusters = []
    for indexes, weakest in _components(len(texts), unique):
        students = tuple(sorted({a.student for i in indexes for a in members[texts[i]]}))
        if len(students) >= GROUP_SIZE:
            clusters.append((students, weakest))
    return total, listed, clusters


def near_duplicates(answers: list[Answer], *, threshold: float = 90, min_words: int = 8,
                    limit: int = 200) -> DuplicateFindings:
    """Pairs of different students' answers to one question with token-sort similarity >= threshold.

    Texts are compared lower-cased without punctuation (rapidfuzz's `default_process`), their
    words sorted, then as whole strings: reordered copies score high, while an answer that
    only contains another (a subset) or a different solution built from the same words (a
    loop and a list comprehension) does not reach 100.
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
        total, listed, clusters = _question_pairs(group, threshold, limit)
        findings.total_pairs += total
        findings.groups += [DuplicateGroup(assignment, question, students, round(weakest, 1))
                            for students, weakest in clusters]
        found += [(sim, assignment, question, a, b) for sim, a, b in listed]
    found = heapq.nsmallest(limit, found,
                            key=lambda f: (-f[0], f[1], f[2], f[3].student, f[4].student))
    findings.groups.sort(key=lambda g: (-len(g.students), g.assignment, g.question, g.students))
    findings.pairs = [
        DuplicatePair(assignment, question, a.student, b.student, round(sim, 1),
                      shorten(a.text), shorten(b.text))
        for sim, assignment, question, a, b in found
    ]
    return findings
