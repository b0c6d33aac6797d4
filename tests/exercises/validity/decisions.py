"""Validity cases for the decision problems: labels, choices, plans, links and metrics.

Written fresh for this fixture (never taken from ``autograders/answers/``): for each problem two
valid answers in other words, one plausible but wrong answer and one that games the checker. The
expert score is what an experienced product-management teacher would give, as a share.
"""

from __future__ import annotations

from tests.exercises.validity import Case

CASES: list[Case] = []


def _rows(pairs: dict[str, str], columns: tuple[str, str]) -> list[dict[str, str]]:
    return [{columns[0]: k, columns[1]: v} for k, v in pairs.items()]


# --- artifact labels: practice.which_artifact (Larder), vision_mission.classify_statements -----
_LARDER_LABELS = {
    "A01": "Vision", "A02": "Backlog item", "A03": "Product mission", "A04": "Strategy",
    "A05": "Roadmap outcome", "A06": "vision", "A07": "task", "A08": "strategy choice",
    "A09": "roadmap item", "A10": "mission", "A11": "user story", "A12": "product vision",
    "A13": "strategy", "A14": "outcome", "A15": "mission",
}
CASES += [
    Case("practice.which_artifact", "valid", 1.0, {"labels": _LARDER_LABELS},
         why="every statement right, in the learner's own spellings of the labels"),
    Case("practice.which_artifact", "valid", 0.9, {"labels": _LARDER_LABELS | {
        "A15": "vision", "A12": "outcome"}},
         why="reads A15 as a vision (defensible) and one vision as an outcome"),
    Case("practice.which_artifact", "wrong", 0.45, {"labels": {
        "A01": "mission", "A02": "outcome", "A03": "vision", "A04": "strategy",
        "A05": "backlog", "A06": "mission", "A07": "backlog", "A08": "strategy",
        "A09": "backlog", "A10": "vision", "A11": "backlog", "A12": "mission",
        "A13": "strategy", "A14": "backlog", "A15": "vision"}},
         why="swaps vision and mission throughout and calls every outcome work"),
    Case("practice.which_artifact", "gaming", 0.0, {"labels": dict.fromkeys(
        _LARDER_LABELS, "mission")},
         why="one label for all fifteen statements"),
]

_WAYPOINT_LABELS = {
    "W01": "vision", "W02": "story", "W03": "mission", "W04": "strategy", "W05": "outcome",
    "W06": "backlog", "W07": "vision", "W08": "strategy", "W09": "outcome", "W10": "mission",
    "W11": "backlog", "W12": "vision", "W13": "strategy", "W14": "roadmap", "W15": "mission",
}
CASES += [
    Case("vision_mission.classify_statements", "valid", 1.0, {"labels": [
        {"statement_id": k, "label": v} for k, v in _WAYPOINT_LABELS.items()]},
         why="all fifteen right, given as rows rather than a dict"),
    Case("vision_mission.classify_statements", "valid", 0.9, {"labels": _WAYPOINT_LABELS | {
        "W15": "vision", "W09": "backlog"}},
         why="W15 as a vision (defensible), one outcome read as work"),
    Case("vision_mission.classify_statements", "wrong", 0.55, {"labels": _WAYPOINT_LABELS | {
        "W01": "mission", "W07": "mission", "W12": "mission", "W03": "vision",
        "W10": "vision", "W05": "backlog", "W14": "backlog"}},
         why="visions and missions swapped, two outcomes read as tasks"),
    Case("vision_mission.classify_statements", "gaming", 0.0, {"labels": dict.fromkeys(
        _WAYPOINT_LABELS, "outcome") | {"W01": "vision"}},
         why="fourteen of fifteen labelled 'outcome'"),
]

# --- feature split: practice.feature_split (Larder), roadmap.feature_split (Kindling) --------
_SPLIT_COLUMNS = ("item_id", "kind", "outcome_id")


def _split(outcomes: dict[str, list[str]], kind_words: tuple[str, str] = ("outcome", "task"),
           ) -> list[dict[str, str | None]]:
    rows: list[dict[str, str | None]] = []
    for outcome, tasks in outcomes.items():
        rows.append({"item_id": outcome, "kind": kind_words[0], "outcome_id": None})
        rows += [{"item_id": t, "kind": kind_words[1], "outcome_id": outcome} for t in tasks]
    return rows


