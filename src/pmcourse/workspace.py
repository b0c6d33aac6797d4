"""The learner's working copy of the course, kept apart from the course's own files.

``pmcourse lab`` opens the lessons and practice notebooks from a folder of the learner's
(``$PMCOURSE_HOME/workspace``, next to their progress file), never from the course checkout: running
a lesson writes outputs and drafts there, so updating the course (``git pull``) never conflicts
with a learner's work, and the tracked notebooks stay as the authors wrote them.

Each sync copies notebooks that are new, replaces those the learner never changed when the course
changed them, and keeps a learner-changed copy in ``backups/`` before putting a changed course
version in its place. Drafts (``drafts/*.json``) are never touched: widget answers survive.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ._io import atomic_write_text

FOLDERS = ("notebooks", "exercises")
"""The course folders a learner works in."""
MANIFEST = ".pmcourse-workspace.json"
"""What each notebook looked like when it was copied: lets a sync tell the learner's edits from
the course's updates."""
LEARNER_CONFIG = "jupyter-config"
"""The Jupyter config folder (inside the learner's pmcourse home) that hides nbgrader."""
NBGRADER_SERVER_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.validate_assignment",
    "nbgrader.server_extensions.assignment_list", "nbgrader.server_extensions.course_list",
)
NBGRADER_LAB_EXTENSION = "@jupyter/nbgrader"


def pmcourse_home() -> Path:
    """Where a learner's own pmcourse files live: ``$PMCOURSE_HOME`` or ``~/.pmcourse``."""
    from .progress import progress_home

    return progress_home()


def workspace_dir() -> Path:
    """The learner's working copy of the course (``$PMCOURSE_HOME/workspace``)."""
    return pmcourse_home() / "workspace"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class SyncReport:
    """What one sync did, as lists of paths relative to the workspace."""

    copied: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept_aside: list[tuple[str, str]] = field(default_factory=list)
    """(notebook, where the learner's changed copy was kept) for each course update."""
    unchanged: int = 0

    def lines(self) -> list[str]:
        """Readable lines for the terminal; empty when nothing changed."""
        out = []
        if self.copied:
            out.append(f"copied {len(self.copied)} notebook(s) into your workspace")
        if self.updated:
            out.append(f"updated {len(self.updated)} notebook(s) you had not changed: "
                       + ", ".join(self.updated))
        for name, backup in self.kept_aside:
            out.append(f"{name} has a new version; your copy with your changes is kept as "
                       f"{backup} (your drafts and answers are untouched)")
        return out


def sync_workspace(course: Path, workspace: Path | None = None) -> SyncReport:
    """Brings the learner's workspace up to date with the course at ``course``."""
    workspace = workspace_dir() if workspace is None else workspace
    manifest_path = workspace / MANIFEST
    try:
        manifest: dict[str, str] = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    report = SyncReport()
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    for folder in FOLDERS:
        for source in sorted((course / folder).glob("*.ipynb")):
            name = f"{folder}/{source.name}"
            target = workspace / name
            new = _digest(source)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                report.copied.append(name)
            elif manifest.get(name) == new:
                report.unchanged += 1
                continue
            elif manifest.get(name) == _digest(target):
                shutil.copyfile(source, target)
                report.updated.append(name)
            else:
                backup = workspace / "backups" / f"{source.stem}-{stamp}.ipynb"
                backup.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(target, backup)
                shutil.copyfile(source, target)
                report.kept_aside.append((name, str(backup.relative_to(workspace))))
            manifest[name] = new
    atomic_write_text(manifest_path, json.dumps(manifest, indent=1, sort_keys=True))
    return report


def learner_config_dir() -> Path:
    """A Jupyter config folder that turns nbgrader's instructor interface off for the learner.

    Put first on ``JUPYTER_CONFIG_PATH``, it outranks the environment's own config, so the
    learner's lab shows no nbgrader menu, Validate button or sidebar, and no nbgrader warning.
    """
    folder = pmcourse_home() / LEARNER_CONFIG
    server = {"ServerApp": {"jpserver_extensions": dict.fromkeys(NBGRADER_SERVER_EXTENSIONS,
                                                                 False)}}
    page = {"disabledExtensions": {NBGRADER_LAB_EXTENSION: True}}
    (folder / "labconfig").mkdir(parents=True, exist_ok=True)
    atomic_write_text(folder / "jupyter_server_config.json", json.dumps(server, indent=1))
    atomic_write_text(folder / "labconfig" / "page_config.json", json.dumps(page, indent=1))
    return folder


def learner_environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) with the learner config put first."""
    env = dict(os.environ if base is None else base)
    paths = [str(learner_config_dir())]
    if env.get("JUPYTER_CONFIG_PATH"):
        paths.append(env["JUPYTER_CONFIG_PATH"])
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(paths)
    return env
