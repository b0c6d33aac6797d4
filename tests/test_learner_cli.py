"""`pmcourse lab`, `progress` and `doctor`: what a learner or an instructor sees."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from pmcourse.cli import main
from pmcourse.exercises import practice
from pmcourse.learner_cli import lab_command, lab_setup
from pmcourse.progress import progress_path, record_lesson

from .conftest import PROJECT


def test_progress_lists_lessons_and_exercises(capsys: pytest.CaptureFixture[str]) -> None:
    """After opening a lesson and trying an exercise, `pmcourse progress` shows both."""
    record_lesson("02_product_vision")
    items = practice("feature_split").data()
    practice("feature_split").check(items.assign(kind="task", outcome_id=None))
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "[x] Product vision" in out and "[ ] Vision vs mission" in out
    assert "Split Larder's wish list into roadmap outcomes and backlog tasks  (1 attempt(s)" in out


def test_corrupt_progress_is_kept_aside_and_reported(capsys: pytest.CaptureFixture[str]) -> None:
    """A damaged progress file is renamed, reported, and a new one started."""
    path = progress_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ half written")
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "could not be read" in out
    assert list(path.parent.glob("progress.json.corrupt-*"))


def test_progress_json_is_the_stored_file(capsys: pytest.CaptureFixture[str]) -> None:
    """`pmcourse progress --json` prints the stored data for tools to read."""
    record_lesson("01_leverage")
    assert main(["progress", "--json"]) == 0
    assert "01_leverage" in json.loads(capsys.readouterr().out)["lessons"]


def test_doctor_reports_a_missing_course_with_a_fix(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Pointing doctor at a folder that is not a course says how to create one."""
    assert main(["doctor", str(tmp_path / "nowhere")]) == 1
    out = capsys.readouterr().out
    assert "✘ course directory" in out and "pmcourse cohort init" in out


def test_lab_command_opens_the_first_lesson(tmp_path: Path) -> None:
    """The URL the lab prints opens lesson 00, whatever workspace was open last."""
    command = lab_command(tmp_path, no_browser=True, port=8899)
    assert command[1] == "lab" and f"--ServerApp.root_dir={tmp_path}" in command
    assert "--LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb" in command
    assert "--no-browser" in command and "--port=8899" in command


def test_the_instructor_lab_keeps_the_checkout_and_nbgrader(monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    """`pmcourse lab --instructor` serves the course itself with the environment untouched."""
    monkeypatch.setenv("JUPYTER_CONFIG_PATH", "/etc/instructor")
    root, env, lines = lab_setup(instructor=True)
    assert root == PROJECT and env["JUPYTER_CONFIG_PATH"] == "/etc/instructor" and not lines


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""


@pytest.mark.slow
def test_lab_serves_the_learner_s_own_copy_without_nbgrader(tmp_path: Path,
                                                             private_home: Path) -> None:
    """A real `pmcourse lab`: it serves the workspace, opens lesson 00, shows no nbgrader tools,
    and a save (what autosave does) changes the learner's copy, never the tracked notebook."""
    port, token = _free_port(), "pmcourse-test"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path), "JUPYTER_TOKEN": token}
    log = tmp_path / "lab.log"
    tracked = PROJECT / "notebooks" / "00_start_here.ipynb"
    before = tracked.read_bytes()
    with log.open("w") as out:
        process = subprocess.Popen(
            [str(Path(sys.executable).parent / "pmcourse"), "lab", "--no-browser", "--port",
             str(port)], env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    lesson = f"{base}/api/contents/notebooks/00_start_here.ipynb?token={token}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(lesson, timeout=5) as response:
                    model = json.loads(response.read())
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise AssertionError(log.read_text()) from None
                time.sleep(0.5)
        status, root_listing = _get(f"{base}/api/contents?token={token}")
        names = {item["name"] for item in json.loads(root_listing)["content"]}
        assert {"notebooks", "exercises"} <= names and "src" not in names
        assert _get(f"{base}/formgrader?token={token}")[0] == 404
        status, page = _get(f"{base}/lab/tree/notebooks/00_start_here.ipynb?token={token}")
        assert status == 200 and b'"@jupyter/nbgrader"' in page.split(b"disabledExtensions")[1][:200]
        model["content"]["cells"].append({"cell_type": "markdown", "metadata": {},
                                          "source": "my notes"})
        request = urllib.request.Request(lesson, method="PUT", data=json.dumps(
            {"type": "notebook", "format": "json", "content": model["content"]}).encode())
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
        mine = private_home / "workspace" / "notebooks" / "00_start_here.ipynb"
        assert "my notes" in mine.read_text()
        assert tracked.read_bytes() == before
        text = log.read_text()
        assert "/lab/tree/notebooks/00_start_here.ipynb?token=" in text
        assert "nbgrader" not in text.lower()
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=30)
