"""A grading run adopts the kernels its dead workers leave behind, kills and reaps them, and
nothing else.

A fake worker (a shell) starts a real, unsandboxed grading kernel and an unrelated process in
the background and exits, as a killed worker would: both are orphaned.
"""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pmcourse.grading.pipeline.orphans import PR_GET_CHILD_SUBREAPER, adopting_orphans

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


def _stat(pid: int) -> tuple[str, str, int] | None:
    """(name, state, parent) of a process, or None once it no longer exists (reaped)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    state, ppid = stat[stat.rindex(")") + 2:].split()[:2]
    return stat[stat.index("(") + 1:stat.rindex(")")], state, int(ppid)


def _wait_for(check, seconds: float = 20.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.05)
    return False


def _orphan_a_kernel_and_a_bystander(tmp_path: Path) -> tuple[int, int]:
    """A dead 'worker' leaves a grading kernel and an unrelated `sleep`: their pids."""
    script = (f'{sys.executable} -m pmcourse.grading.kernel.launch_kernel -f '
              f'{tmp_path / "kernel.json"} >/dev/null 2>&1 & echo $!; '
              'sleep 120 >/dev/null 2>&1 & echo $!')
    out = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=True)
    kernel, bystander = (int(line) for line in out.stdout.split())
    return kernel, bystander


def _subreaper() -> int:
    flag = ctypes.c_int(0)
    ctypes.CDLL(None, use_errno=True).prctl(PR_GET_CHILD_SUBREAPER, ctypes.byref(flag), 0, 0, 0)
    return flag.value


def test_an_orphaned_kernel_is_adopted_then_killed_and_reaped_and_nothing_else(
        tmp_path: Path) -> None:
    own_child = subprocess.Popen(["sleep", "120"])
    bystander = 0
    try:
        with adopting_orphans():
            assert _subreaper() == 1
            kernel, bystander = _orphan_a_kernel_and_a_bystander(tmp_path)
            assert _wait_for(lambda: (_stat(kernel) or ("", "", 0))[0] == "pmcourse-kernel")
            assert _stat(kernel)[2] == os.getpid()  # adopted: not init's
        assert _stat(kernel) is None  # killed and reaped: not even a zombie is left
        assert _stat(bystander)[1] != "Z" and _stat(bystander)[2] == os.getpid()
        assert own_child.poll() is None  # a child of our own is none of its business
        assert _subreaper() == 0  # the setting it found is restored
    finally:
        own_child.kill()
        own_child.wait()
        if bystander and _stat(bystander):
            os.kill(bystander, signal.SIGKILL)
            os.waitpid(bystander, 0)


def test_an_adopted_kernel_that_already_died_is_reaped(tmp_path: Path) -> None:
    """As one killed by its --die-with-parent is: no zombie piles up in a long-lived process."""
    bystander = 0
    try:
        with adopting_orphans():
            kernel, bystander = _orphan_a_kernel_and_a_bystander(tmp_path)
            assert _wait_for(lambda: (_stat(kernel) or ("", "", 0))[0] == "pmcourse-kernel")
            os.kill(kernel, signal.SIGKILL)
            assert _wait_for(lambda: _stat(kernel)[1] == "Z")
        assert _stat(kernel) is None
    finally:
        if bystander and _stat(bystander):
            os.kill(bystander, signal.SIGKILL)
            os.waitpid(bystander, 0)