CASES += [
    Case("practice.feature_split", "valid", 1.0, {"split": _split({
        "L01": ["L03", "L05", "L14"], "L04": ["L06", "L07", "L08"],
        "L09": ["L10", "L11", "L12"], "L13": ["L02", "L15", "L16"]})},
         why="four outcomes, barcode scanning and the pantry list under their other homes"),
    Case("practice.feature_split", "valid", 1.0, {"split": _split({
        "L01": ["L02", "L03", "L05"], "L04": ["L06", "L07", "L08"],
        "L09": ["L10", "L11", "L12"], "L13": ["L14", "L15", "L16"]},
        kind_words=("Roadmap outcome", "Backlog item"))},
         why="the reference split, labelled with the long names"),
    Case("practice.feature_split", "wrong", 0.5, {"split": _split({
        "L01": ["L02", "L05"], "L03": [], "L04": ["L06", "L07", "L08"], "L09": [],
        "L10": [], "L11": [], "L12": [], "L13": ["L15", "L16"], "L14": []})},
         why="features users would see (reminders, filters, swaps, lists) read as outcomes"),
    Case("practice.feature_split", "gaming", 0.0, {"split": [
        {"item_id": f"L{n:02d}", "kind": "outcome", "outcome_id": None} for n in range(1, 17)]},
         why="every item an outcome, no links"),
]

CASES += [
    Case("roadmap.feature_split", "valid", 1.0, {"split": _split({
        "K03": ["K01", "K02", "K04", "K17"], "K07": ["K05", "K06", "K08", "K18"],
        "K11": ["K09", "K10", "K12"], "K15": ["K13", "K14", "K16"]})},
         why="four outcomes, each task under the change it serves"),
    Case("roadmap.feature_split", "valid", 0.9, {"split": _split({
        "K03": ["K01", "K02", "K04", "K17"], "K07": ["K05", "K06", "K18"],
        "K11": ["K09", "K10", "K12", "K08"], "K15": ["K13", "K14", "K16"]},
        kind_words=("roadmap", "backlog"))},
         why="one enabler (the notes migration) linked to the families' outcome"),
    Case("roadmap.feature_split", "wrong", 0.65, {"split": _split({
        "K03": ["K01", "K02"], "K04": ["K17"], "K07": ["K05", "K06", "K08"],
        "K11": ["K09", "K10"], "K12": [], "K15": ["K13", "K14", "K16"],
        "K18": []})},
         why="dashboard, family messaging and offline notes read as outcomes"),
    Case("roadmap.feature_split", "gaming", 0.0, {"split": [
        {"item_id": f"K{n:02d}", "kind": "task", "outcome_id": "K03"} for n in range(1, 19)]},
         why="every item a task under one id"),
]

# --- KPI tree: practice.kpi_tree -------------------------------------------------------------
_KPI = {"K1": "M11", "K2": "M11", "K3": "M12", "K4": "M21", "K5": "M31", "K6": "M32",
        "K7": "M22", "K8": "M12"}
CASES += [
    Case("practice.kpi_tree", "valid", 1.0, {"mapping": _rows(_KPI, ("item_id", "metric_id"))},
         why="each initiative on the leaf it moves first"),
    Case("practice.kpi_tree", "valid", 1.0, {"mapping": _KPI | {"K4": "M32"}},
         why="quick dinners read as a swap instead of a skipped meal, as a plain dict"),
    Case("practice.kpi_tree", "wrong", 0.3, {"mapping": {
        "K1": "M1", "K2": "M1", "K3": "M1", "K4": "M2", "K5": "M3", "K6": "M3", "K7": "M2",
        "K8": "M3"}},
         why="right branches but stops one level too high everywhere"),
    Case("practice.kpi_tree", "gaming", 0.0, {"mapping": dict.fromkeys(_KPI, "M0")},
         why="everything on the root metric"),
]

