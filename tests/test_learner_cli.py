"""`pmcourse lab`, `progress` and `doctor`: what a learner or an instructor sees."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from pmcourse.cli import main
from pmcourse.exercises import practice
from pmcourse.learner_cli import lab_command
from pmcourse.progress import progress_path, record_lesson

from .conftest import PROJECT


def test_progress_lists_lessons_and_exercises(capsys: pytest.CaptureFixture[str]) -> None:
    """After opening a lesson and trying an exercise, `pmcourse progress` shows both."""
    record_lesson("02_product_vision")
    practice("feature_split").check("not a table")
    assert main(["progress"]) == 0
    out = capsys.readouterr().out
    assert "[x] 02_product_vision" in out and "[ ] 03_vision_vs_mission" in out
    assert "practice.feature_split: 1 attempt(s)" in out


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


def test_lab_command_opens_the_first_lesson() -> None:
    """`pmcourse lab` starts JupyterLab on the course, at 00_start_here."""
    command = lab_command(no_browser=True, port=8899)
    assert command[1:3] == ["lab", "notebooks/00_start_here.ipynb"]
    assert f"--ServerApp.root_dir={PROJECT}" in command and "--no-browser" in command


@pytest.mark.slow
def test_lab_serves_the_course(tmp_path: Path) -> None:
    """A real `pmcourse lab --no-browser` serves 00_start_here.ipynb over HTTP, then stops."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path), "JUPYTER_TOKEN": "pmcourse-test"}
    process = subprocess.Popen(
        [str(Path(sys.executable).parent / "pmcourse"), "lab", "--no-browser", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    url = (f"http://127.0.0.1:{port}/api/contents/notebooks/00_start_here.ipynb"
           "?content=0&token=pmcourse-test")
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    info = json.loads(response.read())
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.5)
        assert info["name"] == "00_start_here.ipynb" and info["type"] == "notebook"
    finally:
        os.killpg(process.pid, 15)
        process.wait(timeout=30)
