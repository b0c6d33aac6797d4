"""The cohort report: its numbers on a small synthetic ledger, the answers it pairs, the page."""

from __future__ import annotations

import json
import math
import random
import re
import statistics
from pathlib import Path

import pytest

from pmcourse.cli import main
from pmcourse.grading.pipeline.course import Course, CourseError
from pmcourse.grading.pipeline.ledger import Ledger, SubmissionResult
from pmcourse.grading.report.answers import Answer, collect_answers, near_duplicates, own_words
from pmcourse.grading.report.page import ReportOptions, analyse, load_results, render, write_report

# --- a small synthetic cohort ------------------------------------------------------------------

Q1, Q2 = 2.0, 3.0
"""Points of the two grade cells of assignment a1."""
A1_CELLS = {  # student -> (q1 points, q2 points)
    "s1": (2.0, 3.0),
    "s2": (2.0, 1.0),
    "s3": (0.0, 0.0),
    "s4": (1.0, 3.0),
}


def _cells(q1: float, q2: float) -> list[dict[str, object]]:
    return [
        {"notebook": "nb", "cell": "q1", "score": q1, "max_score": Q1, "auto_score": q1,
         "needs_manual_grade": False},
        {"notebook": "nb", "cell": "q2", "score": q2, "max_score": Q2, "auto_score": q2,
         "needs_manual_grade": False},
    ]


def cohort() -> list[SubmissionResult]:
    """Assignment a1: four graded, one late, one error, one timeout, one tampered, one missing;
    assignment a2: one grade cell everyone passes."""
    results = [
        SubmissionResult("a1", s, "graded", f"{q1 + q2:g} of 5 points", q1 + q2, 5.0,
                         seconds=10.0 + n, details={"cells": _cells(q1, q2),
                                                    "peak_kernel_rss_mb": 120.0 + n})
        for n, (s, (q1, q2)) in enumerate(A1_CELLS.items())
    ]
    results += [
        SubmissionResult("a1", "s5", "late", "submitted 2.0 h after the due date", 3.0, 5.0,
                         seconds=30.0, details={"cells": _cells(2.0, 1.0)}),
        SubmissionResult("a1", "s6", "error", "nb.ipynb is empty (0 bytes)", seconds=0.1),
        SubmissionResult("a1", "s7", "timeout", "stopped after 60 s", seconds=61.0),
        SubmissionResult("a1", "s8", "tampered", "tampering detected: tests edited", 0.0, 5.0,
                         seconds=12.0, details={"cells": _cells(0.0, 0.0)}),
        SubmissionResult("a1", "s9", "missing", "no submission folder"),
    ]
    results += [
        SubmissionResult("a2", s, "graded", "4 of 4 points", 4.0, 4.0, seconds=5.0,
                         details={"cells": [{"notebook": "nb2", "cell": "only", "score": 4.0,
                                             "max_score": 4.0}]})
        for s in ("s1", "s2", "s3")
    ]
    return results


@pytest.fixture(scope="module")
def data():
    """The report's numbers for the synthetic cohort."""
    return analyse(cohort())


def _item(data, cell: str):
    items = data.items.set_index("cell")
    return items.loc[cell]


# --- numbers ------------------------------------------------------------------------------------

def test_difficulty_is_the_mean_share_of_points_per_cell(data):
    """q1 earns 2, 2, 0, 1, 2 (late), 0 (tampered) of 2 points: a mean share of 7/12."""
    shares = [2 / 2, 2 / 2, 0 / 2, 1 / 2, 2 / 2, 0 / 2]
    assert _item(data, "q1")["difficulty"] == pytest.approx(statistics.mean(shares))
    assert _item(data, "q1")["n"] == 6


def test_discrimination_correlates_a_cell_with_the_rest_of_the_assignment(data):
    """q1's share is correlated with the q2 points of the same submissions (Pearson)."""
    q1_share = [1.0, 1.0, 0.0, 0.5, 1.0, 0.0]
    q2_points = [3.0, 1.0, 0.0, 3.0, 1.0, 0.0]
    expected = statistics.correlation(q1_share, q2_points)
    assert _item(data, "q1")["discrimination"] == pytest.approx(expected)
    expected_q2 = statistics.correlation([3 / 3, 1 / 3, 0, 3 / 3, 1 / 3, 0],
                                         [2.0, 2.0, 0.0, 1.0, 2.0, 0.0])
    assert _item(data, "q2")["discrimination"] == pytest.approx(expected_q2)


