"""Questions by name and the criteria most learners missed, for the cohort report.

A pmcourse grade cell's output, written by the grader (never by the kernel), starts with the
problem's title in brackets and lists one line per criterion (``✔`` passed, ``◐`` partly,
``✘`` missed). Those lines, read from every scored submission's autograded notebook, give
per-criterion counts; the titles, and the heading above each written answer in the source
notebook, name the questions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from ..pipeline.course import Course

CRITERION_COLUMNS = ("assignment", "question", "criterion", "n", "passed", "partly", "missed",
                     "missed_share")
_LINE = re.compile(r"^\s*([✔◐✘])\s+(.+?)\s+\(\d+% of \d+%\):")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$", re.M)
NOTEBOOK_BYTES = 200_000_000


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value or "")


def _cells(path: Path) -> list[dict[str, Any]]:
    from ..pipeline.feedback import read_regular

    raw = read_regular(path, NOTEBOOK_BYTES)
    if raw is None:
        return []
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        return []
    cells = data.get("cells") if isinstance(data, dict) else None
    return [c for c in cells if isinstance(c, dict)] if isinstance(cells, list) else []


def _meta(cell: dict[str, Any]) -> dict[str, Any]:
    meta = cell.get("metadata")
    data = meta.get("nbgrader") if isinstance(meta, dict) else None
    return data if isinstance(data, dict) else {}


def _check_output(cell: dict[str, Any]) -> list[str]:
    for out in cell.get("outputs", []) or []:
        if isinstance(out, dict) and out.get("output_type") == "stream":
            return _text(out.get("text")).splitlines()
    return []


def question_titles(course_root: Path, assignment: str) -> dict[tuple[str, str], str]:
    """(notebook, grade id) -> a readable name, from the instructor's source notebooks.

    A pmcourse check is named by its problem's title; any other graded cell by the last heading
    above it, with the kind of answer ("written answer", "code", "task").
    """
    from ..pipeline.preprocessors import graded_problem_id

    titles: dict[tuple[str, str], str] = {}
    folder = Course(Path(course_root)).source / assignment
    for path in sorted(folder.glob("*.ipynb")) if folder.is_dir() else []:
        heading = ""
        for cell in _cells(path):
            meta, source = _meta(cell), _text(cell.get("source"))
            grade_id = str(meta.get("grade_id", ""))
            if cell.get("cell_type") == "markdown":
                found = _HEADING.findall(source)
                if found and not meta.get("solution"):
                    heading = found[-1].strip()
            if not grade_id or not (meta.get("grade") or meta.get("task")):
                continue
            problem = graded_problem_id(source) if cell.get("cell_type") == "code" else None
            if problem is not None:
                from pmcourse.exercises.engine.registry import get_problem

                titles[(path.stem, grade_id)] = get_problem(problem).title
                continue
            kind = ("task" if meta.get("task") else "written answer"
                    if cell.get("cell_type") == "markdown" else
                    "code" if meta.get("solution") else "tests")
            titles[(path.stem, grade_id)] = f"{heading or grade_id} ({kind})"
    return titles


def criteria_frame(course_root: Path, scored: Iterable[tuple[str, str]]) -> pd.DataFrame:
    """Per assignment, question and criterion: how many scored submissions passed, partly
    passed or missed it, most missed first."""
    from ..pipeline.preprocessors import graded_problem_id

    counts: dict[tuple[str, str, str], list[int]] = {}
    root = Path(course_root)
    for assignment, student in sorted(set(scored)):
        folder = Course(root).folder("autograded") / student / assignment
        for path in sorted(folder.glob("*.ipynb")) if folder.is_dir() else []:
            for cell in _cells(path):
                if cell.get("cell_type") != "code" or not _meta(cell).get("grade"):
                    continue
                if graded_problem_id(_text(cell.get("source"))) is None:
                    continue  # only pmcourse's checks print criteria (the grader writes them)
                lines = _check_output(cell)
                if not lines or not lines[0].startswith("["):
                    continue
                question = lines[0].strip().strip("[]")
                for line in lines[1:]:
                    match = _LINE.match(line)
                    if match is None:
                        continue
                    mark, criterion = match.groups()
                    tally = counts.setdefault((assignment, question, criterion), [0, 0, 0])
                    tally["✔◐✘".index(mark)] += 1
    rows = [(a, q, c, sum(t), t[0], t[1], t[2], t[2] / sum(t))
            for (a, q, c), t in counts.items()]
    frame = pd.DataFrame(rows, columns=list(CRITERION_COLUMNS))
    return frame.sort_values(["assignment", "missed_share", "question", "criterion"],
                             ascending=[True, False, True, True], kind="stable"
                             ).reset_index(drop=True)
