"""Practice on strategy and goals, on Larder: ICP and won't-do list, four questions, North Star."""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.choice import (
    NO_BEACHHEAD_CAP,
    NO_FOCUS_CAP,
    WEAK_BEACHHEAD_CAP,
    SegmentChoice,
)
from ...graders.north_star import CHECKLIST, FAILING_CAP, FINANCIAL_CAP, NorthStarPick
from ...graders.questions import CONTRADICTED_CAP, FourQuestions

LARDER_SEGMENTS = (
    {"segment_id": "S1", "segment": "Working families with school-age children",
     "households_k": 900, "pain": 5, "fit": 5, "channel": True, "weeks_to_value": 2},
    {"segment_id": "S2", "segment": "Students in shared flats",
     "households_k": 1200, "pain": 2, "fit": 2, "channel": True, "weeks_to_value": 3},
    {"segment_id": "S3", "segment": "Retirees cooking for one",
     "households_k": 700, "pain": 2, "fit": 3, "channel": False, "weeks_to_value": 6},
    {"segment_id": "S4", "segment": "Couples without children",
     "households_k": 1500, "pain": 3, "fit": 3, "channel": True, "weeks_to_value": 3},
    {"segment_id": "S5", "segment": "Large families of five or more",
     "households_k": 400, "pain": 5, "fit": 4, "channel": True, "weeks_to_value": 2},
    {"segment_id": "S6", "segment": "Fitness meal-preppers counting macros",
     "households_k": 300, "pain": 4, "fit": 1, "channel": True, "weeks_to_value": 2},
    {"segment_id": "S7", "segment": "Sunday batch cooks",
     "households_k": 500, "pain": 3, "fit": 5, "channel": True, "weeks_to_value": 1},
    {"segment_id": "S8", "segment": "Small restaurants and caterers",
     "households_k": 20, "pain": 4, "fit": 1, "channel": False, "weeks_to_value": 12},
)
"""Larder's segments: size in thousands of households, pain and fit from 1 (low) to 5 (high),
whether an existing channel reaches them, and how many weeks until they see value."""

ICP_AND_WONT_DO = Problem(
    id="practice.icp_and_wont_do",
    title="Choose Larder's ideal customer profile and say what it will not do",
    prompt=(
        "Larder can win one or two segments first. `q.data()` lists eight. Two hard constraints "
        "hold this year: there is no budget for a new sales channel (`channel` must be True), "
        "and the free trial lasts four weeks (`weeks_to_value` at most 4). Among the rest, "
        "bigger `households_k`, higher `pain` and `fit`, and fewer `weeks_to_value` are better; "
        "for a first segment (a beachhead) `pain` and `fit` count most, size and speed less. "
        "Build a dict `choice = {'icp': [...], 'wont_do': [...]}` with one or two segment ids "
        "for the ICP and at least two you decide not to serve, then run `q.check(choice)`. "
        "Several answers are right."
    ),
    vars=("choice",),
    grader=SegmentChoice(),
    caps={NO_BEACHHEAD_CAP: 0.2, WEAK_BEACHHEAD_CAP: 0.6, NO_FOCUS_CAP: 0.1},
    data={"segments": LARDER_SEGMENTS},
    points=4.0,
    hints=(
        "Start by crossing out every segment that breaks a hard constraint: a constraint is not "
        "weighed against the other columns, it rules a segment out.",
        "Among the segments left, compare pairs: if one is at least as good on every column and "
        "better on one, the other is dominated and should not be your first choice (unless you "
        "choose the one that beats it as well).",
        "Of the segments that survive, prefer high pain and fit: size alone does not make a "
        "beachhead. Pick one or two, then name at least two you will say no to, including one "
        "that is large and tempting.",
    ),
    key={
        "criteria": {"households_k": "max", "pain": "max", "fit": "max",
                     "weeks_to_value": "min"},
        "blocked": {
            "S3": "no existing channel reaches it, and value takes 6 weeks",
            "S8": "no existing channel reaches it, and value takes 12 weeks",
        },
        "frontier": ["S1", "S4", "S7"],
        "large": ["S1", "S2", "S3", "S4", "S7"],
        "beachhead": {"S1": 1.0, "S5": 1.0, "S7": 1.0, "S4": 0.5, "S6": 0.0, "S2": 0.0},
        "example": {"icp": ["S1"], "wont_do": ["S2", "S3", "S8"]},
    },
    explanation=(
        "S3 and S8 break the constraints however attractive they look. Of the rest, S2 is "
        "beaten by S4 (more households, more pain, better fit, same time to value), and S5 and "
        "S6 by S1. A beachhead is won on pain and fit before size: S1 has both at the top, S7 "
        "fits best and pays back in a week, and S5 hurts as much as S1, so it works next to S1. "
        "S4 is the biggest market left but its pain and fit are middling, so it earns part "
        "credit only. Larder's lessons pick S1. A useful won't-do list turns down something "
        "tempting, such as the many students of S2."
    ),
)

