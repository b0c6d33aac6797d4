"""Grading kernels that see only their own submission: a bubblewrap sandbox with no network.

Stock nbgrader runs student code as the instructor, so a submission can read the source
notebooks, the keys and the gradebook at grade time. Here each kernel runs under ``bwrap`` with
read-only binds of the system, Python and the pmcourse package, a writable bind of its own
submission folder, a private /tmp, no network, its own PID namespace, and dies with its parent.
ZeroMQ talks over IPC sockets in a private runtime folder, because TCP cannot cross
``--unshare-net``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager

SYSTEM_DIRS = ("/usr", "/etc", "/lib", "/lib64", "/bin", "/sbin", "/lib32", "/libx32")


@cache
def bwrap_path() -> str | None:
    """The bwrap binary, if it is installed and can create a sandbox as this user."""
    path = shutil.which("bwrap")
    if path is None:
        return None
    probe = subprocess.run(
        [path, "--ro-bind", "/", "/", "--unshare-all", "--die-with-parent", "true"],
        capture_output=True, check=False,
    )
    return path if probe.returncode == 0 else None


def sandbox_problem() -> str | None:
    """Why sandboxed grading cannot run here, or None when it can."""
    if shutil.which("bwrap") is None:
        return ("bubblewrap is not installed: `sudo apt-get install bubblewrap` (or pass "
                "--sandbox none to grade without isolation, trusting every submission)")
    if bwrap_path() is None:
        return ("bwrap cannot create a sandbox for this user (are unprivileged user namespaces "
                "disabled? see `sysctl kernel.unprivileged_userns_clone`)")
    return None


def python_dirs() -> list[str]:
    """Folders the kernel's Python needs: the interpreter, the venv, and the pmcourse package."""
    import pmcourse

    dirs = {sys.prefix, sys.base_prefix, os.path.realpath(sys.base_prefix),
            os.path.realpath(sys.prefix)}
    package_parent = str(Path(pmcourse.__file__).resolve().parent.parent)
    if not package_parent.startswith(tuple(d for d in dirs if d)):
        # an editable install: bind only the package, never the rest of the checkout
        dirs.add(str(Path(pmcourse.__file__).resolve().parent))
    return sorted(d for d in dirs if d and os.path.isdir(d))


def bwrap_argv(workdir: str, runtime_dir: str, command: list[str], env: dict[str, str], *,
               with_python: bool = True) -> list[str]:
    """The bwrap command line that runs `command` inside `workdir` and nothing else writable.

    With `with_python` the interpreter, the venv and the pmcourse package are bound read-only
    too (a grading kernel needs them; a probe using the system's /usr/bin/python3 does not).
    """
    # The private /tmp comes first: binds made before it would be hidden under it (a venv or a
    # course that lives in /tmp must stay visible).
    argv = [bwrap_path() or "bwrap", "--die-with-parent", "--new-session", "--unshare-all",
            "--clearenv", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for path in SYSTEM_DIRS:
        if os.path.exists(path):
            argv += ["--ro-bind", path, path]
    for path in python_dirs() if with_python else ():
        argv += ["--ro-bind", path, path]
    argv += ["--bind", workdir, workdir, "--bind", runtime_dir, runtime_dir, "--chdir", workdir]
    for name, value in sorted(env.items()):
        argv += ["--setenv", name, value]
    return [*argv, *command]


def kernel_env(workdir: str, extra: dict[str, str] | None = None) -> dict[str, str]:
    """A small, explicit environment for a grading kernel (nothing of the instructor's leaks)."""
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin",
        "HOME": "/tmp",
        "TMPDIR": "/tmp",
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "MPLCONFIGDIR": "/tmp/matplotlib",
        "IPYTHONDIR": "/tmp/ipython",
        "JUPYTER_PLATFORM_DIRS": "1",
        "NBGRADER_EXECUTION": "autograde",
        "PMCOURSE_GRADING_MODE": "capture",
        "PMCOURSE_HOME": "/tmp/pmcourse",
    }
    env.update(extra or {})
    return env


