"""KPI tree mapping: initiatives attach to the leaf metric they move, never to the root."""

from __future__ import annotations

import pandas as pd

from pmcourse.exercises import Outcome, ____, get_problem
from pmcourse.exercises.engine.registry import practice

from ..helpers import criterion

PROBLEM = get_problem("practice.kpi_tree")
FIRST = {i: ps[0] for i, ps in PROBLEM.key["parents"].items()}


def mapping(links: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"item_id": i, "metric_id": m} for i, m in links.items()])


def test_reference_mapping_is_correct():
    """The key's mapping earns full marks."""
    result = practice("kpi_tree", track=False).check(mapping(FIRST))
    assert result.outcome is Outcome.CORRECT and result.score == 1.0


def test_mapping_to_the_root_is_rule_t01():
    """An initiative mapped straight to the root loses the level criterion, citing T01."""
    result = PROBLEM.check({"mapping": mapping({**FIRST, "K1": "M0"})})
    level = criterion(result, "level")
    assert level.earned == 7 / 8 and "T01" in level.message and "K1" in level.message
    assert result.outcome is Outcome.PARTLY_CORRECT


def test_mapping_to_an_inner_metric_says_go_one_level_down():
    """An initiative mapped to a metric with children is told to go one level down."""
    result = PROBLEM.check({"mapping": mapping({**FIRST, "K3": "M1"})})
    assert "go one level down" in criterion(result, "level").message


def test_wrong_leaf_is_counted_without_naming_items():
    """A wrong leaf costs edge credit; the message counts and names no initiative."""
    result = PROBLEM.check({"mapping": mapping({**FIRST, "K4": "M22", "K7": "M21"})})
    links = criterion(result, "links")
    assert links.earned == 6 / 8
    assert not any(i in links.message for i in FIRST)


def test_everything_on_the_root_scores_low():
    """Mapping every initiative to the root earns almost nothing."""
    result = PROBLEM.check({"mapping": mapping(dict.fromkeys(FIRST, "M0"))})
    assert result.score <= 0.2


def test_blank_and_malformed_answers():
    """Placeholder -> not attempted; missing column, unknown metric and duplicates are explained."""
    assert PROBLEM.check({"mapping": ____}).outcome is Outcome.NOT_ATTEMPTED
    no_column = PROBLEM.check({"mapping": mapping(FIRST).drop(columns="metric_id")})
    assert "column `metric_id` missing" in no_column.message
    unknown = PROBLEM.check({"mapping": mapping({**FIRST, "K2": "M99"})})
    assert any("K2 -> M99: no metric has that id" in n for n in unknown.notes)
    doubled = PROBLEM.check({"mapping": pd.concat([mapping(FIRST), mapping({"K1": "M0"})])})
    assert any("appear more than once" in n for n in doubled.notes)
    assert doubled.score == 1.0


def test_solution_lists_leaves_with_their_initiatives():
    """The worked solution shows each leaf with the initiatives that move it."""
    text = PROBLEM.solution_markdown()
    assert "**M11**" in text and "K1:" in text and "**M0**" not in text


def test_an_initiative_that_fits_two_leaves_is_accepted_either_way():
    """The quick-dinner filter moves planned weeknight dinners or swaps: both links earn full
    marks, and the solution says an expert could defend either."""
    for leaf in ("M21", "M32"):
        assert PROBLEM.check({"mapping": mapping({**FIRST, "K4": leaf})}).score == 1.0
    text = PROBLEM.solution_markdown()
    assert "Also accepted: K4 may also link to M32" in text
    assert "(K4) fits two leaves" in text and "either link is right" in text


def test_every_initiative_on_one_leaf_is_capped():
    """One leaf for all eight initiatives decides nothing: capped at 10%, and the message says
    to map them one by one."""
    result = PROBLEM.check({"mapping": mapping(dict.fromkeys(FIRST, "M11"))})
    assert result.score <= 0.1 and "capped at 10%" in result.message
    assert "You mapped nearly every initiative to M11" in criterion(result, "links").message