def test_discrimination_is_not_available_for_an_only_cell_and_says_why(data):
    """a2 has one grade cell that everyone passes: no correlation, and a reason instead."""
    only = _item(data, "only")
    assert only["difficulty"] == pytest.approx(1.0)
    assert math.isnan(only["discrimination"])
    assert "only graded cell" in only["why_na"]


def test_a_cell_everyone_scores_the_same_on_has_no_discrimination():
    """A constant cell beside a varying one: n/a because everyone earned the same share."""
    results = [SubmissionResult("a", s, "graded", "", 1.0 + k, 3.0, details={"cells": [
        {"notebook": "n", "cell": "same", "score": 1.0, "max_score": 1.0},
        {"notebook": "n", "cell": "varies", "score": float(k), "max_score": 2.0}]})
        for s, k in (("x", 0), ("y", 1), ("z", 2))]
    items = analyse(results).items.set_index("cell")
    assert math.isnan(items.loc["same", "discrimination"])
    assert items.loc["same", "why_na"] == "everyone earned the same share of this cell"


def test_status_counts_cover_every_status_per_assignment(data):
    """Each status is counted once per submission, and statuses nobody had show 0."""
    a1 = data.statuses.loc["a1"].to_dict()
    assert a1 == {"graded": 4, "late": 1, "error": 1, "timeout": 1, "tampered": 1, "missing": 1}
    assert data.statuses.loc["a2"].to_dict()["graded"] == 3
    assert data.statuses.loc["a2"].sum() == 3


def test_every_submission_not_graded_normally_is_listed_with_its_message(data):
    """Late, error, timeout, tampered and missing submissions appear with their messages."""
    listed = data.not_graded
    assert set(listed["student"]) == {"s5", "s6", "s7", "s8", "s9"}
    assert "0 bytes" in listed.set_index("student").loc["s6", "message"]


def test_headline_means_leave_out_submissions_without_a_score(data):
    """a1's mean is over graded, late and tampered scores; error and missing never count as 0."""
    a1 = data.headline.set_index("assignment").loc["a1"]
    scores = [5.0, 3.0, 0.0, 4.0, 3.0, 0.0]
    assert a1["submissions"] == 9
    assert a1["scored"] == len(scores)
    assert a1["mean"] == pytest.approx(statistics.mean(scores))
    assert a1["median"] == pytest.approx(statistics.median(scores))
    assert data.students == 9


def test_slowest_lists_the_ten_longest_gradings_slowest_first(data):
    """Twelve timed submissions: the ten slowest, ordered by seconds."""
    slow = data.slowest
    assert len(slow) == 10
    assert list(slow["student"][:3]) == ["s7", "s5", "s4"]
    assert list(slow["seconds"]) == sorted(slow["seconds"], reverse=True)


# --- answers ------------------------------------------------------------------------------------

REFERENCE = ("Larder's strategy targets busy households with two working parents, wins by "
             "planning meals from the pantry first, and will not sell groceries itself.")
COPIED = ("Our product focuses on families where both parents work long hours and we win "
          "because the weekly plan starts from what is already in the cupboard")
COPIED_EDITED = ("Our product focuses on families where both parents work long hours, and we "
                 "win because the weekly plan starts from what is already in the cupboards")
DIFFERENT = ("We should aim at students sharing a flat who cook together on Sundays and "
             "measure success by how little food they throw away each month")
ANSWERS = {
    "ana": COPIED,
    "bo": COPIED_EDITED,
    "cy": DIFFERENT,
    "di": "YOUR ANSWER HERE",
    "ed": "",
    "fe": "Busy parents.",
    "gu": REFERENCE,
    "hu": "<script>alert('pwned')</script> " + DIFFERENT.replace("students", "pupils"),
}


