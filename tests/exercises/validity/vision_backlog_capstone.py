"""Validity cases for the vision, backlog and capstone problems, written fresh for this fixture.

Each answer was written as a learner might, without looking at ``autograders/answers/``; the
expert score is what an experienced product-management teacher would give it, as a share.
"""

from __future__ import annotations

from tests.exercises.validity import Case

CASES: list[Case] = []


def _fixes(rows: dict[str, tuple[list[str], str]]) -> list[dict]:
    return [{"vision_id": i, "rules": r, "rewrite": w} for i, (r, w) in rows.items()]


# --- practice.fix_the_vision (Larder) --------------------------------------------------------
_LARDER_RULES = {
    "F1": ["internal-goal", "names-solution", "no-beneficiary", "dates-or-metrics"],
    "F2": ["feature-list", "names-solution", "no-beneficiary"],
    "F3": ["empty-slogan"],
    "F4": ["dates-or-metrics", "horizon-too-short"],
    "F5": ["too-long"],
}
CASES += [
    Case("practice.fix_the_vision", "valid", 1.0, {"fixes": _fixes({
        "F1": (_LARDER_RULES["F1"], "Working parents put a home-cooked dinner on the table "
                                    "without a nightly scramble."),
        "F2": (_LARDER_RULES["F2"], "Families always know what they can cook with what is "
                                    "already in the kitchen."),
        "F3": (_LARDER_RULES["F3"], "Busy couples cook real meals at home even on their "
                                    "longest days."),
        "F4": (_LARDER_RULES["F4"], "Good food stays out of the bin in every home kitchen."),
        "F5": (_LARDER_RULES["F5"], "Busy households cook from what they already have and "
                                    "stop wasting groceries."),
    })}, why="every flaw named, five fresh rewrites about households and food"),
    Case("practice.fix_the_vision", "valid", 0.95, {"fixes": _fixes({
        "F1": (["internal-goal", "names-solution", "no-beneficiary"],
               "No family has to throw out food it paid for."),
        "F2": (["feature-list", "names-solution", "no-beneficiary"],
               "Deciding what to eat tonight takes parents a minute, not an hour."),
        "F3": (["empty-slogan", "no-beneficiary"],
               "Anyone who works long hours still eats a meal they cooked themselves."),
        "F4": (["horizon-too-short", "dates-or-metrics"],
               "Households buy only the food they will eat."),
        "F5": (["too-long"], "Weeknight dinners at home feel easy for families again."),
    })}, why="misses the money target written in words; rewrites in other words"),
    Case("practice.fix_the_vision", "wrong", 0.45, {"fixes": _fixes({
        "F1": (_LARDER_RULES["F1"], "Larder helps every household in Europe cut food waste "
                                    "by 30%."),
        "F2": (_LARDER_RULES["F2"], "Every family plans its meals with the Larder app."),
        "F3": (_LARDER_RULES["F3"], "Half of all households plan their dinners with us."),
        "F4": (_LARDER_RULES["F4"], "By 2030 households waste two million tonnes less food."),
        "F5": (_LARDER_RULES["F5"], "Larder users cook at home and save money on groceries."),
    })}, why="right diagnosis, but every rewrite names the product, a goal or a number"),
    Case("practice.fix_the_vision", "gaming", 0.05, {"fixes": _fixes({
        i: (["internal-goal", "empty-slogan", "feature-list", "too-long", "no-beneficiary",
             "names-solution", "dates-or-metrics", "horizon-too-short"], text)
        for i, text in {
            "F1": "Become the number one meal-planning app in Europe and reach five million "
                  "euros in revenue!",
            "F2": "A planner with barcode scanning, expiry reminders, recipe filters and a "
                  "shared list.",
            "F3": "Seamless, world-class meal planning that empowers everyone!",
            "F4": "Next quarter, households cut the food they throw away by 40 percent.",
            "F5": "TBD",
        }.items()
    })}, why="every rule tagged everywhere, drafts pasted back as rewrites"),
    Case("practice.fix_the_vision", "gaming", 0.3, {"fixes": _fixes({
        i: (r, "People live better lives every single day.") for i, r in _LARDER_RULES.items()
    })}, why="diagnosis right, one off-topic clean slogan pasted as every rewrite"),
]