# --- ICP and won't-do: practice (Larder), strategy_goals (Spokes) ----------------------------
CASES += [
    Case("practice.icp_and_wont_do", "valid", 1.0, {"choice": {
        "icp": ["S1"], "wont_do": ["S2", "S8", "S3"]}},
         why="working families first; students, restaurants and retirees turned down"),
    Case("practice.icp_and_wont_do", "valid", 1.0, {"choice": {
        "icp": "S7, S1", "wont_do": ["S4", "S6"]}},
         why="batch cooks and working families; the big couples segment turned down"),
    Case("practice.icp_and_wont_do", "wrong", 0.45, {"choice": {
        "icp": ["S4"], "wont_do": ["S3", "S8"]}},
         why="the biggest feasible segment, with middling pain and fit"),
    Case("practice.icp_and_wont_do", "gaming", 0.05, {"choice": {
        "icp": ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"],
        "wont_do": ["S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8"]}},
         why="every segment in both lists"),
]
CASES += [
    Case("strategy_goals.icp_and_wont_do", "valid", 1.0, {"choice": {
        "icp": ["T1", "T2"], "wont_do": ["T3", "T8", "T5"]}},
         why="commuter shops and e-bike specialists; chains, pro shops and rural turned down"),
    Case("strategy_goals.icp_and_wont_do", "valid", 1.0, {"choice": {
        "icp": ["T2"], "wont_do": ["T6", "T3", "T4"]}},
         why="e-bike specialists alone, turning down the mobile mechanics"),
    Case("strategy_goals.icp_and_wont_do", "wrong", 0.3, {"choice": {
        "icp": ["T5", "T8"], "wont_do": ["T6", "T7"]}},
         why="rural and pro shops: one beaten, one out of the channel"),
    Case("strategy_goals.icp_and_wont_do", "gaming", 0.1, {"choice": {
        "icp": ["T3"], "wont_do": ["T1", "T2", "T4", "T5", "T6", "T7", "T8"]}},
         why="the biggest segment, blocked by the channel, and no to everyone else"),
]

# --- four strategy questions: practice (Larder), strategy_goals (Spokes) ---------------------
CASES += [
    Case("practice.four_questions", "valid", 1.0, {"strategy": {
        "what": "A weekly planner that cooks up the menu from the food already in the "
                "kitchen and writes only the missing items on the list, because pilot homes "
                "binned about 30% less when they planned that way.",
        "who": "Parents juggling jobs and school runs come first, since they feel the "
               "evening what-to-cook stress most, the app fits them best and we already reach "
               "them.",
        "grow": "Every plan can be shared with the other adult at home or a friend, because "
                "two in three pilot homes joined after someone passed a plan on to them.",
        "good": "Home-cooked meals made from a plan per household each week, since homes "
                "that cooked three or more a week were still active three months later.",
    }}, why="all four choices right, the data paraphrased without ids"),
    Case("practice.four_questions", "valid", 0.95, {"strategy": {
        "what": "Meal planning that starts from the pantry (R2), so that households use up "
                "what they bought; R1 says deciding what to cook is the worst part of the day.",
        "who": "S7, the Sunday batch cooks, then S1: they fit Larder best and see value in a "
               "week, which matters because our trial lasts four weeks.",
        "grow": "Invitations from inside a shared plan, because R3 shows that is how most "
                "pilot households arrived; we will not buy ads this year.",
        "good": "Meals cooked from a Larder plan per household per week, because R4 links "
                "cooking at least three planned meals to staying.",
    }}, why="ids and reasons, batch cooks first, ads turned down"),
    Case("practice.four_questions", "wrong", 0.3, {"strategy": {
        "what": "A grocery delivery app that brings the week's food to the door, because "
                "shopping takes time away from families.",
        "who": "Couples without children first, because at 1.5 million households they are "
               "the biggest market we can reach.",
        "grow": "Paid social media ads and influencer deals, because they reach many people "
                "quickly and we can measure them.",
        "good": "Monthly subscribers, because a growing subscriber base shows the business "
                "is healthy and people like the product.",
    }}, why="plausible but against the data: delivery, the biggest segment, ads, subscribers"),
    Case("practice.four_questions", "gaming", 0.05, {"strategy": {
        "what": "R1 R2 pantry waste shopping list because R1 and R2 so that R1 R2.",
        "who": "S1 S4 S7 school-age working families because S1 so that S1 S4 S7.",
        "grow": "R3 invite share friend referral because R3 so that R3 word of mouth.",
        "good": "R4 per week weekly planned meals because R4 so that R4 per week.",
    }}, why="ids and key words stuffed with connectors"),
]
CASES += [
    Case("strategy_goals.four_questions", "valid", 1.0, {"strategy": {
        "what": "Online repair booking with automatic status texts and parts ordered when "
                "the booking comes in, because pilot mechanics lost five hours a week to "
                "phone calls and half the repairs waited on a late part.",
        "who": "City commuter repair shops first: they feel the most pain, fit well, our "
               "reseller channel reaches them and with 2,400 shops they are the biggest "
               "feasible group.",
        "grow": "Through the distributor Velotrade and its roadshows, because most pilot "
                "shops signed up after seeing Spokes there; no paid advertising this year.",
        "good": "Repairs handed back on the promised day each week, because shops that kept "
                "cyclists updated stayed with us after the trial.",
    }}, why="all four right, the findings paraphrased"),
    Case("strategy_goals.four_questions", "valid", 0.95, {"strategy": {
        "what": "A booking calendar that orders the parts a repair needs as soon as it is "
                "booked, since P2 shows late parts hold up half of all repairs.",
        "who": "E-bike specialists (T2) first, because their pain and fit are the highest in "
               "the table and value arrives within the six-week onboarding budget.",
        "grow": "Velotrade's reseller network and roadshows (P3), so that we sell through the "
                "channel pilot shops already trust instead of building a sales team.",
        "good": "Share of repairs ready on the promised date per week, because P4 shows shops "
                "keeping cyclists informed stay, and on-time repairs are what cyclists value.",
    }}, why="e-bike specialists first, ids cited, sales team turned down"),
    Case("strategy_goals.four_questions", "wrong", 0.25, {"strategy": {
        "what": "A marketplace where shops sell second-hand bikes online, because P1 shows "
                "shops are busy and need new income.",
        "who": "Chain franchise stores (T3) first, because with 3,000 shops they are the "
               "largest segment in the table.",
        "grow": "Our own sales team calling shops one by one, because a personal call builds "
                "trust faster than any distributor.",
        "good": "Annual contract value, because P4 shows shops that stay pay every year and "
                "revenue is what investors look at.",
    }}, why="contradicts the data on all four, citing ids anyway"),
    Case("strategy_goals.four_questions", "gaming", 0.05, {"strategy": {
        "what": "P1 P2 booking parts status because P1 so that P2 because P1 P2.",
        "who": "T1 T2 T4 urban commuter e-bike because T1 so that T2 because T4.",
        "grow": "P3 Velotrade distributor roadshow because P3 so that P3 reseller.",
        "good": "P4 promised day on time weekly because P4 so that P4 per week.",
    }}, why="ids and key words stuffed with connectors"),
]

