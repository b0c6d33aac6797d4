"""The course's supporting material: diagrams, further reading, published examples, the glossary's
lesson links, the time estimate and the linter report shown in lessons."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pmcourse.content import (
    DIAGRAMS,
    LESSONS,
    diagram,
    drafts_status,
    further_reading,
    glossary,
    lint_report,
    published_examples,
    syllabus,
)
from pmcourse.content.examples import PUBLISHED
from pmcourse.content.reading import READING
from pmcourse.content.views import time_estimate

ROOT = Path(__file__).resolve().parents[2]


def notebook_text(lesson_id: str, kind: str | None = None) -> str:
    cells = json.loads((ROOT / "notebooks" / f"{lesson_id}.ipynb").read_text())["cells"]
    return "\n".join("".join(c["source"]) for c in cells if kind is None or c["cell_type"] == kind)


def code_cells(lesson_id: str) -> list[dict]:
    cells = json.loads((ROOT / "notebooks" / f"{lesson_id}.ipynb").read_text())["cells"]
    return [c for c in cells if c["cell_type"] == "code"]


# -- diagrams ---------------------------------------------------------------------------------

@pytest.mark.parametrize("name", DIAGRAMS)
def test_diagram_is_a_picture_with_its_description_as_alt_text(name: str) -> None:
    """The picture is a real PNG; the img's alt text and the caption carry the full description."""
    picture = diagram(name)
    assert picture.png().startswith(b"\x89PNG\r\n\x1a\n")
    page = picture._repr_html_()
    alt = re.search(r'alt="([^"]*)"', page).group(1)
    assert picture.description.replace("'", "&#x27;") in alt
    assert len(picture.description.split()) >= 30
    assert str(picture).startswith(picture.title)


def test_the_tree_and_the_board_describe_every_box_they_draw() -> None:
    """A screen-reader user hears every level of the tree and every card of the board."""
    tree = diagram("opportunity_tree").description
    for level in ("outcome", "opportunities", "solutions", "assumption test"):
        assert level in tree
    board = diagram("now_next_later").description
    for column in ("Now:", "Next:", "Later:"):
        assert column in board


@pytest.mark.parametrize("name", DIAGRAMS)
def test_each_diagram_is_shown_in_a_lesson_and_ignored_by_nbval(name: str) -> None:
    """Some lesson displays the diagram, in a cell nbval does not compare (its cell tag)."""
    cells = [c for lesson in LESSONS for c in code_cells(lesson)
             if f'diagram("{name}")' in "".join(c["source"])]
    assert cells, f"no lesson shows the diagram {name!r}"
    assert all("nbval-ignore-output" in c["metadata"].get("tags", []) for c in cells)


def test_an_unknown_diagram_names_the_known_ones() -> None:
    with pytest.raises(LookupError, match="'pyramid'"):
        diagram("pyramidd")


# -- further reading, published examples --------------------------------------------------------

@pytest.mark.parametrize("lesson_id", LESSONS)
def test_every_lesson_has_a_short_reading_list_shown_before_its_recap(lesson_id: str) -> None:
    items = READING[lesson_id]
    assert 2 <= len(items) <= 4
    assert all(r.author and r.title and r.published and r.why for r in items)
    assert f'further_reading("{lesson_id}")' in notebook_text(lesson_id, "code")
    shown = str(further_reading(lesson_id))
    assert all(f"*{r.title}*" in shown for r in items)


def test_reading_for_an_unknown_lesson_says_so() -> None:
    assert "No reading list" in str(further_reading("99_nothing"))


def test_published_statements_carry_organisation_year_and_place() -> None:
    """Each real statement is quoted with who published it, when and where, and is shown in the
    lesson on its kind (visions in 02, missions in 03)."""
    assert {s.kind for s in PUBLISHED} == {"vision", "mission"}
    for s in PUBLISHED:
        assert s.organisation and re.search(r"\d{4}|\d{4}s", s.year) and s.where and s.comment
    assert 'published_examples("vision")' in notebook_text("02_product_vision", "code")
    assert 'published_examples("mission")' in notebook_text("03_vision_vs_mission", "code")
    from pmcourse.lint import lint

    for s in PUBLISHED:  # a linter rule a comment cites must really fire on the statement
        for kind, rule in re.findall(r"`(\w+)/([\w-]+)`", s.comment):
            assert rule in {f.rule for f in lint(s.text, kind)}, (s.organisation, rule)
    table = str(published_examples("vision"))
    assert "IKEA" in table and "Tesla" not in table


# -- glossary, time, linter report ---------------------------------------------------------------

@pytest.mark.parametrize("entry", glossary(), ids=lambda e: e.term)
def test_the_glossary_sends_each_term_to_a_lesson_that_uses_it(entry) -> None:
    """The lesson a glossary entry names mentions the term (or its plural) in its own text."""
    from pmcourse.content import find_definition

    text = notebook_text(entry.lesson).casefold()
    found = find_definition(entry.term)
    names = [entry.term, *(found.aliases if found else ())]
    assert any(n.casefold() in text or n.casefold().rstrip("s") in text for n in names), names


def test_the_time_estimate_is_computed_and_the_same_everywhere() -> None:
    """The honest estimate appears in lesson 00, the syllabus, README and the facilitator guide."""
    estimate = time_estimate()
    total = sum(lesson.minutes for lesson in LESSONS.values())
    assert f"about {total / 60:.0f} hours of lessons" in estimate
    assert estimate in notebook_text("00_start_here", "markdown")
    assert estimate in str(syllabus())
    assert estimate in (ROOT / "README.md").read_text()
    assert estimate in (ROOT / "course" / "README.md").read_text()


def test_lint_report_shows_each_finding_once_and_escapes_placeholders() -> None:
    table = str(lint_report(["Grow revenue 40% and become number one.",
                             "As a <role>, we serve everyone"], "strategy"))
    assert table.count("`strategy/goals-not-choices`") == 1
    assert "&lt;role&gt;" in table
    assert "no findings" in str(lint_report("Every household eats well.", "vision"))


def test_drafts_status_reads_files_and_says_what_is_wrong(tmp_path: Path) -> None:
    """Missing drafts read as not started, a damaged one says so, and one table shows both."""
    (tmp_path / "vision.json").write_text("{not json", encoding="utf-8")
    table = str(drafts_status({"vision": tmp_path / "vision.json",
                               "north_star": tmp_path / "north_star.json"}))
    assert "| vision | ? | could not be read:" in table and "not valid JSON" in table
    assert "| north star | 0% | not started yet |" in table
    assert "drafts_status(DRAFT_PATHS)" in notebook_text("10_capstone", "code")
    assert "except" not in notebook_text("10_capstone", "code")
