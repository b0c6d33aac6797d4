"""nbgrader's exchange for a pmcourse course: where students fetch and submit, without root.

`pmcourse release` publishes through nbgrader's own release_assignment and `pmcourse collect`
runs nbgrader's collect, with one change: a submission is taken only from the Linux user it
names, and its time is never earlier than the file system says it was made (a student writes
both the folder name and ``timestamp.txt``, so neither is trusted alone).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import logging
import os
import pwd
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .course import Course, CourseError, ensure_tools_on_path

EXCHANGE_MODE = 0o1777
"""World-writable like /tmp (what nbgrader requires), sticky so nobody renames another's entry."""

STUDENT_CONFIG_NAME = "student_nbgrader_config.py"
STUDENT_CONFIG = '''\
"""Copy this file to ~/.jupyter/nbgrader_config.py to fetch and submit {course_id!r} assignments
(JupyterLab's Assignments tab, or `nbgrader fetch_assignment A` and `nbgrader submit A`)."""

c = get_config()  # noqa: F821 - provided by traitlets when nbgrader loads this file

c.CourseDirectory.course_id = {course_id!r}
c.Exchange.root = {exchange!r}
'''


class ExchangeError(CourseError):
    """nbgrader's exchange refused an operation; the message carries its reason."""


def create_exchange_root(path: Path) -> Path:
    """Creates the exchange folder (mode 1777, as nbgrader asks) unless it already exists."""
    if not path.exists():
        path.mkdir(parents=True)
        path.chmod(EXCHANGE_MODE)  # mkdir's mode is cut by the umask
    return path


def student_config_text(course_id: str, exchange: str) -> str:
    """The nbgrader_config.py students need to reach this course's exchange."""
    return STUDENT_CONFIG.format(course_id=course_id, exchange=exchange)


def course_settings(course: Course, db_url: str | None = None) -> tuple[str, Path]:
    """(course id, exchange root) as nbgrader will read them for this course."""
    from .nbconfig import course_config

    config = course_config(course, db_url)
    return (str(config.CourseDirectory.get("course_id", "")),
            Path(str(config.Exchange.root)))


def _api(course: Course, db_url: str | None, extra: dict[str, Any] | None = None) -> Any:
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory

    from .nbconfig import course_config

    ensure_tools_on_path()
    config = course_config(course, db_url)
    for section, values in (extra or {}).items():
        for key, value in values.items():
            config[section][key] = value
    log = logging.getLogger("pmcourse.exchange")
    log.handlers = [logging.StreamHandler(io.StringIO())]
    log.propagate = False
    return NbGraderAPI(coursedir=CourseDirectory(config=config), config=config, log=log)


def _checked(result: dict[str, Any] | None, what: str) -> str:
    if result is None or not result.get("success"):
        detail = ((result or {}).get("error") or (result or {}).get("log") or "").strip()
        lines = [ln for ln in detail.splitlines() if ln.strip()]
        raise ExchangeError(f"nbgrader could not {what}: " + " | ".join(lines[-4:]))
    return str(result.get("log", ""))


def publish(course: Course, assignment: str, *, db_url: str | None = None) -> Path:
    """Copies release/<assignment> to the exchange with nbgrader's release_assignment."""
    course_id, root = course_settings(course, db_url)
    if not course_id:
        msg = (f"no course id in {course.root / 'nbgrader_config.py'}: add "
               "c.CourseDirectory.course_id = 'your-course' so students can find the course")
        raise ExchangeError(msg)
    api = _api(course, db_url, {"ExchangeReleaseAssignment": {"force": True}})
    with contextlib.redirect_stderr(io.StringIO()):
        _checked(api.release_assignment(assignment), f"publish {assignment} to {root}")
    return root / course_id / "outbound" / assignment


def set_due_date(course: Course, assignment: str, due: dt.datetime | str, *,
                 db_url: str | None = None) -> dt.datetime:
    """Records the due date of `assignment` in the gradebook (nbgrader applies late penalties)."""
    from nbgrader.api import Gradebook
    from nbgrader.utils import parse_utc

    from .nbconfig import course_config

    try:
        when = parse_utc(due)
    except (ValueError, OverflowError) as exc:
        msg = f"cannot read the due date {due!r}: write it as '2026-12-08 17:00:00 UTC'"
        raise CourseError(msg) from exc
    ensure_tools_on_path()
    url = str(course_config(course, db_url).CourseDirectory.db_url)
    with Gradebook(url) as gb:
        gb.update_or_create_assignment(assignment, duedate=when)
    return when


@dataclass
class CollectResult:
    """Who was collected, and which inbound entries were refused and why."""

    assignment: str
    collected: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)


