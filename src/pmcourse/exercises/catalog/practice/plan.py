"""Practice on planning Larder's roadmap: Now-Next-Later under limits, timeline to outcomes."""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.roadmap_plan import NO_PLAN_CAP, NowNextLater
from ...graders.timeline import LUMPED_CAP, NO_OUTCOME_CAP, TimelineToOutcomes

LARDER_INITIATIVES = (
    {"item_id": "N01", "initiative": "Households log groceries without typing them in",
     "intent": "Waste less food", "effort": 5, "value": 6, "depends_on": "", "deadline": ""},
    {"item_id": "N02", "initiative": "Households hear about food a day before it expires",
     "intent": "Waste less food", "effort": 3, "value": 8, "depends_on": "N01", "deadline": ""},
    {"item_id": "N03", "initiative": "Cooks find recipes that use up what expires soonest",
     "intent": "Waste less food", "effort": 5, "value": 6, "depends_on": "N01", "deadline": ""},
    {"item_id": "N04", "initiative": "New users plan their first week within ten minutes",
     "intent": "Quick first plan", "effort": 5, "value": 9, "depends_on": "", "deadline": ""},
    {"item_id": "N05", "initiative": "Shopping lists hold only what the plan still needs",
     "intent": "Shop lean", "effort": 8, "value": 8, "depends_on": "N01", "deadline": ""},
    {"item_id": "N06", "initiative": "Shoppers send their list to an online basket",
     "intent": "Shop lean", "effort": 8, "value": 5, "depends_on": "N05", "deadline": ""},
    {"item_id": "N07", "initiative": "Families with allergies see the allergens of every recipe",
     "intent": "Cook with confidence", "effort": 3, "value": 4, "depends_on": "",
     "deadline": "Allergen labelling becomes a legal duty for recipe apps on 1 April"},
    {"item_id": "N08", "initiative": "Families swap tonight's meal in one tap",
     "intent": "Cook at home more", "effort": 3, "value": 5, "depends_on": "", "deadline": ""},
    {"item_id": "N09", "initiative": "Households see how often they cooked at home this week",
     "intent": "Cook at home more", "effort": 2, "value": 3, "depends_on": "", "deadline": ""},
    {"item_id": "N10", "initiative": "Busy cooks find a dinner that is ready in 20 minutes",
     "intent": "Cook at home more", "effort": 3, "value": 6, "depends_on": "", "deadline": ""},
    {"item_id": "N11", "initiative": "Two adults plan the week together from their own phones",
     "intent": "Cook at home more", "effort": 8, "value": 6, "depends_on": "", "deadline": ""},
    {"item_id": "N12", "initiative": "Shoppers walk through the store once per trip",
     "intent": "Shop lean", "effort": 2, "value": 3, "depends_on": "N05", "deadline": ""},
)
LARDER_LIMITS = {"now_capacity": 13, "next_capacity": 21}

NOW_NEXT_LATER = Problem(
    id="practice.now_next_later",
    title="Plan Larder's Now / Next / Later under dependencies and capacity",
    prompt=(
        "Larder's team can take on **13 effort points** in Now and **21** in Next; Later has no "
        "limit. Place each of the twelve `initiatives` in `'now'`, `'next'` or `'later'` "
        "so that: every item is placed once; nothing comes before an item it `depends_on`; Now "
        "and Next fit their capacity; and an item with a hard `deadline` is in Now. Among the "
        "plans that keep these rules, aim for value: an item in Now earns its full `value`, one "
        "in Next earns half, Later earns nothing yet. Build a DataFrame `plan` with the columns "
        "`item_id` and `horizon`, then run `q.check(plan)`. Many plans earn full marks."
    ),
    vars=("plan",),
    grader=NowNextLater(),
    caps={NO_PLAN_CAP: 0.1},
    data={"initiatives": LARDER_INITIATIVES, "limits": LARDER_LIMITS},
    points=4.0,
    hints=(
        "Start with the fixed points: which item has a date set from outside the team? It goes "
        "in Now whatever else happens, and uses part of Now's 13 points.",
        "Draw the dependencies as arrows. An item can share a horizon with what it depends on, "
        "or come after it, never before. A long chain cannot all fit in Now.",
        "For the rest, compare value per effort point (value divided by effort). Fill Now with "
        "the best ratios that fit, then Next; a big item with a modest value can wait for Later.",
    ),
    key={
        "optimum": 37.0,
        "plan": {
            "N01": "next", "N02": "next", "N03": "later", "N04": "now", "N05": "next",
            "N06": "later", "N07": "now", "N08": "next", "N09": "now", "N10": "now",
            "N11": "later", "N12": "next",
        },
    },
    explanation=(
        "The allergen labels (N07) have a legal date, so they take 3 of Now's 13 points first. "
        "The pantry chain (N01, then N02, N03, N05, then N06 and N12) cannot fit in Now alongside "
        "anything else of value, so this plan starts the chain in Next and fills Now with small, "
        "valuable items that depend on nothing: the ten-minute first plan (N04), quick dinners "
        "(N10) and the weekly count (N09). Starting the pantry chain in Now scores within 10% of "
        "this plan too: the rules decide what is allowed, value decides what is wise, and the "
        "roadmap stays a bet the team revisits as it learns."
    ),
)

