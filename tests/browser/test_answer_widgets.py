"""The answer widgets in a real JupyterLab: the feature split and Now-Next-Later practice notebooks
are completed with clicks and the keyboard only (no code typed), checked correct, and their
answers come back after a kernel restart."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pmcourse.exercises import get_problem

pytestmark = [pytest.mark.slow, pytest.mark.browser]

EXERCISES = Path(__file__).resolve().parents[2] / "exercises"
CORRECT = re.compile(r"✔ Correct")


def _run_all(lab) -> None:
    """Runs every cell through the Run menu, as a learner would."""
    page = lab.page
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()


def _open_and_run(lab, name: str) -> None:
    shutil.copy(EXERCISES / name, lab.server.root / name)
    # `reset` starts from an empty workspace, so the other test's notebook is not reopened.
    lab.page.goto(lab.server.tree_url(name) + "&reset")
    lab.page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
    lab.wait_kernel_connected(name)
    lab.wait_idle()
    _run_all(lab)


def _check_cell(name: str) -> int:
    """The index of the notebook's `q.check()` cell."""
    cells = json.loads((EXERCISES / name).read_text(encoding="utf-8"))["cells"]
    return next(n for n, c in enumerate(cells) if "".join(c["source"]).strip() == "q.check()")


def _select(lab, label: str, option: str) -> None:
    """Chooses `option` in the select whose accessible name is `label`, then waits until the
    kernel has taken it (the select keeps the value once the model echoes it back)."""
    select = lab.page.get_by_label(label, exact=True)
    select.select_option(value=option)  # ipywidgets gives each option its label as value
    expect(select).to_have_value(option, timeout=20_000)


def _check_with_the_button(lab) -> None:
    lab.page.get_by_role("button", name="Check my answer").click()
    expect(lab.page.locator(".pmcourse-answer")).to_contain_text(CORRECT, timeout=30_000)


def _restart_and_rerun(lab) -> None:
    lab.restart_kernel()
    _run_all(lab)


def test_feature_split_answered_only_with_the_widget(lab) -> None:
    """Every kind and every parent chosen in the page; Check says correct; after a restart the
    choices are back and `q.check()` (re-run from the menu) still says correct."""
    key = get_problem("practice.feature_split").key
    text = {r["item_id"]: r["text"] for r in get_problem("practice.feature_split").data["items"]}
    _open_and_run(lab, "06_feature_split.ipynb")
    first = lab.page.get_by_label("L01 kind", exact=True)
    expect(first).to_be_visible(timeout=90_000)
    expect(lab.page.locator(".pmcourse-answer")).to_contain_text(text["L14"])  # full text

    # The first item by keyboard alone: Tab into the select, type the option's first letter.
    first.focus()
    lab.page.keyboard.press("Shift+Tab")
    lab.page.keyboard.press("Tab")
    assert lab.page.evaluate("document.activeElement.tagName") == "SELECT"
    lab.page.keyboard.press("o")  # (choose) -> outcome, by type-ahead
    expect(first).to_have_value("outcome", timeout=20_000)
    for item, kind in key["kind"].items():
        if item != "L01":
            _select(lab, f"{item} kind", kind)
    for item, kind in key["kind"].items():
        if kind == "task":
            parent = key["parents"][item][0]
            _select(lab, f"{item} serves outcome", f"{parent}: {text[parent]}")
    _check_with_the_button(lab)
    saved = json.loads((lab.server.root / "drafts" / "feature_split.json").read_text())
    assert saved["draft"]["values"]["items"]["L03"] == {"kind": "task", "outcome_id": "L01"}

    _restart_and_rerun(lab)
    expect(lab.page.get_by_label("L03 serves outcome", exact=True)).to_have_value(
        f"L01: {text['L01']}", timeout=90_000)
    expect(lab.page.get_by_label("L02 kind", exact=True)).to_have_value("task")
    check_cell = lab.cell(_check_cell("06_feature_split.ipynb"))
    expect(check_cell.locator(".jp-OutputArea")).to_contain_text(CORRECT, timeout=60_000)
    lab.page.get_by_label("L01 kind", exact=True).scroll_into_view_if_needed()
    lab.screenshot("answer_feature_split.png", full_page=False)


def test_now_next_later_answered_only_with_the_widget(lab) -> None:
    """Each initiative placed from the page; the board follows; correct; restored."""
    plan = get_problem("practice.now_next_later").key["plan"]
    _open_and_run(lab, "07_now_next_later.ipynb")
    expect(lab.page.get_by_label("N01 horizon", exact=True)).to_be_visible(timeout=90_000)
    for item, horizon in plan.items():
        _select(lab, f"{item} horizon", horizon.capitalize())
    board = lab.page.locator(".pmcourse-board")
    expect(board).to_contain_text("Now (4)")
    expect(lab.page.locator(".pmcourse-answer")).to_contain_text("Now: 13 of 13 effort points")
    _check_with_the_button(lab)

    _restart_and_rerun(lab)
    expect(lab.page.get_by_label("N07 horizon", exact=True)).to_have_value("Now",
                                                                          timeout=90_000)
    expect(lab.page.locator(".pmcourse-board")).to_contain_text("Now (4)")
    check_cell = lab.cell(_check_cell("07_now_next_later.ipynb"))
    expect(check_cell.locator(".jp-OutputArea")).to_contain_text(CORRECT, timeout=60_000)
    lab.page.locator(".pmcourse-board").scroll_into_view_if_needed()
    lab.screenshot("answer_now_next_later.png", full_page=False)
