"""The leak scan: no line of a solution, a hidden test or a key may reach students.

Secrets are gathered from the instructor's source notebooks (solution regions and whole solution
cells without delimiters, hidden-test regions, mark schemes) and from the key files the
assignment's grade cells use. A line counts as secret only when it is specific (at least
`MIN_LENGTH` characters) and does not also appear in the public part of the source, so common
lines such as ``import pandas as pd`` never raise an alarm.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

MIN_LENGTH = 12
_REGIONS = {
    "solution": ("### BEGIN SOLUTION", "### END SOLUTION"),
    "hidden test": ("### BEGIN HIDDEN TESTS", "### END HIDDEN TESTS"),
    "mark scheme": ("=== BEGIN MARK SCHEME ===", "=== END MARK SCHEME ==="),
}
# What nbgrader puts where a solution was: never a secret.
STUBS = {"YOUR ANSWER HERE", "# YOUR CODE HERE", "raise NotImplementedError()"}
_KEY_FILE = re.compile(r"""\bgrade\(\s*["']([\w.\-]+)["']""")


@dataclass(frozen=True)
class Secret:
    """One line students must never see, and where it comes from."""

    text: str
    origin: str


@dataclass(frozen=True)
class Leak:
    """A secret line found in a file students receive."""

    path: Path
    line: int
    secret: Secret

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: contains a line of {self.secret.origin}: {self.secret.text!r}"


def normalize(line: str) -> str:
    """Whitespace folded, quotes unified and a trailing comma dropped, for robust matching."""
    text = " ".join(line.replace("'", '"').split())
    return text.rstrip(",").strip()


def _cells(path: Path) -> list[dict]:
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError):
        return []


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def problem_ids(notebook: Path) -> list[str]:
    """Ids of the graded problems a source notebook's grade cells call."""
    return sorted({pid for cell in _cells(notebook) for pid in _KEY_FILE.findall(_source(cell))})


def split_regions(source: str, is_solution_cell: bool) -> tuple[list[tuple[str, str]], list[str]]:
    """(secret lines with their region kind, public lines) of one cell's source."""
    secret: list[tuple[str, str]] = []
    public: list[str] = []
    region: str | None = None
    has_delimiters = any(begin in source for begin, _ in _REGIONS.values())
    for line in source.splitlines():
        stripped = line.strip()
        started = next((k for k, (b, _) in _REGIONS.items() if stripped.startswith(b)), None)
        if started:
            region = started
            continue
        if region and stripped.startswith(_REGIONS[region][1]):
            region = None
            continue
        if region:
            secret.append((line, region))
        elif is_solution_cell and not has_delimiters:
            secret.append((line, "solution"))
        else:
            public.append(line)
    return secret, public


def collect_secrets(source_dir: Path, autograders: Path | None) -> list[Secret]:
    """Every secret line of one assignment's source folder and of the keys its grade cells use."""
    secret_lines: list[tuple[str, str]] = []
    public: set[str] = set()
    problem_ids: set[str] = set()
    for notebook in sorted(source_dir.glob("*.ipynb")):
        for cell in _cells(notebook):
            meta = cell.get("metadata", {}).get("nbgrader", {})
            source = _source(cell)
            problem_ids.update(_KEY_FILE.findall(source))
            found, open_lines = split_regions(source, bool(meta.get("solution")))
            secret_lines += [(line, f"a {kind} in {notebook.name}") for line, kind in found]
            public.update(normalize(line) for line in open_lines)
    if autograders is not None:
        for problem_id in sorted(problem_ids):
            for kind, key_file in (("the key", autograders / "keys" / f"{problem_id}.json"),
                                   ("the reference answers",
                                    autograders / "answers" / f"{problem_id}.py")):
                if key_file.is_file():
                    for line in key_file.read_text(encoding="utf-8").splitlines():
                        secret_lines.append((line, f"{kind} {key_file.name}"))
    secrets: dict[str, Secret] = {}
    for line, origin in secret_lines:
        text = normalize(line)
        if (len(text) < MIN_LENGTH or text in public or text in STUBS or text.endswith(("{", "[", "(")) or
                text.startswith("#")):
            continue
        secrets.setdefault(text, Secret(text, origin))
    return list(secrets.values())


def student_lines(path: Path) -> list[tuple[int, str]]:
    """Numbered lines students would read in `path` (for notebooks: sources and text outputs)."""
    if path.suffix != ".ipynb":
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return []
        if path.suffix in (".html", ".htm"):
            # the student's own writing is theirs to see; scan only what the course generated
            text = re.sub(r'<pre class="student">.*?</pre>', " ", text, flags=re.S)
            text = html.unescape(re.sub(r"<[^>]+>", " ", text))
        return list(enumerate(text.splitlines(), start=1))
    lines: list[tuple[int, str]] = []
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError:
        return []
    numbered = raw.splitlines()
    # Report lines of the JSON file itself so the instructor can open it at that line.
    for n, line in enumerate(numbered, start=1):
        try:
            decoded = json.loads(line.strip().rstrip(","))
        except ValueError:
            decoded = line
        if isinstance(decoded, str):
            lines.extend((n, part) for part in decoded.splitlines() or [""])
    return lines


def scan(paths: list[Path], secrets: list[Secret]) -> list[Leak]:
    """Every place a secret line appears in `paths` (notebooks, HTML, data files)."""
    if not secrets:
        return []
    leaks: list[Leak] = []
    for path in paths:
        for number, line in student_lines(path):
            text = normalize(line)
            if len(text) < MIN_LENGTH:
                continue
            for secret in secrets:
                if secret.text in text:
                    leaks.append(Leak(path, number, secret))
                    break
    return leaks


def files_under(folder: Path) -> list[Path]:
    """The files of a released or feedback folder that students receive."""
    return sorted(p for p in folder.rglob("*") if p.is_file() and ".ipynb_checkpoints" not in p.parts)


def course_secrets(course_root: Path) -> list[Secret]:
    """The secrets of every assignment of a course: feedback on one assignment must not show
    another's solutions, hidden tests or keys either."""
    from .course import Course

    source = Course(Path(course_root)).source
    autograders = Path(course_root) / "autograders"
    found: dict[str, Secret] = {}
    public: set[str] = set()
    folders = sorted(p for p in source.iterdir() if p.is_dir()) if source.is_dir() else []
    for folder in folders:
        for secret in collect_secrets(folder, autograders if autograders.is_dir() else None):
            found.setdefault(secret.text, secret)
        for notebook in sorted(folder.glob("*.ipynb")):
            for cell in _cells(notebook):
                meta = cell.get("metadata", {}).get("nbgrader", {})
                _, open_lines = split_regions(_source(cell), bool(meta.get("solution")))
                public.update(normalize(line) for line in open_lines)
    # a line one assignment shows its students is no secret in another's feedback
    return [secret for text, secret in found.items() if text not in public]


MIN_ID_LENGTH = 4
"""Other students' ids shorter than this are not searched for (they match ordinary words)."""


def page_lines(page: str) -> list[tuple[int, str]]:
    """Numbered lines a student reads on an HTML page, minus their own sources.

    A student's own code and writing (``<pre class="student">``) is theirs to see; everything
    else, code output included, is scanned.
    """
    text = re.sub(r'<pre class="student">.*?</pre>', " ", page, flags=re.S)
    text = re.sub(r'<img [^>]*src="data:[^"]*"[^>]*>', " ", text)
    text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return list(enumerate(text.splitlines(), start=1))


def scan_page(page: str, secrets: list[Secret], *, others: tuple[str, ...] | list[str] = (),
              label: str = "page") -> list[Leak]:
    """Instructor-only lines and other students' ids or emails on an HTML page about to be
    written at `label`."""
    leaks: list[Leak] = []
    lines = page_lines(page)
    # what the student typed themselves may come back in their output (a printed answer)
    typed = "\n".join(normalize(html.unescape(block)) for line_block in
                      re.findall(r'<pre class="student">(.*?)</pre>', page, flags=re.S)
                      for block in line_block.splitlines())
    for number, line in lines:
        text = normalize(line)
        if len(text) >= MIN_LENGTH:
            for secret in secrets:
                if secret.text in text and secret.text not in typed:
                    leaks.append(Leak(Path(label), number, secret))
                    break
    names = [o for o in others if len(o) >= MIN_ID_LENGTH]
    if names:
        pattern = re.compile(r"(?<![\w.@-])(" + "|".join(map(re.escape, names)) + r")(?![\w@-])")
        for number, line in lines:
            match = pattern.search(line)
            if match:
                leaks.append(Leak(Path(label), number,
                                  Secret(match.group(1), "another student's data")))
    return leaks
