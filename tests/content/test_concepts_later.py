"""Concept table for lessons 05-10: every concept the course promises maps to the cell teaching it.

Each row names a concept, the lesson notebook that teaches it and the key terms the cell tagged
``concept:<slug>`` (nbformat ``metadata.tags``) must contain. The tests open the notebook JSON,
so a renamed, untagged or emptied cell fails here rather than silently dropping a topic.
"""

from __future__ import annotations

import re

import pytest

from pmcourse.content import LESSONS

from .test_concepts import NOTEBOOKS, cells_tagged, load_cells, missing_terms

CONCEPTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    # 05 measurable goals
    ("north-star-metric", "05_measurable_goals", ("north star metric", "customer value",
                                                  "leading", "not vanity", "exactly one")),
    ("input-metrics", "05_measurable_goals", ("input metrics", "three to five", "breadth",
                                              "depth", "frequency", "efficiency")),
    ("why-not-arr-ltv", "05_measurable_goals", ("arr", "ltv", "lag", "kpi tree")),
    ("okrs", "05_measurable_goals", ("objective", "key result", "outcome, not an activity",
                                     "0.6 to 0.7")),
    # 06 roadmaps
    ("intent-not-commitment", "06_roadmaps", ("intent, not commitment", "promise")),
    ("prototype-of-strategy", "06_roadmaps", ("prototype", "strategy", "bastow")),
    ("outcomes-vs-outputs", "06_roadmaps", ("output", "outcome", "metric")),
    ("now-next-later", "06_roadmaps", ("now-next-later", "now:", "next:", "later:",
                                       "hard external constraint")),
    ("strategic-intents", "06_roadmaps", ("strategic intent", "swimlanes", "mission",
                                          "dependencies", "capacity")),
    ("initiatives-as-hypotheses", "06_roadmaps", ("initiatives", "hypothesis",
                                                  "we will know")),
    ("roadmap-vs-delivery-plan", "06_roadmaps", ("roadmap", "delivery plan", "dates")),
    ("living-document", "06_roadmaps", ("living document", "review", "share")),
    ("roadmap-disagreement", "06_roadmaps", ("what and when", "the course's rule",
                                             "delivery plan")),
    # 07 discovery and prioritisation
    ("discovery", "07_discovery_prioritisation", ("discovery", "assumptions", "every week",
                                                   "torres")),
    ("opportunity-solution-tree", "07_discovery_prioritisation", (
        "opportunity solution tree", "outcome", "opportunities", "solutions",
        "assumption tests")),
    ("opportunities-not-solutions", "07_discovery_prioritisation", (
        "solution where an opportunity belongs", "customer's words", "more than one answer")),
    ("assumption-tests", "07_discovery_prioritisation", ("assumption test", "fake door",
                                                         "which opportunity")),
    ("rice", "07_discovery_prioritisation", ("rice", "reach", "impact", "confidence", "effort",
                                             "intercom")),
    ("cost-of-delay", "07_discovery_prioritisation", ("cost of delay", "reinertsen", "wsjf",
                                                      "hard date")),
    ("scoring-limits", "07_discovery_prioritisation", ("invented precision", "like with like",
                                                       "strategy decides")),
    # 08 backlogs
    ("user-stories", "08_backlogs", ("user story", "as a", "i want", "so that",
                                     "three cs")),
    ("epics", "08_backlogs", ("epic", "split", "sprint")),
    ("operational-tasks", "08_backlogs", ("operational tasks", "backlog")),
    ("invest", "08_backlogs", ("invest", "independent", "negotiable", "valuable", "estimable",
                               "small", "testable")),
    ("acceptance-criteria", "08_backlogs", ("acceptance criteria", "given", "when", "then")),
    ("roadmap-vs-backlog", "08_backlogs", ("roadmap", "backlog", "distinct", "link")),
    # 09 values, principles, KPI tree
    ("company-values", "09_values_principles_kpis", ("values", "trust", "autonomy",
                                                     "do not promise what you cannot keep")),
    ("product-principles", "09_values_principles_kpis", ("product principles", "trade-off",
                                                         "opposite test")),
    ("kpi-tree", "09_values_principles_kpis", ("kpi tree", "root", "leaves",
                                               "initiatives map to leaves")),
    ("schematic-mapping", "09_values_principles_kpis", ("schematic", "coefficients")),
    # 10 capstone
    ("capstone-drafts", "10_capstone", ("visiondrafter", "missiondrafter", "strategycanvas",
                                        "northstarpicker", "roadmapboard", "backlogbuilder",
                                        "drafts/")),
    ("coherence-review", "10_capstone", ("follow from the one above", "trace")),
    ("strategy-document", "10_capstone", ("strategydocument", "export", "strategy.md",
                                          "strategy.html")),
)