# --- North Star: practice (Larder), strategy_goals (Spokes) ----------------------------------
CASES += [
    Case("practice.north_star", "valid", 1.0, {"north_star": {
        "metric": "N1", "inputs": ["I4", "I2", "I1", "I3"],
        "rejected": {"N2": "leading", "N3": "leading", "N4": "strategy", "N5": "measurable",
                     "N6": "actionable", "N7": "not-vanity"}}},
         why="cooked meals, all four inputs, a second true reason for several candidates"),
    Case("practice.north_star", "valid", 0.95, {"north_star": {
        "metric": "N1", "inputs": "I1, I2, I4",
        "rejected": {"N2": ["customer-value", "not-vanity"], "N3": "customer-value",
                     "N4": "not-vanity", "N5": "measurable", "N6": ["leading", "actionable"],
                     "N7": "customer-value"}}},
         why="three inputs given as one string, several reasons listed"),
    Case("practice.north_star", "wrong", 0.1, {"north_star": {
        "metric": "N2", "inputs": ["I1", "I4", "I6"],
        "rejected": {"N1": "measurable", "N3": "not-vanity", "N4": "not-vanity",
                     "N5": "measurable", "N6": "leading", "N7": "customer-value"}}},
         why="recurring revenue as the North Star"),
    Case("practice.north_star", "gaming", 0.3, {"north_star": {
        "metric": "N1", "inputs": ["I1", "I2", "I3", "I4", "I5", "I6", "I7"],
        "rejected": {c: ["customer-value", "strategy", "leading", "actionable",
                         "understandable", "measurable", "not-vanity"]
                     for c in ("N2", "N3", "N4", "N5", "N6", "N7")}}},
         why="right metric, then every input and every reason for every candidate"),
]
CASES += [
    Case("strategy_goals.north_star", "valid", 1.0, {"north_star": {
        "metric": "M1", "inputs": ["J2", "J1", "J4", "J3"],
        "rejected": {"M2": "not-vanity", "M3": "leading", "M4": "customer-value",
                     "M5": "actionable", "M6": "not-vanity", "M7": "customer-value"}}},
         why="repairs back on the promised day, four inputs, true reasons"),
    Case("strategy_goals.north_star", "valid", 0.9, {"north_star": {
        "metric": "M1", "inputs": ["J1", "J2", "J3"],
        "rejected": {"M2": ["customer-value", "leading"], "M3": "not-vanity",
                     "M4": "not-vanity", "M5": "understandable", "M6": "customer-value",
                     "M7": "measurable"}}},
         why="three inputs, one doubtful reason for the app-store rating"),
    Case("strategy_goals.north_star", "wrong", 0.1, {"north_star": {
        "metric": "M2", "inputs": ["J6", "J3", "J1"],
        "rejected": {"M1": "measurable", "M3": "not-vanity", "M4": "not-vanity",
                     "M5": "measurable", "M6": "customer-value", "M7": "actionable"}}},
         why="annual contract value as the North Star, margin as an input"),
    Case("strategy_goals.north_star", "gaming", 0.3, {"north_star": {
        "metric": "M1", "inputs": ["J1", "J2", "J3", "J4", "J5", "J6", "J7"],
        "rejected": {c: ["customer-value", "strategy", "leading", "actionable",
                         "understandable", "measurable", "not-vanity"]
                     for c in ("M2", "M3", "M4", "M5", "M6", "M7")}}},
         why="right metric, then every input and every reason for every candidate"),
]

