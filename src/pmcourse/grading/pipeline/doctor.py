"""`pmcourse doctor COURSE`: what is wrong with a course directory, and a safe way to fix it.

Every fix it suggests adds or changes a setting or a permission; none deletes or replaces an
instructor's files (no ``--force``, no ``rm``). Notes (what works, but perhaps not as the
instructor expects) pass, with the line to add in their text; doctor never edits a config.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

Check = tuple[bool, str, str]

STOCK_FEEDBACK_NOTE = ("note: `nbgrader generate_feedback` (and formgrader's Generate Feedback) "
                       "will write nbgrader's stock page over pmcourse's feedback page")
"""Shown for a course whose nbgrader configuration does not name pmcourse's exporter."""


def _nbgrader_setting(course: Any, section: str, name: str) -> Any:
    """A setting as nbgrader's commands run in the course see it: the Jupyter config folders'
    nbgrader_config.py (lowest priority first), then the course's own (None when unset)."""
    from jupyter_core.paths import jupyter_config_path
    from traitlets.config import Config
    from traitlets.config.loader import PyFileConfigLoader

    from .course import CONFIG_NAME

    config = Config()
    for folder in [*reversed(jupyter_config_path()), str(course.root)]:
        if (Path(folder) / CONFIG_NAME).is_file():
            config.merge(PyFileConfigLoader(CONFIG_NAME, path=folder).load_config())
    return config[section].get(name) if section in config else None


def feedback_exporter_check(course: Any) -> Check:
    """Whether ``nbgrader generate_feedback`` writes pmcourse's page; a note when it does not,
    showing the one line to add (a course pmcourse did not create keeps its config as is)."""
    from .course import CONFIG_NAME, FEEDBACK_EXPORTER

    value = _nbgrader_setting(course, "GenerateFeedback", "exporter_class")
    if isinstance(value, type):
        value = f"{value.__module__}.{value.__qualname__}"
    if value == FEEDBACK_EXPORTER:
        return (True, "`nbgrader generate_feedback` writes pmcourse's feedback page", "")
    line = f"c.GenerateFeedback.exporter_class = {FEEDBACK_EXPORTER!r}"
    return (True, f"{STOCK_FEEDBACK_NOTE}: nbgrader's page shows the test code and has no "
                  "per-criterion feedback, no \"awaiting a person\" and no leak scan. To have it "
                  f"write pmcourse's page, add this line to {course.root / CONFIG_NAME}:\n"
                  f"    {line}", "")


def course_checks(path: Path) -> list[Check]:
    """(ok, what was checked, how to fix it) for a course directory."""
    from .course import CONFIG_NAME, Course, CourseError
    from .exchange import due_date_checks, exchange_checks
    from .leaks import problem_ids

    try:
        course = Course.open(path)
    except CourseError as exc:
        return [(False, f"course directory {path}", str(exc))]
    checks: list[Check] = [(True, f"course directory {course.root}", "")]
    config = course.root / CONFIG_NAME
    checks.append((config.exists(), f"{CONFIG_NAME} present",
                   f"create {config} with c.CourseDirectory.course_id = 'your-course' and "
                   "c.Exchange.root = '/path/every/student/can/reach' (see `pmcourse cohort "
                   "init --help`; your source/ is left alone)"))
    for assignment in course.assignments():
        for notebook in (course.source / assignment).glob("*.ipynb"):
            for problem_id in problem_ids(notebook):
                key = course.autograders / "keys" / f"{problem_id}.json"
                checks.append((key.exists(), f"key for {problem_id} ({assignment})",
                               f"copy autograders/keys/{problem_id}.json from the pmcourse "
                               f"checkout into {course.autograders / 'keys'}"))
    try:
        checks += exchange_checks(course)
        checks += due_date_checks(course)
        checks.append(feedback_exporter_check(course))
    except Exception as exc:  # a broken config must still give a report, not a traceback
        checks.append((False, "nbgrader can read the course's configuration and gradebook",
                       f"fix {config}: {exc}"))
    return checks
