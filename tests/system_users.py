"""Real Linux users for tests, and a copy of the kit they can run.

Tests that must behave as an ordinary instructor or student (not root) use these fixtures:

- ``make_user`` (fixture): ``make_user(name) -> User(name, uid, gid, home)`` creates a real
  account with `useradd` (its name gets a random suffix) and removes it, with its home and its
  processes, when the test ends, even on failure. ``with temporary_user(name) as user:`` does
  the same for a block (e.g. inside a module-scoped fixture).
- ``readable_kit()`` -> the path of a Python any user can run, with pmcourse and every dependency
  installed: a venv in /opt/pmcourse-test (the development venv may live in root's private home).
  It is built once and reused while the installed packages are unchanged (a stamp records
  them); pmcourse's own source is copied once per version of its files.
- ``run_as(user, argv, **kw)`` runs a command as that user, with a small clean environment;
  returns the CompletedProcess (text, output captured, no check).

Every fixture here needs root; a test using them is skipped otherwise.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
KIT_ROOT = Path("/opt/pmcourse-test")
"""Where the readable copy of the kit lives (venv/, src/, stamp)."""

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="creating Linux users needs root")


@dataclass(frozen=True)
class User:
    """A real Linux account made for one test."""

    name: str
    uid: int
    gid: int
    home: Path


def create_user(name: str) -> User:
    """Creates the account `name` (home in /home, own group, no password)."""
    subprocess.run(["useradd", "--create-home", "--user-group", "--shell", "/bin/sh", name],
                   check=True, capture_output=True)
    entry = pwd.getpwnam(name)
    return User(name, entry.pw_uid, entry.pw_gid, Path(entry.pw_dir))


def remove_user(user: User) -> None:
    """Kills what the account still runs (processes this test started), then removes it."""
    for _ in range(20):
        pids = [int(p.name) for p in Path("/proc").iterdir()
                if p.name.isdigit() and _owner(p) == user.uid]
        if not pids:
            break
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        subprocess.run(["sleep", "0.1"], check=False)
    subprocess.run(["userdel", "--remove", "--force", user.name], check=False,
                   capture_output=True)
    shutil.rmtree(user.home, ignore_errors=True)


def _owner(proc: Path) -> int | None:
    try:
        return proc.stat().st_uid
    except OSError:
        return None


@contextlib.contextmanager
def temporary_user(name: str) -> Iterator[User]:
    """A real account for the length of a `with` block (name gets a random suffix)."""
    if os.geteuid() != 0:
        pytest.skip("creating Linux users needs root")
    user = create_user(f"{name[:20]}{secrets.token_hex(3)}")
    try:
        yield user
    finally:
        remove_user(user)


@pytest.fixture
def make_user() -> Iterator[Callable[[str], User]]:
    """A factory of real accounts, each removed when the test ends."""
    with contextlib.ExitStack() as stack:
        yield lambda name: stack.enter_context(temporary_user(name))


def run_as(user: User, argv: list[str], *, env: dict[str, str] | None = None,
           **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Runs `argv` as `user` (uid, gid, no other groups) in a clean environment."""
    base = {"PATH": f"{readable_kit().parent}:/usr/bin:/bin", "HOME": str(user.home),
            "LANG": "C.UTF-8", "USER": user.name}
    kwargs.setdefault("cwd", str(user.home))
    return subprocess.run(argv, user=user.uid, group=user.gid, extra_groups=[],
                          env={**base, **(env or {})}, capture_output=True, text=True,
                          check=False, **kwargs)


@cache
def readable_kit() -> Path:
    """A Python every user can run, with this checkout of pmcourse and its dependencies.

    Safe to call from concurrent test sessions: a lock serialises building, and each version
    of pmcourse's source gets its own folder (src-<digest>), so nobody's copy is replaced while
    it runs.
    """
    if os.geteuid() != 0:
        pytest.skip("installing the kit in /opt needs root")
    KIT_ROOT.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{KIT_ROOT}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        venv = _build_venv()
        source = _copy_source()
        project_pth = _site_packages(venv) / "pmcourse_test_src.pth"
        staged = project_pth.with_suffix(".tmp")
        staged.write_text(f"{source}\n")
        staged.chmod(0o644)
        os.replace(staged, project_pth)
    return venv / "bin" / "python"