# --- vision_mission.fix_vision (Waypoint) ----------------------------------------------------
_WAYPOINT_RULES = {
    "G1": ["internal-goal", "names-solution", "no-beneficiary", "dates-or-metrics"],
    "G2": ["feature-list", "names-solution", "no-beneficiary"],
    "G3": ["empty-slogan"],
    "G4": ["dates-or-metrics", "horizon-too-short"],
    "G5": ["strategy-in-vision"],
    "G6": ["too-long"],
}
CASES += [
    Case("vision_mission.fix_vision", "valid", 1.0, {"fixes": _fixes({
        "G1": (_WAYPOINT_RULES["G1"], "After a bad knee or a new hip, people climb stairs and "
                                      "play sport again."),
        "G2": (_WAYPOINT_RULES["G2"], "Patients always know which exercise comes next and "
                                      "how to do it safely."),
        "G3": (_WAYPOINT_RULES["G3"], "Nobody recovering from an operation feels left on their "
                                      "own between appointments."),
        "G4": (_WAYPOINT_RULES["G4"], "Patients keep up their rehab at home as well as they do "
                                      "in the clinic."),
        "G5": (_WAYPOINT_RULES["G5"], "Getting over an injury feels like steady progress, not "
                                      "guesswork."),
        "G6": (_WAYPOINT_RULES["G6"], "People heal from injuries at home with confidence and "
                                      "return to the lives they love."),
    })}, why="expert diagnosis and fresh rewrites (body parts, rehab, not 'injury' each time)"),
    Case("vision_mission.fix_vision", "valid", 0.95, {"fixes": _fixes({
        "G1": (["internal-goal", "names-solution", "no-beneficiary", "strategy-in-vision"],
               "Every injured person gets back to work and play without lasting pain."),
        "G2": (["feature-list", "names-solution", "no-beneficiary"],
               "No one doing physio at home wonders whether they are doing it right."),
        "G3": (["empty-slogan", "no-beneficiary"],
               "Patients trust their own body again after surgery."),
        "G4": (["horizon-too-short", "dates-or-metrics"],
               "Home rehab is something patients finish, not something they drop."),
        "G5": (["strategy-in-vision"],
               "Each patient's shoulder, knee or back gets stronger week after week."),
        "G6": (["too-long"], "Recovery from surgery is steady, safe and shared with the "
                             "therapist."),
    })}, why="accepted alternatives tagged (strategy-in-vision, no-beneficiary); fresh rewrites"),
    Case("vision_mission.fix_vision", "wrong", 0.45, {"fixes": _fixes({
        "G1": (_WAYPOINT_RULES["G1"], "Waypoint becomes the app every physio patient trusts."),
        "G2": (_WAYPOINT_RULES["G2"], "Every patient in Europe does their exercises with our "
                                      "app."),
        "G3": (_WAYPOINT_RULES["G3"], "Patients recover twice as fast with Waypoint."),
        "G4": (_WAYPOINT_RULES["G4"], "By 2030, 80% of patients finish their home plan."),
        "G5": (_WAYPOINT_RULES["G5"], "Patients in private clinics recover faster than with "
                                      "paper sheets."),
        "G6": (_WAYPOINT_RULES["G6"], "Waypoint users heal at home and get back to sport."),
    })}, why="diagnosis right, rewrites keep product, adoption goals, numbers, segments"),
    Case("vision_mission.fix_vision", "gaming", 0.05, {"fixes": _fixes({
        "G1": ([*_WAYPOINT_RULES["G1"], "empty-slogan", "feature-list", "too-long"],
               "Become the leading physiotherapy app in Europe and earn ten million euros."),
        "G2": (["feature-list", "empty-slogan", "too-long", "internal-goal"],
               "An app with video exercises, pain tracking, reminders and charts."),
        "G3": (["empty-slogan", "too-long", "internal-goal", "feature-list"], "x"),
        "G4": (["horizon-too-short", "too-long", "internal-goal", "empty-slogan"], "..."),
        "G5": (["strategy-in-vision", "too-long", "internal-goal", "empty-slogan"], "TBD"),
        "G6": (["too-long", "internal-goal", "empty-slogan", "feature-list"], "lorem ipsum"),
    })}, why="shotgun rule lists, drafts and placeholders as rewrites"),
]


