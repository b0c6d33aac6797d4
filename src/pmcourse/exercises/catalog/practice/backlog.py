"""Practice on Larder's backlog: repair stories, split an epic, link items, spot hidden outcomes."""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.backlog import LinkItems, RepairStories, SplitEpic, SpotOutcome

FLAWED_STORIES = (
    {"item_id": "B01", "text": "Expiry reminders"},
    {"item_id": "B02", "text": "As a user, I want the shopping list to be fast and easy so that "
     "shopping is better"},
    {"item_id": "B03", "text": "As the database, I want to store pantry items by barcode so that "
     "lookups work"},
    {"item_id": "B04", "text": "As a parent, I want to plan the week's meals and share the list "
     "and track what we spend so that the week runs smoothly"},
)

BACKLOG_REPAIR = Problem(
    id="practice.backlog_repair",
    title="Repair four of Larder's backlog stories",
    prompt=(
        "Four entries in Larder's backlog (`flawed`) are not ready for a sprint. Rewrite each "
        "as a user story in the form \"As a <user>, I want <action>, so that <reason>\" with at "
        "least one acceptance criterion written as Given / When / Then. Keep each story about "
        "the same need as the original; where an entry bundles several needs, keep one of them "
        "(the others become stories of their own later). Build a DataFrame `repaired` with the "
        "columns `item_id`, `story` and `acceptance` (a string, one criterion per line), then "
        "run `q.check(repaired)`."
    ),
    vars=("repaired",),
    grader=RepairStories(),
    data={"flawed": FLAWED_STORIES},
    points=4.0,
    hints=(
        "Name a real person as the user (a parent, a shopper, a household member), never a part "
        "of the system. Then say what they want to do and why it matters to them.",
        "Replace quality words such as 'fast' or 'easy' with something you could measure, and "
        "keep one action per story: an 'and' in the action usually hides two stories.",
        "Acceptance criterion pattern: 'Given <a situation>, when <the user does something>, "
        "then <what they see or get>'. One precise criterion beats three vague ones.",
    ),
    key={
        "topics": {
            "B01": ["expir", "remind", "alert", "use-by", "best before"],
            "B02": ["shopping list", "list", "shop"],
            "B03": ["pantry", "barcode", "scan"],
            "B04": ["plan", "share", "spend", "budget", "cost"],
        },
        "example": {
            "B01": {"story": "As a household cook, I want a reminder the day before an "
                             "ingredient expires, so that I can use it before it goes off.",
                    "acceptance": "Given milk in my pantry that expires tomorrow, when the "
                                  "daily check runs at 6 pm, then I get a notification naming "
                                  "the milk."},
            "B02": {"story": "As a shopper in the supermarket, I want my shopping list to open "
                             "within two seconds, so that I am not left waiting in the aisle.",
                    "acceptance": "Given a list of 40 items and a 4G connection, when I open "
                                  "the list, then every item is shown within two seconds."},
            "B03": {"story": "As a household cook, I want to add a pantry item by scanning its "
                             "barcode, so that I do not have to type it in.",
                    "acceptance": "Given a tin with a barcode Larder knows, when I scan it, "
                                  "then the tin appears in my pantry with its name filled in."},
            "B04": {"story": "As a parent, I want to share the week's shopping list with my "
                             "partner, so that either of us can do the shopping.",
                    "acceptance": "Given a list I have shared with my partner, when my partner "
                                  "ticks off bread, then bread shows as bought on my phone."},
        },
    },
    explanation=(
        "A ready story names who benefits, what they do and why, in words anyone on the team "
        "reads the same way; the acceptance criterion is the test that says when it is done. "
        "The database entry (B03) was a technical task dressed as a story: the person who "
        "benefits from barcodes is the cook, and the storage work becomes a task under that "
        "story. B04 held three needs; the other two (planning, tracking spend) become stories "
        "of their own. The checks read the form of your stories; judge the rest yourself "
        "against the model answers above: does each 'so that' name a gain for that person (time "
        "saved, a mistake avoided), and would each criterion let a tester tell done from not "
        "done?"
    ),
)

SHOPPING_EPIC = {
    "text": "As a household shopper, I want a smart shopping list, so that I only buy what our "
            "meal plan needs.",
    "scope": {
        "S1": "build the list from the week's meal plan",
        "S2": "leave out what the pantry already holds",
        "S3": "group the items by supermarket aisle",
        "S4": "share the list with the rest of the household",
        "S5": "tick items off while shopping",
    },
}

