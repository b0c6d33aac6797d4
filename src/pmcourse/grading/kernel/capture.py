"""Carrying a student's answers out of the grading kernel as plain JSON.

In the pmcourse pipeline a grade cell does not score anything: it encodes the answers it was
asked to grade into a display output of type `MIME`, and the grading process decodes and scores
them outside the kernel, with a key the kernel never sees. Only plain data survives encoding
(exact ``str``/``int``/``float``/``bool``/``None``, lists, dicts, sets and DataFrames), so an
object with a rigged ``__eq__`` cannot pass itself off as a right answer; such objects are
reported as anomalies.
"""

from __future__ import annotations

import math
from typing import Any

MIME = "application/vnd.pmcourse.answers+json"
MAX_ITEMS = 20_000
"""Largest list, dict or table (in cells) an answer may hold; past it the answer is cut."""
MAX_ANSWER_CHARS = 100_000
"""Characters one answer (every string in it together) may hold to be scored at all."""
MAX_DEPTH = 25

_PLAIN = (str, int, float, bool, type(None))


class _Encoder:
    """Encodes one answer, noting anomalies (rigged objects, oversized values) as it goes."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.anomalies: list[str] = []
        self.budget = MAX_ITEMS

    def spend(self, n: int) -> None:
        self.budget -= n
        if self.budget < 0:
            msg = f"`{self.name}` is too large to grade (over {MAX_ITEMS} values)"
            raise ValueError(msg)

    def rigged(self, value: Any) -> None:
        cls = type(value)
        overrides = [m for m in ("__eq__", "__ne__", "__hash__", "__str__") if m in vars(cls)]
        detail = f" overriding {', '.join(overrides)}" if overrides else ""
        self.anomalies.append(
            f"`{self.name}` holds an object of class {cls.__qualname__}{detail} instead of plain data"
        )

    def encode(self, value: Any, depth: int = 0) -> Any:
        if depth > 20:
            msg = f"`{self.name}` is nested too deeply to grade"
            raise ValueError(msg)
        cls = type(value)
        if cls.__name__ == "_Placeholder" and cls.__module__.startswith("pmcourse."):
            return None  # the `____` placeholder: not attempted
        if cls in _PLAIN:
            self.spend(1)
            if cls is float and not math.isfinite(value):
                return {"__float__": repr(value)}
            return value
        if isinstance(value, _PLAIN):  # a subclass of str/int/float/bool: keep the plain value
            self.rigged(value)
            for base in _PLAIN:
                if isinstance(value, base):
                    return base.__new__(base, value) if base is not bool else bool(int(value))
        if cls in (list, tuple):
            self.spend(len(value))
            return [self.encode(v, depth + 1) for v in value]
        if cls in (set, frozenset):
            self.spend(len(value))
            return {"__set__": [self.encode(v, depth + 1) for v in value]}
        if cls is dict:
            self.spend(len(value))
            return {"__dict__": [[self.encode(k, depth + 1), self.encode(v, depth + 1)]
                                 for k, v in value.items()]}
        frame = _encode_frame(self, value, depth)
        if frame is not None:
            return frame
        if isinstance(value, (list, tuple, set, frozenset, dict)):
            self.rigged(value)
            return self.encode(_builtin_copy(value), depth)
        self.rigged(value)
        return {"__unsupported__": cls.__qualname__}


def _builtin_copy(value: Any) -> Any:
    for base in (dict, list, tuple, frozenset, set):
        if isinstance(value, base):
            if base is dict:
                return dict(dict.items(value))
            return base(base.__iter__(value))
    return value


def _encode_frame(encoder: _Encoder, value: Any, depth: int) -> Any:
    pd = _pandas()
    if pd is None:
        return None
    if type(value) is pd.Series:
        value = value.to_frame()
    if type(value) is not pd.DataFrame:
        return None
    rows, cols = value.shape
    encoder.spend(rows * max(cols, 1))
    index_name = value.index.name
    frame = value.reset_index() if index_name is not None else value
    columns = [encoder.encode(_py(c), depth + 1) for c in frame.columns]
    data = [[encoder.encode(_py(v), depth + 1) for v in row]
            for row in frame.itertuples(index=False, name=None)]
    return {"__frame__": {"columns": columns, "data": data, "index": index_name is not None}}


def _py(value: Any) -> Any:
    """NumPy scalars and pandas missing values as plain Python."""
    if value is None:
        return None
    item = getattr(value, "item", None)
    if item is not None and type(value).__module__.startswith("numpy"):
        value = item()
    pd = _pandas()
    if pd is not None and not isinstance(value, (list, dict, tuple, set)):
        try:
            if pd.isna(value):
                return None
        except (TypeError, ValueError):
            pass
    return value


def _pandas() -> Any:
    import sys

    return sys.modules.get("pandas")


def encode_answers(problem_id: str, answers: dict[str, Any]) -> dict[str, Any]:
    """The payload a grade cell emits: problem id, encoded answers, anomalies seen."""
    encoded: dict[str, Any] = {}
    anomalies: list[str] = []
    for name, value in answers.items():
        encoder = _Encoder(name)
        try:
            encoded[name] = encoder.encode(value)
        except (ValueError, RecursionError) as exc:
            encoded[name] = {"__unsupported__": str(exc)}
        anomalies.extend(encoder.anomalies)
    return {"problem": problem_id, "answers": encoded, "anomalies": anomalies}


def decode_answers(encoded: Any) -> tuple[dict[str, Any], list[str]]:
    """Answers decoded for scoring, each checked against the size caps first (the kernel's
    report is untrusted: an oversized or malformed answer is not scored), and why any was not."""
    if not isinstance(encoded, dict):
        return {}, ["the answers were not reported as named values, so none was scored"]
    answers: dict[str, Any] = {}
    problems: list[str] = []
    for name, value in encoded.items():
        problem = answer_size_problem(str(name), value)
        if problem is None:
            try:
                answers[name] = decode(value)
                continue
            except (TypeError, ValueError, KeyError, IndexError, RecursionError):
                problem = f"`{name}` was reported in a form that cannot be read, so it earns nothing"
        answers[name] = Unsupported(problem)
        problems.append(problem)
    return answers, problems


def answer_size_problem(name: str, value: Any) -> str | None:
    """Why an encoded answer is too large to score (characters, values, nesting), or None.

    Walks the value without recursion, stopping as soon as a cap is passed, so checking costs
    no more than the cap however large the answer is.
    """
    chars = items = 0
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        current, depth = stack.pop()
        if depth > MAX_DEPTH:
            return f"`{name}` is nested more than {MAX_DEPTH} levels deep, too deep to grade"
        items += 1 + (len(current) if isinstance(current, (list, dict)) else 0)
        if items > MAX_ITEMS:
            return (f"`{name}` holds more than {MAX_ITEMS:,} values, too many to grade: keep "
                    "the answer to what the question asks")
        if isinstance(current, str):
            chars += len(current)
            if chars > MAX_ANSWER_CHARS:
                return (f"`{name}` holds more than {MAX_ANSWER_CHARS:,} characters, too long to "
                        "grade: shorten it to what the question asks")
        elif isinstance(current, dict):
            stack.extend((part, depth + 1) for pair in current.items() for part in pair)
        elif isinstance(current, list):
            stack.extend((part, depth + 1) for part in current)
    return None


def decode(value: Any) -> Any:
    """Plain Python values (and DataFrames) back from their encoded form."""
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if "__float__" in value:
            return float(value["__float__"])
        if "__set__" in value:
            return {decode(v) for v in value["__set__"]}
        if "__dict__" in value:
            return {_hashable(decode(k)): decode(v) for k, v in value["__dict__"]}
        if "__frame__" in value:
            import pandas as pd

            spec = value["__frame__"]
            frame = pd.DataFrame([decode(r) for r in spec["data"]],
                                 columns=[decode(c) for c in spec["columns"]])
            if spec.get("index") and len(frame.columns):
                frame = frame.set_index(frame.columns[0])
            return frame
        if "__unsupported__" in value:
            return Unsupported(str(value["__unsupported__"]))
    return value


def _hashable(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_hashable(v) for v in value)
    if isinstance(value, set):
        return frozenset(value)
    return value


class Unsupported:
    """Stands in for an answer value that was not plain data; it equals nothing but itself."""

    def __init__(self, what: str) -> None:
        self.what = what

    def __repr__(self) -> str:
        return f"<not plain data: {self.what}>"
