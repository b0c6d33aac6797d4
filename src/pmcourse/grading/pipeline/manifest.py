"""What `cohort init` wrote into a course, so `--force` replaces only pmcourse's own files.

The manifest (``DIR/.pmcourse-manifest.json``) maps each file pmcourse copied into ``source/`` or
``autograders/`` to its SHA-256 at the time. A refresh replaces a file only when it is listed and
unchanged; a folder with no manifest, or a file an instructor edited, makes it refuse before
anything is written.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from .course import CourseError

MANIFEST_NAME = ".pmcourse-manifest.json"
_SKIPPED = (".ipynb_checkpoints", "__pycache__")


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(root: Path) -> dict[str, str] | None:
    """Relative path -> SHA-256 of every file pmcourse wrote, or None when it wrote none here."""
    path = root / MANIFEST_NAME
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
    except (ValueError, KeyError, TypeError) as exc:
        msg = (f"{path} is damaged ({exc}), so pmcourse cannot tell its own files from yours and "
               "changes nothing; restore it from a backup or refresh into a new directory")
        raise CourseError(msg) from exc
    return {str(k): str(v) for k, v in files.items()}


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file()
                  and not any(part in _SKIPPED or part.endswith(".pyc") for part in p.parts))


def _refusals(root: Path, planned: dict[str, Path], manifest: dict[str, str] | None) -> list[str]:
    """Why copying `planned` (relative path -> source file) would destroy someone's work."""
    problems: list[str] = []
    folders = sorted({rel.split("/", 1)[0] for rel in planned})
    if manifest is None:
        for name in folders:
            if (root / name).exists() and _files(root / name):
                problems.append(f"{root / name} was not created by pmcourse (there is no "
                                f"{MANIFEST_NAME} in {root})")
        return problems
    for rel, digest in sorted(manifest.items()):
        path = root / rel
        if path.is_file() and file_sha256(path) != digest:
            problems.append(f"{path} was edited after pmcourse wrote it")
    for rel in sorted(planned):
        if rel not in manifest and (root / rel).exists():
            problems.append(f"{root / rel} is not pmcourse's and would be overwritten")
    return problems


def _copy_atomically(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(source, tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def copy_course_files(root: Path, folders: dict[str, Path]) -> list[Path]:
    """Copies each source folder to ``root/<name>``, touching only pmcourse's unedited files.

    Raises CourseError, before writing anything, when a destination holds files pmcourse did not
    write or that someone edited since. Returns the files written.
    """
    planned = {f"{name}/{p.relative_to(src).as_posix()}": p
               for name, src in folders.items() for p in _files(src)}
    manifest = read_manifest(root)
    problems = _refusals(root, planned, manifest)
    if problems:
        shown = "\n  ".join(problems[:10]) + ("" if len(problems) <= 10 else
                                               f"\n  ... and {len(problems) - 10} more")
        msg = ("refusing to refresh the course: nothing was changed, because\n  " + shown +
               "\nTo keep your course as it is, leave it; to add pmcourse's assignments to it, run "
               "`pmcourse cohort init NEW_DIR` and copy the assignment folders you want from "
               "NEW_DIR/source/ and NEW_DIR/autograders/; to refresh pmcourse's files anyway, "
               "first move your edited files out of the way.")
        raise CourseError(msg)
    root.mkdir(parents=True, exist_ok=True)
    written = []
    for rel, source in sorted(planned.items()):
        _copy_atomically(source, root / rel)
        written.append(root / rel)
    for rel in sorted(set(manifest or {}) - set(planned)):
        (root / rel).unlink(missing_ok=True)  # pmcourse's own, unedited (checked above)
    from ..._io import atomic_write_json

    atomic_write_json(root / MANIFEST_NAME, {
        "written_by": "pmcourse cohort init",
        "note": "files pmcourse may replace on `cohort init --force`; edit one and it is kept",
        "files": {rel: file_sha256(root / rel) for rel in sorted(planned)},
    })
    return written