def _notebook(cells: list[tuple[str, str, str]]) -> dict[str, object]:
    """A notebook of (cell_type, grade_id, source) answer cells."""
    return {
        "cells": [{"cell_type": kind, "id": gid, "source": src, "outputs": [],
                   "execution_count": None,
                   "metadata": {"nbgrader": {"grade_id": gid, "solution": True, "grade": False,
                                             "locked": False, "schema_version": 3}}}
                  if kind == "code" else
                  {"cell_type": kind, "id": gid, "source": src,
                   "metadata": {"nbgrader": {"grade_id": gid, "solution": True, "grade": False,
                                             "locked": False, "schema_version": 3}}}
                  for kind, gid, src in cells],
        "metadata": {}, "nbformat": 4, "nbformat_minor": 5,
    }


STARTER_CODE = "plan = ____  # replace ____ with your answer"


def make_course(root: Path, answers: dict[str, str] = ANSWERS) -> Course:
    """A course folder with source, release and autograded copies of one two-question notebook."""
    def write(path: Path, nb: dict[str, object]) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(nb), encoding="utf-8")

    write(root / "source" / "a1" / "nb.ipynb", _notebook([
        ("markdown", "why", REFERENCE),
        ("code", "plan", f"{STARTER_CODE}\n### BEGIN SOLUTION\nplan = ['K01', 'K02']\n"
                         "### END SOLUTION"),
    ]))
    write(root / "release" / "a1" / "nb.ipynb", _notebook([
        ("markdown", "why", "YOUR ANSWER HERE"), ("code", "plan", STARTER_CODE)]))
    for student, text in answers.items():
        write(root / "autograded" / student / "a1" / "nb.ipynb", _notebook([
            ("markdown", "why", text),
            ("code", "plan", f"{STARTER_CODE}\nplan = ['K01', 'K02']"),
        ]))
    return Course.open(root)


def test_own_words_drop_starter_lines_and_stubs():
    """Lines given in the released cell and nbgrader's stubs are not the student's words."""
    text = f"{STARTER_CODE}\n# YOUR CODE HERE\nplan = ['K03']\n"
    assert own_words(text, STARTER_CODE) == "plan = ['K03']"
    assert own_words("YOUR ANSWER HERE", "YOUR ANSWER HERE") == ""


def test_answers_skip_stubs_and_the_reference_solution(tmp_path):
    """Blank, stub and key-matching answers are not collected; real ones are, per question."""
    answers = collect_answers(make_course(tmp_path).root)
    why = {a.student: a.text for a in answers if a.cell == "why" and a.text}
    assert set(why) == {"ana", "bo", "cy", "fe", "hu"}
    assert not [a for a in answers if a.cell == "plan"], "answers equal to the key are dropped"


def test_near_identical_answers_are_paired_and_a_different_one_is_not(tmp_path):
    """ana and bo wrote the same sentence with small edits: one pair; cy's answer is not paired."""
    found = near_duplicates(collect_answers(make_course(tmp_path).root))
    pairs = {(p.student_a, p.student_b) for p in found.pairs}
    assert ("ana", "bo") in pairs
    assert not any("cy" in pair for pair in pairs if "hu" not in pair)
    assert all("di" not in pair and "ed" not in pair for pair in pairs)
    ana_bo = next(p for p in found.pairs if (p.student_a, p.student_b) == ("ana", "bo"))
    assert ana_bo.similarity >= 90
    assert ana_bo.question == "nb / why"
    assert found.too_short >= 1, "fe's two-word answer is too short to compare"


def test_answers_are_only_compared_within_the_same_question():
    """The same text under two different questions is not a pair."""
    answers = [Answer("a1", "nb", "q1", "ana", COPIED), Answer("a1", "nb", "q2", "bo", COPIED)]
    assert near_duplicates(answers).total_pairs == 0


def test_the_pair_list_is_capped_but_the_total_counts_every_pair():
    """Twenty identical answers make 190 pairs; `limit` lists the first ten."""
    answers = [Answer("a1", "nb", "q", f"s{n:02d}", COPIED) for n in range(20)]
    found = near_duplicates(answers, limit=10)
    assert found.total_pairs == 190
    assert len(found.pairs) == 10


# --- the page -----------------------------------------------------------------------------------

def _ledger_url(tmp_path: Path, results: list[SubmissionResult]) -> str:
    url = f"sqlite:///{tmp_path / 'gradebook.db'}"
    ledger = Ledger(url)
    try:
        for result in results:
            ledger.record(result)
    finally:
        ledger.close()
    return url