# --- Now / Next / Later: practice (Larder), roadmap (Kindling) -------------------------------
_LARDER_PLAN_PANTRY_FIRST = {
    "N07": "now", "N01": "now", "N02": "now", "N09": "now",
    "N04": "next", "N10": "next", "N05": "next", "N08": "next", "N12": "next",
    "N03": "later", "N06": "later", "N11": "later",
}
CASES += [
    Case("practice.now_next_later", "valid", 1.0, {"plan": _rows(
        _LARDER_PLAN_PANTRY_FIRST, ("item_id", "horizon"))},
         why="allergens and the pantry chain in Now, quick wins next"),
    Case("practice.now_next_later", "valid", 1.0, {"plan": {
        "N07": "Now", "N04": "Now", "N10": "Now", "N09": "Now", "N01": "Next", "N02": "Next",
        "N05": "Next", "N08": "Next", "N12": "Next", "N03": "Later", "N06": "Later",
        "N11": "Later"}},
         why="quick first plan and dinners in Now, the chain from Next, capitalised"),
    Case("practice.now_next_later", "wrong", 0.4, {"plan": _LARDER_PLAN_PANTRY_FIRST | {
        "N01": "next", "N04": "now"}},
         why="expiry alerts in Now before the grocery log they need"),
    Case("practice.now_next_later", "gaming", 0.0, {"plan": dict.fromkeys(
        _LARDER_PLAN_PANTRY_FIRST, "next")},
         why="everything in Next"),
]
CASES += [
    Case("roadmap.now_next_later", "valid", 1.0, {"plan": {
        "G05": "now", "G11": "now", "G04": "now", "G01": "next", "G02": "next", "G12": "next",
        "G07": "next", "G03": "next", "G08": "next", "G06": "later", "G09": "later",
        "G10": "later"}},
         why="paperwork first: medication record, free carers and faster notes in Now"),
    Case("roadmap.now_next_later", "valid", 1.0, {"plan": _rows({
        "G05": "now", "G01": "now", "G02": "now", "G11": "now", "G03": "next", "G04": "next",
        "G07": "next", "G08": "next", "G12": "next", "G06": "later", "G09": "later",
        "G10": "later"}, ("item_id", "horizon"))},
         why="on-time visits first, then paperwork and families"),
    Case("roadmap.now_next_later", "wrong", 0.4, {"plan": {
        "G01": "now", "G02": "now", "G11": "now", "G12": "now", "G05": "next",
        "G03": "next", "G04": "next", "G07": "next", "G08": "next", "G06": "later",
        "G09": "later", "G10": "later"}},
         why="the regulator's medication record left for Next"),
    Case("roadmap.now_next_later", "gaming", 0.0, {"plan": {"G05": "now"}},
         why="only the dated item placed"),
]

# --- timeline to outcomes: practice (Larder), roadmap (Kindling) -----------------------------
_TIMELINE_COLUMNS = ("outcome_id", "horizon", "outcome", "metric", "date")


def _outcomes(rows: list[tuple]) -> list[dict]:
    return [dict(zip(_TIMELINE_COLUMNS, row, strict=True)) for row in rows]


