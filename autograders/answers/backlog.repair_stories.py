"""Instructor-only answers for `backlog.repair_stories` (Courtside): lists of dicts with the
columns ``item_id``, ``story`` and ``acceptance``. Never released.

REFERENCE scores 1.0; each PARTIAL scores strictly between 0 and 1; each WRONG scores at most 0.3.
"""

_GOOD = {
    "C01": ("As a member, I want a reminder two hours before my court booking, so that I do not "
            "miss my slot.",
            "Given a booking at 18:00, when it is 16:00, then I get a push notification with the "
            "court number."),
    "C02": ("As a member, I want to book a court in under 30 seconds, so that booking fits into "
            "a work break.",
            "Given I am logged in, when I pick a free slot and confirm, then the booking shows in "
            "My bookings within 30 seconds of opening the app."),
    "C03": ("As a member, I want to see which courts are free within two seconds of opening the "
            "app, so that I can choose a slot before my break ends.",
            "Given 12 courts on a Saturday, when I open the app on 4G, then every court's free "
            "slots are shown within two seconds."),
    "C04": ("As a club member, I want to invite a partner to my court booking, so that they know "
            "the time and court.",
            "Given a booking for Saturday at 10:00, when I invite Sam by email, then Sam receives "
            "the court number and time."),
}


def _rows(stories: dict) -> list[dict]:
    return [{"item_id": i, "story": s, "acceptance": a} for i, (s, a) in stories.items()]


REFERENCE = _rows(_GOOD)

PARTIAL = [
    # Good stories, but the acceptance criteria are wishes, not Given / When / Then tests.
    _rows({i: (s, "It works well.") for i, (s, _) in _GOOD.items()}),
    # The system-as-user and compound stories left as they were written.
    _rows({**_GOOD,
           "C03": ("As the booking service, I want to cache court availability so that pages "
                   "load", _GOOD["C03"][1]),
           "C04": ("As a club member, I want to book a court and pay the guest fee and invite a "
                   "partner so that we can play", _GOOD["C04"][1])}),
    # Only two items rewritten.
    _rows({i: v for i, v in _GOOD.items() if i in ("C01", "C02")}),
]

WRONG = [
    # The originals handed back unchanged.
    [{"item_id": "C01", "story": "Booking reminders", "acceptance": ""},
     {"item_id": "C02", "story": "As a member, I want booking to be quick and simple so that "
      "the app feels nicer", "acceptance": ""},
     {"item_id": "C03", "story": "As the booking service, I want to cache court availability "
      "so that pages load", "acceptance": ""},
     {"item_id": "C04", "story": "As a club member, I want to book a court and pay the guest "
      "fee and invite a partner so that we can play", "acceptance": ""}],
    # Outcomes instead of stories, with no criteria.
    _rows({i: ("Increase bookings by 10%", "") for i in _GOOD}),
]
