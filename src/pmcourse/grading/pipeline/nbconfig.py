"""The traitlets configuration pmcourse hands nbgrader: the course's own file plus the pipeline.

It also holds the grading defaults (time and memory limits), defined here once and used by
`GradingSettings`, `grade()` and the ``pmcourse grade`` options; traitlets is imported only when
a configuration is built, so the command line can read the defaults cheaply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .course import CONFIG_NAME, Course

if TYPE_CHECKING:
    from traitlets.config import Config

NOTEBOOK_TIMEOUT = 300
"""Seconds a whole notebook may run before its kernel is killed and it is marked timeout."""
MEMORY_MB = 2048
"""Address-space limit of each grading kernel, in MiB."""
SCORING_SECONDS = 120
"""Seconds a submission's grading may take beyond its notebook time limit (nbgrader's own work,
scoring and feedback); past it its worker is killed and the submission marked timeout."""


@dataclass(frozen=True)
class GradingSettings:
    """How `pmcourse grade` runs each submission."""

    db_url: str
    """Gradebook URL: ``sqlite:///...`` (default, in the course) or ``postgresql://...``."""
    cell_timeout: int | None = None
    """Seconds one cell may run before it is interrupted; None keeps the course's own
    ``Execute.timeout`` / ``ExecutePreprocessor.timeout`` (see `course_cell_timeout`)."""
    notebook_timeout: int = NOTEBOOK_TIMEOUT
    """Seconds a whole notebook may run before its kernel is killed and it is marked timeout."""
    memory_mb: int = MEMORY_MB
    """Address-space limit of each grading kernel, in MiB."""
    sandbox: bool = True
    """Run kernels under bubblewrap, seeing only their own submission."""
    prestart: bool = True
    """Start each kernel while nbgrader prepares the notebook, instead of after."""


def course_config(course: Course, db_url: str | None = None) -> Config:
    """The course's nbgrader_config.py, with the course root and gradebook URL set."""
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    config = Config()
    if (course.root / CONFIG_NAME).exists():
        config.merge(PyFileConfigLoader(CONFIG_NAME, path=str(course.root)).load_config())
    config.CourseDirectory.root = str(course.root)
    if "root" not in config.get("Exchange", {}):
        # nbgrader's default exchange (/usr/local/share/nbgrader/exchange) is often not writable;
        # a course-local one keeps its API quiet and works for single-machine courses
        config.Exchange.root = str(course.root / "exchange")
    config.CourseDirectory.db_url = db_url or config.CourseDirectory.get(
        "db_url", course.default_db_url()
    )
    return config


def course_cell_timeout(course: Course) -> int:
    """The per-cell limit the course configures, resolved exactly as nbgrader resolves it
    (``Execute.timeout``, else ``ExecutePreprocessor.timeout``, else nbgrader's default)."""
    from nbgrader.preprocessors import Execute

    return int(Execute(config=course_config(course)).timeout or 0)


def pipeline_config(course: Course, settings: GradingSettings) -> Config:
    """nbgrader's autograde pipeline with pmcourse's preprocessors in place (see preprocessors).

    Everything else is the course's own configuration: its timeouts (unless the instructor
    passed one), its hidden-test markers, its directories, and nbgrader's default for missing
    cells (pmcourse's own courses opt in to restoring them in their nbgrader_config.py).
    """
    from nbconvert.preprocessors import ClearMetadataPreprocessor
    from nbgrader.preprocessors import (
        AssignLatePenalties,
        CheckCellMetadata,
        ClearOutput,
        DeduplicateIds,
        IgnorePattern,
        LimitOutput,
        OverwriteCells,
        OverwriteKernelspec,
        SaveAutoGrades,
    )

    from .preprocessors import CapOutputs, RepairStructure, RescoreAnswers, SandboxedExecute

    config = course_config(course, settings.db_url)
    # Sanitize, in order: RepairStructure first, while the student's cells still carry the
    # checksums they were released with (it matches stripped cells back and tells an edited
    # test from one the instructor changed); then nbgrader's own steps exactly as stock
    # autograde runs them: OverwriteCells replaces every locked cell with the instructor's copy
    # (and restores missing ones only when the course opts in), CheckCellMetadata last.
    config.Autograde.sanitize_preprocessors = [
        RepairStructure, ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells,
        CheckCellMetadata,
    ]
    # Autograde, in order: SandboxedExecute runs the notebook (nbgrader's Execute in a sandbox);
    # RescoreAnswers must follow execution (it reads the captured answers) and precede
    # SaveAutoGrades (which stores the scores it writes); CapOutputs bounds every output before
    # anything is stored or shown; the rest is nbgrader's stock list, unchanged.
    config.Autograde.autograde_preprocessors = [
        SandboxedExecute, RescoreAnswers, CapOutputs, IgnorePattern, ClearMetadataPreprocessor,
        LimitOutput, SaveAutoGrades, AssignLatePenalties, CheckCellMetadata,
    ]
    if settings.cell_timeout is not None:  # the instructor's --timeout beats the course's
        config.Execute.timeout = settings.cell_timeout
    config.SandboxedExecute.notebook_timeout = settings.notebook_timeout
    config.RescoreAnswers.autograders = str(course.autograders)
    return config