def test_write_report_makes_one_self_contained_page(tmp_path):
    """The page embeds every plot as a PNG, fetches nothing, and shows the numbers."""
    course = make_course(tmp_path)
    url = _ledger_url(tmp_path, cohort())
    path = write_report(course, db_url=url)
    assert path == tmp_path / "report.html"
    page = path.read_text(encoding="utf-8")
    images = re.findall(r'<img [^>]*src="([^"]+)"', page)
    assert len(images) == 5, "two histograms, two question charts, one status chart"
    assert all(src.startswith("data:image/png;base64,") for src in images)
    assert not re.search(r'(src|href)="(https?:)?//', page)
    assert "ana &amp; bo" in page
    assert "nb.ipynb is empty (0 bytes)" in page
    for heading in ("Score distribution", "difficulty and discrimination", "Statuses",
                    "Slowest submissions", "Near-identical answers"):
        assert heading in page


def test_student_text_cannot_inject_markup_into_the_page(tmp_path):
    """A script in an answer is shown as text, never as a script element."""
    course = make_course(tmp_path)
    url = _ledger_url(tmp_path, cohort())
    options = ReportOptions(max_pairs=500, similarity=60)  # so hu's answer is listed
    page = write_report(course, db_url=url, options=options).read_text()
    assert "<script" not in page
    assert "&lt;script&gt;" in page


def test_an_empty_course_gets_a_nothing_graded_page_and_no_new_gradebook(tmp_path):
    """No gradebook yet: the page says so and says what to run; no database file is created."""
    (tmp_path / "source").mkdir()
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()  # noqa\n")
    page = write_report(tmp_path).read_text(encoding="utf-8")
    assert "Nothing has been graded yet" in page
    assert "pmcourse grade DIR" in page
    assert "<img" not in page
    assert not (tmp_path / "gradebook.db").exists()


def test_an_empty_ledger_gets_the_nothing_graded_page(tmp_path):
    """A gradebook with no results yet is not a crash either."""
    (tmp_path / "source").mkdir()
    url = _ledger_url(tmp_path, [])
    assert "Nothing has been graded yet" in write_report(tmp_path, db_url=url).read_text()


def test_the_default_gradebook_is_the_courses_sqlite_file(tmp_path):
    """Without --db the report reads DIR/gradebook.db, as `pmcourse grade` writes it."""
    make_course(tmp_path)
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()  # noqa\n")
    _ledger_url(tmp_path, cohort())
    assert "9</strong> student(s)" in write_report(tmp_path).read_text(encoding="utf-8")


def test_an_unreachable_database_is_a_clear_error_without_the_password():
    """A server that is not running gives a CourseError that hides the password."""
    with pytest.raises(CourseError) as info:
        load_results("postgresql://grader:s3cret@127.0.0.1:1/gradebook")
    message = str(info.value)
    assert "cannot open the gradebook" in message
    assert "s3cret" not in message
    assert "server is running" in message


def test_discrimination_shows_n_a_with_its_reason_on_the_page(data):
    """An undefined correlation is written n/a, with the reason next to it."""
    page = render(data)
    assert "n/a" in page
    assert "the only graded cell" in page


def test_the_cli_writes_the_report_where_asked(tmp_path, capsys):
    """`pmcourse report DIR --output F --db URL` writes F and says where."""
    make_course(tmp_path)
    url = _ledger_url(tmp_path, cohort())
    out = tmp_path / "out" / "cohort.html"
    assert main(["report", str(tmp_path), "--output", str(out), "--db", url]) == 0
    assert out.is_file()
    assert str(out) in capsys.readouterr().out


def test_the_cli_explains_a_folder_that_is_not_a_course(tmp_path, capsys):
    """A folder without source/ is refused with a hint, not a traceback."""
    assert main(["report", str(tmp_path)]) == 2
    assert "pmcourse cohort init" in capsys.readouterr().err


