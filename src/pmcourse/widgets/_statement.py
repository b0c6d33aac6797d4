"""What the vision and mission drafters share: guided parts composed into an editable statement."""

from __future__ import annotations

from typing import Any

import ipywidgets as w

from ._base import DraftView


class StatementView(DraftView):
    """A drafter whose parts compose a statement the learner may edit by hand and recompose."""

    def _on_statement_value(self, change: dict[str, Any]) -> None:
        if not self._quiet:
            self._draft.edit_statement(change["new"])
            self._changed()

    def _on_recompose_click(self, _button: w.Button) -> None:
        self._draft.recompose()
        self._changed()

    def _set_part(self, name: str, value: str) -> None:
        if not self._quiet:
            self._draft.set_part(name, value)
            self._changed()
