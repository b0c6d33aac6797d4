"""Grading kernels that see only a copy of their own submission: a bubblewrap sandbox.

Stock nbgrader runs student code as the instructor, so a submission can read the source
notebooks, the keys and the gradebook at grade time. Here each kernel runs under ``bwrap`` with
read-only binds of the system, Python and the pmcourse package; no network; its own PID
namespace; dying with its parent. Its working folder is a size-limited tmpfs holding a copy of
the ingested submission (see `ingest`), so nothing the kernel leaves there is ever read back or
written through by the grader. The kernel never runs with privilege: under an instructor's
account it is uid 65534 in a user namespace; under root it switches to a real unprivileged uid of
its own, every capability dropped. A process-count and a file-size limit bound fork bombs and
disk fills. ZeroMQ talks over IPC sockets in a private runtime folder, because TCP cannot cross
``--unshare-net``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from jupyter_client.manager import AsyncKernelManager

from ..context import KernelInputs, active_submission

SYSTEM_DIRS = ("/usr", "/etc", "/lib", "/lib64", "/bin", "/sbin", "/lib32", "/libx32")
SANDBOX_ID = 65534
"""The uid and gid a kernel has inside its user namespace when the grader is not root."""
ROOT_KERNEL_UID_BASE = 2_000_000_000
"""Under root, a kernel runs as this plus its grading worker's pid: a real uid owning nothing,
one per worker, so one fork bomb cannot use up another kernel's process count."""
INPUTS = "/run/pmcourse/submission"
"""Where the ingested copy of the submission is bound, read-only, inside the sandbox."""
_MB = 1024 * 1024


@dataclass(frozen=True)
class SandboxLimits:
    """Limits of one sandboxed kernel (the defaults live here and nowhere else)."""

    workdir_mb: int = 256
    """Size of the kernel's working folder (a tmpfs): writing more fails with ENOSPC."""
    tmp_mb: int = 128
    """Size of its private /tmp."""
    processes: int = 256
    """RLIMIT_NPROC: processes and threads of the kernel's uid (a fork bomb stops here)."""
    file_mb: int = 64
    """RLIMIT_FSIZE: the largest file the kernel may write."""


DEFAULT_LIMITS = SandboxLimits()


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
    for tool in ("prlimit", "setpriv"):
        if shutil.which(tool, path="/usr/bin:/bin") is None:
            return f"{tool} is missing: `sudo apt-get install util-linux`"
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


def kernel_uid() -> int | None:
    """The real uid a kernel switches to when the grader runs as root, else None."""
    return ROOT_KERNEL_UID_BASE + os.getpid() if os.geteuid() == 0 else None


