"""`pmcourse cohort init`: a course with an exchange and a course id, and --force that never
destroys an instructor's work (tested on a course laid out like nbgrader's own example)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from pmcourse.cli import main
from pmcourse.grading.pipeline.course import CourseError, init_course
from pmcourse.grading.pipeline.doctor import course_checks
from pmcourse.grading.pipeline.manifest import MANIFEST_NAME

PROJECT = Path(__file__).resolve().parents[3]


def nbgrader_example_course(root: Path) -> dict[Path, bytes]:
    """A course as nbgrader's docs lay it out (source/ps1/problem1.ipynb, ...); returns its files."""
    notebook = {"cells": [{"cell_type": "code", "execution_count": None, "outputs": [],
                           "metadata": {"nbgrader": {"grade": False, "solution": True,
                                                     "grade_id": "squares", "locked": False,
                                                     "schema_version": 3}},
                           "source": "def squares(n):\n    ### BEGIN SOLUTION\n    return []\n"
                                     "    ### END SOLUTION"}],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                            "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    files = {
        root / "nbgrader_config.py": b"c = get_config()\nc.CourseDirectory.course_id = 'course101'\n",
        root / "source" / "header.ipynb": json.dumps(notebook).encode(),
        root / "source" / "ps1" / "problem1.ipynb": json.dumps(notebook).encode(),
        root / "source" / "ps1" / "jupyter.png": b"\x89PNG not really",
    }
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_init_sets_an_exchange_students_can_use_without_root(tmp_path: Path) -> None:
    """A new course names its course id and an exchange (mode 1777, as nbgrader asks), and
    hands students the two settings they need."""
    course = init_course(tmp_path / "course", course_id="pm-fall", project=PROJECT)
    exchange = course.root / "exchange"
    assert stat.S_IMODE(exchange.stat().st_mode) == 0o1777
    config = (course.root / "nbgrader_config.py").read_text()
    assert "c.CourseDirectory.course_id = 'pm-fall'" in config
    assert f"c.Exchange.root = {str(exchange)!r}" in config
    student = (course.root / "student_nbgrader_config.py").read_text()
    assert "'pm-fall'" in student and str(exchange) in student
    assert "a3_roadmap" in course.assignments()


def test_init_with_an_exchange_elsewhere(tmp_path: Path) -> None:
    shared = tmp_path / "srv" / "exchange"
    course = init_course(tmp_path / "course", project=PROJECT, exchange=shared)
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert repr(str(shared)) in (course.root / "nbgrader_config.py").read_text()


def test_force_refuses_a_course_pmcourse_did_not_create(tmp_path: Path, capsys) -> None:
    """--force on nbgrader's example course changes nothing and says why and what to do."""
    root = tmp_path / "course101"
    nbgrader_example_course(root)
    before = snapshot(root)
    code = main(["cohort", "init", str(root), "--force"])
    err = capsys.readouterr().err
    assert code == 2
    assert "was not created by pmcourse" in err and "nothing was changed" in err
    assert "NEW_DIR" in err  # the way to add pmcourse's assignments without losing anything
    assert snapshot(root) == before


def test_force_keeps_edited_files_and_the_instructors_own_assignments(tmp_path: Path) -> None:
    course = init_course(tmp_path / "course", project=PROJECT)
    mine = course.source / "ps9_mine" / "extra.ipynb"
    mine.parent.mkdir()
    mine.write_text("{}")
    # an unchanged refresh is allowed and keeps the instructor's own assignment
    init_course(course.root, project=PROJECT, force=True)
    assert mine.read_text() == "{}"
    edited = course.source / "a3_roadmap" / "roadmap.ipynb"
    edited.write_text(edited.read_text().replace("Kindling", "Kindling (our edit)", 1))
    before = snapshot(course.root)
    with pytest.raises(CourseError, match="edited after pmcourse wrote it") as info:
        init_course(course.root, project=PROJECT, force=True)
    assert str(edited) in str(info.value)
    assert snapshot(course.root) == before