LARDER_TIMELINE = (
    {"feature_id": "T01", "date": "2027-01-15", "feature": "Barcode scanning on the pantry screen",
     "constraint": ""},
    {"feature_id": "T02", "date": "2027-02-01", "feature": "Reminder the day before an "
     "ingredient expires", "constraint": ""},
    {"feature_id": "T03", "date": "2027-02-20", "feature": "'Use it up' recipe filter",
     "constraint": ""},
    {"feature_id": "T04", "date": "2027-04-01", "feature": "Allergen labels on every recipe",
     "constraint": "Allergen labelling becomes a legal duty for recipe apps on 1 April 2027"},
    {"feature_id": "T05", "date": "2027-03-15", "feature": "Sign-up form cut to three fields",
     "constraint": ""},
    {"feature_id": "T06", "date": "2027-04-10", "feature": "Starter meal plan from the "
     "household's dietary answers", "constraint": ""},
    {"feature_id": "T07", "date": "2027-04-20", "feature": "Shopping list from the plan, minus "
     "what is in the pantry", "constraint": ""},
    {"feature_id": "T08", "date": "2027-05-10", "feature": "Shopping list grouped by aisle",
     "constraint": ""},
    {"feature_id": "T09", "date": "2027-06-30", "feature": "Send the list to a GrocerHub basket",
     "constraint": "GrocerHub stops accepting new partner apps after 30 June 2027"},
    {"feature_id": "T10", "date": "2027-07-01", "feature": "Swap tonight's meal with one tap",
     "constraint": ""},
    {"feature_id": "T11", "date": "2027-08-01", "feature": "'Ready in 20 minutes' recipe tag",
     "constraint": ""},
    {"feature_id": "T12", "date": "2027-09-01", "feature": "Weekly count of meals cooked at home",
     "constraint": ""},
)

TIMELINE_TO_OUTCOMES = Problem(
    id="practice.timeline_to_outcomes",
    title="Turn Larder's dated feature timeline into an outcome roadmap",
    prompt=(
        "Larder's old roadmap is a list of features with a ship date each (`timeline`). Rebuild "
        "it as an outcome roadmap. In a DataFrame `outcomes` write 2 to 5 rows with the columns "
        "`outcome_id`, `horizon` (`'now'`, `'next'` or `'later'`), `outcome` (a change for "
        "users, not a thing to build), `metric` (how you will know it happened) and `date` "
        "(only where a hard external constraint sets one, else `None`). In a DataFrame "
        "`placement` give every feature one row with the columns `feature_id` and `outcome_id`. "
        "Then run `q.check(outcomes, placement)`."
    ),
    vars=("outcomes", "placement"),
    grader=TimelineToOutcomes(),
    caps={NO_OUTCOME_CAP: 0.2, LUMPED_CAP: 0.3},
    data={"timeline": LARDER_TIMELINE},
    points=5.0,
    hints=(
        "Group first, word later: put the features in piles by the change in households' lives "
        "each one is meant to cause. Each pile becomes one outcome.",
        "Word each outcome as what users do or get afterwards (who, and what changes), with no "
        "build verb such as 'add' or 'launch'. Then ask how you would see it in your data: "
        "that is the metric.",
        "Only two features have a `constraint`. Keep a date on the outcomes that hold those two, "
        "and on no other outcome; the horizon says roughly when for the rest.",
    ),
    key={
        "families": [["T02", "T03"], ["T05", "T06"], ["T07", "T08", "T09"],
                     ["T10", "T11", "T12"]],
        "example": {
            "outcomes": [
                {"outcome_id": "O1", "horizon": "now",
                 "outcome": "Households throw away less of the food they buy",
                 "metric": "Pantry items that expire unused, per household per month",
                 "date": None},
                {"outcome_id": "O2", "horizon": "now",
                 "outcome": "Families with food allergies cook from Larder with confidence",
                 "metric": "Share of recipes with their allergens listed",
                 "date": "1 April 2027 (allergen labelling law)"},
                {"outcome_id": "O3", "horizon": "next",
                 "outcome": "New users plan their first week of meals soon after signing up",
                 "metric": "Median minutes from sign-up to a first saved plan",
                 "date": None},
                {"outcome_id": "O4", "horizon": "next",
                 "outcome": "Shoppers buy only what their meal plan needs",
                 "metric": "Items bought per trip that were already in the pantry",
                 "date": "30 June 2027 (GrocerHub partner deadline)"},
                {"outcome_id": "O5", "horizon": "later",
                 "outcome": "Families cook at home on more weeknights",
                 "metric": "Home-cooked dinners per household per week",
                 "date": None},
            ],
            "placement": {
                "T01": "O1", "T02": "O1", "T03": "O1", "T04": "O2", "T05": "O3", "T06": "O3",
                "T07": "O4", "T08": "O4", "T09": "O4", "T10": "O5", "T11": "O5", "T12": "O5",
            },
        },
    },
    explanation=(
        "Each outcome names who changes and how, so the team can swap a feature for a better "
        "idea without breaking a promise. Barcode scanning (T01) helps both the waste and the "
        "shopping outcome, so either home is fine. Ten of the twelve dates were guesses and are "
        "gone; the allergen law and GrocerHub's cut-off are set by others, so those two dates "
        "stay, on the outcomes that hold them."
    ),
)

PROBLEMS = (NOW_NEXT_LATER, TIMELINE_TO_OUTCOMES)