LARDER_FINDINGS = (
    {"finding_id": "R1", "finding": "Parents in S1 call deciding what to cook the most stressful "
                                    "ten minutes of a weekday."},
    {"finding_id": "R2", "finding": "Pilot households threw away 30% less food when they planned "
                                    "from what was in the pantry."},
    {"finding_id": "R3", "finding": "Two in three pilot households joined because the other "
                                    "adult at home, or a friend, shared a plan with them."},
    {"finding_id": "R4", "finding": "Pilot households that cooked three or more planned meals a "
                                    "week were still active after three months."},
)

FOUR_QUESTIONS = Problem(
    id="practice.four_questions",
    title="Answer the four strategy questions for Larder",
    prompt=(
        "Using the segment table and the research findings in `q.data('findings')`, answer the "
        "four questions a product strategy must answer, each with its reason: what Larder builds "
        "(`what`), whom it targets first (`who`), how it will grow (`grow`) and how the team "
        "will know the product is good (`good`). Store them in a dict `strategy` with those four "
        "keys, 12 to 80 words each, and run `q.check(strategy)`. Point at the data: name the "
        "segments, findings or metrics your answers rest on."
    ),
    vars=("strategy",),
    grader=FourQuestions(),
    caps={CONTRADICTED_CAP: 0.7},
    data={"segments": LARDER_SEGMENTS, "findings": LARDER_FINDINGS},
    points=4.0,
    hints=(
        "Each question has two halves: the choice and the 'why'. An answer without 'because' or "
        "'so that' is usually missing its second half.",
        "Tie each answer to a row of the data: a segment id for whom you target, a finding for "
        "what you build and how you grow, a measurable behaviour for how you know it works.",
        "Keep choices sharp: one target segment first, and say what you leave out. The linter "
        "flags answers that promise everything to everyone or only state targets.",
    ),
    key={
        "options": {
            "what": {
                "pantry planner": {"credit": 1.0, "says": [
                    "a weekly planner that starts from the pantry", "pantry", "cupboard",
                    "fridge", "what is at home", "what they have", "already have",
                    "already own", "already in", "leftover", "shopping list", "grocery list",
                    "meal plan", "meal-plan", "meal planner", "planner", "planning app",
                    "plans meals", "plan meals", "plan the week", "plans the week",
                    "weekly plan", "weekly menu", "menu", "what to cook", "what to eat",
                    "use up", "uses up", "expir", "food waste", "waste less", "suggest",
                    "groceries already", "already bought", "food they own", "they own",
                    "ingredients they have", "dinner plan", "supper"]},
                "delivery": {"credit": 0.0, "says": [
                    "grocery delivery", "delivery service", "home delivery",
                    "deliver groceries", "delivers groceries", "courier", "meal kit",
                    "restaurant", "takeaway app", "calorie", "macro", "fitness tracker",
                    "social network", "marketplace", "recipe site", "recipe app",
                    "recipe database", "box of ingredients", "ingredient box", "delivers a box",
                    "recipe box"]},
            },
            "who": {
                "S1": {"credit": 1.0, "says": [
                    "working families with school-age children", "S1", "working famil",
                    "working parent", "busy parent", "busy famil", "school-age", "school age",
                    "schoolchildren", "families with children", "families with kids",
                    "families with young", "young children", "with children", "with kids",
                    "school kids", "dual-income", "parents", "mums", "dads", "famil"]},
                "S5": {"credit": 1.0, "says": [
                    "large families of five or more", "S5", "large famil", "big famil",
                    "five or more", "families of five", "large household", "big household"]},
                "S7": {"credit": 1.0, "says": [
                    "Sunday batch cooks", "S7", "batch cook", "batch-cook", "cook in bulk",
                    "bulk cook", "sunday cook"]},
                "S4": {"credit": 0.5, "says": [
                    "couples without children", "S4", "couples", "without children",
                    "childless", "no kids", "without kids", "dinks"]},
                "S2": {"credit": 0.0, "says": [
                    "students in shared flats", "S2", "student", "shared flat", "flatmate",
                    "flat-share", "flatshare", "house share", "undergrad"]},
                "S3": {"credit": 0.0, "says": [
                    "retirees cooking for one", "S3", "retiree", "retired", "pensioner",
                    "elderly", "older people", "senior", "cooking for one", "living alone"]},
                "S6": {"credit": 0.0, "says": [
                    "fitness meal-preppers", "S6", "fitness", "macro", "meal-prepper",
                    "meal prepper", "gym", "athlete", "bodybuilder"]},
                "S8": {"credit": 0.0, "says": [
                    "small restaurants and caterers", "S8", "restaurant", "caterer",
                    "catering", "cafe", "café", "chef"]},
                "everyone": {"credit": 0.0, "says": [
                    "everyone", "everybody", "all households", "all families",
                    "all segments", "every household", "the mass market"]},
            },
            "grow": {
                "R3": {"credit": 1.0, "says": [
                    "sharing plans with the other adult and friends", "invit", "share",
                    "sharing", "shared plan", "shared list", "word of mouth", "word-of-mouth",
                    "referr", "refer", "recommend", "friend", "other adult", "partner",
                    "household member", "viral", "spread", "bring in", "brings in", "pass on",
                    "passes on", "neighbour", "network effect", "co-plan"]},
                "paid": {"credit": 0.0, "says": [
                    "paid ads", "paid", "advert", "ads", "ad campaign", "ad spend",
                    "influencer", "billboard", "tv", "television", "radio", "sales team",
                    "sales rep", "cold call", "door-to-door", "discount", "coupon", "seo",
                    "sponsor", "marketing campaign", "press release", "trade fair",
                    "supermarket partnership", "app store feature"]},
            },
            "good": {
                "cooked": {"credit": 1.0, "says": [
                    "meals cooked from a plan per household per week", "cooked",
                    "cooking", "home-cooked", "meals made", "meals eaten", "dinners made",
                    "three or more planned meals", "eaten", "prepared", "made at home",
                    "get cooked", "gets cooked", "actually cook"]},
                "planned": {"credit": 0.5, "says": [
                    "meals planned", "plans saved", "planned per week", "weekly plans",
                    "retention", "retained", "churn", "still active", "active household",
                    "weekly active", "waste", "food saved", "thrown away"]},
                "money": {"credit": 0.0, "says": [
                    "revenue", "mrr", "arr", "recurring revenue", "subscription", "subscriber",
                    "sales", "profit", "turnover", "download", "install", "sign-ups",
                    "signups", "new sign", "registered", "registration", "app opens",
                    "logins", "daily active", "page view", "follower", "nps",
                    "net promoter", "star rating", "app rating", "gmv", "market share"]},
            },
        },
        "evidence": {
            "what": ["R1", "R2", "stress", "ten minutes", "10 minutes", "deciding what",
                     "30%", "30 %", "30 per cent", "a third", "less food", "threw away",
                     "throw away", "thrown away", "pilot"],
            "who": ["S1", "S5", "S7", "pain", "fit", "channel", "reach", "weeks", "week to",
                    "trial", "900", "R1", "stress", "constraint", "hurt", "need it most"],
            "grow": ["R3", "two in three", "two thirds", "two-thirds", "2/3", "66", "joined",
                     "pilot", "came through", "arrived", "signed up because"],
            "good": ["R4", "three months", "3 months", "months later", "still active",
                     "stay", "stayed", "remain", "retain", "kept using", "keep using",
                     "still using", "pilot", "three or more", "three a week"],
        },
        "example": {
            "what": "A weekly meal planner that starts from the pantry and writes the shopping "
                    "list, because R1 shows deciding what to cook is the daily pain and R2 shows "
                    "planning from the pantry cuts waste.",
            "who": "Working families with school-age children (S1) first, because their pain "
                   "and fit are highest and an existing channel reaches them; we leave students "
                   "and restaurants aside this year.",
            "grow": "Each household invites the other adult and shares plans with friends, "
                    "since R3 shows that is how two in three pilot households joined, so we "
                    "invest in sharing rather than paid ads.",
            "good": "We watch households cooking three or more planned meals per week, because "
                    "R4 shows those households stay, so the number rises only when people get "
                    "real value.",
        },
    },
)

