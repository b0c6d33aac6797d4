"""Feedback pages a student can open and read: from the gradebook, sanitised, 0644, leak-free.

The course is a real nbgrader gradebook (see `gradebook_course`); pages are what
``nbgrader release_feedback`` would hand to the student.
"""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path

import pytest

from pmcourse.cli import main
from pmcourse.grading.pipeline.export import export_course
from pmcourse.grading.pipeline.feedback import GENERATOR, points, render
from pmcourse.grading.pipeline.gradebook import read_submission

from ..gradebook_course import autograded_notebook, build, grade_by_hand


def _page(course, student: str = "ann") -> str:
    return (course.root / "feedback" / student / "a1" / "nb.html").read_text(encoding="utf-8")


def _visible(page: str) -> str:
    """The text a reader sees (tags dropped, whitespace folded)."""
    text = " ".join(re.sub(r"<[^>]+>", " ", page).split())
    return re.sub(r" ([:.,])", r"\1", text)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory):
    """ann's reflection graded 1.3333/3 with a comment; everything else as autograded."""
    course, db_url = build(tmp_path_factory.mktemp("fb") / "course")
    grade_by_hand(db_url, "ann", "reflect", 1.3333, "Name *who* changes, not the app.")
    run = export_course(course, db_url=db_url)
    return course, db_url, run


def test_pages_go_where_release_feedback_reads_them_with_its_side_files(exported) -> None:
    course, _, run = exported
    folder = course.root / "feedback" / "ann" / "a1"
    assert folder / "nb.html" in run.feedback
    assert (folder / "timestamp.txt").read_text() == "2026-03-01 09:00:00"
    assert (folder / "submission_secret.txt").read_text() == "s3cr3t"