CASES += [
    Case("practice.timeline_to_outcomes", "valid", 1.0, {
        "outcomes": _outcomes([
            ("A", "now", "Less of the food families buy ends up in the bin",
             "Ingredients thrown away unused per household per month", None),
            ("B", "now", "Parents of children with allergies trust every recipe they cook",
             "Recipes shown with a full allergen list", "1 April 2027, labelling law"),
            ("C", "next", "Newcomers have a first week of meals planned on their first day",
             "Share of sign-ups with a saved plan within 24 hours", None),
            ("D", "next", "Shoppers leave the store with only what this week's meals need",
             "Items bought that were already at home, per trip", "30 June 2027, GrocerHub"),
            ("E", "later", "Households cook dinner at home on more weeknights",
             "Weeknight dinners cooked at home per household", None),
        ]),
        "placement": {"T01": "D", "T02": "A", "T03": "A", "T04": "B", "T05": "C", "T06": "C",
                      "T07": "D", "T08": "D", "T09": "D", "T10": "E", "T11": "E", "T12": "E"},
    }, why="five outcomes in fresh words, barcode scanning under shopping, two dates kept"),
    Case("practice.timeline_to_outcomes", "valid", 0.85, {
        "outcomes": _outcomes([
            ("W", "now", "Households waste less food and buy only what they will eat",
             "Kilos of food binned per household per month", "30 June 2027 (GrocerHub)"),
            ("S", "now", "Families with allergies cook from Larder safely",
             "Allergen complaints per month", "2027-04-01 (allergen law)"),
            ("H", "next", "New households start planning quickly and keep cooking at home",
             "Home-cooked dinners per household per week", None),
        ]),
        "placement": {"T01": "W", "T02": "W", "T03": "W", "T04": "S", "T05": "H", "T06": "H",
                      "T07": "W", "T08": "W", "T09": "W", "T10": "H", "T11": "H", "T12": "H"},
    }, why="three broad outcomes; waste and shopping merged, six features under two outcomes"),
    Case("practice.timeline_to_outcomes", "wrong", 0.25, {
        "outcomes": _outcomes([
            ("O1", "now", "Launch barcode scanning and expiry reminders", None, "2027-02-01"),
            ("O2", "now", "Ship allergen labels on every recipe", None, "2027-04-01"),
            ("O3", "next", "Release the new sign-up and starter plan", None, "2027-04-10"),
            ("O4", "next", "Deliver the shopping list features", None, "2027-06-30"),
            ("O5", "later", "Build the cooking features", None, "2027-09-01"),
        ]),
        "placement": {"T01": "O1", "T02": "O1", "T03": "O1", "T04": "O2", "T05": "O3",
                      "T06": "O3", "T07": "O4", "T08": "O4", "T09": "O4", "T10": "O5",
                      "T11": "O5", "T12": "O5"},
    }, why="grouped well but every 'outcome' is a release, no metrics, every date kept"),
    Case("practice.timeline_to_outcomes", "gaming", 0.1, {
        "outcomes": _outcomes([
            (f"G{n}", h, "a change for users, not a thing to build", "how you will know it "
             "happened", None) for n, h in enumerate(["now", "now", "next", "later"], start=1)
        ]),
        "placement": {"T01": "G1", "T02": "G1", "T03": "G1", "T04": "G2", "T05": "G3",
                      "T06": "G3", "T07": "G3", "T08": "G3", "T09": "G2", "T10": "G4",
                      "T11": "G4", "T12": "G4"},
    }, why="the prompt's own words pasted as every outcome and metric"),
]
CASES += [
    Case("roadmap.timeline_to_outcomes", "valid", 1.0, {
        "outcomes": _outcomes([
            ("V", "now", "Clients see their carer arrive at the agreed time",
             "Visits starting more than 15 minutes late, per week", None),
            ("M", "now", "Each visit leaves a full record of the medicines given",
             "Visits with a complete medication record", "2027-03-01 (regulator)"),
            ("P", "next", "Carers finish their notes in minutes, even out of signal",
             "Minutes of note-taking per visit", None),
            ("F", "next", "Relatives know how each visit went without phoning the office",
             "Calls from relatives to the office per week", None),
            ("S", "next", "Open shifts find a qualified carer fast",
             "Minutes from an open shift to an accepted carer", "2027-09-01 (county contract)"),
        ]),
        "placement": {"F01": "V", "F02": "V", "F03": "V", "F04": "M", "F05": "P", "F06": "P",
                      "F07": "F", "F08": "F", "F09": "F", "F10": "S", "F11": "S", "F12": "S"},
    }, why="five outcomes in fresh words, both hard dates kept"),
    Case("roadmap.timeline_to_outcomes", "valid", 0.85, {
        "outcomes": _outcomes([
            ("A", "now", "Carers arrive on time and spend less time on paperwork",
             "Late visits per week and minutes of notes per visit", "1 March 2027 (regulator)"),
            ("B", "next", "Families stay informed about their relative's care",
             "Calls from families per week", None),
            ("C", "next", "Coordinators fill open shifts quickly",
             "Median minutes to fill an open shift", "1 September 2027 (county contract)"),
        ]),
        "placement": {"F01": "A", "F02": "A", "F03": "A", "F04": "A", "F05": "A", "F06": "A",
                      "F07": "B", "F08": "B", "F09": "B", "F10": "C", "F11": "C", "F12": "C"},
    }, why="three outcomes; on-time and paperwork merged with six features under one"),
    Case("roadmap.timeline_to_outcomes", "wrong", 0.3, {
        "outcomes": _outcomes([
            ("R1", "now", "Add GPS check-in and push alerts", "Features shipped", "2027-02-01"),
            ("R2", "now", "Deliver the medication checklist", "Checklist live", "2027-03-01"),
            ("R3", "next", "Build the notes tools", "Tools released", "2027-04-15"),
            ("R4", "next", "Launch the family portal", "Portal live", "2027-05-01"),
            ("R5", "later", "Implement shift broadcasting", "SMS sent", "2027-09-01"),
        ]),
        "placement": {"F01": "R1", "F02": "R1", "F03": "R1", "F04": "R2", "F05": "R3",
                      "F06": "R3", "F07": "R4", "F08": "R4", "F09": "R4", "F10": "R5",
                      "F11": "R5", "F12": "R5"},
    }, why="a release plan in outcome clothing: build verbs, output metrics, all dates"),
    Case("roadmap.timeline_to_outcomes", "gaming", 0.1, {
        "outcomes": _outcomes([
            ("X1", "now", "GPS check-in when a carer arrives", "GPS check-in when a carer "
             "arrives", None),
            ("X2", "now", "Medication checklist pre-filled from the care plan", "Medication "
             "checklist pre-filled", "2027-03-01"),
            ("X3", "next", "Family portal with the week's visit log", "Family portal", None),
            ("X4", "later", "SMS broadcast of open shifts", "SMS broadcast", "2027-09-01"),
        ]),
        "placement": {"F01": "X1", "F02": "X1", "F03": "X1", "F04": "X2", "F05": "X2",
                      "F06": "X2", "F07": "X3", "F08": "X3", "F09": "X3", "F10": "X4",
                      "F11": "X4", "F12": "X4"},
    }, why="feature names of the timeline pasted as outcomes and metrics"),
]

