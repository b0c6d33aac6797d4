"""Builds the nbgrader source notebooks of `assignments.ASSIGNMENTS` from problems and answers.

The notebooks in ``course/source/`` are generated, never edited by hand:
``python -m pmcourse.grading.authoring.build [PROJECT_DIR]`` rewrites them, and a test fails when a
committed notebook differs from what the builder makes.
"""

from __future__ import annotations

import importlib.util
import pprint
from pathlib import Path
from typing import Any

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from .assignments import ASSIGNMENTS, Assignment, ProblemPart, WrittenPart


def _meta(grade_id: str, *, grade: bool = False, solution: bool = False, locked: bool = False,
          points: float | None = None) -> dict[str, Any]:
    meta: dict[str, Any] = {"grade": grade, "grade_id": grade_id, "locked": locked,
                            "schema_version": 3, "solution": solution, "task": False}
    if points is not None:
        meta["points"] = points
    return {"nbgrader": meta, **({"editable": False, "deletable": False} if locked else {})}


def reference_answer(problem_id: str, autograders: Path) -> Any:
    """``REFERENCE`` from ``autograders/answers/<problem_id>.py``: a full-marks answer."""
    path = autograders / "answers" / f"{problem_id}.py"
    spec = importlib.util.spec_from_file_location(f"_answers_{problem_id.replace('.', '_')}", path)
    if spec is None or spec.loader is None or not path.exists():
        msg = f"no reference answer for {problem_id}: expected {path}"
        raise FileNotFoundError(msg)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.REFERENCE


def _problem_cells(part: ProblemPart, autograders: Path) -> list[Any]:
    from pmcourse.exercises import get_problem

    problem = get_problem(part.problem_id)
    slug = part.problem_id.split(".", 1)[1]
    names = ", ".join(f"`{v}`" for v in problem.vars)
    cells = [new_markdown_cell(
        f"## {problem.title} ({problem.points:g} points)\n\n{problem.prompt}",
        metadata=_meta(f"{slug}_prompt", locked=True))]
    loads = ["from pmcourse.exercises import ____, problem_data" if problem.data
             else "from pmcourse.exercises import ____", ""]
    for name in problem.data:
        loads.append(f'{name} = problem_data("{part.problem_id}", "{name}")')
    if problem.data:
        loads.append(next(iter(problem.data)))
    if part.tools:
        imports = sorted({tool.split("(")[0] for tool in part.tools}
                         | {n for n in ("load_strategy", "load_answer") if n in part.starter})
        loads.insert(0, f"from pmcourse.widgets import {', '.join(imports)}")
    cells.append(new_code_cell("\n".join(loads), metadata=_meta(f"{slug}_data", locked=True)))
    cells += [new_code_cell(tool, metadata={"tags": ["nbval-ignore-output"]})
              for tool in part.tools]
    reference = reference_answer(part.problem_id, autograders)
    values = reference if len(problem.vars) > 1 else {problem.vars[0]: reference}
    starter = [part.starter] if part.starter else [
        f"{var} = ____  # replace ____ with your answer" for var in problem.vars]
    solution = [f"{var} = {pprint.pformat(values[var], width=96, sort_dicts=False)}"
                for var in problem.vars]
    cells.append(new_code_cell(
        "\n".join([*starter, "### BEGIN SOLUTION", *solution, "### END SOLUTION"]),
        metadata=_meta(f"{slug}_answer", solution=True)))
    cells.append(new_code_cell(
        "\n".join([
            f"# Run this cell to check the form of {names} (not whether it is right).",
            "# Hidden checks grade it, with partial credit and a message per criterion.",
            "from pmcourse.grading.kernel.cell import check_form",
            "",
            f'check_form("{part.problem_id}", globals())',
            "### BEGIN HIDDEN TESTS",
            "from pmcourse.grading.kernel.cell import grade",
            f'float(grade("{part.problem_id}", globals()))',
            "### END HIDDEN TESTS",
        ]),
        metadata=_meta(f"{slug}_check", grade=True, locked=True, points=problem.points)))
    return cells


def _written_cells(part: WrittenPart) -> list[Any]:
    rubric = "\n".join(f"- {line}" for line in part.rubric)
    return [
        new_markdown_cell(f"## {part.title} ({part.points:g} points, graded by a person)\n\n"
                          f"{part.prompt}\n\n**Rubric**\n\n{rubric}",
                          metadata=_meta(f"{part.slug}_prompt", locked=True)),
        new_markdown_cell(part.model_answer or "YOUR ANSWER HERE",
                          metadata=_meta(f"{part.slug}_answer", grade=True, solution=True,
                                         points=part.points)),
    ]


def build_notebook(assignment: Assignment, autograders: Path) -> Any:
    """The instructor's source notebook (with solutions and hidden tests) of one assignment."""
    total = 0.0
    body: list[Any] = []
    for part in assignment.parts:
        if isinstance(part, ProblemPart):
            from pmcourse.exercises import get_problem

            total += get_problem(part.problem_id).points
            body += _problem_cells(part, autograders)
        else:
            total += part.points
            body += _written_cells(part)
    head = new_markdown_cell(f"# {assignment.title} ({total:g} points)\n\n{assignment.intro}",
                             metadata=_meta("intro", locked=True))
    nb = new_notebook(cells=[head, *body])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    for n, cell in enumerate(nb.cells):
        cell["id"] = f"{assignment.id}-{n:02d}"
    return nb


def build_all(project: Path) -> list[Path]:
    """Writes every assignment's notebook under ``project/course/source``."""
    written = []
    for assignment in ASSIGNMENTS:
        nb = build_notebook(assignment, project / "autograders")
        path = project / "course" / "source" / assignment.id / f"{assignment.notebook}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        text = nbformat.writes(nb) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written

