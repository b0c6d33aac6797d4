"""Reading another widget's saved draft (the vision for the mission, the roadmap for the backlog).

Reads go through the saved file, never live widget state, and are cached by modification time so
live feedback can re-read on every keystroke cheaply.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Generic, TypeVar

from .models import Draft, DraftError

D = TypeVar("D", bound=Draft)


class DraftSource(Generic[D]):
    """A read-only view of a draft file that re-reads it only when it changed on disk."""

    def __init__(self, path: str | os.PathLike[str] | None, draft_type: type[D]) -> None:
        """Watches `path` (None means no source was given)."""
        self.path = Path(path).expanduser() if path is not None else None
        self.draft_type = draft_type
        self._stamp: tuple[int, int] | None = None
        self._draft: D | None = None
        self.problem = ""
        """Why the draft could not be read ('' when it was read or no path was given)."""

    def read(self) -> D | None:
        """The current draft, or None when there is no path, no file yet or an unreadable file."""
        if self.path is None:
            return None
        try:
            st = self.path.stat()
        except OSError:
            self._stamp, self._draft = None, None
            self.problem = (f"No {self.draft_type.KIND.replace('_', ' ')} draft saved at "
                            f"{self.path} yet.")
            return None
        stamp = (st.st_mtime_ns, st.st_size)
        if stamp != self._stamp:
            self._stamp = stamp
            try:
                self._draft = self.draft_type.load(self.path)
                self.problem = ""
            except DraftError as exc:
                self._draft = None
                self.problem = str(exc)
        return self._draft
