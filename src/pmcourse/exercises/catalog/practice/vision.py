"""Practice on visions and missions, on Larder: fix flawed visions, write a vision-mission pair."""

from __future__ import annotations

from ...engine.problem import Problem
from ...graders.pair import VisionMissionPair
from ...graders.vision import VisionFix, vision_rules

LARDER_TOPIC = ("food", "meal", "cook", "dinner", "lunch", "breakfast", "supper", "eat", "dish",
                "household", "famil", "parent", "couple", "home", "kitchen", "pantry", "cupboard",
                "fridge", "freezer", "grocer", "shop", "supermarket", "waste", "throw", "bin",
                "spoil", "fresh", "ingredient", "recipe", "leftover", "table", "evening",
                "weeknight", "feed", "nourish", "hungry", "budget", "plan")
"""Word stems that keep a rewrite on Larder's subject: households, food and cooking."""

FLAWED_VISIONS = (
    {"vision_id": "F1", "text": "Become the number one meal-planning app in Europe and reach five "
                                "million euros in revenue."},
    {"vision_id": "F2", "text": "A planner with barcode scanning, expiry reminders, recipe filters "
                                "and a shared shopping list."},
    {"vision_id": "F3", "text": "Seamless, world-class meal planning that empowers everyone."},
    {"vision_id": "F4", "text": "Next quarter, households cut the food they throw away by 40%."},
    {"vision_id": "F5", "text": "Busy households plan a week of meals around the food already in "
                                "their cupboards and fridges, buy only the ingredients the plan "
                                "needs, cook at home on more weeknights, waste less, save money "
                                "on groceries, and spend less time each evening deciding what to "
                                "eat."},
)

FIX_THE_VISION = Problem(
    id="practice.fix_the_vision",
    title="Fix five flawed drafts of Larder's vision",
    prompt=(
        "Five people on Larder's team each drafted a vision, and each draft has something wrong "
        "with it. For every draft, (1) list the ids of the linter rules it breaks (choose from "
        "`q.data('rules')`; errors and warnings both count), and (2) rewrite it as a vision that "
        "keeps the draft's subject. Build a DataFrame (or a list of dicts) `fixes` with the "
        "columns `vision_id`, `rules` (a list of rule ids) and `rewrite`, then run "
        "`q.check(fixes)`."
    ),
    vars=("fixes",),
    grader=VisionFix(product="Larder"),
    data={"visions": FLAWED_VISIONS, "rules": vision_rules()},
    points=5.0,
    hints=(
        "Read each rule's meaning in `q.data('rules')`, then test one draft against every rule "
        "in turn. A draft can break more than one rule, and warnings count too.",
        "Look for words that give a rule away: a ranking or money goal, a product type, a list "
        "of features, a slogan word, a date or a percentage, a horizon of months, sheer length, "
        "or no people at all.",
        "For each rewrite, name the people (households, families) and the change in their lives, "
        "in under 25 words, with no product, number or date. Start from a blank line rather than "
        "editing the draft.",
    ),
    key={
        "rules": {
            "F1": ["internal-goal", "names-solution", "no-beneficiary", "dates-or-metrics"],
            "F2": ["feature-list", "names-solution", "no-beneficiary"],
            "F3": ["empty-slogan"],
            "F4": ["dates-or-metrics", "horizon-too-short"],
            "F5": ["too-long"],
        },
        "optional": {"F1": ["strategy-in-vision"], "F3": ["no-beneficiary"]},
        "topic": {f"F{n}": list(LARDER_TOPIC) for n in range(1, 6)},
        "examples": {
            "F1": "Households everywhere plan their meals without stress.",
            "F2": "No family has to wonder what is for dinner or what is in the fridge.",
            "F3": "Anyone short of time can still cook good meals at home.",
            "F4": "Households stop throwing away food they paid for.",
            "F5": "Busy households cook from what they have and waste nothing.",
        },
    },
    explanation=(
        "A vision describes the change for people and holds for years. F1 is a company goal "
        "dressed as a vision, names the product type and sets a money target (five million "
        "euros is a metric even in words; the linter may miss it, a reader does not); F2 "
        "describes the product's features; F3 is made of slogan words ('everyone' names nobody "
        "in particular, so tagging `no-beneficiary` too is accepted); F4 is a quarterly target; "
        "F5 has the right spirit but is "
        "a paragraph nobody will remember. Good rewrites keep the subject (households, food, "
        "cooking) and lose the product, the numbers and the dates."
    ),
)

LARDER_BRIEF = (
    "Larder is a meal-planning app for busy households: couples and families who work, cook on "
    "weeknights and shop once or twice a week. It plans the week's meals around what is already "
    "in the pantry, turns the plan into a shopping list of only what is missing, and reminds "
    "people to use food before it spoils."
)

VISION_MISSION_PAIR = Problem(
    id="practice.vision_mission_pair",
    title="Write a vision and a mission for Larder that fit together",
    prompt=(
        "Read Larder's brief in `q.data()`. Write a vision (the change Larder should bring about "
        "in people's lives, with no product in it) and a mission (Larder's own contribution: for "
        "whom, which kind of product, what it does). Store them in a dict `pair` with the keys "
        "`'vision'` and `'mission'`, then run `q.check(pair)`. Many pairs are right."
    ),
    vars=("pair",),
    grader=VisionMissionPair(product="Larder"),
    caps={"swapped": 0.3},
    data={"brief": LARDER_BRIEF},
    points=4.0,
    hints=(
        "Write the vision first and keep the app out of it: who are the people, and what is "
        "different in their lives when Larder has done its job?",
        "Now the mission: name the same people, say what kind of product Larder is (the noun a "
        "buyer would search for) and one to three things it does for them.",
        "Check that the two sentences do different jobs: if you could swap them without anyone "
        "noticing, the mission is repeating the vision.",
    ),
    key={
        "beneficiaries": ["household", "famil", "parent", "couple", "home cook", "cook",
                          "mothers", "fathers", "flatmate", "homes", "busy", "working"],
        "categories": ["app", "planner", "assistant", "service", "tool", "platform",
                       "application", "software", "organiser", "organizer", "companion"],
        "example": {
            "vision": "Busy households eat well at home and throw no food away.",
            "mission": "Larder is a meal-planning app for busy households that plans the week "
                       "around the food they already have and lists only what they need to buy.",
        },
    },
    explanation=(
        "The vision speaks of households and the change in their evenings, without any product. "
        "The mission names the same households, the category (a meal-planning app) and what it "
        "does; it is Larder's part in the vision, which is why the two must not repeat each other."
    ),
)

PROBLEMS = (FIX_THE_VISION, VISION_MISSION_PAIR)
