"""`pmcourse roster import`: students from a CSV into nbgrader's gradebook, checked first."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmcourse.cli import main
from pmcourse.grading.pipeline.course import CourseError, init_course
from pmcourse.grading.pipeline.roster import import_roster, read_roster, roster

PROJECT = Path(__file__).resolve().parents[3]


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_reads_nbgraders_columns_and_a_spreadsheets_bom(tmp_path: Path) -> None:
    csv = write(tmp_path / "s.csv", "\ufeffid,first_name,last_name,email\n"
                                    "ada,Ada,Lovelace,ada@example.org\nben,,,\n")
    rows = read_roster(csv)
    assert rows[0] == {"id": "ada", "first_name": "Ada", "last_name": "Lovelace",
                       "email": "ada@example.org", "lms_user_id": None}
    assert rows[1]["id"] == "ben" and rows[1]["email"] is None


@pytest.mark.parametrize(("text", "expected"), [
    ("name,email\nada,a@x\n", "no 'id' column"),
    ("id\nada\n\nada\n", "ada already on line 2"),
    ("id\n../etc\n", "is not a login name"),
    ("id,email\n,x@y\n", "line 2: empty id"),
])
def test_bad_rosters_import_nothing_and_say_which_line(tmp_path: Path, text: str,
                                                       expected: str) -> None:
    with pytest.raises(CourseError, match=expected.replace(".", r"\.")):
        read_roster(write(tmp_path / "s.csv", text))


@pytest.mark.slow  # nbgrader creates a gradebook
def test_import_adds_then_updates_without_removing_anyone(tmp_path: Path, capsys) -> None:
    course = init_course(tmp_path / "course", project=PROJECT)
    first = write(tmp_path / "a.csv", "id,first_name\nada,Ada\nben,Ben\n")
    assert main(["roster", "import", str(first), "--course", str(course.root)]) == 0
    assert "2 added, 0 updated" in capsys.readouterr().out
    outcome = import_roster(course, write(tmp_path / "b.csv", "id,last_name\nben,Okafor\ncy,\n"))
    assert (outcome.added, outcome.updated) == (["cy"], ["ben"])
    assert roster(course) == ["ada", "ben", "cy"]
    from nbgrader.api import Gradebook

    with Gradebook(course.default_db_url()) as gb:
        ben = gb.find_student("ben")
        assert (ben.first_name, ben.last_name) == ("Ben", "Okafor")
    assert main(["roster", "list", "--course", str(course.root)]) == 0
    assert capsys.readouterr().out.split() == ["ada", "ben", "cy"]


@pytest.mark.slow
def test_cli_reports_a_bad_roster_clearly(tmp_path: Path, capsys) -> None:
    course = init_course(tmp_path / "course", project=PROJECT)
    bad = write(tmp_path / "s.csv", "id\nada\nada\n")
    assert main(["roster", "import", str(bad), "--course", str(course.root)]) == 2
    err = capsys.readouterr().err
    assert "nothing imported" in err and "line 3" in err
    assert roster(course) == []
