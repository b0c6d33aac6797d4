"""Instructor-only answers for strategy_goals.four_questions: full marks, partial, wrong."""

REFERENCE = {
    "what": "Online booking with automatic status texts and early parts ordering, because P1 "
            "shows phone calls eat five hours a week and P2 shows repairs wait on late parts.",
    "who": "Urban commuter repair shops (T1) first, because they have the most shops, the "
           "highest pain and a short time to value; we will not chase chain stores this year.",
    "grow": "Through Velotrade's reseller network and roadshows, since P3 shows that is where "
            "pilot shops came from, so we spend on the distributor partnership rather than ads.",
    "good": "We track repairs handed back on the promised day per week, because P4 shows shops "
            "that keep customers informed stay with us, so the number rises only when cyclists "
            "get their bikes on time.",
}

PARTIAL = [
    # reasons given but no evidence from the data
    {
        "what": "A tool that makes running a repair shop simpler, because mechanics are busy "
                "people who would rather fix bikes than answer questions all day.",
        "who": "Independent shops that care about their customers, because they will "
               "appreciate a modern tool more than large chains with their own systems.",
        "grow": "By word of mouth between mechanics, since they talk to each other a lot and "
                "trust each other more than any advert we could pay for.",
        "good": "When shop owners tell us they like it, because happy owners renew and tell "
                "their friends, which is the best sign that the product works.",
    },
    # two good answers, two missing
    {"what": REFERENCE["what"], "who": REFERENCE["who"], "grow": "", "good": ""},
]

WRONG = [
    # one-liners without reasons or data
    {"what": "An app.", "who": "Bike shops.", "grow": "Marketing.", "good": "Revenue."},
    # goals instead of choices, for everybody
    {"what": "Everything bike shops need.", "who": "All bike shops and everyone who rides.",
     "grow": "Grow 300% next year.", "good": "Become the number one bike app."},
]
