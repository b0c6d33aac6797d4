"""Draft envelope, JSON reading and the errors a learner sees for a damaged draft file."""

from __future__ import annotations

import json

import pytest

from pmcourse.widgets.models import (
    SCHEMA_VERSION,
    DraftError,
    DraftMissingError,
    VisionDraft,
    draft_from_dict,
    load_draft,
)
from pmcourse.widgets.models.base import lines_of


class TestEnvelope:
    def test_to_dict_tags_kind_and_schema_version(self) -> None:
        """A saved draft says which kind it is and which format version wrote it."""
        data = VisionDraft(who="cooks").to_dict()
        assert data["kind"] == "vision"
        assert data["schema_version"] == SCHEMA_VERSION
        assert data["draft"]["who"] == "cooks"

    def test_newer_schema_is_refused_with_upgrade_advice(self) -> None:
        """A file from a newer pmcourse is refused with a message saying to upgrade."""
        data = {**VisionDraft().to_dict(), "schema_version": SCHEMA_VERSION + 1}
        with pytest.raises(DraftError, match=r"newer pmcourse.*pip install -U"):
            VisionDraft.from_dict(data)

    @pytest.mark.parametrize("version", [None, 0, "1", True])
    def test_bad_schema_version_is_refused(self, version: object) -> None:
        """A missing, zero, textual or boolean schema version is an error, not a guess."""
        data = {**VisionDraft().to_dict(), "schema_version": version}
        with pytest.raises(DraftError, match="schema_version"):
            VisionDraft.from_dict(data)

    def test_other_kind_is_named_in_the_error(self) -> None:
        """Opening a roadmap file as a vision names both kinds and suggests a separate file."""
        data = {"kind": "roadmap", "schema_version": 1, "draft": {}}
        with pytest.raises(DraftError, match="'roadmap' draft, not a 'vision' draft"):
            VisionDraft.from_dict(data)

    @pytest.mark.parametrize("data", [[], "text", {"kind": "vision"}, {"draft": []}])
    def test_non_draft_shapes_are_refused(self, data: object) -> None:
        """Anything but an object with a 'draft' object is not a draft."""
        with pytest.raises(DraftError, match="not a pmcourse draft"):
            draft_from_dict(data)

    def test_unknown_kind_lists_the_known_ones(self) -> None:
        """An unknown kind lists the kinds pmcourse knows."""
        with pytest.raises(DraftError, match=r"Unknown draft kind 'poem'.*vision"):
            draft_from_dict({"kind": "poem", "schema_version": 1, "draft": {}})

    def test_wrong_field_type_names_the_field(self) -> None:
        """A number where text belongs names the field and how to recover."""
        data = {"kind": "vision", "schema_version": 1, "draft": {"who": 42}}
        with pytest.raises(DraftError, match="'who' should be text but is int"):
            VisionDraft.from_dict(data)


class TestLoadDraft:
    def test_missing_file_raises_draft_missing(self, tmp_path) -> None:
        """Loading where nothing was saved raises DraftMissingError naming the path."""
        with pytest.raises(DraftMissingError, match="No draft saved"):
            load_draft(tmp_path / "vision.json")

    def test_invalid_json_names_line_and_column(self, tmp_path) -> None:
        """A truncated file is reported with where the JSON breaks."""
        path = tmp_path / "vision.json"
        path.write_text('{"kind": "vision", "sche', encoding="utf-8")
        with pytest.raises(DraftError, match=r"not valid JSON \(line 1, column"):
            load_draft(path)

    def test_load_draft_dispatches_on_kind(self, tmp_path) -> None:
        """load_draft returns the class the file's kind names."""
        path = tmp_path / "v.json"
        path.write_text(json.dumps(VisionDraft(who="cooks").to_dict()), encoding="utf-8")
        draft = load_draft(path)
        assert isinstance(draft, VisionDraft)
        assert draft.who == "cooks"

    def test_load_draft_can_insist_on_a_kind(self, tmp_path) -> None:
        """load_draft(path, 'mission') refuses a vision file."""
        path = tmp_path / "v.json"
        path.write_text(json.dumps(VisionDraft().to_dict()), encoding="utf-8")
        with pytest.raises(DraftError, match="not a 'mission' draft"):
            load_draft(path, "mission")


def test_lines_of_drops_bullets_and_blank_lines() -> None:
    """Text-box lists accept '-' or '*' bullets and ignore empty lines."""
    assert lines_of("- one\n\n* two \n  three\n") == ["one", "two", "three"]