# More answers to the four questions in the styles learners write (plain prose, no ids)
CASES += [
    Case("practice.four_questions", "valid", 1.0, {"strategy": {
        "what": "An app that suggests a week of dinners based on the ingredients a family already"
                " has, then builds the shopping list from the gaps, because the biggest daily "
                "pain in our research is deciding what to cook.",
        "who": "We focus on dual-income households with kids in school because they rated pain "
               "and fit 5 out of 5 and are reachable through our existing channel within the "
               "trial.",
        "grow": "Growth comes from households inviting their partner or friends into a shared "
                "plan; in the pilot, two of every three households came in this way.",
        "good": "Our signal is planned meals that actually get cooked each week per household. "
                "Households that reach three a week keep using Larder months later, so it tracks "
                "real value.",
    }},
         why="dual-income parents, shared plans, planned meals cooked; pilot figures in words"),
    Case("practice.four_questions", "valid", 1.0, {"strategy": {
        "what": "Larder builds a pantry-first meal planner: it knows what is in the fridge, plans"
                " dinners around it and flags food about to expire, because planning from the "
                "pantry cut waste by 30% in the pilot.",
        "who": "Large families of five or more, next to working parents, since both feel the most"
               " pain (5) and Larder fits them well; couples and students come later.",
        "grow": "Referrals: a plan shared with someone else in the house or a friend is how most "
                "pilot users found us, so every plan gets a share button.",
        "good": "We count home-cooked dinners from a plan per active household per week because "
                "it only rises when families actually eat what they planned.",
    }},
         why="large families next to working parents, referrals, dinners cooked per household"),
    Case("strategy_goals.four_questions", "valid", 1.0, {"strategy": {
        "what": "Spokes lets cyclists book repairs online and get status messages automatically, "
                "and orders parts when the repair is booked, since mechanics spend five hours a "
                "week on calls and half the repairs wait for parts.",
        "who": "We start with e-bike specialist shops: pain and fit are both 5, the reseller "
               "network reaches them and they see value in four weeks.",
        "grow": "We grow through our parts distributor, Velotrade, who introduced most pilot "
                "shops at its roadshow, so partner-led selling is proven.",
        "good": "Our North Star is the number of repairs returned on the day promised each week, "
                "because shops that updated cyclists kept using Spokes after the trial.",
    }},
         why="e-bike specialists, the distributor, repairs back on the promised day"),
]

