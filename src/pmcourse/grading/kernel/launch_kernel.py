"""Starts an IPython kernel under resource limits: ``python -m pmcourse.grading.kernel.launch_kernel``.

Used for every grading kernel. ``--memory-mb`` caps the address space, so a memory bomb ends in
a MemoryError or a dead kernel instead of taking the machine down; the rest of the arguments go
to ipykernel unchanged, or, after ``--exec``, are the command line of the kernel a notebook's
kernelspec names (a bash kernel, a Python kernel with its own environment).
"""

from __future__ import annotations

import os
import resource
import sys


def main(argv: list[str]) -> None:
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