def bwrap_argv(workdir: str, runtime_dir: str, command: list[str], env: dict[str, str], *,
               with_python: bool = True, inputs: str | None = None, inputs_to: str = "",
               limits: SandboxLimits = DEFAULT_LIMITS) -> list[str]:
    """The bwrap command line that runs `command` in a fresh tmpfs at `workdir`, unprivileged.

    `inputs` (a folder the grader made, e.g. the ingested submission) is copied into
    ``workdir/inputs_to`` before `command` starts. `runtime_dir` is the only host folder the
    sandbox can write. With `with_python` the interpreter, the venv and the pmcourse package are
    bound read-only too (a grading kernel needs them; a probe using /usr/bin/python3 does not).
    """
    uid = kernel_uid()
    argv = [bwrap_path() or "bwrap", "--die-with-parent", "--new-session", "--clearenv"]
    if uid is None:
        argv += ["--unshare-all", "--unshare-user", "--uid", str(SANDBOX_ID),
                 "--gid", str(SANDBOX_ID), "--cap-drop", "ALL"]
        if _bwrap_supports("--disable-userns"):  # bubblewrap 0.8 and later
            argv.append("--disable-userns")
    else:  # root: no user namespace (it would map to root); setpriv drops to `uid` below
        argv += ["--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts",
                 "--unshare-cgroup-try", "--cap-drop", "ALL", "--cap-add", "CAP_SETUID",
                 "--cap-add", "CAP_SETGID", "--cap-add", "CAP_SETPCAP"]
    # The private /tmp comes first: binds made before it would be hidden under it (a venv or a
    # course that lives in /tmp must stay visible).
    argv += ["--proc", "/proc", "--dev", "/dev", "--perms", "1777",
             "--size", str(limits.tmp_mb * _MB), "--tmpfs", "/tmp"]
    binds = [p for p in SYSTEM_DIRS if os.path.exists(p)]
    binds += python_dirs() if with_python else []
    mounts = [*binds, runtime_dir, workdir, *([INPUTS] if inputs else [])]
    for parent in _parents(mounts):  # bwrap copies a parent's mode: /root would stay 0700
        argv += ["--perms", "0755", "--dir", parent]
    for path in binds:
        argv += ["--ro-bind", path, path]
    argv += ["--bind", runtime_dir, runtime_dir]
    if inputs:
        argv += ["--ro-bind", inputs, INPUTS]
    argv += ["--perms", "1777", "--size", str(limits.workdir_mb * _MB), "--tmpfs", workdir,
             "--chdir", workdir]
    for name, value in sorted(env.items()):
        argv += ["--setenv", name, value]
    argv += ["/usr/bin/prlimit", f"--nproc={limits.processes}",
             f"--fsize={limits.file_mb * _MB}", "--core=0", "--"]
    if uid is not None:
        argv += ["/usr/bin/setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                 "--inh-caps=-all", "--bounding-set=-all", "--no-new-privs", "--"]
    if inputs:
        target = os.path.join(workdir, inputs_to) if inputs_to else workdir
        argv += ["/bin/sh", "-c", f'mkdir -p "$1" && cp -R {INPUTS}/. "$1" && shift && exec "$@"',
                 "copy-in", target]
    return [*argv, *command]


@cache
def _bwrap_supports(option: str) -> bool:
    help_text = subprocess.run([bwrap_path() or "bwrap", "--help"], capture_output=True,
                               text=True, check=False)
    return option in help_text.stdout + help_text.stderr


def _parents(paths: list[str]) -> list[str]:
    """Folders above `paths` that bwrap creates itself, outermost first."""
    parents: set[str] = set()
    for path in paths:
        parent = os.path.dirname(path)
        while parent not in ("/", "", "/tmp") and parent not in paths:
            parents.add(parent)
            parent = os.path.dirname(parent)
    return sorted(p for p in parents if not any(p.startswith(b + "/") for b in paths))


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

    nbclient builds the manager itself, so it cannot be handed the submission: it takes the
    sandbox, memory limit and submission files from the active submission when it is made
    (see `pmcourse.grading.context`).
    """

    def __init__(self, **kwargs: Any) -> None:
        submission = active_submission()
        super().__init__(**kwargs)
        self.sandbox: bool = submission.settings.sandbox
        self.memory_mb: int = submission.settings.memory_mb
        self.inputs: KernelInputs | None = submission.kernel_inputs
        """The submission's files and where the kernel sees them (None: no files)."""
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
        launcher = [sys.executable, "-m", "pmcourse.grading.kernel.launch_kernel",
                    "--memory-mb", str(self.memory_mb)]
        spec_env: dict[str, str] = {}
        if self.kernel_name in ("", "python3"):
            command = [*launcher, "-f", self.connection_file, *(extra_arguments or [])]
        else:  # the kernel the notebook names (argv and env of its spec), under the same limits
            spec = self.kernel_spec  # NoSuchKernel when it is not installed here
            command = [*launcher, "--exec", *super().format_kernel_cmd(extra_arguments)]
            spec_env = {str(k): str(v) for k, v in (spec.env or {}).items()}
        if not self.sandbox:
            return command
        if self.inputs is None:
            return bwrap_argv(self._workdir, self._runtime, command,
                              kernel_env(self._workdir, spec_env))
        workdir = self.inputs.mount
        return bwrap_argv(workdir, self._runtime, command, kernel_env(workdir, spec_env),
                          inputs=self.inputs.copy, inputs_to=self.inputs.inputs_to)

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
        uid = kernel_uid() if self.sandbox else None
        if uid is not None:  # the kernel's own uid must create its sockets here
            for path in (self._runtime, self.connection_file):
                with contextlib.suppress(FileNotFoundError):
                    os.chown(path, uid, uid, follow_symlinks=False)
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


def prestart_kernel() -> GradingKernelManager:
    """Starts a Python grading kernel for the active submission now, so it boots while nbgrader
    prepares the notebook; the executor takes it with `take_prestarted`.

    It starts in the submission's mount, the student's ``autograded/<student>`` folder (in the
    sandbox, a tmpfs at that path holding a copy of the submission); the executor changes into
    the assignment folder inside it before the first cell (see `SandboxedExecute`).
    """
    from jupyter_core.utils import run_sync

    submission = active_submission()
    if submission.kernel_inputs is None:
        msg = ("cannot start a kernel before the submission is ingested: set "
               "SubmissionContext.kernel_inputs first")
        raise RuntimeError(msg)
    discard_prestarted()  # at most one kernel waits per submission
    km = GradingKernelManager(kernel_name="python3")
    submission.prestarted = km
    run_sync(km.start_kernel)(cwd=submission.kernel_inputs.mount,
                              extra_arguments=["--HistoryManager.hist_file=:memory:"])
    return km


def take_prestarted() -> GradingKernelManager | None:
    """The kernel started ahead for the active submission, if any (it is handed out once)."""
    submission = active_submission()
    km, submission.prestarted = submission.prestarted, None
    return km


def discard_prestarted() -> None:
    """Shuts down the active submission's prestarted kernel if nobody used it (the submission
    failed before executing)."""
    from jupyter_core.utils import run_sync

    km = take_prestarted()
    if km is not None:
        with contextlib.suppress(Exception):
            run_sync(km.shutdown_kernel)(now=True)
