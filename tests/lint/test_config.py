"""Thresholds live in one module, each with its source written beside it."""

from __future__ import annotations

import ast
import inspect
import re

from pmcourse.lint import config

SOURCE = re.compile(r"\[[HS]\]|\b[A-Z]{1,2}\d{2}\b|\bPV-\d\b|\b00\d\b")
"""A house mark, a content-research rule code (V05, M04 ...) or a seed lesson number."""


def test_every_threshold_has_a_sourced_docstring() -> None:
    """Each constant in config is followed by a docstring naming its source (or [H])."""
    tree = ast.parse(inspect.getsource(config))
    body = tree.body
    names = []
    for node, after in zip(body, [*body[1:], None], strict=True):
        if isinstance(node, ast.Assign):
            names.append(node.targets[0].id)  # type: ignore[attr-defined]
            assert isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant), names[-1]
            note = after.value.value
            assert SOURCE.search(note), (names[-1], note)
    assert "VISION_MAX_WORDS" in names and len(names) >= 5


def test_vision_cap_drives_the_too_long_rule() -> None:
    """The too-long rule's message quotes the configured cap."""
    from pmcourse.lint import RULES

    assert str(config.VISION_MAX_WORDS) in RULES["vision/too-long"].message