def test_force_refreshes_pmcourse_files_and_drops_only_its_own_stale_ones(tmp_path: Path) -> None:
    course = init_course(tmp_path / "course", project=PROJECT)
    manifest = json.loads((course.root / MANIFEST_NAME).read_text())
    stale = "source/a3_roadmap/old_helper.py"
    (course.root / stale).write_text("x = 1\n")
    manifest["files"][stale] = __import__("hashlib").sha256(b"x = 1\n").hexdigest()
    (course.root / MANIFEST_NAME).write_text(json.dumps(manifest))
    key = course.autograders / "keys" / "roadmap.feature_split.json"
    key.unlink()  # deleted by accident: a refresh brings it back
    init_course(course.root, project=PROJECT, force=True)
    assert key.exists() and not (course.root / stale).exists()


def test_a_damaged_manifest_means_hands_off(tmp_path: Path) -> None:
    course = init_course(tmp_path / "course", project=PROJECT)
    (course.root / MANIFEST_NAME).write_text("{not json")
    with pytest.raises(CourseError, match="damaged"):
        init_course(course.root, project=PROJECT, force=True)


def test_doctor_on_a_foreign_course_never_suggests_a_destructive_command(tmp_path: Path) -> None:
    root = tmp_path / "course101"
    nbgrader_example_course(root)
    (root / "nbgrader_config.py").unlink()
    checks = course_checks(root)
    fixes = " ".join(fix for ok, _, fix in checks if not ok)
    assert any(not ok and "nbgrader_config.py" in what for ok, what, _ in checks)
    assert "--force" not in fixes and "rm " not in fixes and "rmtree" not in fixes
    assert "course_id" in fixes  # says which setting to add


def test_doctor_checks_the_exchange(tmp_path: Path) -> None:
    course = init_course(tmp_path / "course", project=PROJECT)
    by_what = {what: (ok, fix) for ok, what, fix in course_checks(course.root)}
    assert any(w.startswith("exchange") and ok for w, (ok, _) in by_what.items())
    (course.root / "exchange").chmod(0o755)
    tmp_path.chmod(0o700)
    try:
        failed = {w: fix for ok, w, fix in course_checks(course.root) if not ok}
    finally:
        tmp_path.chmod(0o755)
    assert any("writable by every user" in w for w in failed), failed
    assert any("chmod 1777" in fix for fix in failed.values())
    assert any(str(tmp_path) in w and "blocked" in w for w in failed), failed


def test_a_new_course_has_nbgrader_generate_feedback_write_pmcourses_page(tmp_path: Path) -> None:
    from traitlets.config.loader import PyFileConfigLoader

    from pmcourse.grading.pipeline.feedback_exporter import FeedbackExporter

    course = init_course(tmp_path / "course", project=PROJECT)
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course.root)).load_config()
    assert config.GenerateFeedback.exporter_class == (f"{FeedbackExporter.__module__}."
                                                      f"{FeedbackExporter.__qualname__}")
    notes = [what for _, what, _ in course_checks(course.root) if "generate_feedback" in what]
    assert notes == ["`nbgrader generate_feedback` writes pmcourse's feedback page"]


def test_doctor_notes_that_an_existing_course_gets_nbgraders_stock_feedback(tmp_path: Path,
                                                                            capsys) -> None:
    """A course pmcourse did not configure: a note (not a problem) showing the line to add;
    the instructor's config is left as it was."""
    root = tmp_path / "course101"
    files = nbgrader_example_course(root)
    checks = course_checks(root)
    note = next((ok, what) for ok, what, _ in checks if "generate_feedback" in what)
    assert note[0] is True  # a note, not a failure
    assert "will write nbgrader's stock page over pmcourse's feedback page" in note[1]
    line = ("c.GenerateFeedback.exporter_class = "
            "'pmcourse.grading.pipeline.feedback_exporter.FeedbackExporter'")
    assert line in note[1] and str(root / "nbgrader_config.py") in note[1]
    assert (root / "nbgrader_config.py").read_bytes() == files[root / "nbgrader_config.py"]
    main(["doctor", str(root)])
    printed = capsys.readouterr().out
    assert f"\n    {line}\n" in printed  # shown on a line of its own to copy
    assert "ℹ note: `nbgrader generate_feedback`" in printed  # marked as a note, not a pass
    with (root / "nbgrader_config.py").open("a") as config:
        config.write(line + "\n")
    assert not [w for _, w, _ in course_checks(root) if "stock page" in w]
