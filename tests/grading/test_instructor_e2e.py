"""The instructor's whole loop, as real Linux users: one instructor, three students.

As the instructor: `cohort init` (an exchange without root), `roster import`, `release` (published
to the exchange). As each student, under their own uid: fetch, answer (nbformat), submit; one
submits after the due date. As the instructor: `collect`, `grade`, a manual grade and a comment
through the real formgrader (a jupyter server with nbgrader's extension, on 127.0.0.1), `export`,
`report`, nbgrader's own `export`, `generate_feedback` (which writes pmcourse's page, as
`cohort init` configures it) and `release_feedback`. Each student then fetches their own
feedback and cannot read anyone else's. One student first validates the untouched notebook,
as the Validate button would, and is told it fails.

The whole loop runs once (module scope); each test checks one thing a person would see.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from ..system_users import User, needs_root, readable_kit, run_as, temporary_user

pytestmark = [pytest.mark.slow, needs_root]

PROJECT = Path(__file__).resolve().parents[2]
ASSIGNMENT = "a1_vision_mission"
NOTEBOOK = "vision_mission"
COURSE_ID = "pm-e2e"
COMMENT = "Say what the product does for the vision, not what it is (our comment 7f3a)."
REFLECTION_MANUAL = 2.0
REFLECTION = ("A vision describes a change in people's lives that should last for years; the "
              "product is only one way to get there, so naming it would tie the vision to it.")

EDIT_SCRIPT = """
import json, sys
import nbformat
path, sources = sys.argv[1], json.loads(sys.stdin.read())
nb = nbformat.read(path, as_version=4)
for cell in nb.cells:
    grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
    if grade_id in sources:
        cell.source = sources[grade_id]