NORTH_STAR_CANDIDATES = (
    {"metric_id": "N1", "metric": "Meals cooked from a Larder plan per active household per week",
     "definition": "Meals that households marked as cooked from their plan in the last seven "
                   "days, divided by the households active in that week"},
    {"metric_id": "N2", "metric": "Monthly recurring revenue",
     "definition": "Subscription revenue booked each month"},
    {"metric_id": "N3", "metric": "Total registered households",
     "definition": "Every household that ever created an account"},
    {"metric_id": "N4", "metric": "Daily app opens",
     "definition": "How many times the app is opened per day, across all users"},
    {"metric_id": "N5", "metric": "Kilograms of food saved per household",
     "definition": "Weight of food a household did not throw away thanks to its plan"},
    {"metric_id": "N6", "metric": "Net Promoter Score",
     "definition": "Share of promoters minus share of detractors in a quarterly survey"},
    {"metric_id": "N7", "metric": "Meals planned per week",
     "definition": "Meals added to any plan in the last seven days, whether cooked or not"},
)

INPUT_METRICS = (
    {"metric_id": "I1", "metric": "Share of new households that plan a full week in their "
                                  "first session"},
    {"metric_id": "I2", "metric": "Share of planned ingredients already in the pantry"},
    {"metric_id": "I3", "metric": "Expiry reminders acted on within a day"},
    {"metric_id": "I4", "metric": "Shopping lists generated from a plan per household per "
                                  "week"},
    {"metric_id": "I5", "metric": "Launch the barcode scanner"},
    {"metric_id": "I6", "metric": "Annual churn rate"},
    {"metric_id": "I7", "metric": "Followers on social media"},
)

