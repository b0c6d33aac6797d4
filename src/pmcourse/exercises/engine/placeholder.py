"""The `____` placeholder a starter cell holds until the learner replaces it."""

from __future__ import annotations

from typing import Any


class _Placeholder:
    """A value that marks an answer as not written yet."""

    _instance: _Placeholder | None = None

    def __new__(cls) -> _Placeholder:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"


____ = _Placeholder()


def is_placeholder(value: Any) -> bool:
    """True when `value` is the `____` placeholder (or plain `None`), i.e. not attempted."""
    return value is None or isinstance(value, _Placeholder)
