"""Starts an IPython kernel under resource limits: ``python -m pmcourse.grading.kernel.launch_kernel``.

Used for every grading kernel. ``--memory-mb`` caps the address space, so a memory bomb ends in
a MemoryError or a dead kernel instead of taking the machine down; the rest of the arguments go
to ipykernel unchanged, or, after ``--exec``, are the command line of the kernel a notebook's
kernelspec names (a bash kernel, a Python kernel with its own environment).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import sys

PROCESS_NAME = b"pmcourse-kernel"
"""The launcher's process name: a grading run knows an orphaned kernel by it once it has exited
(see `pmcourse.grading.pipeline.orphans`)."""
_PR_SET_NAME = 15


def main(argv: list[str]) -> None:
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_NAME, PROCESS_NAME, 0, 0, 0)
    memory_mb = 0
    if argv[:1] == ["--memory-mb"]:
        memory_mb, argv = int(argv[1]), argv[2:]
    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    if argv[:1] == ["--exec"]:  # another kernel (the notebook's kernelspec), same limits
        os.execvp(argv[1], argv[1:])
    sys.argv = [sys.argv[0], *argv]
    from ipykernel import kernelapp

    kernelapp.launch_new_instance()


if __name__ == "__main__":
    main(sys.argv[1:])
