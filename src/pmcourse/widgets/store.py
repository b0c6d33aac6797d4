"""DraftStore: loads one draft from a JSON file and saves it atomically, debounced while typing.

A missing file is a new draft. A damaged file is renamed aside (never overwritten) and the store
keeps a `notice` naming the kept file, which the widget shows. Pending saves are flushed when
another store opens the same file (re-running a cell) and when the kernel exits.
"""

from __future__ import annotations

import atexit
import os
import threading
import weakref
from pathlib import Path
from typing import Any, Generic, TypeVar

from .._io import atomic_write_json, set_aside
from .models import Draft, DraftError, DraftMissingError, read_json

D = TypeVar("D", bound=Draft)

DEFAULT_DELAY = 0.5
"""Seconds of quiet after the last change before the draft is written."""

_LIVE: weakref.WeakSet[DraftStore[Any]] = weakref.WeakSet()
_LIVE_LOCK = threading.Lock()


class DraftStore(Generic[D]):
    """One draft file: `load()` it, `schedule()` saves while editing, `flush()` to write now."""

    def __init__(self, path: str | os.PathLike[str], draft_type: type[D], *,
                 delay: float = DEFAULT_DELAY) -> None:
        """Binds the store to `path` for drafts of `draft_type`; nothing is read until `load()`."""
        if not isinstance(path, str | os.PathLike):
            msg = (f"path should be a file name such as 'vision.json', not "
                   f"{type(path).__name__}.")
            raise TypeError(msg)
        if isinstance(path, str) and not path.strip():
            msg = "Give the draft a file name, e.g. path='vision.json'."
            raise ValueError(msg)
        self.path = Path(path).expanduser()
        self.draft_type = draft_type
        self.delay = float(delay)
        self.notice = ""
        """A message for the learner about the file (a damaged draft kept aside), or ''."""
        self.kept: Path | None = None
        """Where a damaged draft file was moved to, if one was."""
        self.last_error = ""
        """Why the last save failed ('' when it succeeded)."""
        self._pending: dict[str, Any] | None = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()
        _flush_others(self.path)
        with _LIVE_LOCK:
            _LIVE.add(self)

    def load(self) -> D:
        """Returns the saved draft, a new one when there is none, or a new one after keeping a
        damaged file aside (see `notice`)."""
        try:
            return self.draft_type.from_dict(read_json(self.path))
        except DraftMissingError:
            return self.draft_type()
        except DraftError as problem:
            self.kept = set_aside(self.path, "unreadable")
            self.notice = (f"Your earlier draft {self.path.name} could not be read: {problem} "
                           f"It was kept as {self.kept.name} next to it, and you are starting a "
                           "fresh draft. Open the kept file to copy anything you need.")
            return self.draft_type()

    def schedule(self, draft: D) -> None:
        """Saves a snapshot of `draft` after `delay` seconds without further changes."""
        snapshot = draft.to_dict()
        with self._lock:
            self._pending = snapshot
            if self._timer is not None:
                self._timer.cancel()
            if self.delay <= 0:
                self._timer = None
            else:
                self._timer = threading.Timer(self.delay, self.flush)
                self._timer.daemon = True
                self._timer.start()
        if self.delay <= 0:
            self.flush()

    def save(self, draft: D) -> Path:
        """Writes `draft` now, cancelling any pending save."""
        with self._lock:
            self._pending = draft.to_dict()
        self.flush()
        return self.path

    @property
    def pending(self) -> bool:
        """True while a change waits to be written."""
        return self._pending is not None

    def flush(self) -> bool:
        """Writes the pending snapshot, if any, atomically; returns True when something was written.

        A failed write (full disk, read-only folder) keeps the snapshot pending and sets
        `last_error`, so the next change or flush tries again.
        """
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            snapshot, self._pending = self._pending, None
            if snapshot is None:
                return False
            try:
                atomic_write_json(self.path, snapshot)
            except OSError as exc:
                self._pending = snapshot
                self.last_error = f"Could not save the draft to {self.path}: {exc.strerror or exc}."
                return False
            self.last_error = ""
            return True


def _flush_others(path: Path) -> None:
    """Writes what other live stores still hold for `path` before it is read again."""
    target = os.path.abspath(path)
    with _LIVE_LOCK:
        stores = [s for s in _LIVE if os.path.abspath(s.path) == target]
    for store in stores:
        store.flush()


@atexit.register
def flush_all() -> None:
    """Writes every pending draft; runs when the kernel or interpreter exits."""
    with _LIVE_LOCK:
        stores = list(_LIVE)
    for store in stores:
        store.flush()
