"""Taking in a submission: plain files are copied and fingerprinted; nothing else is followed."""

from __future__ import annotations

import os
import socket
import threading
from pathlib import Path

import pytest

from pmcourse.grading.pipeline.ingest import IngestLimits, fingerprint, ingest


@pytest.fixture
def course(tmp_path: Path) -> Path:
    folder = tmp_path / "course" / "submitted" / "ada" / "a1"
    (folder / "data").mkdir(parents=True)
    (folder / "a1.ipynb").write_text('{"cells": []}')
    (folder / "data" / "notes.csv").write_text("id,value\n1,2\n")
    return tmp_path / "course"


PARTS = ["submitted", "ada", "a1"]


def test_plain_files_are_copied_with_the_same_fingerprint(course: Path, tmp_path: Path) -> None:
    taken = ingest(course, PARTS, tmp_path / "copy")
    assert taken.problem is None and taken.files == 2
    assert (tmp_path / "copy" / "data" / "notes.csv").read_text() == "id,value\n1,2\n"
    assert taken.fingerprint == fingerprint(course, PARTS)


def test_fingerprint_changes_with_content_and_names(course: Path) -> None:
    first = fingerprint(course, PARTS)
    (course / "submitted/ada/a1/data/notes.csv").write_text("id,value\n1,3\n")
    second = fingerprint(course, PARTS)
    (course / "submitted/ada/a1/data/notes.csv").rename(course / "submitted/ada/a1/data/n.csv")
    assert len({first, second, fingerprint(course, PARTS)}) == 3


@pytest.mark.parametrize(("make", "words"), [
    (lambda f: os.symlink("/etc/passwd", f / "x.txt"), "x.txt is a symbolic link"),
    (lambda f: os.symlink("/dev/zero", f / "data" / "z"), "data/z is a symbolic link"),
    (lambda f: os.symlink("..", f / "up"), "up is a symbolic link"),
    (lambda f: os.mkfifo(f / "pipe.ipynb"), "pipe.ipynb is a named pipe (FIFO)"),
    (lambda f: os.link(f / "a1.ipynb", f / "twin.ipynb"), "is a hard link"),
])
def test_links_and_special_files_are_refused_and_nothing_is_copied(course: Path, tmp_path: Path,
                                                                    make, words) -> None:
    make(course / "submitted/ada/a1")
    taken = ingest(course, PARTS, tmp_path / "copy")
    assert taken.problem is not None and words in taken.problem, taken.problem
    assert not (tmp_path / "copy").exists()


def test_a_socket_is_refused(course: Path, tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(course / "submitted/ada/a1/s"))
    try:
        assert "s is a socket" in (ingest(course, PARTS).problem or "")
    finally:
        server.close()


def test_a_linked_submission_folder_is_refused(course: Path, tmp_path: Path) -> None:
    """submitted/<student> or its assignment folder may not be a link to elsewhere."""
    other = tmp_path / "elsewhere"
    other.mkdir()
    os.symlink(other, course / "submitted" / "bob")
    taken = ingest(course, ["submitted", "bob", "a1"])
    assert taken.problem == ("submitted/bob is a symbolic link, not a folder: links and special "
                             "files are not followed when grading")


def test_a_fifo_does_not_block_the_fingerprint(course: Path) -> None:
    """A FIFO is refused without ever being opened (opening it would wait for a writer)."""
    os.mkfifo(course / "submitted/ada/a1/data/wait.csv")
    done = threading.Event()
    result: list[str] = []
    thread = threading.Thread(target=lambda: (result.append(fingerprint(course, PARTS)),
                                              done.set()), daemon=True)
    thread.start()
    assert done.wait(10), "fingerprinting a FIFO blocked"
    assert result and result[0] != fingerprint(course, ["submitted", "ada", "a1", "data"])


@pytest.mark.parametrize(("limits", "words"), [
    (IngestLimits(max_file_bytes=10), "a1.ipynb is larger than 10 bytes, the limit for one file"),
    (IngestLimits(max_total_bytes=20), "the submission is larger than 20 bytes in all"),
    (IngestLimits(max_files=1), "more than 1 files"),
    (IngestLimits(max_depth=0), "data is nested more than 0 folders deep"),
])
def test_size_count_and_depth_limits_refuse_with_a_reason(course: Path, tmp_path: Path,
                                                          limits, words) -> None:
    taken = ingest(course, PARTS, tmp_path / "copy", limits=limits)
    assert taken.problem is not None and words in taken.problem, taken.problem
    assert not (tmp_path / "copy").exists()


def test_an_unchanged_refused_submission_keeps_its_fingerprint(course: Path) -> None:
    os.symlink("/etc/passwd", course / "submitted/ada/a1/x.txt")
    assert fingerprint(course, PARTS) == fingerprint(course, PARTS)
