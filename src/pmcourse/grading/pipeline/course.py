"""An nbgrader course directory as pmcourse sees it: config, assignments, submissions.

Layout (nbgrader's, plus ``autograders/`` and the exports)::

    DIR/nbgrader_config.py   DIR/source/<assignment>/   DIR/release/   DIR/submitted/<student>/<assignment>/
    DIR/autograded/          DIR/feedback/              DIR/autograders/keys/   DIR/gradebook.db
    DIR/grades.csv           DIR/nbgrader_grades.csv    DIR/canvas_grades.csv
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

CONFIG_NAME = "nbgrader_config.py"

CONFIG_TEMPLATE = '''\
"""nbgrader settings of this pmcourse course (read by nbgrader and by `pmcourse grade`)."""

c = get_config()  # noqa: F821 - provided by traitlets when nbgrader loads this file

c.CourseDirectory.course_id = {course_id!r}
# Students who delete a read-only grade cell get it back and graded instead of a silent
# "needs manual grading" (nbgrader issue #1682).
c.OverwriteCells.add_missing_cells = True
# What students see where a solution was removed (instead of a `raise NotImplementedError()`).
c.ClearSolutions.code_stub = {{"python": "# YOUR CODE HERE"}}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
# Seconds one cell may run during autograding.
c.Execute.timeout = 30
# `nbgrader generate_feedback` (and formgrader's Generate Feedback button) writes pmcourse's
# feedback page, the one `pmcourse grade` and `pmcourse export` write (per-criterion feedback,
# answers awaiting a person, leak scan), instead of nbgrader's stock page over it.
c.GenerateFeedback.exporter_class = {exporter!r}
# Where students fetch and submit (nbgrader's exchange). Mode 1777 like /tmp: every user may
# create entries, nobody may rename or delete another user's. Students put the same two lines
# (course_id and Exchange.root) in their own nbgrader_config.py: see student_nbgrader_config.py.
c.Exchange.root = {exchange!r}
'''

FEEDBACK_EXPORTER = "pmcourse.grading.pipeline.feedback_exporter.FeedbackExporter"
"""nbgrader's ``GenerateFeedback.exporter_class`` for pmcourse's feedback page."""


class CourseError(Exception):
    """The course directory is missing or incomplete; the message says how to fix it."""


@dataclass(frozen=True)
class Course:
    """A course directory on disk."""

    root: Path

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Course:
        """The course at `path`, checked to be an nbgrader course directory."""
        root = Path(path).resolve()
        if not root.is_dir():
            msg = f"{root} does not exist: create a course with `pmcourse cohort init {path}`"
            raise CourseError(msg)
        course = cls(root)
        if not course.source.is_dir():
            msg = (f"{root} has no {course.source.name}/ folder, so it is not an nbgrader course: "
                   f"create one with `pmcourse cohort init {path}`")
            raise CourseError(msg)
        return course

    @cached_property
    def _coursedir(self) -> dict[str, Any]:
        """The course's own ``CourseDirectory`` settings from its nbgrader_config.py."""
        if not (self.root / CONFIG_NAME).is_file():
            return {}
        from traitlets.config.loader import PyFileConfigLoader

        try:
            config = PyFileConfigLoader(CONFIG_NAME, path=str(self.root)).load_config()
        except Exception:  # nbgrader itself reports a broken config file when it loads it
            return {}
        return dict(config.get("CourseDirectory", {}))

    def _folder(self, step: str) -> str:
        """The folder nbgrader uses for `step` (its ``<step>_directory`` setting; default the
        step's own name, as in nbgrader)."""
        return str(self._coursedir.get(f"{step}_directory", step))

    def folder(self, step: str) -> Path:
        """Where the course keeps `step`'s files (source, release, submitted, autograded,
        feedback): its ``CourseDirectory.<step>_directory`` setting, as nbgrader resolves it."""
        return self.root / self._folder(step)

    @property
    def source(self) -> Path:
        return self.folder("source")

    @property
    def excluded_students(self) -> set[str]:
        """Students the course excludes from grading (``CourseDirectory.student_id_exclude``)."""
        return {s.strip() for s in str(self._coursedir.get("student_id_exclude", "")).split(",")
                if s.strip()}

    def submission_parts(self, student: str, assignment: str) -> list[str]:
        """A submission's path below the course root, one folder name each (for `ingest`)."""
        return [*Path(self._folder("submitted")).parts, student, assignment]

    @property
    def autograders(self) -> Path:
        return self.root / "autograders"

    def default_db_url(self) -> str:
        return f"sqlite:///{self.root / 'gradebook.db'}"

    def assignments(self) -> list[str]:
        """Assignment ids: the folders of source/ holding at least one notebook."""
        return sorted(
            p.name for p in self.source.iterdir()
            if p.is_dir() and not p.name.startswith(".") and any(p.glob("*.ipynb"))
        )

    def check_assignment(self, assignment: str) -> None:
        """Raises CourseError naming the known assignments when `assignment` is not one."""
        if assignment not in self.assignments():
            known = ", ".join(self.assignments()) or "none"
            msg = f"no assignment {assignment!r} in {self.source} (known: {known})"
            raise CourseError(msg)

    def submissions(self, assignment: str) -> list[str]:
        """Student ids with a folder ``submitted/<student>/<assignment>`` (the course's
        submitted_directory), except those the course excludes."""
        base = self.root / self._folder("submitted")
        if not base.is_dir():
            return []
        excluded = self.excluded_students
        return sorted(p.name for p in base.iterdir()
                      if (p / assignment).is_dir() and p.name not in excluded)

    def submission_dir(self, student: str, assignment: str) -> Path:
        return self.root.joinpath(*self.submission_parts(student, assignment))


