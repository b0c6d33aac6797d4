"""The RoadmapBoard in a real JupyterLab at 1280 px: keyboard-only card entry and warnings."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CELL = """from pmcourse.widgets import RoadmapBoard
board = RoadmapBoard(path="roadmap.json", delay=0)
board._intents.value = "Waste less food\\nPlan faster"
board._capacity.value = 1
for text in ("Households throw away less food each week",
             "Families cook at home on more weeknights",
             "Shoppers buy only what the plan needs"):
    board.add_card(text, "Waste less food")
board"""


def test_a_card_added_with_the_keyboard_appears_and_trips_the_capacity_warning(lab) -> None:
    """Three Now cards under one intent fit a capacity of one intent; typing an outcome, tabbing
    to Add and pressing Enter adds a fourth Now card in a second lane, which shows the
    over-capacity warning on the page and is saved."""
    lab.write_notebook("roadmap.ipynb", [CELL])
    lab.open("roadmap.ipynb")
    cell = lab.run_cell(0)
    cards = cell.locator(".pmcourse-card")
    expect(cards).to_have_count(3, timeout=60_000)
    expect(cell.locator(".pmcourse-drafter")).not_to_contain_text("over capacity")

    new_outcome = cell.get_by_placeholder("e.g. Households waste less food each week")
    new_outcome.click()
    new_outcome.press_sequentially("Build barcode scanning", delay=10)
    for _ in range(3):  # intent, column, then the Add button
        lab.page.keyboard.press("Tab")
    focused = lab.page.evaluate("document.activeElement.textContent")
    assert "Add card" in focused
    lab.page.keyboard.press("Enter")

    expect(cards).to_have_count(4, timeout=20_000)
    expect(cell.locator(".pmcourse-drafter")).to_contain_text(
        re.compile(r"Now \(2 of 1 intents\) ⚠ over capacity"))
    expect(cards.nth(3)).to_contain_text("output-not-outcome")
    saved = json.loads((lab.server.root / "roadmap.json").read_text(encoding="utf-8"))
    assert [c["outcome"] for c in saved["draft"]["cards"]][-1] == "Build barcode scanning"

    width = cell.locator(".pmcourse-drafter").bounding_box()["width"]
    assert width > 700, "the board should use the notebook's width at 1280 px"
    cards.nth(0).scroll_into_view_if_needed()
    lab.page.wait_for_timeout(300)
    lab.screenshot("roadmap_board.png", full_page=False)
