"""`pmcourse doctor COURSE`: what is wrong with a course directory, and a safe way to fix it.

Every fix it suggests adds or changes a setting or a permission; none deletes or replaces an
instructor's files (no ``--force``, no ``rm``).
"""

from __future__ import annotations

from pathlib import Path

Check = tuple[bool, str, str]


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
    except Exception as exc:  # a broken config must still give a report, not a traceback
        checks.append((False, "nbgrader can read the course's configuration and gradebook",
                       f"fix {config}: {exc}"))
    return checks
