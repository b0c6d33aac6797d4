"""Kernels left behind by a killed grading worker are adopted by the grading run, then killed.

A worker killed at the wrong moment (SIGKILL, the OOM killer) can orphan its kernel sandbox:
bwrap arms ``--die-with-parent`` only after it has parsed its arguments and cloned its sandboxed
child, and that child arms it later still, after mounting the sandbox. An orphan from either
window used to be adopted by init and hold an idle kernel forever. While `adopting_orphans` is
active the grading process is a child subreaper (Linux's PR_SET_CHILD_SUBREAPER), so such
orphans become its own children, whatever killed the worker and whenever; `reap_orphaned_kernels`
then kills and reaps exactly those that are grading kernels (never the forkserver, the resource
tracker or any other child), so no zombie is left in a long-lived process either.
Elsewhere than Linux nothing is done.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

PR_SET_CHILD_SUBREAPER = 36
PR_GET_CHILD_SUBREAPER = 37
LAUNCHER = b"pmcourse.grading.kernel.launch_kernel"
"""A grading kernel's command line runs this module: bwrap's arguments name it, and so does the
unsandboxed launcher's."""
DEAD_KERNEL_NAMES = ("bwrap", "pmcourse-kernel")
"""Process names of an exited sandbox and of an exited launcher (see `launch_kernel`): a zombie
has no command line left, only its name."""
REAP_SECONDS = 10.0
"""How long a killed kernel may take to exit before it is left for the next sweep."""

_lock = threading.Lock()
_users = 0
_previous = 0


@contextlib.contextmanager
def adopting_orphans() -> Iterator[None]:
    """Makes this process a child subreaper while the block runs, then kills and reaps every
    grading kernel it adopted and restores its previous subreaper setting.

    Nested or concurrent uses (two runs in one notebook server) share the setting: the last
    one to leave restores it.
    """
    if not sys.platform.startswith("linux"):
        yield
        return
    _enter()
    try:
        yield
    finally:
        try:
            reap_orphaned_kernels()
        finally:
            _leave()


def reap_orphaned_kernels() -> list[int]:
    """Kills (SIGKILL) and reaps this process's children that are grading kernels; returns
    their pids.

    Kernels are only ever started by pool workers, so a kernel that is this process's own child
    was adopted from a dead worker. Killing a sandbox can orphan its sandboxed child in turn
    (adopted here too), so this repeats until a sweep finds none.
    """
    if not sys.platform.startswith("linux"):
        return []
    reaped: list[int] = []
    for _ in range(10):  # a sandbox is two processes deep: a few sweeps always suffice
        found = [pid for pid in orphaned_kernels() if pid not in reaped]
        if not found:
            break
        for pid in found:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        exited = _reap(found)
        if not exited:  # stuck in the kernel: the next sweep (next pool) tries again
            break
        reaped += exited
    return reaped


def orphaned_kernels() -> list[int]:
    """This process's children that are grading kernels: alive with a command line that runs
    the kernel launcher, or exited (zombies) under a sandbox's or launcher's name."""
    me = os.getpid()
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            state, ppid = stat[stat.rindex(")") + 2:].split()[:2]
            if int(ppid) != me:
                continue
            if state in ("Z", "X"):
                kernel = name in DEAD_KERNEL_NAMES
            else:
                kernel = LAUNCHER in (proc / "cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError):
            continue  # gone meanwhile
        if kernel:
            found.append(int(proc.name))
    return found


def _reap(pids: list[int]) -> list[int]:
    """Waits for `pids` to exit (a bounded wait: one stuck in the kernel is left for later)."""
    waiting, reaped = set(pids), []
    deadline = time.monotonic() + REAP_SECONDS
    while waiting and time.monotonic() < deadline:
        for pid in sorted(waiting):
            try:
                done, _ = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:  # reaped by someone else, or never ours
                done = pid
            if done:
                waiting.discard(pid)
                reaped.append(pid)
        if waiting:
            time.sleep(0.01)
    return reaped


@cache
def _prctl() -> Callable[..., int]:
    return ctypes.CDLL(None, use_errno=True).prctl


def _enter() -> None:
    global _users, _previous
    with _lock:
        if _users == 0:
            flag = ctypes.c_int(0)
            try:
                if _prctl()(PR_GET_CHILD_SUBREAPER, ctypes.byref(flag), 0, 0, 0) != 0:
                    return  # no such prctl (Linux before 3.4): orphans go to init, as before
                _previous = flag.value
                _prctl()(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
            except (OSError, AttributeError):
                return
        _users += 1


def _leave() -> None:
    global _users
    with _lock:
        if _users == 0:
            return
        _users -= 1
        if _users == 0:
            with contextlib.suppress(OSError, AttributeError):
                _prctl()(PR_SET_CHILD_SUBREAPER, _previous, 0, 0, 0)
