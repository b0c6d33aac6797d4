"""The leak scan finds solution, hidden-test and key lines in what students receive."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_notebook

from pmcourse.grading.pipeline.leaks import collect_secrets, scan


def write_course(tmp_path: Path) -> tuple[Path, Path]:
    source = tmp_path / "source" / "a1"
    source.mkdir(parents=True)
    nb = new_notebook(cells=[
        new_code_cell("import pandas as pd\nanswer = None\n### BEGIN SOLUTION\n"
                      "answer = compute_the_secret_answer(42)\n### END SOLUTION",
                      metadata={"nbgrader": {"solution": True, "grade_id": "a"}}),
        new_code_cell('### BEGIN HIDDEN TESTS\nfrom pmcourse.grading.kernel.cell import grade\n'
                      'float(grade("demo.problem", globals()))\n### END HIDDEN TESTS',
                      metadata={"nbgrader": {"grade": True, "grade_id": "t", "points": 1}}),
    ])
    nbformat.write(nb, source / "nb.ipynb")
    keys = tmp_path / "autograders" / "keys"
    keys.mkdir(parents=True)
    (keys / "demo.problem.json").write_text(
        '{\n  "problem": "demo.problem",\n  "kind": {\n    "Q01": "outcome",\n    "Q02": "task"\n  }\n}\n')
    return source, tmp_path / "autograders"


def test_secrets_cover_solutions_hidden_tests_and_keys(tmp_path: Path) -> None:
    """Solution lines, hidden-test lines and key facts are secret; shared public lines are not."""
    source, autograders = write_course(tmp_path)
    texts = {s.text for s in collect_secrets(source, autograders)}
    assert "answer = compute_the_secret_answer(42)" in texts
    assert 'float(grade("demo.problem", globals()))' in texts
    assert '"Q01": "outcome"' in texts
    assert "import pandas as pd" not in texts


def test_scan_names_file_and_line(tmp_path: Path) -> None:
    """A planted key fact is reported with the file and line where students would see it."""
    source, autograders = write_course(tmp_path)
    released = tmp_path / "release.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("x = 1\nhint = {'Q01': 'outcome'}")]), released)
    leaks = scan([released], collect_secrets(source, autograders))
    assert len(leaks) == 1
    assert leaks[0].path == released and leaks[0].line > 1
    assert "demo.problem.json" in str(leaks[0])


def test_clean_release_has_no_leak(tmp_path: Path) -> None:
    """A student version with the stub in place of the solution passes the scan."""
    source, autograders = write_course(tmp_path)
    released = tmp_path / "clean.ipynb"
    stub = new_code_cell("import pandas as pd\nanswer = None\n# YOUR CODE HERE")
    nbformat.write(new_notebook(cells=[stub]), released)
    assert scan([released], collect_secrets(source, autograders)) == []


def test_student_writing_in_feedback_is_not_a_leak(tmp_path: Path) -> None:
    """Feedback may show what the student wrote, even if it matches the solution."""
    source, autograders = write_course(tmp_path)
    page = tmp_path / "feedback.html"
    page.write_text('<pre class="student">answer = compute_the_secret_answer(42)</pre>'
                    "<div>Check t: 1 / 1 points</div>")
    assert scan([page], collect_secrets(source, autograders)) == []
    page.write_text("<div>float(grade(&quot;demo.problem&quot;, globals()))</div>")
    assert len(scan([page], collect_secrets(source, autograders))) == 1


def test_code_output_in_feedback_is_scanned(tmp_path: Path) -> None:
    """What the student's code printed (e.g. a linked key file) is not theirs: it is scanned."""
    source, autograders = write_course(tmp_path)
    page = tmp_path / "feedback.html"
    page.write_text('<pre class="student">print(open("k").read())</pre>'
                    '<pre class="output">{"Q01": "outcome",\n"Q02": "task"}</pre>')
    found = scan([page], collect_secrets(source, autograders))
    assert {leak.secret.origin for leak in found} == {"the key demo.problem.json"}
    assert [leak.line for leak in found] == [1, 2]


def test_reference_answers_are_secrets_too(tmp_path: Path) -> None:
    source, autograders = write_course(tmp_path)
    answers = autograders / "answers"
    answers.mkdir()
    (answers / "demo.problem.py").write_text('REFERENCE = {"Q01": "outcome", "Q02": "task"}\n')
    texts = {s.text: s.origin for s in collect_secrets(source, autograders)}
    assert texts['REFERENCE = {"Q01": "outcome", "Q02": "task"}'] == (
        "the reference answers demo.problem.py")


def test_every_assignments_secrets_are_searched(tmp_path: Path) -> None:
    """Feedback on a2 must not show a1's solution either."""
    from pmcourse.grading.pipeline.leaks import course_secrets, scan_page

    write_course(tmp_path)
    (tmp_path / "source" / "a2").mkdir()
    secrets = course_secrets(tmp_path)
    assert "answer = compute_the_secret_answer(42)" in {s.text for s in secrets}
    page = '<pre class="output">answer = compute_the_secret_answer(42)</pre>'
    assert len(scan_page(page, secrets, label="feedback/bo/a2/nb.html")) == 1


def test_a_line_public_in_one_assignment_is_no_secret_in_another(tmp_path: Path) -> None:
    from pmcourse.grading.pipeline.leaks import course_secrets

    write_course(tmp_path)
    public = tmp_path / "source" / "a2"
    public.mkdir()
    nbformat.write(new_notebook(cells=[new_code_cell(
        "answer = compute_the_secret_answer(42)", metadata={"nbgrader": {"locked": True}})]),
        public / "nb.ipynb")
    assert "answer = compute_the_secret_answer(42)" not in {s.text for s in course_secrets(tmp_path)}


def test_an_answer_the_student_typed_and_printed_is_not_a_leak(tmp_path: Path) -> None:
    """A key fact in the output is theirs when their own code says it; not when it does not."""
    from pmcourse.grading.pipeline.leaks import scan_page

    source, autograders = write_course(tmp_path)
    secrets = collect_secrets(source, autograders)
    typed = ("<pre class=\"student\">kind = {'Q01': 'outcome', 'Q02': 'task'}\nprint(kind)</pre>"
             "<pre class=\"output\">{'Q01': 'outcome', 'Q02': 'task'}</pre>")
    assert scan_page(typed, secrets) == []
    read = ('<pre class="student">print(open("keys.json").read())</pre>'
            "<pre class=\"output\">{'Q01': 'outcome', 'Q02': 'task'}</pre>")
    assert scan_page(read, secrets)
