"""Learner-side commands: ``pmcourse lab``, ``pmcourse progress`` and ``pmcourse doctor``."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any


def register(subparsers: Any) -> None:
    """Adds the learner commands to the ``pmcourse`` parser."""
    lab = subparsers.add_parser(
        "lab", help="JupyterLab on your own copy of the course, at lesson 00",
        description="Opens JupyterLab on your working copy of the lessons and practice "
                    "notebooks (kept in $PMCOURSE_HOME/workspace, so course updates never "
                    "clash with your work). --instructor opens the course checkout itself, "
                    "with nbgrader's instructor tools.")
    lab.add_argument("--no-browser", action="store_true", help="start the server only")
    lab.add_argument("--port", type=int, default=None)
    lab.add_argument("--instructor", action="store_true",
                     help="open the course checkout with nbgrader's tools (for course authors)")
    lab.set_defaults(handler=_lab)

    progress = subparsers.add_parser("progress", help="which lessons and exercises are done")
    progress.add_argument("--json", action="store_true", help="print the stored progress as JSON")
    progress.set_defaults(handler=_progress)

    certificate = subparsers.add_parser(
        "certificate", help="your certificate of completion, once the course is complete")
    certificate.add_argument("--name", required=True, help="the name to print on it")
    certificate.add_argument("--output", type=Path, default=None,
                             help="where to write it (default: $PMCOURSE_HOME/certificate.html)")
    certificate.set_defaults(handler=_certificate)

    doctor = subparsers.add_parser("doctor", help="check the installation (and a course directory)")
    doctor.add_argument("course", nargs="?", type=Path, help="an nbgrader course directory to check")
    doctor.set_defaults(handler=_doctor)


def course_home() -> Path:
    """The checkout holding notebooks/ and exercises/ (``$PMCOURSE_PROJECT`` or the source tree)."""
    env = os.environ.get("PMCOURSE_PROJECT")
    if env:
        return Path(env)
    for folder in Path(__file__).resolve().parents:
        if (folder / "notebooks").is_dir() and (folder / "exercises").is_dir():
            return folder
    return Path.cwd()


FIRST_LESSON = "notebooks/00_start_here.ipynb"


def lab_command(root: Path, *, no_browser: bool = False, port: int | None = None) -> list[str]:
    """The ``jupyter lab`` command line that serves ``root`` and opens lesson 00 from the URL it
    prints (``/lab/tree/notebooks/00_start_here.ipynb``)."""
    command = [str(Path(sys.executable).parent / "jupyter"), "lab", f"--ServerApp.root_dir={root}",
               f"--LabApp.default_url=/lab/tree/{FIRST_LESSON}"]
    if no_browser:
        command.append("--no-browser")
    if port:
        command.append(f"--port={port}")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command


def lab_setup(*, instructor: bool = False) -> tuple[Path, dict[str, str], list[str]]:
    """Where the lab serves from, its environment, and what to tell the user first.

    A learner gets their working copy (synced with the course) and no nbgrader interface; an
    instructor gets the course checkout with nbgrader's tools, as before.
    """
    if instructor:
        return course_home(), dict(os.environ), []
    from .workspace import learner_environment, sync_workspace, workspace_dir

    root = workspace_dir()
    lines = sync_workspace(course_home(), root).lines()
    lines.append(f"your course folder: {root}")
    return root, learner_environment(), lines


def _lab(args: argparse.Namespace) -> int:
    root, env, lines = lab_setup(instructor=args.instructor)
    for line in lines:
        print(line)
    command = lab_command(root, no_browser=args.no_browser, port=args.port)
    os.chdir(root)
    print("starting:", " ".join(command), flush=True)
    os.execve(command[0], command, env)
    return 0  # pragma: no cover - execve does not return


def progress_lines() -> list[str]:
    """The learner's progress as readable lines: lessons with quiz scores, practice, capstone."""
    from .completion import course_status, status_lines

    return status_lines(course_status(course_home()))


def _progress(args: argparse.Namespace) -> int:
    if args.json:
        import json

        from .progress import load_progress

        print(json.dumps(load_progress().to_json(), indent=2))
        return 0
    print("\n".join(progress_lines()))
    return 0


def _certificate(args: argparse.Namespace) -> int:
    from .completion import write_certificate

    try:
        path = write_certificate(args.name, output=args.output)
    except ValueError as exc:
        print(f"No certificate yet: {exc}.")
        return 1
    print(f"Your certificate: {path}\nOpen it in a browser to print it or save it as a PDF.")
    return 0


def doctor_checks(course: Path | None = None) -> list[tuple[bool, str, str]]:
    """(ok, what was checked, how to fix it) for the installation and optionally a course."""
    checks: list[tuple[bool, str, str]] = []
    ok = sys.version_info >= (3, 11)
    checks.append((ok, f"Python {sys.version.split()[0]}", "use Python 3.11 or newer"))
    for package, minimum in (("jupyterlab", 4), ("ipywidgets", 8), ("nbgrader", 0), ("pandas", 2)):
        try:
            version = metadata.version(package)
            good = int(version.split(".")[0]) >= minimum
            checks.append((good, f"{package} {version}", f"pip install -U '{package}'"))
        except metadata.PackageNotFoundError:
            checks.append((False, f"{package} missing", "run `make install`"))
    jupyter = Path(sys.executable).parent / "jupyter"
    listing = ""
    if jupyter.exists():
        listing = subprocess.run([str(jupyter), "labextension", "list"], capture_output=True,
                                 text=True, check=False).stderr
        listing += subprocess.run([str(jupyter), "labextension", "list"], capture_output=True,
                                  text=True, check=False).stdout
    for name, label in (("@jupyter-widgets/jupyterlab-manager", "ipywidgets lab extension"),
                        ("@jupyter/nbgrader", "nbgrader lab extension")):
        line = next((ln for ln in listing.splitlines() if name in ln), "")
        enabled = "enabled" in line and "disabled" not in line
        checks.append((enabled, f"{label} {'enabled' if enabled else 'not enabled'}",
                       f"jupyter labextension enable {name}"))
    from .grading.kernel.sandbox import sandbox_problem

    problem = sandbox_problem()
    checks.append((problem is None, "bubblewrap sandbox for grading" + ("" if problem is None
                   else " unavailable"), problem or ""))
    checks.append((shutil.which("chromium") is not None, "Chromium for browser tests (optional)",
                   "sudo apt-get install chromium"))
    if course is not None:
        checks.extend(_course_checks(course))
    return checks


def _course_checks(path: Path) -> list[tuple[bool, str, str]]:
    from .grading.pipeline.doctor import course_checks

    return course_checks(path)


def _doctor(args: argparse.Namespace) -> int:
    failed = 0
    for ok, what, fix in doctor_checks(args.course):
        mark = "✘" if not ok else "ℹ" if what.startswith("note:") else "✔"  # a note passes
        print(f"{mark} {what}" + ("" if ok or not fix else f"\n    fix: {fix}"))
        failed += not ok
    print("all good" if not failed else f"{failed} problem(s) found")
    return 1 if failed else 0