def test_pages_and_folders_are_readable_by_other_users(exported) -> None:
    course, _, _ = exported
    feedback = course.root / "feedback"
    for path in [feedback, *feedback.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        if path.is_dir():
            assert mode == 0o755, path
        else:
            assert mode == 0o644, path
    assert not [p for p in feedback.rglob("*.tmp")], "no temporary file is left behind"


def test_every_graded_cell_has_a_line_and_manual_ones_await_a_person(exported) -> None:
    course, _, _ = exported
    text = _visible(_page(course))
    assert "Your code (code_ans): awaiting a person (out of 2)" in text
    assert "Check q1: 2 / 2 points" in text
    assert "Your written answer: 1.33 / 3 points" in text
    assert "Task: awaiting a person (out of 1)" in text
    assert "0 / 3" not in text and "0 / 2 points" not in text


def test_scores_are_rounded_for_people() -> None:
    assert [points(x) for x in (14.3998, 17.0, 0.25, 2.0 / 3)] == ["14.4", "17", "0.25", "0.67"]


def test_the_formgrader_comment_is_shown_with_the_cell(exported) -> None:
    course, _, _ = exported
    page = _page(course)
    assert "Grader's comment" in page and "Name <em>who</em> changes, not the app." in page


def test_the_summary_says_how_many_answers_still_await_a_person(exported) -> None:
    course, _, _ = exported
    text = _visible(_page(course))
    assert "Assignment score: 3.33 / 8" in text
    assert "2 answer(s) await a person" in text


def test_math_is_rendered_offline_with_its_tex_kept(exported) -> None:
    course, _, _ = exported
    page = _page(course)
    assert re.search(r'<img class="math" alt="\\frac\{a\}\{b\}" src="data:image/svg\+xml;base64,',
                     page)
    assert "http://" not in page and "https://" not in page  # nothing fetched from the network


def test_long_lines_wrap() -> None:
    page = render(autograded_notebook(output="x" * 5000), student="s", assignment="a1",
                  name="nb", grades=None, status="graded")
    assert "white-space:pre-wrap" in page and "overflow-wrap:anywhere" in page


def test_a_regrade_in_formgrader_updates_the_page_on_the_next_export(tmp_path: Path) -> None:
    course, db_url = build(tmp_path / "course")
    export_course(course, db_url=db_url)
    assert "Your written answer: awaiting a person" in _visible(_page(course))
    grade_by_hand(db_url, "ann", "reflect", 3, "Exactly right.")
    assert main(["export", str(course.root), "--db", db_url]) == 0
    text = _visible(_page(course))
    assert "Your written answer: 3 / 3 points" in text and "Exactly right." in text


def test_a_page_nbgrader_generate_feedback_wrote_is_kept_not_overwritten(tmp_path: Path,
                                                                         capsys) -> None:
    course, db_url = build(tmp_path / "course")
    theirs = course.root / "feedback" / "ben" / "a1" / "nb.html"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("<html><body>nbgrader's own feedback</body></html>")
    assert main(["export", str(course.root), "--db", db_url]) == 0
    assert theirs.read_text() == "<html><body>nbgrader's own feedback</body></html>"
    assert f"kept {theirs}" in capsys.readouterr().err
    assert GENERATOR in _page(course, "ann")


# --- student text is sanitised -----------------------------------------------------------------

HOSTILE = [
    {"cell_type": "markdown", "metadata": {}, "source":
     "Nice <script>fetch('/steal')</script><img src=x onerror=alert(1)>"
     "<a href=\"javascript:alert(2)\">link</a><iframe src=//evil></iframe>"
     "<style>body{display:none}</style><form action=//x><input></form>"},
    {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": "print(x)",
     "outputs": [{"output_type": "stream", "name": "stdout",
                  "text": "</pre><script>alert(3)</script>\x1b]52;c;ZXZpbA==\x07\x1b[2J"}]},
]


def _markup(page: str) -> tuple[set[str], set[str], set[str]]:
    """(tags, attribute names, link targets) of a page, as a browser would parse it."""
    from html.parser import HTMLParser

    tags: set[str] = set()
    attributes: set[str] = set()
    links: set[str] = set()

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            tags.add(tag)
            for name, value in attrs:
                attributes.add(name)
                if name in ("href", "src", "action"):
                    links.add((value or "").strip().lower())

    Collector().feed(page)
    return tags, attributes, links


def test_raw_html_in_student_markdown_and_outputs_never_runs() -> None:
    page = render(autograded_notebook(extra=HOSTILE,
                                      reflection="<b onmouseover=alert(4)>bold</b>"),
                  student="<s>", assignment="a1", name="nb", grades=None, status="graded")
    tags, attributes, links = _markup(page)
    assert not tags & {"script", "iframe", "form", "input", "object", "embed"}
    assert not [a for a in attributes if a.startswith("on")]
    assert not [link for link in links if link.startswith("javascript")]
    assert page.count("<style>") == 1  # ours only
    assert "\x1b" not in page and "\x07" not in page
    assert "&lt;/pre&gt;&lt;script&gt;" in page  # shown as text, not markup
    assert "Nice" in page and ">link</a>" in page


def test_feedback_for_a_hostile_notebook_is_written_sanitised(tmp_path: Path) -> None:
    course, db_url = build(tmp_path / "course")
    path = course.root / "autograded" / "ann" / "a1" / "nb.ipynb"
    path.write_text(json.dumps(autograded_notebook(extra=HOSTILE)))
    export_course(course, db_url=db_url)
    assert "<script" not in _page(course).lower()


# --- what a submission leaves behind is not followed -------------------------------------------


def test_links_and_fifos_beside_the_notebook_are_not_followed(tmp_path: Path) -> None:
    course, db_url = build(tmp_path / "course")
    folder = course.root / "autograded" / "ann" / "a1"
    private = tmp_path / "private.txt"
    private.write_text("instructor-only 9f8e7d")
    (folder / "timestamp.txt").unlink()
    (folder / "timestamp.txt").symlink_to(private)
    (folder / "submission_secret.txt").unlink()
    os.mkfifo(folder / "submission_secret.txt")
    export_course(course, db_url=db_url)
    out = course.root / "feedback" / "ann" / "a1"
    assert (out / "nb.html").is_file()
    assert not (out / "timestamp.txt").exists() and not (out / "submission_secret.txt").exists()


def test_a_linked_notebook_is_not_read(tmp_path: Path) -> None:
    course, db_url = build(tmp_path / "course")
    folder = course.root / "autograded" / "ann" / "a1"
    secret = tmp_path / "answers.ipynb"
    secret.write_text(json.dumps(autograded_notebook(reflection="THE MODEL ANSWER 12345")))
    (folder / "nb.ipynb").unlink()
    (folder / "nb.ipynb").symlink_to(secret)
    run = export_course(course, db_url=db_url)
    assert not (course.root / "feedback" / "ann" / "a1" / "nb.html").exists()
    assert all("THE MODEL ANSWER" not in p.read_text() for p in run.feedback)


# --- leaks block a student's feedback ----------------------------------------------------------

SOURCE = {
    "cells": [
        {"cell_type": "code", "execution_count": None, "outputs": [], "source":
         "### BEGIN HIDDEN TESTS\nassert hidden_answer == 'the quiet meadow 42'\n"
         "### END HIDDEN TESTS",
         "metadata": {"nbgrader": {"grade": True, "grade_id": "q9", "points": 1,
                                   "schema_version": 3, "solution": False, "locked": True}}},
    ],
    "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
}


def test_output_showing_another_assignments_hidden_test_blocks_the_page(tmp_path: Path,
                                                                       capsys) -> None:
    course, db_url = build(tmp_path / "course")
    (course.root / "source" / "a2").mkdir()
    (course.root / "source" / "a2" / "other.ipynb").write_text(json.dumps(SOURCE))
    export_course(course, db_url=db_url)
    assert (course.root / "feedback" / "ann" / "a1" / "nb.html").exists()
    leaked = autograded_notebook(output="assert hidden_answer == 'the quiet meadow 42'\n")
    (course.root / "autograded" / "ann" / "a1" / "nb.ipynb").write_text(json.dumps(leaked))
    assert main(["export", str(course.root), "--db", db_url]) == 1
    err = capsys.readouterr().err
    assert "LEAK: feedback for ann/a1 NOT written" in err and "hidden test" in err
    assert not (course.root / "feedback" / "ann" / "a1" / "nb.html").exists()
    assert (course.root / "feedback" / "ben" / "a1" / "nb.html").exists()


def test_output_showing_other_students_data_is_a_leak() -> None:
    from pmcourse.grading.pipeline import leaks
    page = '<pre class="student">print(rows)</pre><pre class="output">bertha.k,17\n</pre>'
    found = leaks.scan_page(page, [], others=("bertha.k", "ann"))
    assert [(leak.secret.text, leak.secret.origin) for leak in found] == [
        ("bertha.k", "another student's data")]
    assert not leaks.scan_page('<pre class="student">bertha.k</pre>', [], others=("bertha.k",))
    assert not leaks.scan_page("<p>roberta.kline</p>", [], others=("bertha.k",))


def test_the_gradebook_grades_of_one_submission_are_read_as_formgrader_left_them(
        exported) -> None:
    _, db_url, _ = exported
    grades = read_submission(db_url, "a1", "ann")
    assert grades is not None and grades.comments[("nb", "reflect")].startswith("Name *who*")
    assert read_submission(db_url, "a1", "cat") is None


def test_another_students_email_in_the_output_blocks_the_page(tmp_path: Path) -> None:
    from nbgrader.api import Gradebook

    course, db_url = build(tmp_path / "course")
    with Gradebook(db_url) as gb:
        gb.update_or_create_student("ben", email="ben.baker@uni.example")
    copied = autograded_notebook(output="ben.baker@uni.example,2.0\n")  # from a gradebook copy
    (course.root / "autograded" / "ann" / "a1" / "nb.ipynb").write_text(json.dumps(copied))
    run = export_course(course, db_url=db_url)
    assert any("another student's data" in line for line in run.blocked[("ann", "a1")])
    assert not (course.root / "feedback" / "ann" / "a1" / "nb.html").exists()
    assert (course.root / "feedback" / "ben" / "a1" / "nb.html").exists()


def test_a_malformed_notebook_still_gets_a_page() -> None:
    """Metadata, outputs and data of the wrong type are skipped, never a crash."""
    odd = autograded_notebook(extra=[
        {"cell_type": "code", "metadata": [], "source": "x", "outputs": ["junk", {"data": 3,
                                                                              "output_type":
                                                                              "display_data"}]},
        {"cell_type": "markdown", "metadata": {"nbgrader": "yes"}, "source": "Plain text"},
        {"cell_type": "code", "metadata": {}, "source": "y", "outputs": "not a list"},
    ])
    page = render(odd, student="s", assignment="a1", name="nb", grades=None, status="graded")
    assert "Plain text" in page and page.endswith("</html>")
