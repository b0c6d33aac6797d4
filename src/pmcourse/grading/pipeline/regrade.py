"""Which submissions need grading again: new files, or a changed answer key or test.

A submission's fingerprint joins a digest of its files (read safely by `ingest`) with a digest of
what grades it (the assignment's source notebooks, where its tests live, and the answer keys they
use). A changed
key or test therefore changes the fingerprint of that assignment's submissions only, and the
grade run picks them up; their feedback says why it was updated.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

SEPARATOR = "."
"""Between the files digest and the grading-inputs digest (older fingerprints have none)."""


def _digest_files(digest: hashlib._Hash, folder: Path, paths: list[Path]) -> None:
    for path in paths:
        digest.update(str(path.relative_to(folder)).encode("utf-8", "surrogateescape"))
        try:
            with path.open("rb") as handle:
                for block in iter(lambda h=handle: h.read(1 << 20), b""):
                    digest.update(block)
        except OSError as exc:
            digest.update(f"unreadable:{exc.errno}".encode())


def grading_inputs_digest(source: Path, autograders: Path) -> str:
    """A hash of an assignment's source notebooks and of the answer keys their tests read."""
    from .leaks import problem_ids

    digest = hashlib.sha256()
    notebooks = sorted(source.glob("*.ipynb"))
    _digest_files(digest, source, notebooks)
    keys = autograders / "keys"
    ids = sorted({pid for notebook in notebooks for pid in problem_ids(notebook)})
    _digest_files(digest, keys, [keys / f"{pid}.json" for pid in ids])
    return digest.hexdigest()


def join_fingerprint(files: str, inputs: str) -> str:
    """One 64-character fingerprint (the ledger's column) from the two digests."""
    return f"{files[:31]}{SEPARATOR}{inputs[:32]}"


def regrade_note(previous: str | None, current: str) -> str | None:
    """Why a submission graded before is graded again, when the reason is ours, not theirs."""
    if not previous or SEPARATOR not in previous or previous == current:
        return None
    old_files, old_inputs = previous.split(SEPARATOR, 1)
    new_files, new_inputs = current.split(SEPARATOR, 1)
    if old_inputs != new_inputs and old_files == new_files:
        return ("updated: the answer key or tests of this assignment changed after your earlier "
                "grade, so it was graded again; this feedback replaces the earlier one")
    return None


def previous_fingerprint(db_url: str, assignment: str, student: str) -> str | None:
    """The fingerprint recorded for this submission by an earlier grade run, if any."""
    from .ledger import Ledger

    ledger = Ledger(db_url)
    try:
        return ledger.fingerprints(assignment).get(student)
    finally:
        ledger.close()
