"""A synthetic cohort for demos and tests: good, partial, blank, broken and tampering submissions.

Built from an assignment's released notebook and the reference, partial and wrong answers in
``autograders/answers/``, so every assignment gets the same kinds of submission without
committing dozens of near-identical notebooks.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import pprint
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from ..pipeline.course import Course
from ..pipeline.leaks import problem_ids


def _answers(problem_id: str, autograders: Path) -> dict[str, Any]:
    path = autograders / "answers" / f"{problem_id}.py"
    spec = importlib.util.spec_from_file_location(f"_samples_{problem_id.replace('.', '_')}", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return {"reference": module.REFERENCE, "partial": list(getattr(module, "PARTIAL", [])),
            "wrong": list(getattr(module, "WRONG", []))}


def _source(cell: dict[str, Any]) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _answer_cells(nb: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("solution")
            and str(c["metadata"]["nbgrader"].get("grade_id", "")).endswith("_answer")
            and c.get("cell_type") == "code"]


def _fill(nb: dict[str, Any], pick: Callable[[str], Any]) -> dict[str, Any]:
    """A copy of `nb` whose answer cells assign ``pick(problem_id)`` to their variables."""
    from pmcourse.exercises import get_problem

    ids = nb["metadata"].get("pmcourse_problem_ids", [])
    out = copy.deepcopy(nb)
    for cell in _answer_cells(out):
        slug = cell["metadata"]["nbgrader"]["grade_id"][: -len("_answer")]
        problem_id = next((pid for pid in ids if pid.endswith("." + slug)), None)
        if problem_id is None:
            continue
        problem = get_problem(problem_id)
        value = pick(problem_id)
        spread = len(problem.vars) > 1 and isinstance(value, dict) and set(problem.vars) <= set(value)
        values = value if spread else {var: value for var in problem.vars}
        cell["source"] = "\n".join(
            f"{var} = {pprint.pformat(values[var], width=96, sort_dicts=False)}"
            for var in problem.vars)
    return out


def make_sample_cohort(course: Course, assignment: str,
                       only: Collection[str] | None = None) -> list[str]:
    """Writes ``submitted/<student>/<assignment>/`` for a synthetic cohort (or only the students
    named in `only`); returns the students written."""
    source_dir = course.source / assignment
    release_dir = course.root / "release" / assignment
    if not release_dir.is_dir():
        msg = f"release {assignment} first (`pmcourse release {course.root} --assignment {assignment}`)"
        raise FileNotFoundError(msg)
    answers: dict[str, dict[str, Any]] = {}
    for notebook in source_dir.glob("*.ipynb"):
        for pid in problem_ids(notebook):
            answers[pid] = _answers(pid, course.autograders)

    def choose(kind: str, index: int = 0) -> Callable[[str], Any]:
        """Picks the `index`-th answer of a kind (the reference when there is none)."""
        def pick(pid: str) -> Any:
            options = answers[pid][kind] if kind != "reference" else []
            return options[min(index, len(options) - 1)] if options else answers[pid]["reference"]
        return pick

    perfect = choose("reference")
    order = {pid: n for n, pid in enumerate(sorted(answers))}

    def alternate(even: str, odd: str) -> Callable[[str], Any]:
        """One kind of answer for every other problem and another for the rest."""
        return lambda pid: choose(even if order[pid] % 2 == 0 else odd, order[pid] // 2)(pid)

    variants: dict[str, Callable[[dict[str, Any]], str | dict[str, Any]]] = {
        "ada_perfect": lambda nb: _fill(nb, choose("reference")),
        "ben_partial": lambda nb: _fill(nb, choose("partial", 0)),
        "cleo_partial": lambda nb: _fill(nb, choose("partial", 1)),
        "dev_wrong": lambda nb: _fill(nb, choose("wrong", 0)),
        "eli_blank": lambda nb: nb,
        "mia_mixed": lambda nb: _fill(nb, alternate("reference", "partial")),
        "noor_mixed": lambda nb: _fill(nb, alternate("partial", "wrong")),
        "omar_mixed": lambda nb: _fill(nb, alternate("wrong", "reference")),
        "fay_wrong_types": lambda nb: _fill(nb, lambda pid: "I was not sure what to put here"),
        "gus_raises": _raising,
        "hana_deleted_check": lambda nb: _deleted_checks(_fill(nb, perfect)),
        "ivo_invalid_json": lambda nb: json.dumps(nb)[: len(json.dumps(nb)) // 2],
        "jun_stripped_metadata": lambda nb: _stripped(_fill(nb, perfect)),
        "kai_tampers": _tampering,
        "lea_endless_loop": _endless,
    }
    students = []
    for student, make in variants.items():
        if only is not None and student not in only:
            continue
        folder = course.submission_dir(student, assignment)
        folder.mkdir(parents=True, exist_ok=True)
        for path in release_dir.glob("*.ipynb"):
            nb = json.loads(path.read_text(encoding="utf-8"))
            nb["metadata"]["pmcourse_problem_ids"] = problem_ids(source_dir / path.name)
            made = make(nb)
            if isinstance(made, dict):
                made["metadata"].pop("pmcourse_problem_ids", None)
            text = made if isinstance(made, str) else json.dumps(made, indent=1, ensure_ascii=False)
            (folder / path.name).write_text(text, encoding="utf-8")
        students.append(student)
    return students


def _raising(nb: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(nb)
    for cell in _answer_cells(out):
        cell["source"] = 'raise ValueError("I ran out of time here")'
    return out


def _deleted_checks(nb: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(nb)
    out["cells"] = [c for c in out["cells"]
                    if not c.get("metadata", {}).get("nbgrader", {}).get("grade_id", "").endswith(
                        "_check")]
    return out


def _stripped(nb: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(nb)
    for cell in out["cells"]:
        cell["metadata"] = {}
    return out


def _tampering(nb: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(nb)
    patch = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
             "source": "import pmcourse.grading.kernel.cell as _c\n_c.grade = lambda *a, **k: 100.0"}
    out["cells"].insert(1, patch)
    return out


def _endless(nb: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(nb)
    for cell in _answer_cells(out)[:1]:
        cell["source"] = "while True:\n    pass"
    return out


EXPECTED_STATUS = {
    "ivo_invalid_json": "error", "kai_tampers": "tampered", "lea_endless_loop": "timeout",
}
"""The status a sample deserves when it is not `graded` (every other sample is graded)."""
SAME_AS_PERFECT = ("hana_deleted_check", "jun_stripped_metadata")
"""Samples holding the reference answers, damaged in a way grading must repair."""
NOTHING_EARNED = ("eli_blank", "fay_wrong_types", "gus_raises", "kai_tampers", "lea_endless_loop")


def undeserved_grades(rows: list[dict[str, str]]) -> list[str]:
    """Sample submissions not graded as their answers deserve, one line each (empty when all
    are): the demo's own check. `rows` are grades.csv rows of sample cohorts."""
    problems: list[str] = []
    by_key = {(r["assignment"], r["student_id"]): r for r in rows}
    for (assignment, student), row in sorted(by_key.items()):
        wanted = EXPECTED_STATUS.get(student, "graded")
        where = f"{student}/{assignment}"
        if row["status"] != wanted:
            problems.append(f"{where}: status {row['status']}, expected {wanted} "
                            f"({row.get('message', '')[:160]})")
            continue
        perfect = by_key.get((assignment, "ada_perfect"))
        if student in SAME_AS_PERFECT and perfect and row["score"] != perfect["score"]:
            problems.append(f"{where}: {row['score']} points, the same answers intact earn "
                            f"{perfect['score']}")
        if student in NOTHING_EARNED and row["score"] not in ("0", "0.0"):
            problems.append(f"{where}: {row['score']} points for work that earns nothing")
    return problems
