"""Release into nbgrader's exchange and collect from it, trusting nothing a student wrote."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from pmcourse.cli import main
from pmcourse.grading.pipeline.course import Course, CourseError
from pmcourse.grading.pipeline.exchange import collect, course_settings, publish, set_due_date

from ..conftest import ASSIGNMENT, read_notebook


def own_exchange(course: Course) -> Path:
    """Points a copied course at an exchange of its own (the copy still names the template's)."""
    config = course.root / "nbgrader_config.py"
    exchange = course.root / "exchange-own"
    exchange.mkdir(mode=0o777)
    exchange.chmod(0o1777)
    text = re.sub(r"c\.Exchange\.root = .*", f"c.Exchange.root = {str(exchange)!r}",
                  config.read_text())
    config.write_text(text)
    return exchange


@pytest.mark.slow
def test_release_publishes_what_students_fetch(course_template: Path) -> None:
    """Every released assignment is in the exchange, readable by everyone, with no key in it."""
    course = Course(course_template)
    course_id, exchange = course_settings(course)
    for assignment in course.assignments():
        outbound = exchange / course_id / "outbound" / assignment
        released = sorted(p.name for p in (course.root / "release" / assignment).glob("*.ipynb"))
        assert sorted(p.name for p in outbound.glob("*.ipynb")) == released
        for path in outbound.glob("*.ipynb"):
            assert path.stat().st_mode & 0o004  # others may read it
            assert "BEGIN SOLUTION" not in path.read_text()


@pytest.mark.slow
def test_collect_takes_only_the_owners_entry_at_a_trusted_time(fresh_course: Course) -> None:
    """An entry naming someone else is refused (nbgrader only warns); a claimed early time is
    replaced by when the entry was really made; a link is not followed."""
    exchange = own_exchange(fresh_course)
    publish(fresh_course, ASSIGNMENT)
    inbound = exchange / "pmcourse" / "inbound"
    notebook = read_notebook(fresh_course.root / "release" / ASSIGNMENT / "roadmap.ipynb")
    me = __import__("pwd").getpwuid(os.geteuid()).pw_name

    def entry(name: str) -> Path:
        folder = inbound / name
        folder.mkdir()
        folder.chmod(0o777)  # as nbgrader's submit leaves it
        (folder / "roadmap.ipynb").write_text(__import__("json").dumps(notebook))
        (folder / "timestamp.txt").write_text("2020-01-01 00:00:00.000000 UTC")
        return folder

    entry(f"ada+{ASSIGNMENT}+2020-01-01 00:00:00.000000 UTC+forged")  # owned by us, not ada
    before = time.time()
    entry(f"{me}+{ASSIGNMENT}+2020-01-01 00:00:00.000000 UTC+early")
    target = fresh_course.root / "outside"
    target.mkdir()
    os.symlink(target, inbound / f"{me}+{ASSIGNMENT}+2030-01-01 00:00:00.000000 UTC+link")

    result = collect(fresh_course, ASSIGNMENT)
    assert result.collected == [me]
    assert any("names ada but belongs to" in r for r in result.refused), result.refused
    assert any("not a folder" in r for r in result.refused), result.refused
    assert not fresh_course.submission_dir("ada", ASSIGNMENT).exists()
    collected = fresh_course.submission_dir(me, ASSIGNMENT)
    assert collected.stat().st_mode & 0o777 == 0o755  # nbgrader would keep the inbound's 777
    stamp = (fresh_course.submission_dir(me, ASSIGNMENT) / "timestamp.txt").read_text().strip()
    from nbgrader.utils import parse_utc

    collected_at = parse_utc(stamp).replace(tzinfo=__import__("datetime").UTC).timestamp()
    assert collected_at >= before - 1, stamp  # not 2020, whatever the student wrote


@pytest.mark.slow
def test_collect_command_lists_refusals(fresh_course: Course, capsys) -> None:
    exchange = own_exchange(fresh_course)
    publish(fresh_course, ASSIGNMENT)
    forged = exchange / "pmcourse" / "inbound" / f"ada+{ASSIGNMENT}+2020-01-01 00:00:00 UTC+x"
    forged.mkdir()
    code = main(["collect", str(fresh_course.root), "--assignment", ASSIGNMENT])
    captured = capsys.readouterr()
    assert code == 1
    assert "collected a3_roadmap: 0 submission(s)" in captured.out
    assert "REFUSED" in captured.err and "names ada but belongs to" in captured.err


@pytest.mark.slow
def test_publish_needs_a_course_id(fresh_course: Course) -> None:
    own_exchange(fresh_course)
    config = fresh_course.root / "nbgrader_config.py"
    config.write_text(re.sub(r"c\.CourseDirectory\.course_id = .*", "", config.read_text()))
    with pytest.raises(CourseError, match="no course id"):
        publish(fresh_course, ASSIGNMENT)


def test_a_due_date_that_cannot_be_read_says_how_to_write_it(tmp_path: Path) -> None:
    course = Course(tmp_path)
    with pytest.raises(CourseError, match="2026-12-08 17:00:00 UTC"):
        set_due_date(course, ASSIGNMENT, "next friday-ish")


def test_grade_names_a_student_with_no_submission(tmp_path: Path, capsys) -> None:
    (tmp_path / "source").mkdir()
    (tmp_path / "submitted" / "ada").mkdir(parents=True)
    assert main(["grade", str(tmp_path), "--student", "adda"]) == 2
    err = capsys.readouterr().err
    assert "no submission from adda" in err and "ada" in err

