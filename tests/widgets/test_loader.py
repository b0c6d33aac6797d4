"""load_strategy: every draft file in a folder, read with the models, returned as plain data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from pmcourse.widgets import load_strategy
from pmcourse.widgets.models import (
    DRAFT_TYPES,
    BacklogDraft,
    MissionDraft,
    NorthStarDraft,
    RoadmapDraft,
    StrategyCanvasDraft,
    VisionDraft,
)
from pmcourse.widgets.store import DraftStore

KINDS = ["vision", "mission", "strategy_canvas", "north_star", "roadmap", "backlog"]
FILES = {"vision": "vision.json", "mission": "mission.json", "strategy_canvas": "strategy.json",
         "north_star": "north_star.json", "roadmap": "roadmap.json", "backlog": "backlog.json"}


def sample_drafts() -> dict[str, Any]:
    """One draft of every kind, filled in through the models' own editing methods."""
    vision = VisionDraft()
    vision.set_part("who", "allotment gardeners")
    vision.set_part("change", "share what they grow with neighbours")
    mission = MissionDraft()
    mission.set_product("Plotshare")
    mission.set_part("who", "allotment societies")
    mission.set_part("category", "a surplus-sharing app")
    mission.set_aspects_text("posts a glut in two taps\nshows what is ripe nearby")
    canvas = StrategyCanvasDraft()
    canvas.set_answer("icp", "Allotment societies with 50 or more plots")
    north = NorthStarDraft(metric="Kilos of produce collected by a neighbour, per week")
    north.set_inputs_text("Posts per plot\nCollections per post\nActive collectors")
    north.tick("customer_value", True)
    roadmap = RoadmapDraft()
    roadmap.set_intents_text("Less produce wasted")
    card = roadmap.add_card("Gardeners give away a glut within two days", "Less produce wasted")
    backlog = BacklogDraft()
    item = backlog.add_item("As a gardener, I want to post a glut with a photo, so that "
                            "neighbours see it.")
    backlog.link(item.id, card.id, roadmap.outcomes())
    return {"vision": vision, "mission": mission, "strategy_canvas": canvas,
            "north_star": north, "roadmap": roadmap, "backlog": backlog}


def save_all(folder: Path, drafts: dict[str, Any]) -> None:
    """Saves each draft the way the widgets do, through a DraftStore, under the notebook's names."""
    for kind, draft in drafts.items():
        DraftStore(folder / FILES[kind], type(draft), delay=0).save(draft)


def assert_plain(value: Any) -> None:
    """Fails unless `value` holds only dict, list, str, int, float, bool and None."""
    assert type(value) in (dict, list, str, int, float, bool, type(None)), type(value)
    if isinstance(value, dict):
        for k, v in value.items():
            assert type(k) is str
            assert_plain(v)
    elif isinstance(value, list):
        for v in value:
            assert_plain(v)


def test_every_saved_draft_comes_back_as_its_fields(tmp_path: Path) -> None:
    """Six drafts saved by the stores come back by kind, with the fields the models wrote."""
    drafts = sample_drafts()
    save_all(tmp_path, drafts)
    strategy = load_strategy(tmp_path)
    for kind, draft in drafts.items():
        assert strategy[kind] == draft.fields_to_dict()
    assert strategy["missing"] == []
    assert strategy["unreadable"] == {}
    assert strategy["sources"]["strategy_canvas"] == "strategy.json"
    assert strategy["notes"] == []


def test_the_result_is_plain_data_that_rebuilds_equal_drafts(tmp_path: Path) -> None:
    """Only plain values come back, and each part rebuilds a draft equal to the one saved."""
    drafts = sample_drafts()
    save_all(tmp_path, drafts)
    strategy = load_strategy(str(tmp_path))
    assert_plain(strategy)
    assert json.loads(json.dumps(strategy)) == strategy
    for kind, draft in drafts.items():
        assert DRAFT_TYPES[kind].from_fields(strategy[kind]) == draft


def test_a_missing_folder_lists_every_part_as_missing(tmp_path: Path) -> None:
    """No drafts folder yet: nothing raises, every part is missing and a note says what to do."""
    strategy = load_strategy(tmp_path / "drafts")
    assert strategy["missing"] == KINDS
    assert not any(kind in strategy for kind in KINDS)
    assert "Draft with the widgets" in strategy["notes"][0]


