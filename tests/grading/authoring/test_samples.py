"""The demo's own check: every sample submission graded as its answers deserve."""

from __future__ import annotations

from pmcourse.grading.authoring.samples import undeserved_grades


def row(student: str, score: str, status: str = "graded", assignment: str = "a5") -> dict:
    return {"student_id": student, "assignment": assignment, "score": score, "status": status,
            "message": f"{score} points"}


def cohort() -> list[dict]:
    return [row("ada_perfect", "10"), row("jun_stripped_metadata", "10"),
            row("hana_deleted_check", "10"), row("eli_blank", "0"), row("ben_partial", "7"),
            row("ivo_invalid_json", "", "error"), row("kai_tampers", "0", "tampered"),
            row("lea_endless_loop", "0", "timeout")]


def test_a_cohort_graded_as_deserved_passes() -> None:
    assert undeserved_grades(cohort()) == []


def test_stripped_metadata_scoring_less_than_the_same_answers_is_reported() -> None:
    """The demo's old bug: the capstone with stripped metadata scored 0 instead of 10."""
    rows = [r if r["student_id"] != "jun_stripped_metadata" else row(r["student_id"], "0")
            for r in cohort()]
    assert undeserved_grades(rows) == [
        "jun_stripped_metadata/a5: 0 points, the same answers intact earn 10"]


def test_honest_work_timed_out_by_a_busy_machine_is_reported() -> None:
    rows = [*cohort(), row("noor_mixed", "6.7", "timeout", "a1")]
    assert undeserved_grades(rows)[0].startswith("noor_mixed/a1: status timeout, expected graded")


def test_points_for_a_blank_notebook_are_reported() -> None:
    rows = [r if r["student_id"] != "eli_blank" else row("eli_blank", "3") for r in cohort()]
    assert undeserved_grades(rows) == ["eli_blank/a5: 3 points for work that earns nothing"]
