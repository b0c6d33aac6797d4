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
    # the right choices, each with a reason, but resting on no figure or finding from the data
    {
        "what": "Online repair booking that texts the cyclist when the bike is ready, because "
                "mechanics would rather fix bikes than answer the phone all day.",
        "who": "E-bike specialists first, because electric bikes are complicated and their "
               "owners expect a professional, well-organised service.",
        "grow": "Through the parts distributor's sales network, so that shops hear about us "
                "from a supplier they already trust instead of from an advert.",
        "good": "Repairs that are ready on the day the shop promised, because that is what a "
                "cyclist remembers about a repair shop.",
    },
    # two good answers, two missing
    {"what": REFERENCE["what"], "who": REFERENCE["who"], "grow": "", "good": ""},
]

WRONG = [
    # reasons given, but no choice the data can check (vague), and no data
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
    # ids of the data quoted next to choices the data contradicts
    {
        "what": "A marketplace where cyclists buy new bikes, because P1 and P2 show shops are "
                "busy and need more sales.",
        "who": "Chain franchise stores (T3) first, because P1 shows they are the biggest "
               "segment with thousands of shops.",
        "grow": "Paid ads on social media, because P3 shows shops sign up when they see "
                "Spokes somewhere.",
        "good": "Annual contract value, because P4 shows shops that stay pay us every year, so "
                "revenue proves the product works.",
    },
    # one-liners without reasons or data
    {"what": "An app.", "who": "Bike shops.", "grow": "Marketing.", "good": "Revenue."},
    # goals instead of choices, for everybody
    {"what": "Everything bike shops need.", "who": "All bike shops and everyone who rides.",
     "grow": "Grow 300% next year.", "good": "Become the number one bike app."},
]
