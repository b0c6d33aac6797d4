"""Answers leave the grading kernel as plain data; rigged objects are flagged, not trusted."""

from __future__ import annotations

import json

import pandas as pd

from pmcourse.exercises import ____
from pmcourse.grading.kernel.capture import Unsupported, decode, encode_answers


def roundtrip(value: object) -> tuple[object, list[str]]:
    payload = json.loads(json.dumps(encode_answers("p", {"x": value})))
    return decode(payload["answers"]["x"]), payload["anomalies"]


class TestPlainData:
    def test_nested_values_survive(self) -> None:
        """Dicts, lists, sets, tuples and numbers come back equal (tuples as lists)."""
        value = {"a": [1, 2.5, None, True], "b": {"x", "y"}, ("k", 1): "t"}
        back, anomalies = roundtrip(value)
        assert back == {"a": [1, 2.5, None, True], "b": {"x", "y"}, ("k", 1): "t"}
        assert anomalies == []

    def test_dataframe_survives_with_its_index(self) -> None:
        """A DataFrame comes back with its columns, values and named index."""
        frame = pd.DataFrame({"item_id": ["K1", "K2"], "kind": ["task", None]}).set_index("item_id")
        back, _ = roundtrip(frame)
        pd.testing.assert_frame_equal(back, frame)

    def test_placeholder_becomes_none(self) -> None:
        """The `____` placeholder reads as not answered, not as an anomaly."""
        back, anomalies = roundtrip(____)
        assert back is None and anomalies == []


class TestRiggedObjects:
    def test_str_subclass_with_always_true_eq_is_flagged_and_flattened(self) -> None:
        """A str subclass whose == always holds is reported and reduced to its plain text."""

        class Always(str):
            def __eq__(self, other: object) -> bool:
                return True

            __hash__ = str.__hash__

        back, anomalies = roundtrip([Always("task")])
        assert back == ["task"] and type(back[0]) is str
        assert "Always" in anomalies[0] and "__eq__" in anomalies[0]

    def test_arbitrary_object_is_unsupported(self) -> None:
        """An object that is not plain data decodes to a stand-in that equals nothing."""

        class Anything:
            def __eq__(self, other: object) -> bool:
                return True

        back, anomalies = roundtrip(Anything())
        assert isinstance(back, Unsupported)
        assert back != "task"
        assert anomalies

    def test_oversized_answer_is_cut_not_crashed(self) -> None:
        """An answer too large to grade is replaced by a note instead of filling the gradebook."""
        back, _ = roundtrip(list(range(50_000)))
        assert isinstance(back, Unsupported) and "too large" in back.what