# --- practice.vision_mission_pair (Larder) and vision_mission.vision_mission_pair ------------
CASES += [
    Case("practice.vision_mission_pair", "valid", 1.0, {"pair": {
        "vision": "Working families eat home-cooked dinners and nothing they buy goes to waste.",
        "mission": "Larder is a meal-planning app that helps working families plan dinners "
                   "around what is already in the cupboard and buy only what is missing.",
    }}, why="people in both, category only in the mission, two jobs"),
    Case("practice.vision_mission_pair", "valid", 1.0, {"pair": {
        "vision": "No household has to wonder what is for dinner or throw away food it paid for.",
        "mission": "For busy households, Larder is a planner that turns the food they already "
                   "have into a week of meals and a short shopping list.",
    }}, why="other words: planner, 'no household', 'for busy households'"),
    Case("practice.vision_mission_pair", "wrong", 0.3, {"pair": {
        "vision": "Larder is the meal-planning app every household in Europe uses.",
        "mission": "Households cook at home and waste less food.",
    }}, why="swapped: the product in the vision, the change in the mission"),
    Case("practice.vision_mission_pair", "wrong", 0.45, {"pair": {
        "vision": "Become the favourite meal planner of a million families by 2028.",
        "mission": "Larder is a meal-planning app for families that plans the week's dinners "
                   "around the pantry.",
    }}, why="a good mission, an adoption goal with a number as the vision"),
    Case("practice.vision_mission_pair", "gaming", 0.0, {"pair": {
        "vision": "Households families parents food meals cooking kitchen",
        "mission": "App planner platform tool service households families",
    }}, why="runs of category nouns and beneficiary words"),
    Case("vision_mission.vision_mission_pair", "valid", 1.0, {"pair": {
        "vision": "People recovering from an injury move freely again and trust their own body.",
        "mission": "Waypoint is a home-exercise app that guides physiotherapy patients through "
                   "their therapist's plan each day and warns the therapist when pain rises.",
    }}, why="same people, category in mission only, distinct"),
    Case("vision_mission.vision_mission_pair", "valid", 1.0, {"pair": {
        "vision": "No patient has to face rehab after an operation alone or unsure.",
        "mission": "For patients doing physio at home, Waypoint is a coach in their pocket that "
                   "turns each prescribed plan into short daily sessions with video.",
    }}, why="other words: 'rehab', 'coach', 'patients doing physio'"),
    Case("vision_mission.vision_mission_pair", "wrong", 0.3, {"pair": {
        "vision": "Waypoint is a physiotherapy app that turns therapists' plans into daily "
                  "video sessions for patients.",
        "mission": "Patients recovering from injuries get back to their lives sooner.",
    }}, why="vision and mission swapped"),
    Case("vision_mission.vision_mission_pair", "gaming", 0.0, {"pair": {
        "vision": "Patients recovering physiotherapy injury app",
        "mission": "Patients recovering physiotherapy injury app",
    }}, why="the same noun run twice"),
    Case("vision_mission.vision_mission_pair", "gaming", 0.0, {"pair": {
        "vision": "Waypoint is a home-exercise app for people in physiotherapy after an injury "
                  "or an operation.",
        "mission": "Their therapist prescribes a plan in the clinic; Waypoint turns it into "
                   "short daily sessions with video guidance.",
    }}, why="both statements pasted from the brief"),
]