NORTH_STAR = Problem(
    id="practice.north_star",
    title="Pick Larder's North Star and its inputs",
    prompt=(
        "Choose Larder's North Star from `q.data('candidates')`, three to five input metrics "
        "that drive it from `q.data('inputs')`, and for every candidate you reject the "
        "checklist criterion (`q.data('checklist')`) it fails. Build a dict `north_star = "
        "{'metric': 'N?', 'inputs': [...], 'rejected': {'N?': 'criterion', ...}}` and run "
        "`q.check(north_star)`."
    ),
    vars=("north_star",),
    grader=NorthStarPick(),
    caps={FINANCIAL_CAP: 0.1, FAILING_CAP: 0.4},
    data={"candidates": NORTH_STAR_CANDIDATES, "inputs": INPUT_METRICS, "checklist": CHECKLIST},
    points=4.0,
    hints=(
        "A North Star counts customers getting the value the product exists for, in a time "
        "window. Money, running totals and raw activity do not.",
        "Planning a meal is not the value; eating it is. Compare the two candidates about meals "
        "closely.",
        "An input is a metric a team can move that pushes the North Star up. A thing to build "
        "is work, not a metric; a yearly business rate moves too late; a vanity count drives "
        "nothing.",
    ),
    key={
        "north_star": ["N1"],
        "second": ["N7"],
        "inputs": ["I1", "I2", "I3", "I4"],
        "rejected": {
            "N2": ["customer-value", "leading", "not-vanity"],
            "N3": ["not-vanity", "customer-value", "leading"],
            "N4": ["not-vanity", "customer-value", "strategy"],
            "N5": ["measurable"],
            "N6": ["actionable", "leading"],
            "N7": ["customer-value", "not-vanity"],
        },
        "financial": ["N2"],
    },
    explanation=(
        "N1 counts the value households get from Larder (home-cooked meals from a plan) every "
        "week, and it moves before revenue does. Revenue, totals and app opens can grow "
        "without anyone "
        "eating better; food saved cannot be weighed from the app's data; NPS is a quarterly "
        "survey no team can move directly; meals planned count intent, not value. I5 is work, "
        "I6 a lagging business rate and I7 a vanity count, so none is an input."
    ),
)

PROBLEMS = (ICP_AND_WONT_DO, FOUR_QUESTIONS, NORTH_STAR)