# More ways to game the plans and links: one target for everything, everything deferred
CASES += [
    Case("practice.kpi_tree", "gaming", 0.0, {"mapping": dict.fromkeys(_KPI, "M12")},
         why="every initiative on one leaf"),
    Case("practice.now_next_later", "gaming", 0.05, {"plan": dict.fromkeys(
        _LARDER_PLAN_PANTRY_FIRST, "later") | {"N07": "now"}},
         why="the dated item in Now, everything else deferred"),
    Case("roadmap.now_next_later", "gaming", 0.05, {"plan": {
        "G05": "now", "G03": "next", **{f"G{n:02d}": "later" for n in (1, 2, 4, 6, 7, 8, 9,
                                                                        10, 11, 12)}}},
         why="the dated item and one reminder, everything else deferred"),
    Case("practice.timeline_to_outcomes", "gaming", 0.1, {
        "outcomes": _outcomes([("ALL", "now", "Households get more out of their week with "
                                "Larder", "Weekly active households", "2027-04-01 (law)")]),
        "placement": {f"T{n:02d}": "ALL" for n in range(1, 13)},
    }, why="one vague outcome over every feature"),
    Case("roadmap.timeline_to_outcomes", "gaming", 0.1, {
        "outcomes": _outcomes([
            ("A", "now", "Everyone using Kindling has a better experience",
             "Weekly active users", "2027-03-01 (regulator)"),
            ("B", "later", "Carers find shifts", "Shifts", "2027-09-01"),
        ]),
        "placement": {**{f"F{n:02d}": "A" for n in range(1, 12)}, "F12": "B"},
    }, why="eleven features under one vague outcome, a token second one"),
]

# One core choice wrong, the rest right
CASES += [
    Case("practice.four_questions", "wrong", 0.65, {"strategy": {
        "what": "A planner that turns what is already in the fridge into a week of dinners, "
                "because deciding what to cook is the most stressful part of a weekday (R1).",
        "who": "Working parents of school-age children, since their pain and fit are both 5 "
               "and our existing channel reaches them.",
        "grow": "Shared plans that pull in the other adult and friends, because that is how "
                "two in three pilot households joined.",
        "good": "Monthly recurring revenue, because paying households prove that Larder is "
                "worth its price.",
    }}, why="three good answers, revenue as the signal that the product is good"),
    Case("practice.north_star", "wrong", 0.65, {"north_star": {
        "metric": "N7", "inputs": ["I1", "I2", "I4"],
        "rejected": {"N1": "measurable", "N2": "customer-value", "N3": "not-vanity",
                     "N4": "not-vanity", "N5": "measurable", "N6": "actionable"}}},
         why="meals planned (intent) instead of meals cooked; the rest sound"),
    Case("strategy_goals.north_star", "wrong", 0.3, {"north_star": {
        "metric": "M5", "inputs": ["J1", "J2", "J4"],
        "rejected": {"M1": "understandable", "M2": "customer-value", "M3": "not-vanity",
                     "M4": "not-vanity", "M6": "customer-value", "M7": "actionable"}}},
         why="a happiness index nobody can measure as the North Star"),
    Case("strategy_goals.four_questions", "wrong", 0.6, {"strategy": {
        "what": "Online booking that keeps cyclists posted on their repair and orders parts "
                "early, because phone calls cost mechanics five hours a week.",
        "who": "Rural shops first, because there are 1,500 of them and nobody else serves "
               "them well.",
        "grow": "Through Velotrade's roadshows and reseller network, since that is where most "
                "pilot shops found us.",
        "good": "Repairs handed back on the promised day each week, because shops that kept "
                "cyclists informed stayed after the trial.",
    }}, why="three good answers, a segment beaten on every column as the first target"),
]

# Two labels, one per level of the pyramid
CASES += [
    Case("practice.which_artifact", "gaming", 0.3, {"labels": {
        i: ("vision" if i in {"A01", "A03", "A04", "A06", "A08", "A10", "A12", "A13", "A15"}
            else "backlog") for i in _LARDER_LABELS}},
         why="'vision' for everything long-lived, 'backlog' for the rest"),
    Case("vision_mission.classify_statements", "gaming", 0.3, {"labels": {
        i: ("mission" if i in {"W01", "W03", "W04", "W07", "W08", "W10", "W12", "W13", "W15"}
            else "outcome") for i in _WAYPOINT_LABELS}},
         why="'mission' for everything long-lived, 'outcome' for the rest"),
]