LATER_LESSONS = ("05_measurable_goals", "06_roadmaps", "07_discovery_prioritisation",
                 "08_backlogs", "09_values_principles_kpis", "10_capstone")

WIDGET_CALL = re.compile(r"\b(?:VisionDrafter|MissionDrafter|StrategyCanvas|NorthStarPicker|"
                         r"RoadmapBoard|BacklogBuilder|StrategyDocument)\(|Quiz\.for_lesson\(")


def source(cell: dict) -> str:
    """A cell's source as one string (nbformat allows a list of lines)."""
    text = cell.get("source", "")
    return "".join(text) if isinstance(text, list) else text


@pytest.mark.parametrize(("slug", "lesson_id", "terms"), CONCEPTS,
                         ids=[row[0] for row in CONCEPTS])
def test_the_tagged_cell_teaches_the_concept(slug: str, lesson_id: str,
                                             terms: tuple[str, ...]) -> None:
    """Exactly one cell carries the concept's tag, and it contains every key term (bold ignored)."""
    cells = cells_tagged(lesson_id, slug)
    assert len(cells) == 1, f"{lesson_id}: {len(cells)} cells tagged concept:{slug}, expected 1"
    missing = missing_terms(cells[0].replace("*", ""), terms)  # bold may split: **I**ndependent
    assert not missing, f"{lesson_id} concept:{slug} does not mention {missing}"


@pytest.mark.parametrize("lesson_id", LATER_LESSONS)
def test_the_table_matches_the_lesson_data_and_the_notebook_tags(lesson_id: str) -> None:
    """The concepts in the lesson module, the notebook's tags and this table are the same set."""
    table = {slug for slug, lid, _ in CONCEPTS if lid == lesson_id}
    tags = {t.removeprefix("concept:") for c in load_cells(lesson_id)
            for t in c.get("metadata", {}).get("tags", []) if t.startswith("concept:")}
    assert set(LESSONS[lesson_id].concepts) == table
    assert tags == table


@pytest.mark.parametrize("lesson_id", LATER_LESSONS)
def test_the_notebook_opens_with_its_lesson_header(lesson_id: str) -> None:
    """The first code cell records the lesson and shows its objectives via lesson_header."""
    first = next(c for c in load_cells(lesson_id) if c["cell_type"] == "code")
    assert f'lesson_header("{lesson_id}")' in source(first)


@pytest.mark.parametrize("lesson_id", LATER_LESSONS)
def test_the_lesson_has_every_required_section(lesson_id: str) -> None:
    """Headings for the explanation's parts: worked example, mistakes, quiz, practice, recap."""
    headings = "\n".join(line for c in load_cells(lesson_id) if c["cell_type"] == "markdown"
                         for line in source(c).splitlines() if line.startswith("#")).casefold()
    required = ["self-quiz", "recap"]
    if lesson_id != "10_capstone":
        required += ["worked example", "common mistakes", "practice"]
    missing = [h for h in required if h not in headings]
    assert not missing, f"{lesson_id} lacks the sections {missing}"


@pytest.mark.parametrize("lesson_id", LATER_LESSONS)
def test_practice_links_match_the_lesson_data(lesson_id: str) -> None:
    """Each practice notebook listed in the lesson data is linked with a relative path."""
    text = "\n".join(source(c) for c in load_cells(lesson_id))
    for name in LESSONS[lesson_id].practice:
        assert f"(../exercises/{name})" in text, f"{lesson_id} does not link {name}"


@pytest.mark.parametrize("lesson_id", LATER_LESSONS)
def test_the_quiz_cell_renders_from_the_lesson_data(lesson_id: str) -> None:
    """The notebook's quiz is built from the lesson module, which holds 3-5 questions."""
    text = "\n".join(source(c) for c in load_cells(lesson_id))
    assert f'Quiz.for_lesson("{lesson_id}")' in text
    assert 3 <= len(LESSONS[lesson_id].quiz) <= 5


@pytest.mark.parametrize("lesson_id", LATER_LESSONS)
def test_widget_cells_are_ignored_by_nbval_and_outputs_are_cleared(lesson_id: str) -> None:
    """Every widget display carries nbval's ``nbval-ignore-output`` tag in its metadata (no
    visible marker in the code); no cell ships with outputs."""
    for cell in load_cells(lesson_id):
        if cell["cell_type"] != "code":
            continue
        text = source(cell)
        assert "NBVAL" not in text, text
        if WIDGET_CALL.search(text):
            assert "nbval-ignore-output" in cell["metadata"].get("tags", []), text
        assert cell["outputs"] == [], f"{lesson_id} has a cell with saved outputs"