def _verified_collect_class(apps: list[Any]) -> type:
    from nbgrader.exchange.default.collect import ExchangeCollect

    class VerifiedCollect(ExchangeCollect):  # type: ignore[misc, valid-type]
        """nbgrader's collect, taking a submission only from its owner, at a trusted time."""

        refusals: dict[str, str] | None = None

        def _path_to_record(self, path: str) -> dict[str, Any]:
            record = super()._path_to_record(path)
            info = os.lstat(path)
            try:
                owner = pwd.getpwuid(info.st_uid).pw_name
            except KeyError:
                owner = f"uid {info.st_uid}"
            record["owner"] = owner
            record["is_dir"] = stat.S_ISDIR(info.st_mode)
            made = dt.datetime.fromtimestamp(info.st_ctime, dt.UTC)
            claimed = record["timestamp"]
            if claimed.tzinfo is None:
                made = made.replace(tzinfo=None)
            record["timestamp"] = max(claimed, made)
            if not stat.S_ISDIR(info.st_mode):
                record["refusal"] = "not a folder (a link or a file)"
            elif owner != record["username"]:
                record["refusal"] = f"names {record['username']} but belongs to {owner}"
            if "refusal" in record:
                self.refusals = {**(self.refusals or {}), record["filename"]: record["refusal"]}
            return record

        def _sort_by_timestamp(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
            # newest first, every acceptable entry before any refused one
            return sorted(records, key=lambda r: ("refusal" not in r, r["timestamp"]),
                          reverse=True)

        def init_src(self) -> None:
            super().init_src()
            self.src_records = [r for r in self.src_records if "refusal" not in r]
            apps.append(self)

        def _dest(self, record: dict[str, Any]) -> Path:
            return Path(self.coursedir.format_path(self.coursedir.submitted_directory,
                                                   record["username"],
                                                   self.coursedir.assignment_id))

        def copy_files(self) -> None:
            # the same rule as nbgrader's (update=True), against the time we recorded last time
            newer = [r for r in self.src_records if not self._dest(r).is_dir()
                     or (self.coursedir.get_existing_timestamp(str(self._dest(r))) or
                         dt.datetime.min) < r["timestamp"]]
            super().copy_files()
            for record in newer:
                dest = self._dest(record)
                # nbgrader copies the inbound folder's mode 777: nobody else may write here
                self.set_perms(str(dest), fileperms=0o644, dirperms=0o755)
                stamp = record["timestamp"].strftime("%Y-%m-%d %H:%M:%S.%f UTC")
                (dest / "timestamp.txt").write_text(stamp + "\n", encoding="utf-8")

    return VerifiedCollect


def collect(course: Course, assignment: str, *, db_url: str | None = None) -> CollectResult:
    """Collects the newest submission of each student into submitted/ (nbgrader collect)."""
    course.check_assignment(assignment)
    instances: list[Any] = []
    api = _api(course, db_url, {"ExchangeFactory": {"collect": _verified_collect_class(instances)}})
    with contextlib.redirect_stderr(io.StringIO()):
        _checked(api.collect(assignment, update=True), f"collect {assignment}")
    result = CollectResult(assignment)
    for app in instances:
        result.collected += sorted(r["username"] for r in app.src_records)
        result.refused += [f"{name}: {why}, skipped" for name, why in
                           sorted((app.refusals or {}).items())]
    return result


def exchange_checks(course: Course, db_url: str | None = None) -> list[tuple[bool, str, str]]:
    """(ok, what was checked, how to fix it) for the exchange students use; never destructive."""
    course_id, root = course_settings(course, db_url)
    config_file = course.root / "nbgrader_config.py"
    checks = [(bool(course_id), f"course id {course_id!r}",
               f"add c.CourseDirectory.course_id = 'your-course' to {config_file}")]
    if not root.is_dir():
        return [*checks, (False, f"exchange {root} exists",
                          f"mkdir -p {root} && chmod 1777 {root} (or set c.Exchange.root in "
                          f"{config_file} to a folder every student can reach)")]
    mode = stat.S_IMODE(root.stat().st_mode)
    checks.append((mode & 0o777 == 0o777, f"exchange {root} is writable by every user "
                   f"(mode {mode:o})", f"chmod 1777 {root}"))
    closed = [str(p) for p in root.parents if not stat.S_IMODE(p.stat().st_mode) & 0o001]
    checks.append((not closed, "students can reach the exchange" + (
        "" if not closed else f" (blocked by {', '.join(closed)})"),
        "chmod o+x " + " ".join(closed) + " or move the exchange (c.Exchange.root) elsewhere"))
    return checks


def due_date_checks(course: Course, db_url: str | None = None) -> list[tuple[bool, str, str]]:
    """Each released assignment has a due date in the gradebook (late penalties need one)."""
    from nbgrader.api import Gradebook

    from .nbconfig import course_config

    url = str(course_config(course, db_url).CourseDirectory.db_url)
    released = {p.name for p in course.folder("release").glob("*") if p.is_dir()}
    if not released:
        return []
    ensure_tools_on_path()
    with Gradebook(url) as gb:
        dates = {a.name: a.duedate for a in gb.assignments}
    checks = []
    for name in sorted(released):
        due = dates.get(name)
        fix = (f"pmcourse release {course.root} --assignment {name} "
               "--due '2026-12-08 17:00:00 UTC'")
        checks.append((due is not None, f"due date of {name}: "
                       + (f"{due:%Y-%m-%d %H:%M} UTC" if due else "none, so nothing is late"),
                       fix))
    return checks