SPLIT_EPIC = Problem(
    id="practice.split_epic",
    title="Split Larder's shopping-list epic into stories",
    prompt=(
        "The epic in `epic` is too big for one sprint. Split it into 3 to 6 user stories, each "
        "in the form \"As a <user>, I want <action>, so that <reason>\", so that every part of "
        "the epic's `scope` is covered by at least one story and no story is the epic again. "
        "Say which scope lines each story covers: store a list of dicts `stories`, each with "
        "the keys `story` and `scope` (a list of scope ids such as `['S1']`), then run "
        "`q.check(stories)`."
    ),
    vars=("stories",),
    grader=SplitEpic(),
    caps={"scope_lost": 0.6},
    data={"epic": SHOPPING_EPIC},
    points=3.0,
    hints=(
        "Walk through one shopping week in the shopper's shoes: the list appears, gets trimmed, "
        "gets shared, goes to the shop. Each step is a candidate story.",
        "Check your stories against the five scope lines one by one; a scope line with no story "
        "is scope you have silently dropped.",
        "Keep one action per story; if a story covers three scope lines, it is still an epic. "
        "And slice by what a user can do, not by layer: a database story, an API story and a "
        "screen story each give the shopper nothing on their own.",
    ),
    key={
        "scope": {
            "S1": ["meal plan", "plan", "recipes"],
            "S2": ["pantry", "already", "at home", "in stock"],
            "S3": ["aisle", "section", "group", "sort"],
            "S4": ["share", "partner", "family", "together", "other household", "household member",
                   "rest of the household"],
            "S5": ["tick", "check off", "cross off", "mark", "bought"],
        },
        "example": [
            "As a household shopper, I want the shopping list filled from this week's meal plan, "
            "so that I do not copy ingredients by hand.",
            "As a household shopper, I want items we already have in the pantry left off the "
            "list, so that I do not buy them twice.",
            "As a household shopper, I want the list sorted by supermarket aisle, so that I walk "
            "through the shop once.",
            "As a household shopper, I want to share the list with my partner, so that whoever "
            "passes the shop can do the shopping.",
            "As a household shopper, I want to tick items off as I put them in the trolley, so "
            "that I can see what is left to find.",
        ],
    },
    explanation=(
        "Splitting by the steps of the shopper's week gives stories that each deliver something "
        "usable on their own and can be built in any order. Splitting by layer (database, API, "
        "screen) would give pieces no shopper could use."
    ),
)

LARDER_OUTCOMES = (
    {"outcome_id": "O1", "outcome": "Households throw away less food each week"},
    {"outcome_id": "O2", "outcome": "New users plan their first week of meals within ten "
     "minutes of signing up"},
    {"outcome_id": "O3", "outcome": "Shoppers buy only what their meal plan needs"},
)

LARDER_BACKLOG = (
    {"item_id": "I01", "text": "As a household cook, I want a reminder the day before an "
     "ingredient expires, so that I use it in time."},
    {"item_id": "I02", "text": "As a new user, I want a starter meal plan from my dietary "
     "answers, so that I do not begin from a blank week."},
    {"item_id": "I03", "text": "As a shopper, I want the list grouped by aisle, so that I walk "
     "through the shop once."},
    {"item_id": "I04", "text": "As a new user, I want to sign up with three fields, so that I "
     "reach the planner quickly."},
    {"item_id": "I05", "text": "As a household cook, I want recipes ranked by what expires "
     "soonest, so that leftovers get eaten."},
    {"item_id": "I06", "text": "As a shopper, I want to send my list to an online basket, so that "
     "I order exactly what the plan needs."},
    {"item_id": "I07", "text": "As a new user, I want tips on the planner's first screen, so "
     "that I know where to start."},
    {"item_id": "I08", "text": "As a household cook, I want to add groceries by scanning their "
     "barcode, so that my pantry list stays up to date."},
)

