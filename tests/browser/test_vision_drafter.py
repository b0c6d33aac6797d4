"""The VisionDrafter in a real JupyterLab and Chromium: live lint feedback, autosave, restore."""

from __future__ import annotations

import json
import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CELL = """import os
from pmcourse.widgets import VisionDrafter
print("kernel pid", os.getpid())
VisionDrafter(path="vision.json")"""

TYPED = "grow revenue 20% and become the market leader"


def _pid(cell: object) -> str:
    text = cell.locator(".jp-OutputArea-output", has_text="kernel pid").first.inner_text()
    return re.search(r"kernel pid (\d+)", text).group(1)


def _linter_ready() -> bool:
    try:
        from pmcourse.lint import lint
    except ImportError:
        return False
    return bool(lint(f"Busy households {TYPED}.", "vision"))


def test_typing_shows_feedback_and_the_draft_survives_a_kernel_restart(lab) -> None:
    """Typing into a part changes the lint feedback on the page; after a kernel restart and a
    re-run the field shows what was typed."""
    lab.write_notebook("vision.ipynb", [CELL])
    lab.open("vision.ipynb")
    cell = lab.run_cell(0)
    areas = cell.locator(".widget-textarea textarea")
    expect(areas).to_have_count(4, timeout=60_000)
    feedback = cell.locator(".pmcourse-lint")
    expect(feedback).to_contain_text("Start typing")
    first_pid = _pid(cell)

    areas.nth(1).click()
    areas.nth(1).press_sequentially(TYPED, delay=15)
    linter_ready = _linter_ready()
    expect(feedback).not_to_contain_text("Start typing", timeout=20_000)
    if linter_ready:
        expect(feedback).to_contain_text("internal-goal", timeout=20_000)
    expect(areas.nth(3)).to_have_value(re.compile(re.escape(TYPED), re.IGNORECASE))

    saved = lab.server.root / "vision.json"
    deadline = time.monotonic() + 10
    while not (saved.exists() and TYPED in saved.read_text(encoding="utf-8")):
        assert time.monotonic() < deadline, "the draft was not saved to vision.json"
        time.sleep(0.2)
    assert json.loads(saved.read_text(encoding="utf-8"))["draft"]["change"] == TYPED

    lab.restart_kernel()
    cell = lab.run_cell(0)
    expect(cell.locator(".jp-OutputArea-output", has_text="kernel pid")).not_to_contain_text(
        f"kernel pid {first_pid}", timeout=60_000)
    areas = cell.locator(".widget-textarea textarea")
    expect(areas).to_have_count(4, timeout=60_000)
    expect(areas.nth(1)).to_have_value(TYPED)
    expect(areas.nth(3)).to_have_value(re.compile(re.escape(TYPED), re.IGNORECASE))
    if linter_ready:
        expect(cell.locator(".pmcourse-lint")).to_contain_text("internal-goal")
    cell.locator(".pmcourse-lint").scroll_into_view_if_needed()
    lab.page.wait_for_timeout(300)
    shot = lab.screenshot("vision_drafter.png", full_page=False)
    assert shot.stat().st_size > 10_000
