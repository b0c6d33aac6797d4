"""The grading sandbox works for an ordinary user too, not only for root (CI runs as root).

The test switches to the unprivileged `nobody` account with `runuser`. Where this machine's
Python is readable by `nobody`, it grades a small course end to end as `nobody`; where it is
not (the Python here lives in root's private home), it runs the same bubblewrap sandbox as
`nobody` around the system's /usr/bin/python3 and checks what a kernel would see.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from pmcourse.grading.course import Course
from pmcourse.grading.export import read_grades
from pmcourse.grading.sandbox import bwrap_argv

from .conftest import ASSIGNMENT, answer_notebook, submit

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(os.geteuid() != 0, reason="already running unprivileged")]
RUNUSER = shutil.which("runuser") or "/usr/sbin/runuser"
VENV_PYTHON = Path(sys.executable)


def as_nobody(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([RUNUSER, "-u", "nobody", "--", *command], capture_output=True,
                          text=True, check=False, **kwargs)


@pytest.fixture
def workspace():
    work = Path(tempfile.mkdtemp(prefix="pmcourse-nobody-"))
    work.chmod(0o755)
    secret = work / "instructor-notes.txt"  # readable by anyone, outside the sandbox
    secret.write_text("instructor secret")
    secret.chmod(0o644)
    yield work, secret
    shutil.rmtree(work, ignore_errors=True)


def test_sandbox_as_nobody_sees_only_its_folder(workspace) -> None:
    """As `nobody`, a sandboxed process writes its own folder, and sees no other file or network."""
    work, secret = workspace
    folder = work / "submission"
    folder.mkdir()
    subprocess.run(["chown", "nobody:nogroup", str(folder)], check=True)
    probe = (
        "import os, socket\n"
        "open('answer.txt', 'w').write('mine')\n"
        f"print('sees secret:', os.path.exists({str(secret)!r}))\n"
        "try:\n    socket.create_connection(('127.0.0.1', 22), timeout=1); print('network: yes')\n"
        "except OSError:\n    print('network: no')\n"
        "print('tmp:', os.listdir('/tmp'))\n"
    )
    argv = bwrap_argv(str(folder), str(folder), ["/usr/bin/python3", "-c", probe],
                      {"PATH": "/usr/bin:/bin"}, with_python=False)
    result = as_nobody(argv, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "sees secret: False" in result.stdout and "network: no" in result.stdout
    assert (folder / "answer.txt").read_text() == "mine"


def test_nobody_grades_end_to_end_where_python_allows(workspace, course_template: Path,
                                                      reference_code: str) -> None:
    """Where `nobody` may run this Python, `pmcourse grade` as `nobody` grades and isolates."""
    if as_nobody(["test", "-x", str(VENV_PYTHON.resolve())]).returncode != 0:
        pytest.skip(f"{VENV_PYTHON.resolve()} is not executable by nobody on this machine")
    work, secret = workspace
    course = Course(work / "course")
    shutil.copytree(course_template, course.root)
    probe = (f"\ntry:\n    leaked = open({str(secret)!r}).read()\n"
             "except OSError as exc:\n    leaked = str(exc)\nprint('LEAK CHECK:', leaked)")
    submit(course, "ada", answer_notebook(course, reference_code + probe))
    (work / "home").mkdir()
    subprocess.run(["chown", "-R", "nobody:nogroup", str(course.root), str(work / "home")],
                   check=True)
    env = {"PATH": f"{VENV_PYTHON.parent}:/usr/bin:/bin", "HOME": str(work / "home"),
           "LANG": "C.UTF-8"}
    result = as_nobody([str(VENV_PYTHON.parent / "pmcourse"), "grade", str(course.root),
                        "--assignment", ASSIGNMENT, "--workers", "1"], env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    row = read_grades(course.root / "grades.csv")[0]
    assert (row["status"], row["score"]) == ("graded", "6"), row["message"]
    graded = (course.root / "autograded" / "ada" / ASSIGNMENT / "roadmap.ipynb").read_text()
    assert "LEAK CHECK:" in graded and "instructor secret" not in graded
