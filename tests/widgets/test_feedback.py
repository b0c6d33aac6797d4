"""Lint feedback for the views: safe linting and readable HTML."""

from __future__ import annotations

from pmcourse.lint import Finding
from pmcourse.widgets._feedback import START_TYPING, findings_html, lines_html, run_lint


def test_empty_text_asks_to_start_typing() -> None:
    """Blank text is not linted; the learner is invited to type."""
    assert run_lint("   ", "vision") == ([], START_TYPING)


def test_findings_come_from_the_linter() -> None:
    """An internal goal in a vision is found by the real linter."""
    findings, message = run_lint("Become the number one meal app by revenue", "vision")
    assert message == ""
    assert "internal-goal" in {f.rule for f in findings}


def test_unknown_kind_is_a_message_not_a_traceback() -> None:
    """A kind the linter refuses gives its message."""
    findings, message = run_lint("text", "sonnet")
    assert findings == []
    assert message


def test_html_shows_severity_rule_message_and_lesson_escaped() -> None:
    """Each finding shows its severity, rule id, message and lesson, with markup escaped."""
    finding = Finding("empty-slogan", "error", "Say <what> it does.", "03_vision", (0, 4))
    page = findings_html([finding])
    for part in ("error", "<code>empty-slogan</code>", "Say &lt;what&gt; it does.", "03_vision"):
        assert part in page


def test_clean_and_message_states() -> None:
    """No findings says so; a message is shown as is."""
    assert "No rule fired" in findings_html([])
    assert "Reads as an outcome." in findings_html([], clean="Reads as an outcome.")
    assert START_TYPING in findings_html([], START_TYPING)
    assert lines_html([]) == ""
    assert "<li>a &amp; b</li>" in lines_html(["a & b"], title="Hints")