def project_root() -> Path:
    """The pmcourse checkout holding course/source and autograders/ (for `cohort init`)."""
    env = os.environ.get("PMCOURSE_PROJECT")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for folder in here.parents:
        if (folder / "course" / "source").is_dir() and (folder / "autograders").is_dir():
            return folder
    msg = ("cannot find the pmcourse course files (course/source and autograders/): run from a "
           "pmcourse checkout or set PMCOURSE_PROJECT to it")
    raise CourseError(msg)


def init_course(directory: str | os.PathLike[str], *, course_id: str = "pmcourse",
                project: Path | None = None, force: bool = False,
                exchange: str | os.PathLike[str] | None = None) -> Course:
    """Creates an nbgrader course directory holding the course's assignments as source.

    Copies ``course/source/*`` and ``autograders/`` from the pmcourse checkout, records what it
    wrote in a manifest, and writes an ``nbgrader_config.py`` naming the course id and an exchange
    (default ``DIR/exchange``) that students can use without root. Refuses to touch a non-empty
    directory unless `force`; even then it replaces only files it wrote itself and nobody edited.
    """
    root = Path(directory).resolve()
    if root.exists() and any(root.iterdir()) and not force:
        msg = (f"{root} is not empty; choose a new directory, or pass --force to refresh the "
               "assignments pmcourse put there (submissions, grades and your own files are kept)")
        raise CourseError(msg)
    project = project or project_root()
    from .manifest import copy_course_files

    copy_course_files(root, {"source": project / "course" / "source",
                             "autograders": project / "autograders"})
    config = root / CONFIG_NAME
    if not config.exists():
        from ..._io import atomic_write_text
        from .exchange import STUDENT_CONFIG_NAME, create_exchange_root, student_config_text

        exchange_root = Path(exchange).resolve() if exchange else root / "exchange"
        create_exchange_root(exchange_root)
        atomic_write_text(config, CONFIG_TEMPLATE.format(
            course_id=course_id, exchange=str(exchange_root), exporter=FEEDBACK_EXPORTER))
        atomic_write_text(root / STUDENT_CONFIG_NAME,
                          student_config_text(course_id, str(exchange_root)))
    elif exchange is not None:
        msg = (f"{config} already exists and was left unchanged; to use the exchange {exchange}, "
               f"set c.Exchange.root = {str(exchange)!r} in it")
        raise CourseError(msg)
    for name in ("submitted", "release", "autograded", "feedback"):
        (root / name).mkdir(exist_ok=True)
    return Course(root)


def ensure_tools_on_path() -> None:
    """Puts this Python's bin folder first on PATH: nbgrader runs ``alembic`` as a subprocess,
    which fails when pmcourse is started as ``.venv/bin/pmcourse`` without an activated venv."""
    import sys

    bindir = str(Path(sys.executable).parent)
    parts = os.environ.get("PATH", "").split(os.pathsep)
    if bindir not in parts:
        os.environ["PATH"] = os.pathsep.join([bindir, *parts])