def _build_venv() -> Path:
    """The venv with a copy of every installed package, rebuilt when the packages change."""
    python = _readable_base_python()
    venv = KIT_ROOT / "venv"
    site = Path(sysconfig.get_paths()["purelib"])
    stamp = hashlib.sha256("\n".join(
        [python, *sorted(p.name for p in site.iterdir() if p.suffix == ".dist-info")]
    ).encode()).hexdigest()
    stamp_file = KIT_ROOT / "stamp"
    if stamp_file.exists() and stamp_file.read_text() == stamp:
        return venv
    shutil.rmtree(KIT_ROOT, ignore_errors=True)
    KIT_ROOT.mkdir(parents=True, mode=0o755)
    subprocess.run([python, "-m", "venv", "--without-pip", str(venv)], check=True)
    target = _site_packages(venv)
    subprocess.run(["cp", "-a", "--no-preserve=ownership", f"{site}/.", str(target)], check=True)
    for name in ("_editable_impl_pmcourse.pth", "a1_coverage.pth"):
        (target / name).unlink(missing_ok=True)
    _copy_scripts(Path(sys.prefix) / "bin", venv / "bin")
    subprocess.run(["chmod", "-R", "a+rX", str(KIT_ROOT)], check=True)
    stamp_file.write_text(stamp)
    return venv


def _copy_source() -> Path:
    """This checkout's src/ copied to KIT_ROOT/src-<digest of its files> (kept if present)."""
    digest = hashlib.sha256()
    files = sorted(p for p in (PROJECT / "src").rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts)
    for path in files:
        digest.update(str(path.relative_to(PROJECT)).encode() + b"\0" + path.read_bytes())
    source = KIT_ROOT / f"src-{digest.hexdigest()[:16]}"
    if not source.exists():
        staged = KIT_ROOT / f".{source.name}.partial"
        shutil.rmtree(staged, ignore_errors=True)
        shutil.copytree(PROJECT / "src", staged, ignore=shutil.ignore_patterns("__pycache__"))
        subprocess.run(["chmod", "-R", "a+rX", str(staged)], check=True)
        staged.rename(source)
    return source


def _readable_base_python() -> str:
    """This Python's interpreter if every user can run it, else the system's of the same
    version (binary extensions are built for the version)."""
    base = Path(sys._base_executable).resolve()  # the interpreter behind this venv
    if _world_readable(base):
        return str(base)
    system = Path("/usr/bin") / f"python{sys.version_info.major}.{sys.version_info.minor}"
    if system.exists():
        return str(system)
    pytest.skip(f"no Python {sys.version_info[:2]} readable by every user on this machine")
    raise AssertionError  # unreachable


def _world_readable(path: Path) -> bool:
    for folder in [*reversed(path.parents), path]:
        mode = folder.stat().st_mode
        if not mode & 0o001 or (folder == path and not mode & 0o004):
            return False
    return True


def _site_packages(venv: Path) -> Path:
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    return venv / "lib" / version / "site-packages"


def _copy_scripts(source: Path, target: Path) -> None:
    """Console scripts (pmcourse, alembic, ...) with their first line pointing at the kit."""
    python = target / "python"
    for path in source.iterdir():
        if not path.is_file() or (target / path.name).exists():
            continue
        head = path.read_bytes()[:2]
        if head != b"#!":
            continue
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        if "python" not in lines[0]:
            continue
        (target / path.name).write_text(f"#!{python}\n" + "".join(lines[1:]), encoding="utf-8")
        (target / path.name).chmod(0o755)