def test_pairs_are_found_across_the_blocks_of_a_large_question():
    """In 600 answers, compared 500 at a time, a copied pair at positions 10 and 550 is found."""
    rng = random.Random(7)
    letters = "abcdefghijklmnopqrstuvwxyz"
    answers = [Answer("a1", "nb", "q", f"s{n:03d}",
                      " ".join("".join(rng.choices(letters, k=7)) for _ in range(10)))
               for n in range(600)]
    answers[550] = Answer("a1", "nb", "q", "s550", answers[10].text)
    found = near_duplicates(answers)
    assert [(p.student_a, p.student_b) for p in found.pairs] == [("s010", "s550")]
    assert found.compared == 600


def test_a_damaged_gradebook_is_a_clear_error(tmp_path):
    """A gradebook file that is not a database gives a CourseError, not a traceback."""
    (tmp_path / "gradebook.db").write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(CourseError, match="cannot open the gradebook"):
        load_results(f"sqlite:///{tmp_path / 'gradebook.db'}")


def test_an_unreadable_autograded_notebook_is_skipped_and_named(tmp_path):
    """A damaged autograded copy does not stop the report; the page names the file."""
    course = make_course(tmp_path)
    (tmp_path / "autograded" / "bo" / "a1" / "nb.ipynb").write_text("{not json")
    page = write_report(course, db_url=_ledger_url(tmp_path, cohort())).read_text()
    assert "Unreadable autograded notebooks skipped: autograded/bo/a1/nb.ipynb" in page
    assert "ana &amp; bo" not in page


def test_students_sharing_one_wording_are_listed_as_a_group():
    """Four students with the same answer form one group; a lone pair does not."""
    answers = [Answer("a1", "nb", "q", s, COPIED) for s in ("w", "x", "y", "z")]
    answers += [Answer("a1", "nb", "q", "p", DIFFERENT), Answer("a1", "nb", "q", "r", DIFFERENT)]
    found = near_duplicates(answers)
    assert [g.students for g in found.groups] == [("w", "x", "y", "z")]
    assert found.groups[0].lowest_similarity == 100
    assert found.total_pairs == 6 + 1


def test_a_group_joined_through_an_edited_copy_counts_every_member():
    """ana's text, bo's edit of it and a third copy of bo's edit make one group of three."""
    answers = [Answer("a1", "nb", "q", "ana", COPIED), Answer("a1", "nb", "q", "bo", COPIED_EDITED),
               Answer("a1", "nb", "q", "cy", COPIED_EDITED.upper())]
    group = near_duplicates(answers).groups[0]
    assert group.students == ("ana", "bo", "cy")
    assert 90 <= group.lowest_similarity < 100


# --- similarity that means "near copy" ---------------------------------------------------------

LOOP = ("def squares(n):\n    out = []\n    for i in range(1, n + 1):\n        out.append(i * i)\n"
        "    return out")
COMPREHENSION = "def squares(n):\n    return [i * i for i in range(1, n + 1)]"


def test_two_different_solutions_of_a_code_cell_are_not_near_identical():
    """A loop and a list comprehension share most words; they are different work."""
    answers = [Answer("a1", "nb", "squares", "ana", " ".join(LOOP.split())),
               Answer("a1", "nb", "squares", "bo", " ".join(COMPREHENSION.split()))]
    found = near_duplicates(answers, min_words=4, threshold=0.0)
    assert found.pairs and found.pairs[0].similarity < 90
    assert near_duplicates(answers, min_words=4).total_pairs == 0


def test_an_answer_that_only_contains_another_is_not_scored_100():
    longer = COPIED + " and we measure it by meals cooked from the pantry each week"
    answers = [Answer("a1", "nb", "q", "ana", COPIED), Answer("a1", "nb", "q", "bo", longer)]
    found = near_duplicates(answers, threshold=0.0)
    assert found.pairs[0].similarity < 90


def test_a_reordered_copy_is_still_found():
    words = COPIED.split()
    reordered = " ".join(words[10:] + words[:10])
    answers = [Answer("a1", "nb", "q", "ana", COPIED), Answer("a1", "nb", "q", "bo", reordered)]
    assert near_duplicates(answers).total_pairs == 1


# --- questions by name, criteria, manual cells ------------------------------------------------

PROJECT = Path(__file__).resolve().parents[3]


