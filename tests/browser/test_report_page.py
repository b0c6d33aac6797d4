"""The cohort report in a real browser: Debian's Chromium shows every plot of the page."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from pmcourse.grading.pipeline.ledger import Ledger, Status, SubmissionResult
from pmcourse.grading.report.page import write_report

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts"
CELLS = {"a1_strategy": {"where_to_play": 2.0, "how_to_win": 3.0, "wont_do": 1.0},
         "a2_roadmap": {"outcomes": 4.0, "backlog_links": 2.0}}
SHARED = ("We picked households with two working parents because they plan meals on Sunday "
          "evening and hate throwing away vegetables they forgot about")


def _cohort(rng: random.Random, students: int = 60) -> list[SubmissionResult]:
    """A seeded cohort of mostly graded submissions with every other status sprinkled in."""
    results = []
    for assignment, cells in CELLS.items():
        for n in range(students):
            student = f"student{n:03d}"
            status = rng.choices(list(Status), weights=(80, 6, 4, 3, 2, 5))[0]
            if status in (Status.ERROR, Status.MISSING):
                results.append(SubmissionResult(assignment, student, status,
                                                f"{status}: synthetic message for {student}",
                                                seconds=rng.uniform(0.05, 1.0)))
                continue
            skill = rng.random()
            rows = [{"notebook": "nb", "cell": cell,
                     "score": float(round(points * min(1.0, max(0.0, rng.gauss(skill, 0.25))))),
                     "max_score": points} for cell, points in cells.items()]
            score = sum(r["score"] for r in rows)
            results.append(SubmissionResult(
                assignment, student, status, f"{score:g} points", score, sum(cells.values()),
                seconds=rng.uniform(2.0, 20.0) + (45.0 if status == Status.TIMEOUT else 0.0),
                details={"cells": rows, "peak_kernel_rss_mb": rng.uniform(110, 200)}))
    return results


def _course(root: Path) -> None:
    """Source, release and autograded notebooks where three students share one wording."""
    def notebook(text: str) -> str:
        meta = {"nbgrader": {"grade_id": "why_these_households", "solution": True,
                             "grade": False, "locked": False, "schema_version": 3}}
        return json.dumps({"cells": [{"cell_type": "markdown", "id": "why", "metadata": meta,
                                      "source": text}],
                           "metadata": {}, "nbformat": 4, "nbformat_minor": 5})

    for folder, text in (("source", "Reference answer kept for the instructor."),
                         ("release", "YOUR ANSWER HERE")):
        (root / folder / "a1_strategy").mkdir(parents=True)
        (root / folder / "a1_strategy" / "nb.ipynb").write_text(notebook(text))
    answers = {"student001": SHARED, "student002": SHARED.replace("hate", "really hate"),
               "student004": SHARED.upper(),
               "student003": "Students sharing flats, because they cook in groups and split "
                             "shopping bills every week"}
    for student, text in answers.items():
        folder = root / "autograded" / student / "a1_strategy"
        folder.mkdir(parents=True)
        (folder / "nb.ipynb").write_text(notebook(text))


@pytest.fixture(scope="module")
def report_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report written for a seeded 60-student cohort on two assignments."""
    root = tmp_path_factory.mktemp("report_course")
    _course(root)
    url = f"sqlite:///{root / 'gradebook.db'}"
    ledger = Ledger(url)
    try:
        for result in _cohort(random.Random(5)):
            ledger.record(result)
    finally:
        ledger.close()
    return write_report(root, db_url=url)


def test_every_plot_of_the_report_is_shown_in_chromium(report_page: Path) -> None:
    """Opened from a file:// URL at 1280 px, every plot image has loaded and is visible."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            requests: list[str] = []
            page.on("request", lambda request: requests.append(request.url))
            page.goto(report_page.as_uri(), wait_until="load")
            images = page.locator("img.plot")
            count = images.count()
            assert count == 5, "two histograms, two question charts and the status chart"
            for n in range(count):
                image = images.nth(n)
                image.scroll_into_view_if_needed()
                assert image.is_visible(), f"plot {n} is hidden"
                width = image.evaluate("img => img.complete ? img.naturalWidth : 0")
                assert width > 0, f"plot {n} ({image.get_attribute('alt')}) did not load"
                box = image.bounding_box()
                assert box is not None and box["width"] <= 1280, f"plot {n} overflows"
            assert page.get_by_text("student001 & student002").is_visible()
            assert page.get_by_text("student001, student002, student004").is_visible()
            external = [u for u in requests if not u.startswith(("file:", "data:"))]
            assert not external, f"the page fetched {external}"
            page.screenshot(path=str(ARTIFACTS / "report.png"), full_page=True)
        finally:
            browser.close()
