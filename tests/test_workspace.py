"""The learner's working copy: course updates flow in, the learner's work is never lost, and the
course checkout is never written to."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pmcourse.workspace import (
    MANIFEST,
    NBGRADER_LAB_EXTENSION,
    learner_config_dir,
    learner_environment,
    sync_workspace,
    workspace_dir,
)

from .conftest import PROJECT


@pytest.fixture
def course(tmp_path: Path) -> Path:
    """A small course: two lessons and one practice notebook."""
    root = tmp_path / "course"
    for name in ("notebooks/00_start_here.ipynb", "notebooks/01_leverage.ipynb",
                 "exercises/01_which_artifact.ipynb"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(json.dumps({"cells": [], "name": name}))
    return root


def test_the_workspace_lives_in_the_learner_s_pmcourse_home(private_home: Path) -> None:
    """Next to progress.json, never inside the course checkout."""
    assert workspace_dir() == private_home / "workspace"


def test_a_first_sync_copies_every_lesson_and_practice_notebook(course: Path,
                                                                tmp_path: Path) -> None:
    work = tmp_path / "work"
    report = sync_workspace(course, work)
    assert sorted(report.copied) == ["exercises/01_which_artifact.ipynb",
                                     "notebooks/00_start_here.ipynb",
                                     "notebooks/01_leverage.ipynb"]
    assert (work / "notebooks/01_leverage.ipynb").read_bytes() == (
        course / "notebooks/01_leverage.ipynb").read_bytes()
    assert "copied 3 notebook(s)" in report.lines()[0]


def test_a_notebook_the_learner_never_changed_follows_the_course(course: Path,
                                                                 tmp_path: Path) -> None:
    work = tmp_path / "work"
    sync_workspace(course, work)
    (course / "notebooks/01_leverage.ipynb").write_text('{"cells": [], "fixed": true}')
    report = sync_workspace(course, work)
    assert report.updated == ["notebooks/01_leverage.ipynb"]
    assert json.loads((work / "notebooks/01_leverage.ipynb").read_text())["fixed"] is True


def test_a_changed_notebook_is_kept_aside_when_the_course_changes_it_too(
        course: Path, tmp_path: Path) -> None:
    """The learner's copy (with their outputs and code) moves to backups/; nothing is lost."""
    work = tmp_path / "work"
    sync_workspace(course, work)
    (work / "notebooks/01_leverage.ipynb").write_text('{"cells": [], "mine": true}')
    (work / "notebooks/drafts").mkdir()
    (work / "notebooks/drafts/vision.json").write_text('{"text": "my vision"}')
    (course / "notebooks/01_leverage.ipynb").write_text('{"cells": [], "fixed": true}')
    report = sync_workspace(course, work)
    [(name, backup)] = report.kept_aside
    assert name == "notebooks/01_leverage.ipynb" and backup.startswith("backups/01_leverage-")
    assert json.loads((work / backup).read_text())["mine"] is True
    assert json.loads((work / name).read_text())["fixed"] is True
    assert (work / "notebooks/drafts/vision.json").read_text() == '{"text": "my vision"}'
    assert "your copy with your changes is kept as backups/" in report.lines()[-1]


def test_a_changed_notebook_stays_when_the_course_did_not_change(course: Path,
                                                                 tmp_path: Path) -> None:
    work = tmp_path / "work"
    sync_workspace(course, work)
    (work / "notebooks/01_leverage.ipynb").write_text('{"cells": [], "mine": true}')
    report = sync_workspace(course, work)
    assert report.unchanged == 3 and not report.lines()
    assert json.loads((work / "notebooks/01_leverage.ipynb").read_text())["mine"] is True


def test_a_damaged_manifest_never_costs_the_learner_their_work(course: Path,
                                                               tmp_path: Path) -> None:
    """Without a readable manifest every copy counts as the learner's own and is kept aside."""
    work = tmp_path / "work"
    sync_workspace(course, work)
    (work / "notebooks/00_start_here.ipynb").write_text('{"cells": [], "mine": true}')
    (work / MANIFEST).write_text("{ half")
    report = sync_workspace(course, work)
    assert {name for name, _ in report.kept_aside} == {
        "notebooks/00_start_here.ipynb", "notebooks/01_leverage.ipynb",
        "exercises/01_which_artifact.ipynb"}
    backups = sorted((work / "backups").iterdir())
    assert any(json.loads(p.read_text()).get("mine") for p in backups)


def test_the_learner_config_hides_nbgrader_and_comes_first(private_home: Path) -> None:
    """The config folder outranks the environment's and turns nbgrader's interface off."""
    env = learner_environment({"JUPYTER_CONFIG_PATH": "/etc/elsewhere"})
    folder = learner_config_dir()
    assert env["JUPYTER_CONFIG_PATH"].split(":") == [str(folder), "/etc/elsewhere"]
    server = json.loads((folder / "jupyter_server_config.json").read_text())
    extensions = server["ServerApp"]["jpserver_extensions"]
    assert extensions and not any(extensions.values())
    assert all(name.startswith("nbgrader.") for name in extensions)
    page = json.loads((folder / "labconfig" / "page_config.json").read_text())
    assert page["disabledExtensions"] == {NBGRADER_LAB_EXTENSION: True}


def test_syncing_the_real_course_leaves_the_checkout_untouched(tmp_path: Path) -> None:
    """Every lesson and practice notebook is copied; the tracked files are read, never written."""
    before = {p: p.read_bytes() for folder in ("notebooks", "exercises")
              for p in (PROJECT / folder).glob("*.ipynb")}
    work = tmp_path / "work"
    report = sync_workspace(PROJECT, work)
    assert len(report.copied) == len(before)
    shutil.rmtree(work)
    assert {p: p.read_bytes() for p in before} == before
