"""The text gate: every free-text answer must carry content of its own before a criterion reads it."""

from __future__ import annotations

import pytest

from pmcourse.exercises.graders.gate import GATES, gate, gate_fields

TERSE_VALID = [
    ("Zero missed medication doses", 3),
    ("Renew the TLS certificate before it expires", 3),
    ("A world where every child can read", 3),
    ("Accelerate the world's transition to sustainable energy", 3),
    ("Every household cooks at home three times a week", 3),
    ("Help families waste less food", 3),
    ("Weekly active households", 2),
    ("Independent pharmacies", 2),
    ("Cut checkout abandonment on mobile below 20%", 3),
    ("As a ward nurse, I want to see which doses are due next so that no patient misses one", 3),
    ("Given a dose is due at 8:00, when the nurse opens the ward list, then that dose is first", 3),
]


@pytest.mark.parametrize(("text", "min_words"), TERSE_VALID)
def test_terse_valid_product_text_passes(text: str, min_words: int) -> None:
    """Real visions, outcomes, tasks, stories and criteria pass, however short."""
    verdict = gate(text, field="answer", min_words=min_words)
    assert verdict.passed, verdict.message
    assert verdict.message == ""


@pytest.mark.parametrize("text", ["TBD", "x", "...", "?", "lorem ipsum dolor sit amet",
                                  "your text here", "____", "todo", "n/a", "xxx xxx",
                                  "a b c d e", "We help [customers] do [thing]",
                                  "Our vision is to ..."])
def test_placeholders_fail(text: str) -> None:
    """Placeholder text fails the placeholder gate, and the message says so and what to do."""
    verdict = gate(text, field="vision")
    assert not verdict
    assert verdict.gate == "placeholder"
    assert verdict.message.startswith("The vision") and "own words" in verdict.message


@pytest.mark.parametrize("text", ["", "   ", None])
def test_blank_fails(text: str | None) -> None:
    """An empty field is reported as still empty."""
    assert gate(text, field="mission").gate == "blank"


@pytest.mark.parametrize("text", ["Better health", "zzz qq", "Grow"])
def test_too_little_content_fails(text: str) -> None:
    """Fewer real words than the field needs (single letters and key mash do not count)."""
    verdict = gate(text, field="outcome", min_words=3)
    assert verdict.gate == "too_short"
    assert "too short" in verdict.message


@pytest.mark.parametrize("text", ["Healthcare wellness fitness nutrition community",
                                  "Pharmacy, logistics, compliance and reliability",
                                  "Seamless smart medication platform solution"])
def test_noun_runs_fail_in_sentences(text: str) -> None:
    """A list of category nouns with no verb or link word is not a statement."""
    verdict = gate(text, field="vision")
    assert verdict.gate == "noun_run"
    assert "no verb" in verdict.message


def test_noun_run_gate_is_off_for_names_and_metrics() -> None:
    """A metric is a noun phrase by nature: `sentence=False` leaves it alone."""
    assert gate("Customer satisfaction score NPS", field="metric", sentence=False)


def test_copy_of_prompt_or_data_fails() -> None:
    """Pasting the prompt's or the data's words is not an answer; a rewrite in new words is."""
    prompt = "Rewrite each feature as the outcome it should change for the pharmacy's customers."
    data = ["Build a barcode scanner for prescriptions", "Add SMS refill reminders"]
    copied = gate("Build a barcode scanner for prescriptions", field="outcome 1",
                  prompt_texts=[prompt], data_texts=data)
    assert copied.gate == "copy" and "given data" in copied.message
    pieced = gate("the outcome it should change for the pharmacy's customers", field="outcome 2",
                  prompt_texts=[prompt], data_texts=data)
    assert pieced.gate == "copy" and "prompt" in pieced.message
    own = gate("Fewer prescriptions filled with the wrong medicine", field="outcome 1",
               prompt_texts=[prompt], data_texts=data)
    assert own.passed


def test_same_text_in_several_fields_fails() -> None:
    """The same sentence pasted as vision and mission fails both, naming the other field."""
    text = "Every family eats well without wasting food"
    verdicts = gate_fields({"vision": text, "mission": text.lower() + "."})
    assert verdicts["vision"].gate == "duplicate" and "mission" in verdicts["vision"].message
    assert verdicts["mission"].gate == "duplicate"
    kept = gate_fields({"vision": text, "mission": text}, first_keeps=True)
    assert kept["vision"].passed and kept["mission"].gate == "duplicate"


@pytest.mark.parametrize("story", [
    "As a nurse, I want to see due doses, so that I can see due doses",
    "As a shopper I want to book a delivery slot so that I book a slot",
    "As a shopper I want to book a delivery slot so that it is better",
    "As a shopper I want to book a delivery slot so that good",
])
def test_so_that_repeating_the_want_fails(story: str) -> None:
    """A reason that restates the wish, or carries no reason, fails the so-that gate."""
    verdict = gate(story, field="story 1")
    assert verdict.gate == "so_that"
    assert "so that" in verdict.message


@pytest.mark.parametrize("criteria", ["Given x When y Then z",
                                      "Given a user when they act then success",
                                      "Given the app, when it works, then it works"])
def test_given_when_then_without_content_fails(criteria: str) -> None:
    """Each of Given, When and Then needs a situation, an action or a result in words."""
    verdict = gate(criteria, field="acceptance criterion")
    assert verdict.gate == "given_when_then"


@pytest.mark.parametrize(("story", "says"), [
    ("As a x, I want to book a court tonight, so that I can play after work", "real person"),
    ("As a member, I want it, so that I can play after work with a friend", "says no action"),
])
def test_story_clauses_without_content_fail(story: str, says: str) -> None:
    """The "As a" and the "I want" of a story each need words that say something."""
    verdict = gate(story, field="story 1")
    assert verdict.gate == "story_clause" and says in verdict.message


def test_every_gate_is_listed() -> None:
    """The ids the gate can return are the documented ones."""
    assert set(GATES) == {"blank", "placeholder", "too_short", "noun_run", "copy", "duplicate",
                          "story_clause", "so_that", "given_when_then"}
