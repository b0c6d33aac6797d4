"""Lesson 06 opened in a real JupyterLab and Chromium: every cell runs, the widgets and quiz render.

Uses the `lab` fixture of tests/browser/conftest.py (JupyterLab on 127.0.0.1 + Debian's Chromium).
Screenshots go to tests/artifacts/lesson_06.png (the RoadmapBoard) and lesson_06_quiz.png (the
quiz after an answer); tests/artifacts/ is git-ignored.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

pytestmark = [pytest.mark.slow, pytest.mark.browser]

LESSON = Path(__file__).resolve().parents[2] / "notebooks" / "06_roadmaps.ipynb"


def wait_idle(lab: object, timeout: float = 120_000) -> None:
    """Waits until the notebook on screen reports an idle kernel (hidden tabs do not count)."""
    lab.page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']:visible").first.wait_for(
        timeout=timeout)


def open_alone(lab: object, name: str) -> None:
    """Opens notebook `name` in a workspace of its own, so no earlier tab is restored beside it."""
    server = lab.server
    workspace = re.sub(r"\W", "-", name)
    lab.page.goto(f"{server.url}/lab/workspaces/{workspace}/tree/{name}?token={server.token}")
    lab.page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
    dialog = lab.page.locator(".jp-Dialog", has_text="Select Kernel")
    try:  # a fresh workspace may ask which kernel to start: take the notebook's own
        dialog.wait_for(timeout=5_000)
        dialog.locator(".jp-mod-accept").click()
    except PlaywrightTimeout:
        pass
    wait_idle(lab, timeout=60_000)


def run_all_cells(lab: object) -> None:
    """Runs every cell through JupyterLab's Run menu and waits for the kernel to go idle."""
    page = lab.page
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    page.wait_for_timeout(500)
    wait_idle(lab)


def test_lesson_06_runs_in_jupyterlab_and_shows_its_widgets_and_quiz(lab) -> None:
    """After Run All, the lesson shows no error, its header, the RoadmapBoard, the Larder board
    and a working quiz: choosing an option and pressing Check shows feedback on the page."""
    shutil.copy(LESSON, lab.server.root / LESSON.name)
    open_alone(lab, LESSON.name)
    run_all_cells(lab)
    page = lab.page

    expect(page.locator(".jp-OutputArea-output[data-mime-type*='error']")).to_have_count(0)
    expect(page.locator(".jp-RenderedMarkdown", has_text="By the end of this lesson you can")
           ).to_have_count(1)

    larder_board = page.locator(".jp-RenderedHTMLCommon table.dataframe",
                                has_text="GrocerHub's API v1 shuts down").first
    expect(larder_board).to_be_attached()
    expect(larder_board).to_contain_text("Plan in minutes")

    board = page.locator(".pmcourse-drafter").first
    board.scroll_into_view_if_needed()
    expect(board).to_be_visible(timeout=60_000)
    for column in ("Now", "Next", "Later"):
        expect(board).to_contain_text(column)

    quiz = page.locator(".pmcourse-quiz")
    quiz.scroll_into_view_if_needed()
    expect(quiz).to_be_visible(timeout=60_000)
    expect(quiz).to_contain_text("Self-quiz: 5 questions")
    first = quiz.locator(".pmcourse-quiz-question").first
    first.locator("label", has_text="Households throw away less food each week").click()
    first.get_by_role("button", name="Check").click()
    expect(first.locator(".pmcourse-quiz-feedback")).to_contain_text(re.compile(r"\w{3,}"),
                                                                     timeout=20_000)

    first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    quiz_shot = lab.screenshot("lesson_06_quiz.png")

    board.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    shot = lab.screenshot("lesson_06.png")
    assert shot.stat().st_size > 10_000
    assert quiz_shot.stat().st_size > 10_000


def test_the_capstone_runs_on_empty_drafts_and_shows_every_tool(lab) -> None:
    """With no drafts saved yet, Run All on 10_capstone raises no error and shows the six
    drafting widgets, the strategy document listing what is missing, and the quiz."""
    capstone = LESSON.with_name("10_capstone.ipynb")
    shutil.copy(capstone, lab.server.root / capstone.name)
    open_alone(lab, capstone.name)
    run_all_cells(lab)
    page = lab.page

    expect(page.locator(".jp-OutputArea-output[data-mime-type*='error']")).to_have_count(0)
    expect(page.locator(".pmcourse-drafter")).to_have_count(6, timeout=60_000)
    document = page.locator(".pmcourse-document")
    expect(document).to_have_count(1)
    expect(document).to_contain_text("nothing saved at drafts/vision.json yet")
    expect(page.locator(".pmcourse-quiz")).to_contain_text("Self-quiz: 3 questions")
    assert (lab.server.root / "export" / "strategy.html").exists()

    document.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    assert lab.screenshot("lesson_09.png").stat().st_size > 10_000
