"""The grading sandbox works for an ordinary instructor account too, not only for root.

Each test makes a real Linux user (see tests/system_users.py) and runs a copy of the kit that
user can read (the development venv may live in root's private home), so nothing is skipped.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from pmcourse.grading.pipeline.course import Course
from pmcourse.grading.pipeline.export import read_grades

from ...system_users import needs_root, readable_kit, run_as, temporary_user
from ..conftest import ASSIGNMENT, answer_notebook, submit

pytestmark = [pytest.mark.slow, needs_root]

PROBE = r'''
import json, os, socket, subprocess, sys, tempfile
from pmcourse.grading.kernel.sandbox import bwrap_argv, kernel_env
home = os.path.expanduser("~")
inputs = os.path.join(home, "submission")
workdir = os.path.join(home, "course", "autograded", "ada")
os.makedirs(workdir)
inner = """
import json, os, socket
facts = {"files": sorted(os.listdir("a1")), "uid": os.getuid(),
         "caps": open("/proc/self/status").read().split("CapEff:")[1].split()[0],
         "sees_home_secret": os.path.exists(%r), "home": sorted(os.listdir(%r))}
open("a1/new.txt", "w").write("mine")
try:
    socket.create_connection(("127.0.0.1", 22), timeout=1); facts["network"] = True
except OSError:
    facts["network"] = False
print(json.dumps(facts))
""" % (os.path.join(home, "secret.txt"), home)
argv = bwrap_argv(workdir, tempfile.mkdtemp(), [sys.executable, "-c", inner],
                  kernel_env(workdir), inputs=inputs, inputs_to="a1")
result = subprocess.run(argv, capture_output=True, text=True)
print(result.stdout or result.stderr)
print("LEFT ON HOST:", sorted(os.listdir(workdir)))
'''


@pytest.fixture
def instructor():
    with temporary_user("pminstr") as user:
        yield user


def test_an_instructors_sandbox_sees_only_its_copy(instructor) -> None:
    """As an ordinary user: the kernel is uid 65534 with no capability, works in a copy of the
    submission, sees none of the instructor's files and no network, and leaves nothing behind."""
    kit = readable_kit()
    user = instructor
    (user.home / "submission").mkdir()
    (user.home / "submission" / "a1.ipynb").write_text("{}")
    (user.home / "secret.txt").write_text("instructor secret")
    subprocess.run(["chown", "-R", f"{user.uid}:{user.gid}", str(user.home)], check=True)
    result = run_as(user, [str(kit), "-c", PROBE], timeout=120)
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout.splitlines()[0])
    assert facts == {"files": ["a1.ipynb"], "uid": 65534, "caps": "0000000000000000",
                     "sees_home_secret": False, "home": ["course"], "network": False}
    assert "LEFT ON HOST: []" in result.stdout
    assert sorted(p.name for p in (user.home / "submission").iterdir()) == ["a1.ipynb"]


def test_an_instructor_grades_end_to_end(instructor, course_template: Path,
                                         reference_code: str) -> None:
    """`pmcourse grade` as an ordinary user grades, and its kernel cannot read the
    instructor's private files."""
    kit = readable_kit()
    user = instructor
    course = Course(user.home / "course")
    shutil.copytree(course_template, course.root)
    secret = user.home / "instructor-notes.txt"
    secret.write_text("instructor secret")
    secret.chmod(0o600)
    probe = (f"\ntry:\n    leaked = open({str(secret)!r}).read()\n"
             "except OSError as exc:\n    leaked = type(exc).__name__\nprint('LEAK CHECK:', leaked)")
    submit(course, "ada", answer_notebook(course, reference_code + probe))
    subprocess.run(["chown", "-R", f"{user.uid}:{user.gid}", str(user.home)], check=True)
    result = run_as(user, [str(kit.parent / "pmcourse"), "grade", str(course.root),
                           "--assignment", ASSIGNMENT, "--workers", "1"], timeout=900)
    assert result.returncode == 0, result.stderr[-2000:]
    row = read_grades(course.root / "grades.csv")[0]
    assert (row["status"], row["score"]) == ("graded", "6"), row["message"]
    graded = (course.root / "autograded" / "ada" / ASSIGNMENT / "roadmap.ipynb").read_text()
    assert "LEAK CHECK: FileNotFoundError" in graded and "instructor secret" not in graded
