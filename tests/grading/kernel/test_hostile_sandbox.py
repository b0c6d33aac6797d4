"""A hostile student who has read our code: links in, things left behind, privilege, bombs.

One course per grader account is graded once: by root (the default on many course servers) and
by an ordinary instructor account running the `pmcourse` command (a real Linux user made for
the test, see tests/system_users.py). Each hostile submission must get a clear status of its
own, leave everything outside its sandbox unchanged, and cost no honest student anything.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pmcourse.grading.kernel.sandbox import ROOT_KERNEL_UID_BASE, python_dirs
from pmcourse.grading.pipeline.course import Course
from pmcourse.grading.pipeline.export import read_grades
from pmcourse.grading.pipeline.run import grade

from ...system_users import readable_kit, run_as, temporary_user
from ..conftest import ASSIGNMENT, answer_notebook, code_cell, submit

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.geteuid() != 0, reason="the suite makes its own users")]

PRIVILEGE_PROBE = """
import os, subprocess, sys
status = open('/proc/self/status').read()
print('PROBE caps', status.split('CapEff:')[1].split()[0])
print('PROBE uid', os.getuid())
try:
    remount = subprocess.run(['mount', '-o', 'remount,bind,rw', sys.prefix], capture_output=True)
    print('PROBE remount', remount.returncode)
except OSError as exc:
    print('PROBE remount impossible', exc.errno)
site = [p for p in sys.path if p.endswith('site-packages')][0]
try:
    open(os.path.join(site, 'zz_planted.pth'), 'w').write('import os\\n')
    print('PROBE pth written')
except OSError as exc:
    print('PROBE pth refused', exc.errno)
for path in SECRETS:
    try:
        print('PROBE read', path, open(path).read()[:40])
    except OSError as exc:
        print('PROBE unreadable', path, exc.errno)
"""

FORK_BOMB = """
import os, time
forks = 0
try:
    while forks < 5000:
        if os.fork() == 0:
            time.sleep(900)
            os._exit(0)
        forks += 1
except OSError as exc:
    print('PROBE forks stopped', forks, exc.errno)
"""

DISK_FILL = """
import os
def fill(folder):
    total = 0
    try:
        for n in range(40):
            with open(os.path.join(folder, f'fill{n}.bin'), 'wb') as out:
                for _ in range(60):
                    out.write(b'x' * (1 << 20))
                    out.flush()
                    total += 1
    except OSError as exc:
        return f'{total} {exc.errno}'
    return f'{total} none'
print('PROBE fill cwd', fill('.'))
print('PROBE fill tmp', fill('/tmp'))
"""


def leave_behind(action: str) -> str:
    """A last cell that replaces what the grader might read back, as `action` says."""
    return f"""
