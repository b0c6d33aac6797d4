"""Accessibility of what pmcourse puts on the page, checked by axe-core in real JupyterLab.

axe-core (the npm package, installed by ``make test`` into ``build/node_modules``) is injected
into a lesson with a drafting widget and a quiz, and into the feature-split practice notebook with
its answer widget. Every output area is pmcourse's own (JupyterLab's chrome is not ours to fix):
none may have a serious or critical WCAG 2.1 A/AA violation (names, labels, roles, contrast).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

PROJECT = Path(__file__).resolve().parents[2]
AXE = PROJECT / "build" / "node_modules" / "axe-core" / "axe.min.js"
PAGES = (("notebooks", "02_product_vision.ipynb"), ("exercises", "06_feature_split.ipynb"))
RUN_AXE = """async () => {
  const outputs = Array.from(document.querySelectorAll('.jp-OutputArea-output'));
  const result = await axe.run({include: outputs}, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
    resultTypes: ['violations']});
  return {outputs: outputs.length, violations: result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.html.slice(0, 160))}))};
}"""


@pytest.mark.parametrize(("folder", "name"), PAGES, ids=[name for _, name in PAGES])
def test_pmcourse_elements_have_no_serious_accessibility_violation(lab, folder: str,
                                                                   name: str) -> None:
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: `make test` installs axe-core from npm into build/.")
    shutil.copy(PROJECT / folder / name, lab.server.root / name)
    page = lab.page
    page.goto(lab.server.tree_url(name) + "&reset")
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=60_000)
    lab.wait_kernel_connected(name)
    lab.wait_idle()
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='busy']").first.wait_for(
        timeout=30_000)
    lab.wait_idle(timeout=180_000)
    widget = ".pmcourse-answer" if folder == "exercises" else ".pmcourse-drafter"
    page.locator(widget).first.wait_for(timeout=60_000)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(RUN_AXE)
    assert found["outputs"] >= 3, "the notebook's outputs did not render"
    bad = [v for v in found["violations"] if v["impact"] in ("serious", "critical")]
    lab.screenshot(f"axe-{name}.png")
    assert not bad, "\n".join(f"{v['impact']} {v['id']}: {v['help']}\n  " + "\n  ".join(
        v["targets"]) for v in bad)


def test_the_check_catches_an_unnamed_control_in_an_output(lab) -> None:
    """Control: an output with a nameless (icon-only) button is reported, so a clean result
    above means the outputs were really checked."""
    lab.write_notebook("unnamed.ipynb", [
        "import ipywidgets as w\nw.Button(icon='check')"])
    page = lab.page
    page.goto(lab.server.tree_url("unnamed.ipynb") + "&reset")
    lab.wait_kernel_connected("unnamed.ipynb")
    lab.run_cell(0)
    page.locator(".jp-OutputArea-output .widget-button").first.wait_for(timeout=60_000)
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(RUN_AXE)
    assert "button-name" in {v["id"] for v in found["violations"]}
