"""A feedback page in a real browser: student markup stays inert, math shows, lines wrap.

The page is what `pmcourse export` writes; Debian's Chromium opens it from disk as a student
would after ``nbgrader fetch_feedback``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pmcourse.grading.pipeline.feedback import render
from pmcourse.grading.pipeline.gradebook import CellGrade, SubmissionGrades

from ..grading.gradebook_course import autograded_notebook

pytestmark = [pytest.mark.slow, pytest.mark.browser]

HOSTILE_MARKDOWN = (
    "Plan <script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">"
    "<svg onload=\"window.__pwned = 3\"></svg><a href=\"javascript:window.__pwned = 4\">go</a>"
    "<iframe srcdoc=\"<script>parent.__pwned = 5</script>\"></iframe>"
    "<style>body{display:none}</style>")


def _grades() -> SubmissionGrades:
    cell = {"notebook": "nb", "cell_type": "code", "auto_score": None, "manual_score": None}
    return SubmissionGrades(
        "a1", "ann", raw_score=14.3998, late_penalty=0.0, max_score=17.0, seconds_late=0.0,
        timestamp=None, cells=(
            CellGrade(cell="q1", score=2.0, max_score=2.0, needs_manual_grade=False, **cell),
            CellGrade(cell="code_ans", score=0.0, max_score=2.0, needs_manual_grade=True,
                      **cell)))


def test_feedback_page_is_inert_readable_and_offline(tmp_path: Path, browser) -> None:
    notebook = autograded_notebook(
        output="x" * 3000 + "\n",
        extra=[{"cell_type": "markdown", "metadata": {}, "source": HOSTILE_MARKDOWN}])
    path = tmp_path / "nb.html"
    path.write_text(render(notebook, student="ann", assignment="a1", name="nb",
                           grades=_grades(), status="graded"), encoding="utf-8")
    page = browser.new_page(viewport={"width": 800, "height": 900})
    dialogs: list[str] = []
    requests: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        assert page.evaluate("window.__pwned") is None and not dialogs
        page.click("text=go")  # a javascript: link was stripped, so clicking runs nothing
        assert page.evaluate("window.__pwned") is None
        assert page.is_visible("text=awaiting a person (out of 2)")
        assert page.is_visible("text=14.4 / 17")
        widths = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert widths[0] <= widths[1], "long output lines wrap instead of widening the page"
        math = page.locator("img.math").first
        assert math.get_attribute("alt") == "\\frac{a}{b}"
        assert page.evaluate("(img) => img.complete && img.naturalWidth > 0",
                             math.element_handle())
        assert all(u.startswith(("file:", "data:")) for u in requests), requests
    finally:
        page.close()
