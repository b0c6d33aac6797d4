"""North Star rules: one leading measure of value for customers, not money or vanity counts."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .. import lexicon as lx
from ..engine import Hit, rule
from ._util import hits, matches, whole

KIND, LESSON = "north_star", "05_measurable_goals"


@rule(KIND, "financial-metric", severity="error", lesson=LESSON,
      source="003 Step 4 (no financial KPIs such as ARR or LTV); Amplitude (leading, customer "
             "value); G01",
      message="Money is a lagging result that product work rarely moves directly. Measure the "
              "customer behaviour that creates the value, e.g. 'households that cook three "
              "planned meals a week'.")
def financial_metric(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Revenue, ARR, LTV, margin, bookings, currency amounts ..."""
    return hits(text, matches(text, lx.FINANCIAL), "{word} is a financial measure.")


@rule(KIND, "vanity-metric", severity="error", lesson=LESSON,
      source="Amplitude North Star checklist (expresses value, not vanity); G02",
      message="This count can grow while nobody gets value. Count the customers who do the "
              "valuable thing, in a time window, e.g. 'teams that close 3 tasks a week'.")
def vanity_metric(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Totals, sign-ups, downloads, page views, or user counts with no value qualifier."""
    found = lx.spans(lx.VANITY, text)
    for start, end in lx.spans(lx.BARE_COUNTS, text):
        if not lx.VALUE_QUALIFIER.search(text, end):
            found.append((start, end))
    return hits(text, found, "{word} counts activity, not value.")


@rule(KIND, "no-time-window", severity="warning", lesson=LESSON,
      source="Amplitude (action, customer, frequency) [S]; G04",
      message="Without a time window the number only grows. Add one: per week, per month, "
              "within the first 7 days ...")
def no_time_window(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """No 'per week', 'weekly', 'in 7 days' ..."""
    return [] if lx.first(lx.TIME_WINDOW, text) else [Hit(whole(text), "It has no time window.")]


@rule(KIND, "initiative-not-metric", severity="error", lesson=LESSON,
      source="Amplitude (inputs and metrics are not the work); G06",
      message="This is work to do, not something to measure. Name the customer behaviour the "
              "work should change and count it, e.g. 'invites sent per new household in week 1'.")
def initiative_not_metric(text: str, context: Mapping[str, str]) -> Iterable[Hit]:
    """Starts with a build verb: launch, build, add, ship ..."""
    verb = lx.BUILD_VERBS.match(text, len(text) - len(text.lstrip()))
    return [Hit(verb.span(), f"'{verb.group()}' is a build action.")] if verb else []
