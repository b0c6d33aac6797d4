"""Reading free-text and small structured answers: fields, id lists, word matches and the linter.

Shared by the statement graders (artifact labels, vision fixes, vision-mission pairs, strategy
choices, North Star picks). Every read makes an exact ``str`` copy first, so an answer object with
a rigged ``__eq__`` or ``__contains__`` cannot earn anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..engine.answers import plain_text, type_name
from ..engine.errors import AnswerError, NotAttempted
from ..engine.placeholder import is_placeholder

_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*")


def words(text: str) -> list[str]:
    """The lower-cased words of `text` (hyphenated words stay whole)."""
    return _WORD.findall(text.lower())


def mentions(text: str, stems: Iterable[str]) -> list[str]:
    """The stems of `stems` that start a word (or phrase) of `text`, e.g. ``famil`` in families."""
    low = " ".join(words(text))
    found = []
    for stem in stems:
        pattern = r"\b" + re.escape(" ".join(words(stem))) + r"[a-z0-9'’-]*"
        if re.search(pattern, low):
            found.append(stem)
    return found


def similarity(a: str, b: str) -> float:
    """How alike two statements are, in [0, 1] (edit-distance ratio), ignoring case and commas."""
    from rapidfuzz import fuzz

    left, right = " ".join(words(a)), " ".join(words(b))
    if not left or not right:
        return 0.0
    return fuzz.ratio(left, right) / 100.0


def fields(answer: Any, var: str, names: Sequence[str]) -> dict[str, str | None]:
    """The text fields `names` of a dict answer, each an exact ``str`` or None when blank.

    Raises NotAttempted for the placeholder or when every field is still blank, and AnswerError
    (what is wrong, how to fix it) for anything that is not a dict with those keys.
    """
    wanted = ", ".join(f"`{n}`" for n in names)
    if is_placeholder(answer):
        msg = (f"`{var}` still holds the placeholder `____`; replace it with a dict with the "
               f"keys {wanted}.")
        raise NotAttempted(msg)
    if not isinstance(answer, Mapping):
        msg = f"`{var}` should be a dict with the keys {wanted}; it is {type_name(answer)}."
        raise AnswerError(msg)
    keys = {plain_text(k): k for k in answer if isinstance(k, str)}
    missing = [n for n in names if n not in keys]
    if missing:
        names_ = ", ".join(f"`{n}`" for n in missing)
        msg = f"`{var}` has no key {names_}; it needs the keys {wanted}."
        raise AnswerError(msg)
    out: dict[str, str | None] = {}
    for name in names:
        value = answer[keys[name]]
        if not (is_placeholder(value) or isinstance(value, str)):
            msg = f"`{var}['{name}']` should be text (a str); it is {type_name(value)}."
            raise AnswerError(msg)
        out[name] = plain_text(value)
    if all(v is None for v in out.values()):
        msg = f"every field of `{var}` is still empty: write your text in place of `____`."
        raise NotAttempted(msg)
    return out


def optional_text(value: Any, where: str) -> str | None:
    """`value` as exact text, None when blank or a placeholder; AnswerError for a non-text value."""
    if is_placeholder(value) or (isinstance(value, float) and value != value):
        return None
    if not isinstance(value, str):
        msg = f"{where} should be text (a str); it is {type_name(value)}."
        raise AnswerError(msg)
    return plain_text(value)


def id_list(value: Any, where: str) -> list[str] | None:
    """A list of ids given as a list, tuple or set of str (or a table column), or one "a, b" str.

    Returns None for a placeholder or blank value; raises AnswerError for anything else.
    """
    if is_placeholder(value) or (isinstance(value, float) and value != value):  # None, ____, NaN
        return None
    if type(value).__name__ in {"Series", "Index", "ndarray"}:
        value = list(value.tolist())  # a column picked from a table: read its values
    if isinstance(value, str):
        text = plain_text(value)
        return [part.strip() for part in text.split(",") if part.strip()] if text else None
    if isinstance(value, (list, tuple, set, frozenset)):
        out = []
        for item in sorted(value, key=repr) if isinstance(value, (set, frozenset)) else value:
            text = plain_text(item) if isinstance(item, str) else None
            if text is None:
                msg = (f"{where} should list ids as text, e.g. ['A', 'B']; it holds "
                       f"{type_name(item)}.")
                raise AnswerError(msg)
            out.append(text)
        return out
    msg = f"{where} should be a list of ids, e.g. ['A', 'B']; it is {type_name(value)}."
    raise AnswerError(msg)


def lint_findings(text: str, kind: str, context: Mapping[str, str] | None = None) -> list[Any]:
    """The course linter's findings for `text` read as `kind` (the one linter the course has)."""
    from ...lint import lint

    return lint(text, kind, context=context)


def error_rules(text: str, kind: str, context: Mapping[str, str] | None = None,
                ignore: Iterable[str] = ()) -> list[str]:
    """Ids of the linter's error-severity rules that `text`, read as `kind`, breaks."""
    skip = set(ignore)
    return sorted({f.rule for f in lint_findings(text, kind, context)
                   if f.severity == "error" and f.rule not in skip})


def count(n: int, singular: str, plural: str | None = None) -> str:
    """``1 item`` / ``3 items``: a number with its noun in the right form."""
    return f"{n} {singular if n == 1 else (plural or singular + 's')}"


def listing(items: Sequence[str], limit: int = 6) -> str:
    """``A, B and C``: a short readable list, cut after `limit` entries."""
    shown = list(items[:limit])
    if len(items) > limit:
        return ", ".join(shown) + f" and {len(items) - limit} more"
    if len(shown) <= 1:
        return "".join(shown)
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def row_notes(index: Any) -> list[str]:
    """What a learner should fix about a table answer's rows (a `RowsById`): missing, repeated
    and unknown ids."""
    out = []
    if index.missing:
        out.append(f"Items {listing(index.missing)} have no row: add one row per item.")
    if index.duplicates:
        out.append(f"Items {listing(index.duplicates)} appear more than once: only the first "
                   "row counts.")
    if index.unknown:
        out.append(f"{listing(index.unknown)} are not in the item list; remove them.")
    return out
