"""The public linter API other parts of pmcourse code against: lint, Finding, RULES, KINDS."""

from __future__ import annotations

import json
import re

import pytest

from pmcourse.lint import KINDS, RULES, Finding, has_errors, lint, rules_for
from pmcourse.lint.engine import LESSONS

REQUIRED = {
    "vision": {"internal-goal", "empty-slogan", "feature-list", "too-long", "no-beneficiary",
               "names-solution", "dates-or-metrics"},
    "mission": {"empty-slogan", "no-category", "same-as-vision"},
    "outcome": {"output-not-outcome", "date-without-constraint", "story-on-roadmap"},
    "task": {"outcome-in-backlog", "not-atomic", "vague-words", "system-as-user"},
    "north_star": {"financial-metric", "vanity-metric"},
}


def test_kinds_are_the_documented_six() -> None:
    """KINDS lists exactly the six statement kinds, in the documented order."""
    assert KINDS == ("vision", "mission", "strategy", "outcome", "task", "north_star")


@pytest.mark.parametrize("kind", sorted(REQUIRED))
def test_required_rule_ids_exist(kind: str) -> None:
    """Every rule id named in issue 3 exists for its kind."""
    assert REQUIRED[kind] <= {r.id for r in rules_for(kind)}


def test_rules_are_keyed_kind_slash_id_and_well_formed() -> None:
    """RULES keys are 'kind/id'; ids are kebab-case; severity, lesson and source are set."""
    for key, rule in RULES.items():
        assert key == f"{rule.kind}/{rule.id}"
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.id)
        assert rule.severity in ("error", "warning", "info")
        assert rule.lesson in LESSONS
        assert rule.source.strip()


def test_rules_mapping_is_read_only() -> None:
    """Callers cannot add or replace rules through RULES."""
    with pytest.raises(TypeError):
        RULES["vision/new"] = RULES["vision/too-long"]  # type: ignore[index]


def test_disputed_rules_are_warnings() -> None:
    """Rules whose sources disagree (content-research §7.3) only warn."""
    for key in ("vision/names-solution", "vision/dates-or-metrics", "task/missing-so-that"):
        assert RULES[key].severity in ("warning", "info")


def test_finding_to_dict_has_the_json_shape() -> None:
    """to_dict gives rule, severity, message, lesson and a two-item span list, JSON-ready."""
    finding = lint("Build pantry sync", "outcome")[0]
    as_dict = finding.to_dict()
    assert list(as_dict) == ["rule", "severity", "message", "lesson", "span"]
    assert as_dict["span"] == [0, 5]
    assert json.loads(json.dumps(as_dict)) == as_dict


def test_findings_are_frozen() -> None:
    """A Finding cannot be changed after the linter returns it."""
    finding = Finding("x", "error", "m", "06_roadmaps", (0, 1))
    with pytest.raises(AttributeError):
        finding.rule = "y"  # type: ignore[misc]


def test_errors_come_before_warnings() -> None:
    """Findings are ordered errors first, then warnings, then by position."""
    findings = lint("Become the number one meal app by 2030", "vision")
    ranks = [("error", "warning", "info").index(f.severity) for f in findings]
    assert ranks == sorted(ranks) and ranks[0] == 0


def test_has_errors() -> None:
    """has_errors is true only when an error-severity finding is present."""
    assert has_errors(lint("Build pantry sync", "outcome"))
    assert not has_errors(lint("Households waste less food thanks to an app.", "vision"))
    assert not has_errors([])


def test_aliases_name_the_same_rule_set() -> None:
    """'roadmap' and 'backlog' are accepted for outcome and task."""
    assert lint("Build pantry sync", "roadmap") == lint("Build pantry sync", "outcome")
    assert lint("Improve retention by 10%", "Backlog") == lint("Improve retention by 10%", "task")


@pytest.mark.parametrize("kind", ["slogan", "", None, 3])
def test_unknown_kind_is_a_clear_value_error(kind: object) -> None:
    """An unknown kind raises ValueError naming the valid kinds."""
    with pytest.raises(ValueError, match="vision, mission, strategy, outcome, task, north_star"):
        lint("Households waste less food.", kind)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   \n\t", None, b"bytes"])
def test_empty_or_non_text_is_a_clear_value_error(text: object) -> None:
    """Empty or non-string text raises ValueError saying what to pass."""
    with pytest.raises(ValueError, match=r"(empty|must be a string)"):
        lint(text, "vision")  # type: ignore[arg-type]


def test_bad_context_is_a_value_error() -> None:
    """A context that is not a mapping is refused with an example of the right shape."""
    with pytest.raises(ValueError, match="mapping"):
        lint("A meal app for families.", "mission", context=["vision"])  # type: ignore[arg-type]


def test_lint_is_deterministic() -> None:
    """The same text gives the same findings every time."""
    text = "Seamless, AI-powered meal planning with shopping lists and pantry sync by Q3 2027."
    assert lint(text, "vision") == lint(text, "vision")


def test_spans_index_into_the_given_text() -> None:
    """Spans are offsets into the text as given, leading blanks included."""
    text = "   Become the leading app"
    for f in lint(text, "vision"):
        assert 0 <= f.span[0] < f.span[1] <= len(text)
    leader = next(f for f in lint(text, "vision") if f.rule == "internal-goal")
    assert text[leader.span[0]:leader.span[1]] == "Become the leading app"


def test_rule_declarations_are_checked() -> None:
    """A rule with an unknown severity, or an id declared twice, is refused at import time."""
    from pmcourse.lint.engine import rule

    with pytest.raises(ValueError, match="bad rule declaration"):
        rule("vision", "x", severity="fatal", lesson="02_product_vision", source="s", message="m")
    with pytest.raises(ValueError, match="declared twice"):
        rule("vision", "too-long", severity="warning", lesson="02_product_vision",
             source="s", message="m")(lambda text, context: [])
    assert "vision/x" not in RULES