def test_parts_not_drafted_yet_are_listed_as_missing(tmp_path: Path) -> None:
    """Only a vision saved: the other five parts are missing, in document order."""
    save_all(tmp_path, {"vision": sample_drafts()["vision"]})
    strategy = load_strategy(tmp_path)
    assert "vision" in strategy
    assert strategy["missing"] == KINDS[1:]


def test_a_corrupt_draft_is_recorded_with_a_clear_message(tmp_path: Path) -> None:
    """A half-written mission file is reported under its kind, naming the file and the problem."""
    save_all(tmp_path, sample_drafts())
    (tmp_path / "mission.json").write_text('{"kind": "mission", "schema_ver', encoding="utf-8")
    strategy = load_strategy(tmp_path)
    assert "mission" not in strategy
    assert "mission" not in strategy["missing"]
    message = strategy["unreadable"]["mission"]
    assert message.startswith("mission.json:")
    assert "not valid JSON" in message and "delete it" in message


def test_a_draft_from_a_newer_pmcourse_is_recorded_not_guessed(tmp_path: Path) -> None:
    """A file in a newer format is refused with the upgrade advice, not half read."""
    data = {"kind": "roadmap", "schema_version": 99, "draft": {}}
    (tmp_path / "roadmap.json").write_text(json.dumps(data), encoding="utf-8")
    strategy = load_strategy(tmp_path)
    assert "pip install -U pmcourse" in strategy["unreadable"]["roadmap"]


def test_a_draft_with_a_wrong_field_type_is_recorded(tmp_path: Path) -> None:
    """A vision whose statement is a number cannot be read; the message names the field."""
    data = {"kind": "vision", "schema_version": 1, "draft": {"statement": 42}}
    (tmp_path / "vision.json").write_text(json.dumps(data), encoding="utf-8")
    assert "'statement' should be text" in load_strategy(tmp_path)["unreadable"]["vision"]


def test_the_kind_comes_from_the_file_not_its_name(tmp_path: Path) -> None:
    """A North Star saved as my_metric.json is still found as the north_star part."""
    north = sample_drafts()["north_star"]
    DraftStore(tmp_path / "my_metric.json", NorthStarDraft, delay=0).save(north)
    strategy = load_strategy(tmp_path)
    assert strategy["north_star"]["metric"] == north.metric
    assert strategy["sources"]["north_star"] == "my_metric.json"


def test_a_second_draft_of_one_kind_is_noted_and_the_usual_file_wins(tmp_path: Path) -> None:
    """vision.json is used over vision_old.json, and a note names the file left out."""
    save_all(tmp_path, {"vision": sample_drafts()["vision"]})
    DraftStore(tmp_path / "vision_old.json", VisionDraft, delay=0).save(
        VisionDraft(statement="An older vision."))
    strategy = load_strategy(tmp_path)
    assert strategy["sources"]["vision"] == "vision.json"
    assert "vision_old.json holds a second vision draft" in strategy["notes"][0]


def test_other_json_files_are_reported_by_name(tmp_path: Path) -> None:
    """A JSON file that is no draft is recorded under its file name and nothing else changes."""
    save_all(tmp_path, sample_drafts())
    (tmp_path / "settings.json").write_text("[1, 2, 3]", encoding="utf-8")
    strategy = load_strategy(tmp_path)
    assert "not a pmcourse draft" in strategy["unreadable"]["settings.json"]
    assert strategy["missing"] == []


def test_hidden_temporary_files_are_ignored(tmp_path: Path) -> None:
    """A leftover temporary file from an interrupted save is not read as a draft."""
    save_all(tmp_path, sample_drafts())
    (tmp_path / ".vision.json.abc.json").write_text("{", encoding="utf-8")
    assert load_strategy(tmp_path)["unreadable"] == {}


def test_load_strategy_does_not_import_ipywidgets() -> None:
    """Graded notebooks can read drafts without loading ipywidgets."""
    code = ("import sys; from pmcourse.widgets import load_strategy; "
            "print('ipywidgets' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