def test_the_capstone_uses_every_drafting_widget_with_files_under_drafts() -> None:
    """The capstone shows all six drafting widgets and the document, each saving under drafts/."""
    text = "\n".join(source(c) for c in load_cells("10_capstone"))
    for widget in ("VisionDrafter", "MissionDrafter", "StrategyCanvas", "NorthStarPicker",
                   "RoadmapBoard", "BacklogBuilder", "StrategyDocument"):
        assert f"{widget}(" in text, f"the capstone does not show {widget}"
    assert 'DRAFTS = Path("drafts")' in text
    assert ".export(" in text


MISTAKE_TABLES = ("05_measurable_goals", "06_roadmaps", "08_backlogs")
QUOTED = re.compile(r'"([^"]+)"')


def mistake_rows(lesson_id: str) -> list[tuple[str, str, list[str], list[str]]]:
    """(kind, rule, bad quotes, better quotes) for each row of the lesson's mistakes table that
    cites a linter rule; the kind comes from the table's header, e.g. ``linter (`task`)``."""
    cell = next(source(c) for c in load_cells(lesson_id)
                if source(c).startswith("## Common mistakes"))
    lines = [line for line in cell.splitlines() if line.startswith("|")]
    kind = re.search(r"linter \(`(\w+)`\)", lines[0]).group(1)
    rows = []
    for line in lines[2:]:
        _, bad, better, linter = (part.strip() for part in line.strip("|").split("|"))
        for rule in re.findall(r"`([\w-]+)`", linter):
            rows.append((kind, rule, QUOTED.findall(bad), QUOTED.findall(better)))
    return rows


@pytest.mark.parametrize("lesson_id", MISTAKE_TABLES)
def test_each_cited_rule_flags_the_bad_example_and_not_the_better_one(lesson_id: str) -> None:
    """The linter rule a mistakes row cites fires on its bad example and not on its better one,
    so the lesson and the linter learners use agree."""
    from pmcourse.lint import lint

    rows = mistake_rows(lesson_id)
    assert rows, f"{lesson_id} cites no linter rule in its mistakes table"
    for kind, rule, bad, better in rows:
        assert bad, f"{lesson_id}: the row citing {rule} quotes no bad example"
        for text in bad:
            found = {f.rule for f in lint(text.strip("…"), kind)}
            assert rule in found, f"{rule} does not flag {text!r} (found {sorted(found)})"
        if better:  # the last quote is the rewrite; earlier ones may show the roadmap side
            found = {f.rule for f in lint(better[-1].strip("…"), kind)}
            assert rule not in found, f"{rule} still flags the better {better[-1]!r}"


LINK = re.compile(r"\]\(([^)\s]+\.ipynb)\)")


@pytest.mark.parametrize("lesson_id", LATER_LESSONS)
def test_every_notebook_link_in_the_lesson_opens_an_existing_notebook(lesson_id: str) -> None:
    """Relative links to lessons and practice notebooks point at files that exist."""
    text = "\n".join(source(c) for c in load_cells(lesson_id) if c["cell_type"] == "markdown")
    links = LINK.findall(text)
    assert links, f"{lesson_id} links to no other notebook"
    broken = [link for link in links if not (NOTEBOOKS / link).resolve().is_file()]
    assert not broken, f"{lesson_id} links to missing notebooks: {broken}"


DRAFT_FILE = re.compile(r'path="(drafts/\w+\.json)"')


def test_drafts_started_in_lessons_05_to_07_are_the_files_the_capstone_reads() -> None:
    """The North Star, roadmap and backlog drafted in lessons 05-07 reappear in the capstone,
    as the lessons promise: the widgets there save to the same files under drafts/."""
    capstone = "\n".join(source(c) for c in load_cells("10_capstone"))
    capstone_files = set(re.findall(r'DRAFTS / "(\w+\.json)"', capstone))
    for lesson_id in ("05_measurable_goals", "06_roadmaps", "08_backlogs"):
        text = "\n".join(source(c) for c in load_cells(lesson_id) if c["cell_type"] == "code")
        files = DRAFT_FILE.findall(text)
        assert files, f"{lesson_id} shows no drafting widget saving under drafts/"
        for path in files:
            assert path.removeprefix("drafts/") in capstone_files, (
                f"{lesson_id} saves {path}, which the capstone does not read")
