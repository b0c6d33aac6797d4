"""A learner's status, the spaced review and the certificate: one model, three views."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from pmcourse.cli import main
from pmcourse.completion import (
    CAPSTONE,
    certificate_html,
    course_status,
    practice_notebooks,
    review_questions,
)
from pmcourse.content import LESSONS
from pmcourse.exercises import practice
from pmcourse.progress import Progress, load_progress, progress_path

from .conftest import PROJECT


def _finished() -> Progress:
    """Progress of a learner who opened every lesson and passed every practice problem."""
    passed = {"attempts": 2, "best": 1.0, "passed": True, "last": 0.0}
    exercises = {pid: dict(passed) for pid in practice_notebooks(PROJECT)}
    exercises[CAPSTONE] = dict(passed)
    return Progress(dict.fromkeys(LESSONS, 1_700_000_000.0), exercises)


def test_every_practice_notebook_problem_is_found_with_its_notebook() -> None:
    where = practice_notebooks(PROJECT)
    assert where["practice.feature_split"] == "exercises/06_feature_split.ipynb"
    assert all((PROJECT / notebook).exists() for notebook in where.values())


def test_a_new_learner_sees_everything_left_to_do() -> None:
    status = course_status(PROJECT, Progress())
    assert not status.complete and status.lessons_opened == 0
    assert status.missing[0].startswith(f"open {len(LESSONS)} more lesson(s)")
    assert any("capstone" in m for m in status.missing)


def test_a_learner_who_did_everything_is_complete() -> None:
    status = course_status(PROJECT, _finished())
    assert status.complete and status.practice_passed == len(status.practice)


def test_progress_shows_titles_quiz_scores_links_and_totals(
        capsys: pytest.CaptureFixture[str]) -> None:
    """`pmcourse progress`: lesson titles with quiz scores, practice with attempts and links."""
    items = practice("feature_split").data()
    practice("feature_split").check(items.assign(kind="task", outcome_id=None))
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "Lessons opened: 0 of" in out and "quizzes answered right: 0 of" in out
    assert f"[ ] {LESSONS['02_product_vision'].title}  (quiz 0/" in out
    assert "(1 attempt(s), best" in out and "exercises/06_feature_split.ipynb" in out
    assert "Left to do: open" in out


def test_an_answer_that_cannot_be_read_is_not_an_attempt() -> None:
    """A string where a table was expected is reported to the learner, not counted."""
    result = practice("feature_split").check("not a table")
    assert "could not be checked" in result.message and not result.readable
    entry = load_progress().exercises.get("practice.feature_split", {})
    assert entry.get("attempts", 0) == 0


def test_review_draws_on_earlier_questions_the_learner_missed() -> None:
    """Questions missed in earlier lessons come back; ones got right or later ones do not."""
    first, second = list(LESSONS)[1:3]
    q_missed, q_right = LESSONS[first].quiz[:2]
    later = LESSONS[second].quiz[0]
    progress = Progress({}, {
        f"quiz.{first}.{q_missed.id}": {"attempts": 1, "best": 0.0, "passed": False},
        f"quiz.{first}.{q_right.id}": {"attempts": 2, "best": 1.0, "passed": True},
        f"quiz.{second}.{later.id}": {"attempts": 1, "best": 0.0, "passed": False},
    })
    assert review_questions(second, progress) == [(LESSONS[first].title, q_missed)]
    picked = review_questions(list(LESSONS)[-1], progress)
    assert [q for _, q in picked] == [q_missed, later]


def test_no_certificate_before_the_course_is_complete() -> None:
    with pytest.raises(ValueError, match="not complete yet: open"):
        certificate_html("Ada", course_status(PROJECT, Progress()))


def test_the_certificate_names_the_learner_the_date_and_what_they_completed() -> None:
    page = certificate_html("Ada <Lovelace>", course_status(PROJECT, _finished()),
                            when=1_767_225_600.0)
    assert "Ada &lt;Lovelace&gt;" in page and "<Lovelace>" not in page
    assert "01 January 2026" in page
    assert all(lesson.title.replace("'", "&#x27;") in page for lesson in LESSONS.values())
    assert "Certificate of completion" in page and "@media print" in page


def test_the_certificate_command_writes_a_page_others_can_open(
        capsys: pytest.CaptureFixture[str], private_home: Path) -> None:
    import json

    progress_path().parent.mkdir(parents=True, exist_ok=True)
    assert main(["certificate", "--name", "Grace Hopper"]) == 1
    assert "No certificate yet" in capsys.readouterr().out
    done = _finished()
    progress_path().write_text(json.dumps(done.to_json()))
    assert main(["certificate", "--name", "Grace Hopper"]) == 0
    path = private_home / "certificate.html"
    assert "Grace Hopper" in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
