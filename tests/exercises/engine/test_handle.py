"""The learner's handle: q.answer() and q.check() with no argument, full tables, and text that
renders as written (angle-bracket placeholders never vanish)."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import mistune
import pytest

from pmcourse.exercises import Outcome, practice, problems
from pmcourse.exercises.engine.result import CheckResult, CriterionResult, markdown_text

PRACTICE = sorted(pid.split(".", 1)[1] for pid in problems() if pid.startswith("practice."))


class _Text(HTMLParser):
    """The text a reader sees in rendered HTML."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def visible(markdown: str) -> str:
    parser = _Text()
    parser.feed(mistune.html(markdown))
    return re.sub(r"\s+", " ", "".join(parser.parts))


def plain(text: str) -> str:
    """What a Markdown source says, without its emphasis and code marks."""
    return re.sub(r"\s+", " ", re.sub(r"\*|`|(?<!\w)_|_(?!\w)", "", text))


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


class TestCheckWithoutArgument:
    def test_nothing_answered_yet_is_not_attempted_and_says_how(self, in_tmp) -> None:
        result = practice("feature_split", track=False).check()
        assert result.outcome is Outcome.NOT_ATTEMPTED
        assert "q.answer()" in result.message and "q.check(split)" in result.message

    def test_checks_what_the_widget_holds(self, in_tmp) -> None:
        q = practice("spot_outcome", track=False)
        sheet = q.answer(delay=0)
        for item in q.problem.key["outcomes"]:
            sheet.form.set("items", item, "verdict", "outcome")
        sheet._changed()
        assert q.check().outcome is Outcome.CORRECT
        code = list(q.problem.key["outcomes"])
        assert q.check(code).score == q.check().score  # code answers keep working

    def test_after_a_restart_the_saved_draft_is_checked_and_restored(self, in_tmp) -> None:
        q = practice("spot_outcome", track=False)
        sheet = q.answer(delay=0)
        sheet.form.set("items", "B12", "verdict", "outcome")
        sheet._changed()
        first = q.check()
        fresh = practice("spot_outcome", track=False)  # a new kernel: no widget yet
        assert fresh.check().to_dict() == first.to_dict()
        assert fresh.answer().form.get("items", "B12", "verdict") == "outcome"
        assert (in_tmp / "drafts" / "spot_outcome.json").exists()

    def test_a_damaged_draft_is_reported_not_raised(self, in_tmp) -> None:
        (in_tmp / "drafts").mkdir()
        (in_tmp / "drafts" / "spot_outcome.json").write_text("{not json", encoding="utf-8")
        result = practice("spot_outcome", track=False).check()
        assert result.outcome is Outcome.NOT_ATTEMPTED
        assert "could not be read" in result.message and "not valid JSON" in result.message

    def test_an_empty_widget_is_not_attempted(self, in_tmp) -> None:
        q = practice("feature_split", track=False)
        q.answer()
        result = q.check()
        assert result.outcome is Outcome.NOT_ATTEMPTED and "widget is still empty" in result.message

    def test_only_a_check_of_something_is_recorded_as_an_attempt(self, in_tmp) -> None:
        seen = []
        from pmcourse.exercises import ProblemHandle, get_problem

        q = ProblemHandle(get_problem("practice.spot_outcome"),
                          on_check=lambda pid, r: seen.append(r.outcome))
        q.check()
        assert seen == []
        sheet = q.answer(delay=0)
        sheet.form.set("items", "B12", "verdict", "outcome")
        q.check()
        assert seen == [Outcome.PARTLY_CORRECT]


class TestReadablePages:
    @pytest.mark.parametrize("problem_id", PRACTICE)
    def test_prompt_and_hints_render_every_character(self, problem_id: str) -> None:
        """Rendered as a notebook renders Markdown, prompt and hints keep all their words,
        including placeholders such as <user> and <a situation>."""
        q = practice(problem_id, track=False)
        shown = visible(q._repr_markdown_())
        assert plain(q.problem.prompt) in plain(shown)
        for hint in q.problem.hints:
            assert plain(hint) in plain(visible(q.hint()._repr_markdown_()))

    def test_placeholders_in_messages_show(self) -> None:
        result = CheckResult.from_criteria("x", [CriterionResult(
            "form", "Story form", 1.0, 0.0,
            "B02 does not follow 'As a <role>, I want <action>, so that <reason>'.")])
        assert "As a <role>, I want <action>, so that <reason>" in visible(
            result._repr_markdown_())

    def test_code_spans_are_left_alone(self) -> None:
        assert markdown_text("use `a < b` when x < y & z") == "use `a < b` when x &lt; y &amp; z"

    def test_solution_tables_keep_their_line_breaks(self) -> None:
        md = practice("feature_split", track=False).solution()._repr_markdown_()
        assert "<br>" in md and "&lt;br&gt;" not in md

    @pytest.mark.parametrize("problem_id", ["feature_split", "now_next_later", "kpi_tree"])
    def test_show_gives_every_text_in_full(self, problem_id: str) -> None:
        q = practice(problem_id, track=False)
        for name, rows in q.problem.data.items():
            if not isinstance(rows, tuple):
                continue
            page = q.show(name)._repr_html_()
            for row in rows:
                assert all(str(v).replace("'", "&#x27;") in page
                           for v in row.values() if isinstance(v, str))
            assert "..." not in page

    def test_show_renders_a_dict_as_a_table_not_a_repr(self) -> None:
        page = practice("split_epic", track=False).show()._repr_html_()
        assert "{" not in page and "S1" in page and "<table" in page
        assert "scope" in str(practice("split_epic", track=False).show())

    def test_show_names_the_inputs_when_there_are_several(self) -> None:
        with pytest.raises(TypeError, match="several inputs: tree, initiatives"):
            practice("kpi_tree", track=False).show()

    def test_the_no_code_line_only_where_there_is_a_widget(self) -> None:
        assert "q.answer()" in practice("kpi_tree", track=False)._repr_markdown_()
        assert "q.answer()" not in practice("capstone", track=False)._repr_markdown_()