import os, shutil
here = os.getcwd()
{action}
"""


def build(course: Course, reference: str, private: Path, peer_target: str) -> dict[str, str]:
    """Writes every hostile submission, and returns a digest of what must not change."""
    root = course.root
    answers = root / "autograders"
    honest = answer_notebook(course, reference)
    blank = answer_notebook(course, "split = None")
    for student in ("honest_a", "honest_b", "peer"):
        submit(course, student, honest)

    def with_last_cell(code: str) -> dict:
        return answer_notebook(course, reference, extra_cells=[code_cell(code)], position=10_000)

    # links and special files in the submission itself
    submit(course, "link_answers", blank)
    os.symlink(answers, course.submission_dir("link_answers", ASSIGNMENT) / "answers")
    folder = course.submission_dir("link_peer", ASSIGNMENT)
    folder.mkdir(parents=True)
    os.symlink(course.submission_dir("peer", ASSIGNMENT) / "roadmap.ipynb",
               folder / "roadmap.ipynb")
    submit(course, "link_private", blank)
    os.symlink(private, course.submission_dir("link_private", ASSIGNMENT) / "notes.txt")
    submit(course, "link_devzero", blank)
    os.symlink("/dev/zero", course.submission_dir("link_devzero", ASSIGNMENT) / "data.csv")
    submit(course, "hard_link", blank)
    os.link(private, course.submission_dir("hard_link", ASSIGNMENT) / "notes.txt")
    submit(course, "fifo_shipped", blank)
    os.mkfifo(course.submission_dir("fifo_shipped", ASSIGNMENT) / "data.csv")

    # what the kernel leaves behind in its folder
    gradebook = root / "gradebook.db"
    submit(course, "left_gradebook_link", with_last_cell(leave_behind(
        f"os.remove('roadmap.ipynb'); os.symlink({str(gradebook)!r}, 'roadmap.ipynb')")))
    submit(course, "left_peer_link", with_last_cell(leave_behind(
        f"os.remove('roadmap.ipynb'); os.symlink({peer_target!r}, 'roadmap.ipynb')")))
    submit(course, "left_folder_link", with_last_cell(leave_behind(
        "os.chdir('..'); shutil.rmtree(here); "
        f"os.symlink({str(root / 'source' / 'a1_vision_mission')!r}, here)")))
    submit(course, "left_fifo", with_last_cell(leave_behind(
        "os.remove('roadmap.ipynb'); os.mkfifo('roadmap.ipynb')")))

    # privilege and resources inside the kernel
    secrets = [str(private), "/etc/shadow", str(answers / "keys" / "roadmap.feature_split.json")]
    submit(course, "privilege", with_last_cell(f"SECRETS = {secrets!r}\n" + PRIVILEGE_PROBE))
    submit(course, "fork_bomb", with_last_cell(FORK_BOMB))
    submit(course, "disk_fill", with_last_cell(DISK_FILL))
    submit(course, "huge_answer", answer_notebook(course, (
        "import pandas as pd\nsplit = pd.DataFrame([{'item_id': 'K01', 'kind': 'x' * 200_000, "
        "'outcome_id': 'K03'}])")))
    return outside_digest(root)


def outside_digest(root: Path) -> dict[str, str]:
    """A digest of every file and link the grader must leave alone: sources, keys, releases,
    submissions, the course's config."""
    digests = {}
    for top in ("source", "autograders", "release", "submitted", "nbgrader_config.py"):
        for path in sorted([root / top, *(root / top).rglob("*")]):
            relative = str(path.relative_to(root))
            if path.is_symlink():
                digests[relative] = "link to " + os.readlink(path)
            elif path.is_file():
                digests[relative] = hashlib.sha256(path.read_bytes()).hexdigest()
            elif path.is_dir():
                digests[relative] = "folder"
    return digests


@pytest.fixture(scope="module", params=["root", "instructor"])
def graded(request, course_template: Path, tmp_path_factory: pytest.TempPathFactory,
           reference_code: str):
    """The hostile course graded by root in-process, or by an instructor with `pmcourse`."""
    if request.param == "root":
        work = tmp_path_factory.mktemp("hostile-root")
        yield _grade_as_root(work, course_template, reference_code)
        return
    with temporary_user("pminstr") as user:
        yield _grade_as_instructor(user, course_template, reference_code)


def _grade_as_root(work: Path, template: Path, reference: str) -> dict:
    course = Course(work / "course")
    shutil.copytree(template, course.root)
    private = work / "root-only.txt"
    private.write_text("ROOT-ONLY-SECRET")
    private.chmod(0o600)
    peer = str(course.submission_dir("peer", ASSIGNMENT) / "roadmap.ipynb")
    before = build(course, reference, private, peer)
    grade(course.root, assignment=ASSIGNMENT, workers=2)
    return _outcome(course, before, private,
                    lingering=_settled(lambda: _kernel_uid_processes(course.root)))