def test_questions_are_named_by_problem_title_or_the_heading_above_them():
    from pmcourse.grading.report.criteria import question_titles

    titles = question_titles(PROJECT / "course", "a1_vision_mission")
    assert titles[("vision_mission", "classify_statements_check")] == (
        "Which artifact is each of Waypoint's statements?")
    assert titles[("vision_mission", "reflection_answer")].startswith("Reflection: why the vision")
    assert titles[("vision_mission", "reflection_answer")].endswith("(written answer)")


def _check_cell(grade_id: str, lines: list[str]) -> dict[str, object]:
    source = ('from pmcourse.grading.kernel.cell import grade\n'
              'float(grade("roadmap.feature_split", globals()))')
    return {"cell_type": "code", "execution_count": 1, "source": source,
            "metadata": {"nbgrader": {"grade": True, "grade_id": grade_id, "points": 2,
                                      "solution": False, "locked": True, "schema_version": 3}},
            "outputs": [{"output_type": "stream", "name": "stdout",
                         "text": "\n".join(lines) + "\n"}]}


def test_criteria_most_learners_missed_come_first(tmp_path):
    from pmcourse.grading.report.criteria import criteria_frame

    marks = {"s1": ("✘", "✔"), "s2": ("✘", "✔"), "s3": ("◐", "✘"), "s4": ("✔", "✔")}
    for student, (labels, outcome) in marks.items():
        forged = {**_check_cell("own_test", ["[Forged]", "  ✘ Fake (0% of 1%): printed"]),
                  "source": "assert squares(2) == [1, 4]"}  # a plain test: kernel output
        nb = {"cells": [forged, _check_cell("split_check", [
            "[Split the feature list]", "◐ 3 of 6 items right",
            f"  {labels} Labels (0% of 50%): some items are labelled wrongly",
            f"  {outcome} Outcomes named (50% of 50%): each outcome has a name"])],
              "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        path = tmp_path / "autograded" / student / "a1" / "nb.ipynb"
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(nb))
    frame = criteria_frame(tmp_path, [("a1", s) for s in marks])
    assert "Forged" not in set(frame["question"])
    first = frame.iloc[0]
    assert (first.question, first.criterion, first.n, first.missed, first.partly,
            first.passed) == ("Split the feature list", "Labels", 4, 2, 1, 1)
    assert frame.iloc[1].criterion == "Outcomes named" and frame.iloc[1].missed == 1
    page = render(analyse(cohort(), criteria=frame))
    assert "Criteria most learners missed" in page and "Split the feature list" in page


def test_cells_awaiting_a_person_are_left_out_of_difficulty_until_graded():
    def result(student: str, manual_score: float | None) -> SubmissionResult:
        essay = {"notebook": "nb", "cell": "essay", "score": manual_score or 0.0,
                 "max_score": 3.0, "needs_manual_grade": manual_score is None}
        cells = [*_cells(2.0, 1.0), essay]
        return SubmissionResult("a1", student, "graded", "", 3.0, 8.0, details={"cells": cells})

    waiting = analyse([result("s1", None), result("s2", None)],
                      titles={("a1", "nb", "essay"): "Why the vision leaves the product out"})
    assert "essay" not in set(waiting.items["cell"])
    page = render(waiting)
    assert "Awaiting a person" in page and "Why the vision leaves the product out" in page
    graded = analyse([result("s1", 3.0), result("s2", 1.5)])
    essay = graded.items[graded.items["cell"] == "essay"].iloc[0]
    assert essay.difficulty == pytest.approx(0.75)


def test_the_report_reads_todays_gradebook_manual_grades_included(tmp_path):
    from ..gradebook_course import build, grade_by_hand

    course, db_url = build(tmp_path / "course")

    def awaiting_section() -> str:
        page = write_report(course, db_url=db_url).read_text()
        assert "nb / reflect" in page
        return page.split("<h3>Awaiting a person</h3>", 1)[-1].split("</table>", 1)[0]

    assert "nb / reflect" in awaiting_section()
    for student, score in (("ann", 3), ("ben", 1), ("dan", 2)):
        grade_by_hand(db_url, student, "reflect", score)
    assert "nb / reflect" not in awaiting_section()
    results = load_results(db_url)
    assert {r.student: r.score for r in results}["ann"] == 2.0  # the ledger itself is unchanged
