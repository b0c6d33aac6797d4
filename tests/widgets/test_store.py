"""DraftStore: load, atomic save, debounce and flush, damaged files kept aside, restore."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from pmcourse.widgets.models import VisionDraft
from pmcourse.widgets.store import DraftStore, flush_all


def _wait_for(predicate, limit: float = 10.0) -> bool:
    """Polls `predicate` until true or `limit` seconds pass (a bound, not a speed check)."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return predicate()


def _saved(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


class TestLoad:
    def test_missing_file_is_a_new_draft(self, tmp_path) -> None:
        """No file yet gives an empty draft, no notice, and writes nothing."""
        store = DraftStore(tmp_path / "vision.json", VisionDraft)
        assert store.load() == VisionDraft()
        assert store.notice == ""
        assert not (tmp_path / "vision.json").exists()

    def test_saved_draft_is_restored(self, tmp_path) -> None:
        """What one store saved, a new store for the same path loads."""
        path = tmp_path / "vision.json"
        DraftStore(path, VisionDraft).save(VisionDraft(who="busy households"))
        assert DraftStore(path, VisionDraft).load().who == "busy households"

    def test_corrupt_file_is_kept_aside_and_reported(self, tmp_path) -> None:
        """A damaged file is renamed, never overwritten, and the notice names the kept file."""
        path = tmp_path / "vision.json"
        path.write_text("{half a draft", encoding="utf-8")
        store = DraftStore(path, VisionDraft, delay=0)
        assert store.load() == VisionDraft()
        kept = tmp_path / "vision.json.unreadable-1"
        assert store.kept == kept
        assert kept.read_text(encoding="utf-8") == "{half a draft"
        assert "kept as vision.json.unreadable-1" in store.notice
        assert "not valid JSON" in store.notice
        store.schedule(VisionDraft(who="new"))
        assert kept.read_text(encoding="utf-8") == "{half a draft"
        assert _saved(path)["draft"]["who"] == "new"

    def test_second_corrupt_file_gets_its_own_name(self, tmp_path) -> None:
        """Keeping aside never replaces an earlier kept file."""
        path = tmp_path / "vision.json"
        for n in (1, 2):
            path.write_text(f"broken {n}", encoding="utf-8")
            DraftStore(path, VisionDraft).load()
        assert (tmp_path / "vision.json.unreadable-1").read_text(encoding="utf-8") == "broken 1"
        assert (tmp_path / "vision.json.unreadable-2").read_text(encoding="utf-8") == "broken 2"

    def test_other_kind_is_kept_aside_not_overwritten(self, tmp_path) -> None:
        """Pointing the vision drafter at a mission file keeps the mission safe."""
        path = tmp_path / "draft.json"
        path.write_text(json.dumps({"kind": "mission", "schema_version": 1, "draft": {}}),
                        encoding="utf-8")
        store = DraftStore(path, VisionDraft)
        store.load()
        assert "'mission' draft, not a 'vision' draft" in store.notice
        assert (tmp_path / "draft.json.unreadable-1").exists()

    def test_blank_or_non_path_is_refused(self) -> None:
        """An empty file name or a non-path is a clear error saying what to pass."""
        with pytest.raises(ValueError, match=r"path='vision\.json'"):
            DraftStore("  ", VisionDraft)
        with pytest.raises(TypeError, match="not NoneType"):
            DraftStore(None, VisionDraft)


class TestSave:
    def test_save_is_atomic_json_with_envelope(self, tmp_path) -> None:
        """The file is complete JSON with kind and version, and no temporary file is left."""
        path = tmp_path / "sub" / "vision.json"
        DraftStore(path, VisionDraft).save(VisionDraft(who="cooks"))
        assert _saved(path)["kind"] == "vision"
        assert os.listdir(path.parent) == ["vision.json"]

    def test_changes_are_debounced_until_quiet(self, tmp_path) -> None:
        """Rapid changes write nothing at once; after the quiet time the last one is saved."""
        path = tmp_path / "vision.json"
        store = DraftStore(path, VisionDraft, delay=0.3)
        draft = VisionDraft()
        for text in ("b", "bu", "bus", "busy"):
            draft.who = text
            store.schedule(draft)
        assert store.pending
        assert not path.exists()
        assert _wait_for(path.exists)
        assert _saved(path)["draft"]["who"] == "busy"
        assert not store.pending

    def test_schedule_takes_a_snapshot(self, tmp_path) -> None:
        """Later edits to the draft object do not leak into a scheduled save."""
        path = tmp_path / "vision.json"
        store = DraftStore(path, VisionDraft, delay=60)
        draft = VisionDraft(who="first")
        store.schedule(draft)
        draft.who = "second"
        assert store.flush()
        assert _saved(path)["draft"]["who"] == "first"

    def test_flush_writes_now_and_reports_nothing_pending(self, tmp_path) -> None:
        """flush() writes the pending change immediately; a second flush has nothing to do."""
        path = tmp_path / "vision.json"
        store = DraftStore(path, VisionDraft, delay=60)
        store.schedule(VisionDraft(who="cooks"))
        assert store.flush() is True
        assert _saved(path)["draft"]["who"] == "cooks"
        assert store.flush() is False

    def test_flush_all_writes_every_store(self, tmp_path) -> None:
        """The exit hook writes what every live store still holds."""
        stores = [DraftStore(tmp_path / f"{n}.json", VisionDraft, delay=60) for n in range(2)]
        for store in stores:
            store.schedule(VisionDraft(who="cooks"))
        flush_all()
        assert all(_saved(s.path)["draft"]["who"] == "cooks" for s in stores)

    def test_new_store_on_same_path_sees_pending_changes(self, tmp_path) -> None:
        """Re-running a cell within the quiet time still restores the latest text."""
        path = tmp_path / "vision.json"
        old = DraftStore(path, VisionDraft, delay=60)
        old.schedule(VisionDraft(who="typed just now"))
        assert DraftStore(path, VisionDraft).load().who == "typed just now"

    def test_failed_write_is_reported_and_kept_pending(self, tmp_path) -> None:
        """A folder that cannot be written gives a message and the change stays pending."""
        blocker = tmp_path / "file"
        blocker.write_text("", encoding="utf-8")
        store = DraftStore(blocker / "vision.json", VisionDraft, delay=60)
        store.schedule(VisionDraft(who="x"))
        assert store.flush() is False
        assert store.pending
        assert store.last_error.startswith("Could not save the draft to")


@pytest.mark.slow
def test_pending_draft_is_written_when_the_kernel_restarts(tmp_path) -> None:
    """A change still inside its quiet time is flushed when a real kernel shuts down."""
    from jupyter_client.manager import start_new_kernel

    path = tmp_path / "vision.json"
    manager, client = start_new_kernel(kernel_name="python3", cwd=str(tmp_path))
    try:
        code = ("from pmcourse.widgets import VisionDrafter\n"
                f"v = VisionDrafter(path={str(path)!r}, delay=600)\n"
                "v._who.value = 'typed just before the restart'\n"
                "assert not v.path.exists()")
        reply = client.execute_interactive(code, timeout=60)
        assert reply["content"]["status"] == "ok", reply["content"]
        assert not path.exists()
        manager.restart_kernel(now=False)
        assert _wait_for(path.exists, limit=30)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert _saved(path)["draft"]["who"] == "typed just before the restart"
