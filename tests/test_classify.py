"""The artifact classifier: its contract, its reasons, and its accuracy on our labelled set."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from pmcourse.classify import CLASS_KINDS, Classification, classify
from pmcourse.classify.evaluate import accuracy, confusion, format_matrix, load

LABELLED = Path(__file__).parent / "data" / "labelled_statements.csv"


@pytest.fixture(scope="module")
def rows():
    """The labelled statements, read once for the module."""
    return load(LABELLED)


def test_labelled_set_is_big_and_balanced(rows) -> None:
    """At least 100 statements, 20 or more for every kind, each text unique."""
    counts = Counter(r.kind for r in rows)
    assert len(rows) >= 100
    assert set(counts) == set(CLASS_KINDS)
    assert min(counts.values()) >= 20
    assert len({r.text for r in rows}) == len(rows)


def test_every_fifth_row_is_held_out(rows) -> None:
    """A fifth of the rows, spread across every kind, is held out from tuning."""
    held = [r for r in rows if r.held_out]
    assert len(held) == len(rows) // 5
    assert {r.kind for r in held} == set(CLASS_KINDS)


def test_accuracy_on_the_labelled_set(rows) -> None:
    """The classifier labels at least 85% of the whole set correctly."""
    matrix = confusion(rows)
    assert accuracy(matrix) >= 0.85, format_matrix(matrix)


def test_accuracy_on_the_held_out_fifth(rows) -> None:
    """On the rows never used for tuning it still gets at least 80% right."""
    matrix = confusion([r for r in rows if r.held_out])
    assert accuracy(matrix) >= 0.80, format_matrix(matrix)


@pytest.mark.parametrize(("text", "kind", "reason"), [
    ("As a cook, I want to swap one dinner so that the kids eat it.", "task", "user-story form"),
    ("Fix the crash when the pantry list is empty.", "task", "work action ('Fix')"),
    ("Larder is a meal-planning app for busy households that plans around the pantry.",
     "mission", "product category"),
    ("Now: new households plan their first week within ten minutes.", "outcome",
     "roadmap column ('Now:')"),
    ("Focus on dual-income families in UK cities; we will not chase students.", "strategy",
     "strategic choice ('Focus')"),
    ("No family wonders what is for dinner.", "vision", "lasting, universal language"),
])
def test_typical_statements_and_their_reasons(text: str, kind: str, reason: str) -> None:
    """Clear examples of each kind get that kind, with a reason naming the cue."""
    result = classify(text)
    assert result.kind == kind, result
    assert any(reason in r for r in result.reasons), result.reasons


def test_scores_cover_every_kind_and_sum_to_one() -> None:
    """Scores are given for all five kinds, between 0 and 1, summing to 1."""
    result = classify("Households throw away fewer leftovers each week.")
    assert set(result.scores) == set(CLASS_KINDS)
    assert all(0 <= v <= 1 for v in result.scores.values())
    assert abs(sum(result.scores.values()) - 1) < 1e-3
    assert result.scores[result.kind] == max(result.scores.values())


def test_a_statement_with_no_cue_still_gets_a_reason() -> None:
    """Even text with no cue gets a kind and a reason saying the evidence is weak."""
    result = classify("Blue.")
    assert result.kind in CLASS_KINDS
    assert result.reasons and "no strong cue" in result.reasons[0]


def test_to_dict_shape() -> None:
    """to_dict gives text, kind, scores and reasons, detached from the result."""
    result = classify("Build pantry sync")
    as_dict = result.to_dict()
    assert list(as_dict) == ["text", "kind", "scores", "reasons"]
    as_dict["reasons"].append("changed")
    assert "changed" not in result.reasons
    assert isinstance(result, Classification)


@pytest.mark.parametrize("text", ["", "  ", None, 42])
def test_empty_or_non_text_is_a_value_error(text: object) -> None:
    """Empty or non-string input raises ValueError with a clear message."""
    with pytest.raises(ValueError, match=r"(empty|must be a string)"):
        classify(text)  # type: ignore[arg-type]


def test_classifier_uses_the_lint_lexicons() -> None:
    """The classifier's cues come from the linter's lexicon module (one word list per job)."""
    from pmcourse.classify import features
    from pmcourse.lint import lexicon

    assert features.lx is lexicon
    source = Path(features.__file__).read_text(encoding="utf-8")
    assert "terms(" not in source
