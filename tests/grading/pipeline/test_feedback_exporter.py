"""`nbgrader generate_feedback` writes pmcourse's feedback page, the one `pmcourse export` writes.

The course is a real nbgrader gradebook (see `gradebook_course`) whose nbgrader_config.py names
pmcourse's exporter as `pmcourse cohort init` writes it; nbgrader's own command runs as an
instructor would run it, from the course directory.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from pmcourse.grading.pipeline.course import FEEDBACK_EXPORTER
from pmcourse.grading.pipeline.export import export_course
from pmcourse.grading.pipeline.feedback import GENERATOR

from ..gradebook_course import autograded_notebook, build, grade_by_hand
from .test_feedback import SOURCE, _visible

COMMENT = "Name *who* changes, not the app."
CONFIG = f"c = get_config()  # noqa: F821\nc.GenerateFeedback.exporter_class = {FEEDBACK_EXPORTER!r}\n"


def generate_feedback(root: Path) -> subprocess.CompletedProcess[str]:
    """``nbgrader generate_feedback a1 --force`` run in the course directory."""
    bindir = Path(sys.executable).parent  # nbgrader runs alembic from PATH
    env = {**os.environ, "PATH": f"{bindir}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run([str(bindir / "nbgrader"), "generate_feedback", "a1", "--force"],
                          cwd=root, env=env, capture_output=True, text=True, timeout=600,
                          check=False)


def _pages(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes()
            for p in sorted((root / "feedback").rglob("*.html"))}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory):
    """ann's written answer graded by hand with a comment; ben's still awaits a person; then
    nbgrader's generate_feedback, and afterwards pmcourse export, each into its own copy."""
    course, db_url = build(tmp_path_factory.mktemp("gf") / "course")
    (course.root / "nbgrader_config.py").write_text(CONFIG)
    grade_by_hand(db_url, "ann", "reflect", 1.3333, COMMENT)
    run = generate_feedback(course.root)
    theirs = _pages(course.root)
    modes = {str(p.relative_to(course.root)): stat.S_IMODE(p.stat().st_mode)
             for p in (course.root / "feedback").rglob("*") if p.is_file()}
    shutil.rmtree(course.root / "feedback")
    export_course(course, db_url=db_url)
    return run, theirs, modes, _pages(course.root)


def test_nbgrader_generate_feedback_succeeds_for_every_submission(generated) -> None:
    run, theirs, _, _ = generated
    assert run.returncode == 0, run.stderr[-3000:]
    assert sorted(theirs) == [f"feedback/{s}/a1/nb.html" for s in ("ann", "ben", "dan")]


def test_the_page_is_pmcourses(generated) -> None:
    _, theirs, _, _ = generated
    for page in theirs.values():
        assert f'<meta name="generator" content="{GENERATOR}">'.encode() in page


def test_it_shows_the_manual_grade_and_the_formgrader_comment(generated) -> None:
    _, theirs, _, _ = generated
    page = theirs["feedback/ann/a1/nb.html"].decode()
    assert "Your written answer: 1.33 / 3 points" in _visible(page)
    assert "Grader's comment" in page and "Name <em>who</em> changes, not the app." in page


def test_an_ungraded_written_answer_awaits_a_person(generated) -> None:
    _, theirs, _, _ = generated
    page = theirs["feedback/ben/a1/nb.html"].decode()
    assert "Your written answer: awaiting a person (out of 3)" in _visible(page)
    assert '<span class="status">late</span>' in page  # the status pmcourse's ledger recorded


def test_pages_and_side_files_are_readable_by_the_student(generated) -> None:
    _, _, modes, _ = generated
    assert "feedback/ann/a1/timestamp.txt" in modes  # nbgrader copies what release_feedback reads
    assert set(modes.values()) == {0o644}, modes


def test_the_page_equals_what_pmcourse_export_writes(generated) -> None:
    _, theirs, _, exported = generated
    assert theirs == exported


def test_the_exporter_is_the_class_the_config_names() -> None:
    from traitlets.utils.importstring import import_item

    from pmcourse.grading.pipeline.feedback_exporter import FeedbackExporter

    assert import_item(FEEDBACK_EXPORTER) is FeedbackExporter


def test_a_page_that_would_leak_is_not_written_and_only_that_student_fails(
        tmp_path: Path) -> None:
    course, _ = build(tmp_path / "course")
    (course.root / "nbgrader_config.py").write_text(CONFIG)
    (course.root / "source" / "a2").mkdir()
    (course.root / "source" / "a2" / "other.ipynb").write_text(json.dumps(SOURCE))
    leaked = autograded_notebook(output="assert hidden_answer == 'the quiet meadow 42'\n")
    (course.root / "autograded" / "ann" / "a1" / "nb.ipynb").write_text(json.dumps(leaked))
    run = generate_feedback(course.root)
    log = run.stdout + run.stderr
    assert run.returncode == 1
    assert "There was an error processing assignment 'a1' for student 'ann'" in log
    assert "for student 'ben'" not in log and "for student 'dan'" not in log
    assert "feedback blocked: 1 instructor-only line(s)" in log
    assert "quiet meadow" not in log  # the message names no secret
    assert not (course.root / "feedback" / "ann" / "a1").exists()
    for student in ("ben", "dan"):
        assert (course.root / "feedback" / student / "a1" / "nb.html").is_file()
