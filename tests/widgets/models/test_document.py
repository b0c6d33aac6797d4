"""The strategy document model: gathering draft files, what is missing, Markdown, HTML, export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pmcourse.widgets.models import StrategyDocumentModel, VisionDraft
from pmcourse.widgets.models.roadmap import RoadmapDraft


def _save(path: Path, draft: object) -> Path:
    path.write_text(json.dumps(draft.to_dict()), encoding="utf-8")
    return path


def _vision() -> VisionDraft:
    draft = VisionDraft()
    for name, value in (("who", "busy households"), ("change", "cook from what they have"),
                        ("why", "less food is wasted")):
        draft.set_part(name, value)
    return draft


def test_sections_follow_the_story_order_whatever_the_argument_order(tmp_path) -> None:
    """Vision comes before roadmap even when the roadmap file is passed first."""
    roadmap = RoadmapDraft(intents=["Waste less"])
    roadmap.add_card("Households waste less food", "Waste less")
    doc = StrategyDocumentModel.gather([_save(tmp_path / "r.json", roadmap),
                                        _save(tmp_path / "v.json", _vision())])
    md = doc.to_markdown()
    assert md.index("## Vision") < md.index("## Mission") < md.index("## Roadmap")
    assert "> Busy households cook from what they have" in md


def test_missing_lists_absent_drafts_gaps_and_unreadable_files(tmp_path) -> None:
    """Not-given kinds, each draft's gaps and unusable files all appear under Still missing."""
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    doc = StrategyDocumentModel.gather([_save(tmp_path / "v.json", VisionDraft(who="cooks")),
                                        broken, tmp_path / "never.json"])
    missing = doc.missing()
    assert "Vision: what changes for them." in missing
    assert "Mission: no draft given." in missing
    assert any("broken.json cannot be used" in m for m in missing)
    assert any("nothing saved at" in m and "never.json" in m for m in missing)
    assert "## Still missing" in doc.to_markdown()


def test_keyword_paths_are_checked_against_their_kind(tmp_path) -> None:
    """mission='v.json' holding a vision is reported, and unknown kinds are a TypeError."""
    path = _save(tmp_path / "v.json", _vision())
    doc = StrategyDocumentModel.gather(mission=path)
    assert any("not a 'mission' draft" in m for m in doc.missing())
    with pytest.raises(TypeError, match="Unknown draft kind poem"):
        StrategyDocumentModel.gather(poem=path)


def test_a_second_draft_of_a_kind_is_reported(tmp_path) -> None:
    """Two vision files: the first is used, the second named as unused."""
    doc = StrategyDocumentModel.gather([_save(tmp_path / "a.json", _vision()),
                                        _save(tmp_path / "b.json", VisionDraft(who="x"))])
    assert doc.sources["vision"].path.name == "a.json"
    assert any("second vision draft" in m for m in doc.missing())


def test_html_escapes_learner_text(tmp_path) -> None:
    """Markup typed by a learner shows as text in the HTML, never as markup."""
    draft = _vision()
    draft.edit_statement("<script>alert(1)</script> households eat well")
    page = StrategyDocumentModel.gather([_save(tmp_path / "v.json", draft)]).to_html()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert page.startswith("<!DOCTYPE html>")


def test_export_writes_both_files(tmp_path) -> None:
    """export() writes strategy.md and strategy.html with the same content as the previews."""
    doc = StrategyDocumentModel.gather([_save(tmp_path / "v.json", _vision())])
    md, page = doc.export(tmp_path / "out")
    assert md.read_text(encoding="utf-8") == doc.to_markdown()
    assert page.read_text(encoding="utf-8") == doc.to_html()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["strategy.html",
                                                                     "strategy.md"]