def _grade_as_instructor(user, template: Path, reference: str) -> dict:
    kit = readable_kit()
    course = Course(user.home / "course")
    shutil.copytree(template, course.root)
    private = user.home / "private-notes.txt"
    private.write_text("INSTRUCTOR-PRIVATE")
    private.chmod(0o600)
    peer = str(course.submission_dir("peer", ASSIGNMENT) / "roadmap.ipynb")
    before = build(course, reference, private, peer)
    subprocess.run(["chown", "-R", "-h", f"{user.uid}:{user.gid}", str(course.root),
                    str(private)], check=True)
    result = run_as(user, [str(kit.parent / "pmcourse"), "grade", str(course.root),
                           "--assignment", ASSIGNMENT, "--workers", "2"], timeout=1800)
    assert result.returncode == 0, result.stderr[-3000:]
    lingering = _settled(lambda: [p for p in _processes() if p[0] == user.uid])
    return _outcome(course, before, private, lingering=lingering)


def _processes() -> list[tuple[int, int]]:
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                found.append((proc.stat().st_uid, int(proc.name)))
            except OSError:
                continue
    return found


def _settled(find) -> list:
    """What `find` still finds after up to five seconds (killed sandboxes take a moment)."""
    for _ in range(50):
        found = find()
        if not found:
            return []
        time.sleep(0.1)
    return found


def _kernel_uid_processes(root: Path) -> list[tuple[int, int]]:
    """Processes of a kernel uid that belong to the course at `root` (kernels of other courses,
    graded by other tests at the same time, are theirs to count)."""
    return [p for p in _processes() if p[0] >= ROOT_KERNEL_UID_BASE and _of_course(p[1], root)]


def _of_course(pid: int, root: Path) -> bool:
    """Whether `pid` or a process above it (its sandbox's bwrap) names `root` in its command
    line, or works in a folder of it."""
    name = str(root).encode()
    for _ in range(64):
        proc = Path("/proc") / str(pid)
        try:
            if name in (proc / "cmdline").read_bytes():
                return True
            with contextlib.suppress(OSError):
                if os.readlink(proc / "cwd").startswith(str(root)):
                    return True
            stat = (proc / "stat").read_text()
            pid = int(stat[stat.rindex(")") + 2:].split()[1])
        except (OSError, ValueError):
            return False
        if pid <= 1:
            return False
    return False


def _outcome(course: Course, before: dict[str, str], private: Path, lingering: list) -> dict:
    rows = {r["student_id"]: r for r in read_grades(course.root / "grades.csv")}
    return {"course": course, "rows": rows, "before": before, "after": outside_digest(
        course.root), "private": private, "lingering": lingering}


def _autograded(graded: dict, student: str) -> str:
    path = graded["course"].root / "autograded" / student / ASSIGNMENT / "roadmap.ipynb"
    return path.read_text(encoding="utf-8")


def _probe_lines(graded: dict, student: str) -> list[str]:
    notebook = json.loads(_autograded(graded, student))
    lines = []
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            text = output.get("text", "")
            lines += [ln for ln in ("".join(text) if isinstance(text, list) else text).splitlines()
                      if ln.startswith("PROBE")]
    return lines


def test_every_submission_gets_exactly_one_row_and_honest_ones_full_marks(graded) -> None:
    rows = graded["rows"]
    assert len(rows) == 17, sorted(rows)
    for student in ("honest_a", "honest_b", "peer"):
        assert (rows[student]["status"], rows[student]["score"]) == ("graded", "6"), rows[student]


@pytest.mark.parametrize(("student", "words"), [
    ("link_answers", "answers is a symbolic link"),
    ("link_peer", "roadmap.ipynb is a symbolic link"),
    ("link_private", "notes.txt is a symbolic link"),
    ("link_devzero", "data.csv is a symbolic link"),
    ("hard_link", "notes.txt is a hard link"),
    ("fifo_shipped", "data.csv is a named pipe (FIFO)"),
])
def test_links_and_special_files_in_a_submission_are_refused(graded, student, words) -> None:
    """Nothing is followed: a clear error for that submission, no score, nothing copied."""
    row = graded["rows"][student]
    assert row["status"] == "error" and row["score"] == "", row
    assert words in row["message"] and "not graded" in row["message"], row["message"]
    assert not (graded["course"].root / "autograded" / student / ASSIGNMENT).exists()


