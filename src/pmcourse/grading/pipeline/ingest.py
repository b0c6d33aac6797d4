"""Taking in a submission as untrusted data: a private copy, with nothing followed.

A submission folder holds whatever a student (or a tool acting for one) left in ``submitted/``:
symbolic links to the keys or the gradebook, hard links, FIFOs that block a reader forever,
device files, or more data than any notebook needs. `ingest` walks it through directory file
descriptors without following a single link, refuses anything but plain folders and plain files
within `IngestLimits`, and copies the rest into a folder the grader created. Fingerprinting,
nbgrader and the grading kernel then read only that copy.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

_MB = 1024 * 1024
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


@dataclass(frozen=True)
class IngestLimits:
    """How much one submission may hold (the defaults live here and nowhere else)."""

    max_file_bytes: int = 64 * _MB
    max_total_bytes: int = 128 * _MB
    max_files: int = 500
    max_depth: int = 8


DEFAULT_LIMITS = IngestLimits()


class SubmissionRefused(Exception):
    """The submission holds something the grader will not read; the message says what."""


@dataclass(frozen=True)
class Ingested:
    """What `ingest` took in: the fingerprint of what it read, or why it refused."""

    fingerprint: str
    problem: str | None = None
    files: int = 0
    total_bytes: int = 0


def ingest(root: Path, parts: Sequence[str], dest: Path | None = None, *,
           limits: IngestLimits = DEFAULT_LIMITS) -> Ingested:
    """Reads the folder `root/parts...` without following links, copying it to `dest` if given.

    Every component of `parts` must be a real folder (a link there is refused too). `dest` must
    not exist; its parent must be a folder the grader created. On refusal nothing is copied
    (whatever was copied before the refusal is removed) and the fingerprint names the problem,
    so an unchanged refused submission is not graded again.
    """
    walk = _Walk(limits, dest)
    try:
        fd = _open_chain(root, parts)
        try:
            walk.folder(fd, "", 0)
        finally:
            os.close(fd)
    except SubmissionRefused as exc:
        walk.discard()
        problem = str(exc)
        digest = hashlib.sha256(b"refused\0" + problem.encode("utf-8", "surrogateescape"))
        return Ingested(digest.hexdigest(), problem)
    return Ingested(walk.digest.hexdigest(), None, walk.files, walk.total)


def fingerprint(root: Path, parts: Sequence[str]) -> str:
    """A hash of every file of a submission (read safely, never through a link)."""
    return ingest(root, parts).fingerprint


def _open_chain(root: Path, parts: Sequence[str]) -> int:
    """A descriptor of root/parts..., refusing a link or a non-folder at any component."""
    fd = os.open(root, _DIR_FLAGS & ~os.O_NOFOLLOW)
    shown = ""
    for part in parts:
        shown = f"{shown}/{part}" if shown else part
        try:
            info = os.stat(part, dir_fd=fd, follow_symlinks=False)
        except OSError as exc:
            os.close(fd)
            raise SubmissionRefused(f"{shown} cannot be read ({exc.strerror})") from None
        if not stat.S_ISDIR(info.st_mode):
            os.close(fd)
            raise SubmissionRefused(f"{shown} is {_kind(info.st_mode)}, not a folder: "
                                    "links and special files are not followed when grading")
        try:
            child = _open_at(part, _DIR_FLAGS, fd, shown)
        finally:
            os.close(fd)
        fd = child
    return fd


def _open_at(name: str, flags: int, dir_fd: int, shown: str) -> int:
    """`name` opened inside the folder `dir_fd` (never through a link: the flags say so)."""
    try:
        return os.open(name, flags, dir_fd=dir_fd)
    except OSError as exc:
        raise SubmissionRefused(f"{shown} cannot be opened ({exc.strerror})") from None


def _size(n: int) -> str:
    return f"{n // _MB} MB" if n >= _MB else f"{n} bytes"


def _kind(mode: int) -> str:
    kinds = [(stat.S_ISLNK, "a symbolic link"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
             (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"), (stat.S_ISREG, "a file")]
    return next((name for test, name in kinds if test(mode)), "a special file")


class _Walk:
    """One walk of a submission: limits spent so far, the running digest, the copy made."""

    def __init__(self, limits: IngestLimits, dest: Path | None) -> None:
        self.limits = limits
        self.dest = dest
        self.digest = hashlib.sha256()
        self.files = 0
        self.total = 0
        self.made: list[Path] = []

    def folder(self, fd: int, relative: str, depth: int) -> None:
        if depth > self.limits.max_depth:
            raise SubmissionRefused(f"{relative} is nested more than {self.limits.max_depth} "
                                    "folders deep: submit a flatter folder")
        if self.dest is not None:
            target = self.dest / relative if relative else self.dest
            target.mkdir(mode=0o755)
            target.chmod(0o755)  # whatever the umask: the sandboxed kernel copies it in
            self.made.append(target)
        for name in sorted(os.listdir(fd)):
            path = f"{relative}/{name}" if relative else name
            info = os.stat(name, dir_fd=fd, follow_symlinks=False)
            if stat.S_ISDIR(info.st_mode):
                self.digest.update(b"D\0" + _raw(path) + b"\0")
                child = _open_at(name, _DIR_FLAGS, fd, path)
                try:
                    self.folder(child, path, depth + 1)
                finally:
                    os.close(child)
            elif stat.S_ISREG(info.st_mode):
                self.file(fd, name, path, info)
            else:
                raise SubmissionRefused(
                    f"{path} is {_kind(info.st_mode)}: links and special files are not followed "
                    "when grading (a link could point at the keys or at another student's work); "
                    "submit the file itself")

    def file(self, fd: int, name: str, path: str, seen: os.stat_result) -> None:
        limits = self.limits
        self.files += 1
        if self.files > limits.max_files:
            raise SubmissionRefused(f"the submission holds more than {limits.max_files} files")
        if seen.st_nlink > 1:
            raise SubmissionRefused(f"{path} is a hard link to a file that also lives elsewhere "
                                    "on this machine: submit a copy of the file itself")
        handle = _open_at(name, _FILE_FLAGS, fd, path)
        try:
            info = os.fstat(handle)
            if (info.st_dev, info.st_ino) != (seen.st_dev, seen.st_ino) or not stat.S_ISREG(
                    info.st_mode) or info.st_nlink > 1:
                raise SubmissionRefused(f"{path} changed while it was being read")
            self.digest.update(b"F\0" + _raw(path) + b"\0")
            self._copy(handle, path)
        finally:
            os.close(handle)

    def _copy(self, handle: int, path: str) -> None:
        limits = self.limits
        out = None
        if self.dest is not None:
            target = self.dest / path
            out = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW
                          | os.O_CLOEXEC, 0o644)
            os.fchmod(out, 0o644)
            self.made.append(target)
        size = 0
        try:
            while block := os.read(handle, _MB):
                size += len(block)
                self.total += len(block)
                if size > limits.max_file_bytes:
                    raise SubmissionRefused(
                        f"{path} is larger than {_size(limits.max_file_bytes)}, the limit for "
                        "one file: remove large data or outputs and submit again")
                if self.total > limits.max_total_bytes:
                    raise SubmissionRefused(
                        f"the submission is larger than {_size(limits.max_total_bytes)} in "
                        "all: remove large data or outputs and submit again")
                self.digest.update(block)
                while out is not None and block:
                    block = block[os.write(out, block):]
        finally:
            if out is not None:
                os.close(out)
        self.digest.update(b"\0" + str(size).encode() + b"\0")

    def discard(self) -> None:
        """Removes what was copied before a refusal (files first, then folders)."""
        for path in reversed(self.made):
            with contextlib.suppress(OSError):
                path.rmdir() if path.is_dir() else path.unlink()


def _raw(path: str) -> bytes:
    return path.encode("utf-8", "surrogateescape")
