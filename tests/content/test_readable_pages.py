"""Readable pages: what a learner reads in the browser loses nothing and shows no raw internals.

Every quiz text, every problem's prompt and hints are rendered to HTML the way a notebook renders
Markdown (raw HTML passes through, so an unescaped ``<role>`` would vanish as an unknown tag) and
the visible text must still hold every angle-bracket placeholder and no stray backtick. The slow
test runs every lesson and practice notebook and reads its outputs: no table cell cut to "...",
no bare repr.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pmcourse.content import LESSONS
from pmcourse.content.quiz import markdown_inline_html

ROOT = Path(__file__).resolve().parents[2]
HTML_TAGS = {"br", "b", "i", "em", "strong", "code", "p", "sub", "sup", "details", "summary"}
"""Real tags the course's Markdown uses on purpose (a line break in a table cell, a fold)."""
PLACEHOLDER = re.compile(r"(?:<|&lt;|\\<)([a-z][a-z _-]*)(?:>|&gt;|\\>)")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible(html_text: str) -> str:
    """The text a reader sees in rendered HTML (tags dropped, entities decoded)."""
    parser = _Text()
    parser.feed(html_text)
    return "".join(parser.parts)


def markdown_html(text: str) -> str:
    """Markdown to HTML as a notebook renders it: raw HTML passes through unescaped."""
    import mistune

    return mistune.create_markdown(escape=False)(text)


def lost_placeholders(source: str, shown: str) -> list[str]:
    """Placeholders such as ``<role>`` written in `source` that the reader does not see."""
    return [f"<{name}>" for name in PLACEHOLDER.findall(source)
            if name not in HTML_TAGS and f"<{name}>" not in shown]


QUIZ_TEXTS = [
    (f"{lesson.id}.{q.id}.{part}", text)
    for lesson in LESSONS.values() for q in lesson.quiz
    for part, text in (("prompt", q.prompt), ("hint", q.hint), ("explanation", q.explanation),
                       *((f"option {k}", v) for k, v in q.options.items()),
                       *((f"why not {k}", v) for k, v in q.why_not.items()))
    if text
]


@pytest.mark.parametrize(("where", "text"), QUIZ_TEXTS, ids=[w for w, _ in QUIZ_TEXTS])
def test_quiz_text_renders_whole(where: str, text: str) -> None:
    """Backticks become code, angle brackets stay, nothing is shown as raw Markdown."""
    shown = visible(markdown_inline_html(text))
    assert lost_placeholders(text, shown) == []
    assert "`" not in shown and "**" not in shown, shown


def test_a_placeholder_in_quiz_text_is_kept() -> None:
    """The check itself works: '<role>' survives the quiz renderer, and a raw tag would not."""
    assert "<role>" in visible(markdown_inline_html("As a <role>, I want `x`"))
    assert lost_placeholders("As a <role>", visible("As a <role>")) == ["<role>"]


def _problem_pages() -> list[tuple[str, str, str]]:
    """(where, the source text, the Markdown the learner's handle shows for it)."""
    from pmcourse.exercises.engine.handle import ProblemHandle
    from pmcourse.exercises.engine.registry import problems

    out = []
    for pid, problem in problems().items():
        handle = ProblemHandle(problem)
        out.append((f"{pid}.prompt", problem.prompt, handle._repr_markdown_()))
        out += [(f"{pid}.hint{i}", text, str(handle.hint()))
                for i, text in enumerate(problem.hints, start=1)]
    return out


def test_every_problem_prompt_and_hint_keeps_its_placeholders() -> None:
    """Each practice and graded problem's prompt and hints, as the learner's handle shows them
    and rendered as Markdown, keep every angle-bracket placeholder visible."""
    lost = {}
    for where, source, page in _problem_pages():
        missing = lost_placeholders(source, visible(markdown_html(page)))
        if missing:
            lost[where] = missing
    assert lost == {}


NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted(
    (ROOT / "exercises").glob("[0-9][0-9]_*.ipynb"))
CUT_CELL = re.compile(r"<td[^>]*>[^<]{20,}\.\.\.</td>")
BARE = {"[]", "{}", "None", "''"}


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_notebook_outputs_are_readable(path: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the notebook (in a copy) and read what the learner sees: no table cell cut short by
    pandas' column width, no lost placeholder, no bare repr such as ``[]``."""
    import shutil

    import nbformat
    from nbclient import NotebookClient

    work = tmp_path / path.parent.name
    shutil.copytree(path.parent, work)
    monkeypatch.chdir(work)
    nb = nbformat.read(work / path.name, as_version=4)
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(work)}}).execute()
    problems = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            shown = data.get("text/html") or data.get("text/markdown") or ""
            if isinstance(shown, list):
                shown = "".join(shown)
            if CUT_CELL.search(shown):
                problems.append(f"cell {index}: a table cell is cut with '...'")
            markdown = data.get("text/markdown") if not data.get("text/html") else None
            if markdown and lost_placeholders(markdown, visible(markdown_html(markdown))):
                problems.append(f"cell {index}: a placeholder disappears when rendered")
            plain = data.get("text/plain", "")
            if not shown and html.unescape("".join(plain)).strip() in BARE:
                problems.append(f"cell {index}: shows a bare {''.join(plain).strip()}")
            if output.get("output_type") == "error":
                problems.append(f"cell {index}: {output.get('ename')}")
    assert problems == []
