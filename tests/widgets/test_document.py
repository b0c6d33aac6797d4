"""StrategyDocument headless: preview, missing list, export button and method."""

from __future__ import annotations

from pmcourse.widgets import StrategyDocument, VisionDrafter


def test_preview_lists_missing_parts_and_export_writes_files(tmp_path) -> None:
    """The preview shows the vision; Export writes both files and says where."""
    vision = VisionDrafter(path=tmp_path / "vision.json", delay=0)
    vision._statement.value = "Busy households cook from what they already have."
    doc = StrategyDocument(tmp_path / "vision.json", directory=tmp_path / "out")
    assert "Busy households cook from what they already have." in doc._preview.value
    assert "Mission: no draft given." in doc._missing.value
    doc._export.click()
    assert (tmp_path / "out" / "strategy.md").exists()
    assert (tmp_path / "out" / "strategy.html").exists()
    assert "Wrote" in doc._message.value


def test_refresh_reads_new_drafts(tmp_path) -> None:
    """Refresh picks up a draft saved after the document was shown."""
    doc = StrategyDocument(vision=tmp_path / "vision.json")
    assert "nothing saved at" in doc._missing.value
    VisionDrafter(path=tmp_path / "vision.json", delay=0)._who.value = "busy households"
    doc._refresh.click()
    assert "Busy households." in doc._preview.value


def test_unwritable_export_folder_is_a_message(tmp_path) -> None:
    """Exporting into a file path explains the problem in the widget."""
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    doc = StrategyDocument(directory=blocker / "sub")
    doc._export.click()
    assert "Could not export" in doc._message.value
