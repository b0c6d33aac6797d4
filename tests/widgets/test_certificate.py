"""CertificateForm: a name and a button, never code; says what is left until the course is done."""

from __future__ import annotations

import json
from pathlib import Path

from pmcourse.completion import CAPSTONE, practice_notebooks
from pmcourse.content import LESSONS
from pmcourse.progress import progress_path
from pmcourse.widgets import CertificateForm

PROJECT = Path(__file__).resolve().parents[2]


def test_the_form_has_a_named_field_and_button() -> None:
    form = CertificateForm()
    assert form._name.description == "Name on the certificate"
    assert form._button.description == "Make my certificate"


def test_before_the_course_is_complete_the_form_lists_what_is_left() -> None:
    form = CertificateForm()
    form._name.value = "Ada Lovelace"
    shown = form.make()
    assert "No certificate yet" in shown and "open" in shown and "capstone" in shown


def test_a_finished_learner_gets_the_certificate_shown_and_saved(private_home: Path) -> None:
    passed = {"attempts": 1, "best": 1.0, "passed": True, "last": 0.0}
    exercises = {pid: dict(passed) for pid in [*practice_notebooks(PROJECT), CAPSTONE]}
    progress_path().parent.mkdir(parents=True, exist_ok=True)
    progress_path().write_text(json.dumps({"schema": 1, "lessons": dict.fromkeys(LESSONS, 1.0),
                                           "exercises": exercises}))
    form = CertificateForm()
    form._name.value = "  Ada   Lovelace "
    shown = form.make()
    assert "Certificate of completion" in shown and "Ada Lovelace" in shown
    assert (private_home / "certificate.html").exists()
