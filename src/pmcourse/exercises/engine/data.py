"""Public inputs of problems, declared as plain rows and handed to learners as fresh DataFrames."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from typing import Any


def materialize(value: Any) -> Any:
    """A fresh copy of a problem input: rows of mappings become a pandas DataFrame."""
    if (
        isinstance(value, Sequence)
        and not isinstance(value, str)
        and value
        and all(isinstance(row, Mapping) for row in value)
    ):
        import pandas as pd

        return pd.DataFrame([dict(row) for row in value])
    return copy.deepcopy(value)
