"""The traitlets configuration pmcourse hands nbgrader: the course's own file plus the pipeline."""

from __future__ import annotations

from dataclasses import dataclass

from traitlets.config import Config
from traitlets.config.loader import PyFileConfigLoader

from .course import CONFIG_NAME, Course


@dataclass(frozen=True)
class GradingSettings:
    """How `pmcourse grade` runs each submission."""

    db_url: str
    """Gradebook URL: ``sqlite:///...`` (default, in the course) or ``postgresql://...``."""
    cell_timeout: int = 30
    """Seconds one cell may run before it is interrupted (nbgrader's Execute.timeout)."""
    notebook_timeout: int = 300
    """Seconds a whole notebook may run before its kernel is killed and it is marked timeout."""
    memory_mb: int = 2048
    """Address-space limit of each grading kernel, in MiB."""
    sandbox: bool = True
    """Run kernels under bubblewrap, seeing only their own submission."""
    prestart: bool = True
    """Start each kernel while nbgrader prepares the notebook, instead of after."""


def course_config(course: Course, db_url: str | None = None) -> Config:
    """The course's nbgrader_config.py, with the course root and gradebook URL set."""
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


def pipeline_config(course: Course, settings: GradingSettings) -> Config:
    """nbgrader's autograde pipeline with pmcourse's preprocessors in place (see preprocessors)."""
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
    config.Autograde.sanitize_preprocessors = [
        RepairStructure, ClearOutput, DeduplicateIds, OverwriteKernelspec, OverwriteCells,
        CheckCellMetadata,
    ]
    config.Autograde.autograde_preprocessors = [
        SandboxedExecute, RescoreAnswers, CapOutputs, IgnorePattern, ClearMetadataPreprocessor, LimitOutput,
        SaveAutoGrades, AssignLatePenalties, CheckCellMetadata,
    ]
    config.Execute.timeout = settings.cell_timeout
    config.SandboxedExecute.notebook_timeout = settings.notebook_timeout
    config.RescoreAnswers.autograders = str(course.autograders)
    config.OverwriteCells.add_missing_cells = True
    return config