nbformat.write(nb, path)
"""


def answer_sources(released: dict[str, Any], kind: str) -> dict[str, str]:
    """grade_id -> source of each answer cell: the reference or a partial answer (the test's
    oracle, from autograders/; a student types these)."""
    from pmcourse.grading.authoring.samples import _answers, _fill
    from pmcourse.grading.pipeline.leaks import problem_ids

    source_nb = PROJECT / "course" / "source" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
    ids = problem_ids(source_nb)
    answers = {pid: _answers(pid, PROJECT / "autograders") for pid in ids}
    nb = json.loads(json.dumps(released))
    nb["metadata"]["pmcourse_problem_ids"] = ids
    filled = _fill(nb, (lambda pid: answers[pid]["reference"]) if kind == "good"
                   else (lambda pid: (answers[pid]["partial"] or [answers[pid]["reference"]])[0]))
    out = {}
    for cell in filled["cells"]:
        meta = cell["metadata"].get("nbgrader", {})
        if meta.get("solution") and cell["cell_type"] == "code":
            out[meta["grade_id"]] = "".join(cell["source"])
    out["reflection_answer"] = REFLECTION
    return out


class Person:
    """A real account and the commands it runs (the kit first on its PATH)."""

    def __init__(self, user: User) -> None:
        self.user, self.name, self.home = user, user.name, user.home

    def env(self) -> dict[str, str]:
        # cohort init copies the assignments from this checkout (the kit holds only the package)
        # nbconvert's templates (formgrader renders with them) are data files the kit's copy of
        # site-packages does not hold: take them from this environment, readable by all here
        return {"PMCOURSE_PROJECT": str(PROJECT), "LOGNAME": self.name,
                "JUPYTER_PATH": str(Path(sys.prefix) / "share" / "jupyter")}

    def run(self, argv: list[str], *, cwd: Path | None = None, input_text: str | None = None,
            check: bool = True) -> subprocess.CompletedProcess[str]:
        result = run_as(self.user, argv, env=self.env(), cwd=str(cwd or self.home),
                        input=input_text, timeout=900)
        if check and result.returncode != 0:
            msg = (f"{' '.join(argv)} as {self.name} exited {result.returncode}\n"
                   f"stdout: {result.stdout[-3000:]}\nstderr: {result.stderr[-3000:]}")
            raise AssertionError(msg)
        return result

    def popen(self, argv: list[str], *, cwd: Path, log: Path) -> subprocess.Popen[bytes]:
        env = {"PATH": f"{readable_kit().parent}:/usr/bin:/bin", "HOME": str(self.home),
               "LANG": "C.UTF-8", "USER": self.name, **self.env()}
        return subprocess.Popen(argv, user=self.user.uid, group=self.user.gid, extra_groups=[],
                                env=env, cwd=str(cwd), stdout=log.open("wb"),
                                stderr=subprocess.STDOUT)


@dataclass
class Loop:
    """What the loop produced, for the tests to look at."""

    instructor: Person
    students: dict[str, Person]
    course: Path
    exchange: Path
    outputs: dict[str, str] = field(default_factory=dict)
    formgrader: dict[str, Any] = field(default_factory=dict)
    feedback: dict[str, str] = field(default_factory=dict)
    exported: dict[str, bytes] = field(default_factory=dict)
    """Student -> the feedback page `pmcourse export` wrote."""
    generated: dict[str, bytes] = field(default_factory=dict)
    """Student -> the page `nbgrader generate_feedback` wrote over it."""

    def name(self, role: str) -> str:
        return self.students[role].name


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _api(base: str, token: str, path: str, body: dict[str, Any] | None = None) -> Any:
    request = urllib.request.Request(
        base + path, method="PUT" if body is not None else "GET",
        data=None if body is None else json.dumps(body).encode(),
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read().decode())


def _grade_in_formgrader(loop: Loop, work: Path) -> None:
    """Starts the real formgrader as the instructor and enters a manual grade and a comment."""
    port, token = _free_port(), secrets.token_hex(16)
    log = work / "formgrader.log"
    loop.instructor.run(["sh", "-c", "mkdir -p ~/.jupyter && cat > "
                         "~/.jupyter/jupyter_server_config.json"], input_text=json.dumps(
        {"ServerApp": {"jpserver_extensions": {"nbgrader.server_extensions.formgrader": True}}}))
    server = loop.instructor.popen(
        ["jupyter", "server", "--no-browser", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", f"--IdentityProvider.token={token}",
         f"--ServerApp.root_dir={loop.course}"], cwd=loop.course, log=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                _api(base, token, "/formgrader/api/status")
                break
            except (urllib.error.URLError, ConnectionError, OSError):
                if time.monotonic() > deadline or server.poll() is not None:
                    raise AssertionError("formgrader did not start:\n"
                                         + log.read_text()[-3000:]) from None
                time.sleep(1)
        loop.formgrader["assignments"] = _api(base, token, "/formgrader/api/assignments")
        submitted = _api(base, token,
                         f"/formgrader/api/submitted_notebooks/{ASSIGNMENT}/{NOTEBOOK}")
        loop.formgrader["submitted"] = submitted
        good = [s for s in submitted if s["student"] == loop.name("good")]
        assert good, f"formgrader lists no submission of {loop.name('good')}: {submitted}"
        grades = _api(base, token, f"/formgrader/api/grades?submission_id={good[0]['id']}")
        reflection = next(g for g in grades if g["name"] == "reflection_answer")
        loop.formgrader["before"] = reflection
        loop.formgrader["after"] = _api(base, token, f"/formgrader/api/grade/{reflection['id']}",
                                        {"manual_score": REFLECTION_MANUAL, "extra_credit": 0})
        comments = _api(base, token, f"/formgrader/api/comments?submission_id={good[0]['id']}")
        comment = next(c for c in comments if c["name"] == "reflection_answer")
        loop.formgrader["comment"] = _api(base, token, f"/formgrader/api/comment/{comment['id']}",
                                          {"manual_comment": COMMENT})
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=30)


def _run_loop(loop: Loop, work: Path) -> None:
    me = loop.instructor
    out = loop.outputs

    def as_instructor(*argv: str, cwd: Path | None = None) -> str:
        result = me.run(list(argv), cwd=cwd)
        return result.stdout + result.stderr

    # instructor: a course with an exchange, a roster, a release
    out["init"] = as_instructor("pmcourse", "cohort", "init", str(loop.course), "--course-id",
                                COURSE_ID, "--exchange", str(loop.exchange))
    with (loop.course / "nbgrader_config.py").open("a") as config:
        config.write("\n# this instructor's own choice: late work scores zero\n"
                     "c.LateSubmissionPlugin.penalty_method = 'zero'\n")
    roster = "id,first_name,last_name\n" + "".join(
        f"{s.name},{role.title()},Student\n" for role, s in loop.students.items())
    me.run(["sh", "-c", "cat > roster.csv"], input_text=roster)
    out["roster"] = as_instructor("pmcourse", "roster", "import", "roster.csv", "--course",
                                  str(loop.course))
    out["release"] = as_instructor("pmcourse", "release", str(loop.course), "--assignment",
                                   ASSIGNMENT)
    out["doctor"] = me.run(["pmcourse", "doctor", str(loop.course)],
                           check=False).stdout
    student_config = (loop.course / "student_nbgrader_config.py").read_text()

    # students: fetch, answer, submit (the late one after the due date)
    released = json.loads((loop.course / "release" / ASSIGNMENT / f"{NOTEBOOK}.ipynb").read_text())
    for role in ("good", "partial", "late"):
        student = loop.students[role]
        if role == "late":
            due = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
            as_instructor("nbgrader", "db", "assignment", "add", ASSIGNMENT, f"--duedate={due}",
                          cwd=loop.course)
            time.sleep(2)
        student.run(["sh", "-c", "mkdir -p ~/.jupyter && cat > ~/.jupyter/nbgrader_config.py"],
                    input_text=student_config)
        out[f"list_{role}"] = student.run(["nbgrader", "list"]).stderr
        student.run(["nbgrader", "fetch_assignment", ASSIGNMENT])
        path = student.home / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
        if role == "partial":  # validate before answering anything
            untouched = student.run(["nbgrader", "validate", str(path)], check=False)
            out["validate_untouched"] = untouched.stdout + untouched.stderr
        sources = answer_sources(released, "good" if role != "partial" else "partial")
        student.run(["python", "-c", EDIT_SCRIPT, str(path)],
                    input_text=json.dumps(sources))
        validate = student.run(["nbgrader", "validate", str(path)], check=False)
        out[f"validate_{role}"] = validate.stdout + validate.stderr
        student.run(["nbgrader", "submit", ASSIGNMENT])

    # instructor: collect, grade, formgrader, exports, report, feedback
    out["collect"] = as_instructor("pmcourse", "collect", str(loop.course), "--assignment",
                                   ASSIGNMENT)
    out["grade"] = as_instructor("pmcourse", "grade", str(loop.course), "--assignment",
                                 ASSIGNMENT, "--workers", "2")
    _grade_in_formgrader(loop, work)
    out["export"] = as_instructor("pmcourse", "export", str(loop.course))

    def pages() -> dict[str, bytes]:
        return {s.name: (loop.course / "feedback" / s.name / ASSIGNMENT / f"{NOTEBOOK}.html"
                         ).read_bytes() for s in loop.students.values()}

    loop.exported = pages()
    out["report"] = as_instructor("pmcourse", "report", str(loop.course))
    # nbgrader's own export, to its own file (its default name is pmcourse's grades.csv)
    out["nbgrader_export"] = as_instructor("nbgrader", "export", "--to", "nbgrader_export.csv",
                                           cwd=loop.course)
    out["generate_feedback"] = as_instructor("nbgrader", "generate_feedback", ASSIGNMENT,
                                             "--force", cwd=loop.course)
    loop.generated = pages()
    out["release_feedback"] = as_instructor("nbgrader", "release_feedback", ASSIGNMENT,
                                            cwd=loop.course)
    for role, student in loop.students.items():
        student.run(["nbgrader", "fetch_feedback", ASSIGNMENT])
        shown = student.run(["sh", "-c", f"cat ~/{ASSIGNMENT}/feedback/*/{NOTEBOOK}.html"],
                            )
        loop.feedback[role] = shown.stdout


@pytest.fixture(scope="module")
def loop():
    readable_kit()
    # not under pytest's tmp folder: /tmp/pytest-of-root is private to root
    work = Path(tempfile.mkdtemp(prefix="pmcourse-e2e-"))
    work.chmod(0o755)
    try:
        with contextlib.ExitStack() as stack:
            people = {role: Person(stack.enter_context(temporary_user(f"pm{role}")))
                      for role in ("inst", "good", "partial", "late")}
            instructor = people.pop("inst")
            shared = work / "srv"
            shared.mkdir(mode=0o755)
            subprocess.run(["chown", instructor.name, str(shared)], check=True)
            state = Loop(instructor=instructor, students=people,
                         course=instructor.home / "course", exchange=shared / "exchange")
            try:
                _run_loop(state, work)
            except Exception as exc:
                steps = "\n".join(f"--- {k}:\n{v[-1500:]}" for k, v in state.outputs.items())
                raise AssertionError(f"{exc}\n\nwhat each step printed:\n{steps}") from exc
            yield state
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _rows(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_init_roster_and_release_reach_the_exchange(loop: Loop) -> None:
    assert "exchange:" in loop.outputs["init"] and str(loop.exchange) in loop.outputs["init"]
    assert "3 added" in loop.outputs["roster"]
    assert "published to" in loop.outputs["release"] and "leak scan clean" in loop.outputs["release"]
    outbound = loop.exchange / COURSE_ID / "outbound" / ASSIGNMENT / f"{NOTEBOOK}.ipynb"
    assert outbound.exists()
    assert "✘ exchange" not in loop.outputs["doctor"]
    for role in loop.students:
        assert ASSIGNMENT in loop.outputs[f"list_{role}"]  # `nbgrader list` as the student


def test_students_validate_their_answered_notebook(loop: Loop) -> None:
    assert "Success" in loop.outputs["validate_good"], loop.outputs["validate_good"]


def test_validating_an_untouched_notebook_fails_and_says_so(loop: Loop) -> None:
    """`nbgrader validate` (the Validate button) on the notebook as released: nbgrader exits 0
    either way; what the student reads is that it fails, and why."""
    shown = loop.outputs["validate_untouched"]
    assert "VALIDATION FAILED ON" in shown and "WILL NOT" in shown, shown
    assert "Success" not in shown


def test_collect_takes_each_students_own_submission(loop: Loop) -> None:
    assert "3 submission(s)" in loop.outputs["collect"], loop.outputs["collect"]
    for student in loop.students.values():
        folder = loop.course / "submitted" / student.name / ASSIGNMENT
        assert (folder / f"{NOTEBOOK}.ipynb").exists()
        assert folder.stat().st_mode & 0o777 == 0o755  # not nbgrader's inbound 777
        assert (folder / "timestamp.txt").read_text().strip().endswith("UTC")


def test_formgrader_lists_the_assignment_and_takes_a_manual_grade(loop: Loop) -> None:
    names = [a["name"] for a in loop.formgrader["assignments"]]
    assert ASSIGNMENT in names
    assert {s["student"] for s in loop.formgrader["submitted"]} == {
        s.name for s in loop.students.values()}
    assert loop.formgrader["before"]["needs_manual_grade"] is True
    assert loop.formgrader["after"]["manual_score"] == REFLECTION_MANUAL
    assert loop.formgrader["comment"]["manual_comment"] == COMMENT


def test_grades_csv_has_the_manual_grade_and_the_late_penalty(loop: Loop) -> None:
    rows = {r["student_id"]: r for r in _rows(loop.course / "grades.csv")}
    good, late, partial = (rows[loop.name(r)] for r in ("good", "late", "partial"))
    assert float(good["score"]) == 16 + REFLECTION_MANUAL and float(good["max_score"]) == 19
    assert float(late["score"]) == 0 and late["status"] == "late"
    assert float(late["raw_score"]) == 16 and float(late["late_penalty"]) == 16
    assert 0 < float(partial["score"]) < 16
    assert partial["awaiting_manual"] not in ("", "0")  # its reflection still awaits a person


def test_canvas_csv_has_the_final_scores(loop: Loop) -> None:
    rows = _rows(loop.course / "canvas_grades.csv")
    assert list(rows[0])[:5] == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
    by_login = {r["SIS Login ID"]: r for r in rows}
    assert float(by_login[loop.name("good")][ASSIGNMENT]) == 16 + REFLECTION_MANUAL
    assert float(by_login[loop.name("late")][ASSIGNMENT]) == 0
    assert "Good" in by_login[loop.name("good")]["Student"]  # the roster's name


def test_nbgraders_own_export_agrees(loop: Loop) -> None:
    """`nbgrader export` run by the instructor and pmcourse's copy of it say what grades.csv says."""
    rows = {r["student_id"]: r for r in _rows(loop.course / "grades.csv")}
    for name in ("nbgrader_export.csv", "nbgrader_grades.csv"):
        theirs = {r["student_id"]: r for r in _rows(loop.course / name)}
        for student in loop.students.values():
            assert float(theirs[student.name]["score"]) == pytest.approx(
                float(rows[student.name]["score"]), abs=1e-6)  # nbgrader prints 10.9165999...
    late = {r["student_id"]: r for r in _rows(loop.course / "nbgrader_export.csv")}[
        loop.name("late")]
    assert float(late["late_submission_penalty"]) == 16


