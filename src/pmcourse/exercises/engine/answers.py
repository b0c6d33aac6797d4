"""Reading learners' answers into plain Python values, with messages that say exactly what is wrong."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import AnswerError, NotAttempted
from .placeholder import is_placeholder


def type_name(value: Any) -> str:
    """A short name of a value's type for messages (``a str``, ``a DataFrame``)."""
    name = type(value).__name__
    return f"an {name}" if name[:1].lower() in "aeiou" else f"a {name}"


def plain_text(value: Any) -> str | None:
    """`value` as an exact ``str`` (never a subclass with its own ``==``), or None if blank."""
    if value is None or is_placeholder(value):
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        text = str.__str__(value).strip()  # an exact str copy, whatever the subclass overrides
        return text or None
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(int.__index__(value))
    return None


def records(
    answer: Any, var: str, columns: Sequence[str], optional: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Rows of a table answer (a DataFrame or a list of dicts) as plain dicts with `columns`.

    Columns named in `optional` may be left out; they read as None.

    Raises NotAttempted for a placeholder and AnswerError, naming the variable and the fix,
    for anything that is not a table with those columns.
    """
    if is_placeholder(answer):
        msg = f"`{var}` still holds the placeholder `____`; replace it with your table."
        raise NotAttempted(msg)
    wanted = ", ".join(f"`{c}`" for c in columns)
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is a dependency
        pd = None
    if pd is not None and isinstance(answer, pd.DataFrame):
        frame = answer
        if columns[0] not in frame.columns and frame.index.name == columns[0]:
            frame = frame.reset_index()
        missing = [c for c in columns if c not in frame.columns and c not in optional]
        if missing:
            names = ", ".join(f"`{c}`" for c in missing)
            msg = (f"column {names} missing from `{var}`: it needs the columns {wanted} "
                   f"(it has {', '.join(map(str, frame.columns)) or 'none'}).")
            raise AnswerError(msg)
        present = [c for c in columns if c in frame.columns]
        return [
            {c: dict(zip(present, row, strict=True)).get(c) for c in columns}
            for row in frame[present].itertuples(index=False, name=None)
        ]
    if isinstance(answer, Sequence) and not isinstance(answer, (str, bytes)):
        rows = []
        for n, row in enumerate(answer, start=1):
            if not isinstance(row, Mapping):
                msg = (f"row {n} of `{var}` is {type_name(row)}; each row should be a dict "
                       f"with the keys {wanted}.")
                raise AnswerError(msg)
            missing = [c for c in columns if c not in row and c not in optional]
            if missing:
                names = ", ".join(f"`{c}`" for c in missing)
                msg = f"row {n} of `{var}` has no {names}; each row needs the keys {wanted}."
                raise AnswerError(msg)
            rows.append({c: row.get(c) for c in columns})
        return rows
    msg = (f"`{var}` should be a pandas DataFrame (or a list of dicts) with the columns {wanted}; "
           f"it is {type_name(answer)}.")
    raise AnswerError(msg)


@dataclass(frozen=True)
class RowsById:
    """A table answer's rows by item id: the first row of each known id, and what was off."""

    first: dict[str, dict[str, Any]]
    """Known id -> its first row (later rows of the same id are ignored)."""
    missing: list[str]
    """Given ids with no row, in the given order."""
    duplicates: list[str]
    """Known ids with more than one row, sorted."""
    unknown: list[str]
    """Ids that are not among the given ones, sorted."""


def rows_by_id(rows: list[dict[str, Any]], id_column: str, given: Sequence[str]) -> RowsById:
    """Indexes `rows` by the exact-text id in `id_column`, against the problem's `given` ids."""
    first: dict[str, dict[str, Any]] = {}
    counts: Counter[str] = Counter()
    unknown: set[str] = set()
    known = set(given)
    for row in rows:
        item = plain_text(row[id_column])
        if item is None:
            continue
        counts[item] += 1
        if item not in known:
            unknown.add(item)
        elif item not in first:
            first[item] = row
    return RowsById(
        first=first,
        missing=[i for i in given if i not in counts],
        duplicates=sorted(i for i, n in counts.items() if n > 1 and i in known),
        unknown=sorted(unknown),
    )