class GradingKernelManager(AsyncKernelManager):
    """Starts each kernel under resource limits, and under bwrap unless the sandbox is off.

    Class attributes are set once per worker process by `configure` (nbclient builds the
    manager itself, so they cannot be passed per instance).
    """

    sandbox: bool = True
    memory_mb: int = 2048

    @classmethod
    def configure(cls, *, sandbox: bool, memory_mb: int) -> None:
        cls.sandbox = sandbox
        cls.memory_mb = memory_mb

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._runtime = tempfile.mkdtemp(prefix="pmcourse-kernel-")
        if self.sandbox:
            self.transport = "ipc"
            self.ip = os.path.join(self._runtime, "kernel")
        self.connection_file = os.path.join(self._runtime, "kernel.json")
        self._workdir = os.getcwd()

    async def _async_start_kernel(self, **kw: Any) -> None:
        self._workdir = str(kw.get("cwd") or os.getcwd())
        await super()._async_start_kernel(**kw)

    start_kernel = _async_start_kernel

    def format_kernel_cmd(self, extra_arguments: list[str] | None = None) -> list[str]:
        command = [sys.executable, "-m", "pmcourse.grading.launch_kernel",
                   "--memory-mb", str(self.memory_mb), "-f", self.connection_file,
                   *(extra_arguments or [])]
        if not self.sandbox:
            return command
        return bwrap_argv(self._workdir, self._runtime, command, kernel_env(self._workdir))

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw: Any) -> None:
        env = dict(kw.get("env") or os.environ)
        if self.sandbox:
            env = {k: v for k, v in env.items() if k in ("PATH", "LANG")}
        else:
            env.update(kernel_env(self._workdir, {"HOME": env.get("HOME", "/tmp")}))
            for name in ("MPLCONFIGDIR", "IPYTHONDIR", "PMCOURSE_HOME", "TMPDIR"):
                env.pop(name, None)
        env.pop("JPY_PARENT_PID", None)
        kw["env"] = env
        kw.setdefault("stdout", subprocess.DEVNULL)  # the kernel's banner is noise in a batch
        kw.setdefault("stderr", subprocess.DEVNULL)
        await super()._async_launch_kernel(kernel_cmd, **kw)

    async def _async_interrupt_kernel(self) -> None:
        """Interrupts by message: a signal to bwrap does not reach the kernel in its session."""
        if not self.sandbox:
            await super()._async_interrupt_kernel()
            return
        self._connect_control_socket()
        self.session.send(self._control_socket, self.session.msg("interrupt_request", content={}))

    interrupt_kernel = _async_interrupt_kernel

    async def _async_cleanup_resources(self, restart: bool = False) -> None:
        await super()._async_cleanup_resources(restart=restart)
        if not restart:
            shutil.rmtree(self._runtime, ignore_errors=True)

    cleanup_resources = _async_cleanup_resources


_PRESTARTED: list[GradingKernelManager] = []


def prestart_kernel(workdir: str) -> GradingKernelManager:
    """Starts a Python grading kernel now, so it boots while nbgrader prepares the notebook.

    `workdir` is the student's ``autograded/<student>`` folder: nbgrader deletes and recreates
    the assignment folder inside it, which a bind of the parent keeps visible; the executor
    changes into the assignment folder before the first cell (see `SandboxedExecute`).
    """
    from jupyter_core.utils import run_sync

    km = GradingKernelManager(kernel_name="python3")
    run_sync(km.start_kernel)(cwd=workdir, extra_arguments=["--HistoryManager.hist_file=:memory:"])
    _PRESTARTED.append(km)
    return km


def take_prestarted() -> GradingKernelManager | None:
    """The kernel started ahead for the current submission, if any (each is used once)."""
    return _PRESTARTED.pop() if _PRESTARTED else None


def discard_prestarted() -> None:
    """Shuts down a prestarted kernel nobody used (the submission failed before executing)."""
    from jupyter_core.utils import run_sync

    while _PRESTARTED:
        km = _PRESTARTED.pop()
        with contextlib.suppress(Exception):
            run_sync(km.shutdown_kernel)(now=True)