def test_the_report_counts_the_manual_grade_and_the_penalty(loop: Loop) -> None:
    """The report's mean for the assignment is the mean of today's final scores (with the
    manual grade and the late penalty), not of the scores when `grade` ran."""
    from pmcourse.grading.report.markup import number

    report = (loop.course / "report.html").read_text(encoding="utf-8")
    scores = [float(r["score"]) for r in _rows(loop.course / "grades.csv")
              if r["assignment"] == ASSIGNMENT and r["score"]]
    assert len(scores) == 3
    row = next(line for line in report.split("<tr") if f">{ASSIGNMENT}<" in line)
    assert f">{number(sum(scores) / 3)}<" in row, row


def test_generate_feedback_writes_pmcourses_page_for_every_student(loop: Loop) -> None:
    """`nbgrader generate_feedback --force` rewrote every page, and wrote exactly the page
    `pmcourse export` had written."""
    log = loop.outputs["generate_feedback"]
    for student in loop.students.values():
        assert f"feedback/{student.name}/{ASSIGNMENT}/{NOTEBOOK}.html" in log, log[-3000:]
    assert loop.generated == loop.exported


def test_each_student_reads_their_own_feedback(loop: Loop) -> None:
    """The page each student fetched is the one generate_feedback wrote: pmcourse's page."""
    for role, student in loop.students.items():
        assert loop.feedback[role].encode() == loop.generated[student.name]
        assert '<meta name="generator" content="pmcourse feedback">' in loop.feedback[role]
    good, late = loop.feedback["good"], loop.feedback["late"]
    assert loop.name("good") in good and loop.name("late") not in good
    assert COMMENT in good  # the formgrader comment reaches the student
    assert f"{REFLECTION_MANUAL:g} / 3" in good
    assert loop.name("late") in late and "late" in late.lower()
    assert loop.name("partial") in loop.feedback["partial"]


def test_no_student_can_find_another_students_feedback(loop: Loop) -> None:
    """nbgrader's exchange keeps released feedback in a folder others may enter but not list,
    under names derived from each submission; a student fetches only their own."""
    good = loop.students["good"]
    released = loop.exchange / COURSE_ID / "feedback"
    listing = good.run(["ls", str(released)], check=False)
    assert listing.returncode != 0 and "Permission denied" in listing.stderr
    fetched = good.run(["sh", "-c", f"ls ~/{ASSIGNMENT}/feedback/*/"]).stdout.split()
    assert fetched == [f"{NOTEBOOK}.html"]
    assert len(list(released.glob("*.html"))) == 3  # one per student, as root sees it