LINK_ITEMS = Problem(
    id="practice.link_items",
    title="Link Larder's backlog items to the roadmap outcomes they serve",
    prompt=(
        "Every backlog item should serve an outcome on the roadmap. For each item in `items`, "
        "choose the outcome in `outcomes` that moves when the item ships. Build a DataFrame "
        "`links` with the columns `item_id` and `outcome_id`, then run `q.check(links)`."
    ),
    vars=("links",),
    grader=LinkItems(one_parent_cap="one_parent"),
    caps={"one_parent": 0.2},
    data={"items": LARDER_BACKLOG, "outcomes": LARDER_OUTCOMES},
    points=2.0,
    hints=(
        "Read the 'so that' part of each story: it usually points at the outcome.",
        "Ask of each item: if it shipped tomorrow, whose behaviour changes, and which outcome "
        "describes that change? An item that helps two outcomes may link to either.",
    ),
    key={
        "parents": {
            "I01": ["O1"], "I02": ["O2"], "I03": ["O3"], "I04": ["O2"], "I05": ["O1"],
            "I06": ["O3"], "I07": ["O2"], "I08": ["O1", "O3"],
        },
    },
    explanation=(
        "Linking every item up to an outcome keeps the backlog honest: an item that serves no "
        "outcome is either missing an outcome on the roadmap or should not be built. Barcode "
        "scanning (I08) keeps the pantry accurate, which serves both less waste and leaner "
        "shopping, so either link is right."
    ),
)

MIXED_BACKLOG = (
    {"item_id": "B11", "text": "As a household cook, I want to mark an ingredient as used up, so "
     "that my pantry stays accurate."},
    {"item_id": "B12", "text": "Reduce the food households throw away by 20% this quarter"},
    {"item_id": "B13", "text": "As a shopper, I want to add an item to the list by voice, so that "
     "I can do it while cooking."},
    {"item_id": "B14", "text": "As a parent, I want to hide recipes with nuts, so that I never "
     "plan a meal my child cannot eat."},
    {"item_id": "B15", "text": "Increase the number of households that plan every week"},
    {"item_id": "B16", "text": "As a new user, I want to import recipes from a web page, so that "
     "my favourite dishes are in my plan."},
    {"item_id": "B17", "text": "As a shopper, I want to see the total price of my list, so that I "
     "stay within our budget."},
    {"item_id": "B18", "text": "As a household cook, I want to scale a recipe to the number of "
     "people eating, so that I cook the right amount."},
    {"item_id": "B19", "text": "As the Larder team, we want more new households to still be "
     "planning in their sixth week, so that Larder becomes a habit."},
    {"item_id": "B20", "text": "Cut recipe-import failures by updating the parser for the three "
     "recipe sites that changed their layout"},
)

SPOT_OUTCOME = Problem(
    id="practice.spot_outcome",
    title="Spot the roadmap outcomes hiding in Larder's backlog",
    prompt=(
        "Some entries in Larder's backlog (`backlog`) are not backlog items at all: they state a "
        "result the team hopes for, which belongs on the roadmap. List their ids in a list "
        "`spotted`, then run `q.check(spotted)`."
    ),
    vars=("spotted",),
    grader=SpotOutcome(),
    data={"backlog": MIXED_BACKLOG},
    points=2.0,
    hints=(
        "A backlog item is work a team can finish and call done. An outcome is a change in "
        "what people do or get, which many pieces of work may move; nobody can 'finish' it.",
        "Do not go by the form: a result to aim for can be dressed as a user story, and a "
        "piece of work can start with 'cut' or 'reduce'. Ask of each entry: could a team "
        "finish this in a sprint and show it?",
    ),
    key={
        "outcomes": ["B12", "B15", "B19"],
        "why": {
            "B12": "A target for the whole product (less waste), with no user and no action: "
                   "a roadmap outcome that many stories will serve.",
            "B15": "A change in behaviour to aim for, not a piece of work a team can finish: it "
                   "belongs on the roadmap, with stories linked beneath it.",
            "B19": "Written as a story, but the 'user' is the team and the 'want' is a change in "
                   "other people's behaviour (households still planning in week six): an "
                   "outcome no sprint can finish. B20, by contrast, starts like an outcome "
                   "('cut ...') but is a task a team can finish: update one parser.",
        },
    },
    explanation=(
        "Outcomes on the backlog cannot be estimated, split or declared done, so they stall "
        "sprint planning. Move them to the roadmap, then ask which stories would move them."
    ),
)

PROBLEMS = (BACKLOG_REPAIR, SPLIT_EPIC, LINK_ITEMS, SPOT_OUTCOME)