def test_nothing_a_link_points_at_reaches_any_output(graded) -> None:
    course = graded["course"].root
    secret = graded["private"].read_text()
    key = (course / "autograders" / "keys" / "roadmap.feature_split.json").read_text()
    for folder in ("autograded", "feedback"):
        for path in (course / folder).rglob("*"):
            if path.is_file():
                text = path.read_text(encoding="utf-8", errors="replace")
                assert secret not in text, path
                assert key[:200] not in text, path


@pytest.mark.parametrize("student", ["left_gradebook_link", "left_peer_link",
                                     "left_folder_link", "left_fifo"])
def test_what_the_kernel_leaves_behind_is_never_followed(graded, student) -> None:
    """The kernel's folder is its own tmpfs: links or FIFOs it leaves change nothing outside,
    and its notebook is graded from what it reported, like anyone's."""
    row = graded["rows"][student]
    assert (row["status"], row["score"]) == ("graded", "6"), row
    graded_copy = graded["course"].root / "autograded" / student / ASSIGNMENT
    assert not graded_copy.is_symlink() and (graded_copy / "roadmap.ipynb").is_file()
    assert not (graded_copy / "roadmap.ipynb").is_symlink()


def test_files_outside_the_grader_outputs_are_unchanged(graded) -> None:
    """Sources, keys, other students' submissions: byte for byte what they were; the gradebook
    is still a database every student's grade reached."""
    assert graded["after"] == graded["before"]
    course = graded["course"].root
    assert not (course / "gradebook.db").is_symlink()
    assert sorted(p.name for p in (course / "source" / "a1_vision_mission").iterdir()) == [
        "vision_mission.ipynb"]


def test_the_kernel_has_no_privilege(graded) -> None:
    """No capability, no remount, no .pth in the venv, no root-only or instructor-only file."""
    lines = _probe_lines(graded, "privilege")
    assert "PROBE caps 0000000000000000" in lines, lines
    assert not any(ln.startswith("PROBE remount 0") for ln in lines), lines
    assert any(ln.startswith("PROBE pth refused") for ln in lines), lines
    assert not any(ln.startswith("PROBE read") for ln in lines), lines
    assert len([ln for ln in lines if ln.startswith("PROBE unreadable")]) == 3, lines
    uid = int(next(ln for ln in lines if ln.startswith("PROBE uid")).split()[-1])
    assert uid != 0
    planted = [p for d in python_dirs() for p in Path(d).rglob("zz_planted.pth")]
    assert planted == [] and not list(Path(sys.prefix).rglob("zz_planted.pth"))


def test_a_fork_bomb_stops_at_the_process_limit_and_leaves_nothing(graded) -> None:
    lines = _probe_lines(graded, "fork_bomb")
    stopped = next(ln for ln in lines if ln.startswith("PROBE forks stopped"))
    forks, errno = (int(x) for x in stopped.split()[-2:])
    assert forks < 300 and errno == 11, stopped  # EAGAIN at the RLIMIT_NPROC of its uid
    assert graded["rows"]["fork_bomb"]["status"] == "graded"
    assert graded["lingering"] == []


def test_filling_the_disk_fails_inside_the_sandbox(graded) -> None:
    lines = _probe_lines(graded, "disk_fill")
    for where, limit in (("cwd", 256), ("tmp", 128)):
        line = next(ln for ln in lines if ln.startswith(f"PROBE fill {where}"))
        written, errno = line.split()[-2:]
        assert int(written) <= limit and errno == "28", line  # ENOSPC
    assert graded["rows"]["disk_fill"]["status"] == "graded"


def test_an_oversized_answer_is_refused_before_scoring_with_a_reason(graded) -> None:
    row = graded["rows"]["huge_answer"]
    assert (row["status"], row["score"]) == ("graded", "0"), row
    assert "`split` holds more than 100,000 characters, too long to grade" in row["message"]
