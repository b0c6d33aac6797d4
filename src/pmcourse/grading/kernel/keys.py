"""Answer keys of graded problems: JSON files in the instructor's ``autograders/keys/`` folder.

Keys never ship in the package or in a release. A grade cell run by stock nbgrader finds them by
walking up from the notebook's folder to the course directory; the pmcourse pipeline reads them
in the grading process itself, outside the student's kernel.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

ENV_DIR = "PMCOURSE_AUTOGRADERS"


def find_autograders(start: Path | None = None) -> Path:
    """The ``autograders`` folder: ``$PMCOURSE_AUTOGRADERS``, or the nearest one above `start`."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / "autograders"
        if (candidate / "keys").is_dir():
            return candidate
    msg = (f"no autograders/keys folder above {here}: graded keys live in the course directory "
           "(run `pmcourse cohort init DIR`), or set PMCOURSE_AUTOGRADERS")
    raise FileNotFoundError(msg)


def key_path(problem_id: str, autograders: Path) -> Path:
    """Where the key of `problem_id` is stored."""
    return Path(autograders) / "keys" / f"{problem_id}.json"


def load_key(problem_id: str, autograders: Path | None = None) -> Any:
    """The key of a graded problem, as plain JSON data (without its ``problem`` field)."""
    path = key_path(problem_id, autograders or find_autograders())
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        msg = f"no key for {problem_id}: expected {path}"
        raise FileNotFoundError(msg) from None
    if isinstance(data, dict):
        data.pop("problem", None)
    return data


def dump_key(problem_id: str, key: dict[str, Any]) -> str:
    """A key as JSON with one fact per line, so a leak scan can find any fact in student files."""
    lines = ["{", f'  "problem": {json.dumps(problem_id)},']
    entries = list(key.items())
    for n, (name, value) in enumerate(entries):
        end = "," if n < len(entries) - 1 else ""
        if isinstance(value, dict):
            lines.append(f"  {json.dumps(name)}: {{")
            inner = list(value.items())
            for m, (k, v) in enumerate(inner):
                comma = "," if m < len(inner) - 1 else ""
                lines.append(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}{comma}")
            lines.append(f"  }}{end}")
        else:
            lines.append(f"  {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}{end}")
    lines.append("}")
    return "\n".join(lines) + "\n"
