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


# --- backlog: repair stories ------------------------------------------------------------------
def _repairs(rows: dict[str, tuple[str, str]]) -> list[dict]:
    return [{"item_id": i, "story": s, "acceptance": a} for i, (s, a) in rows.items()]


CASES += [
    Case("practice.backlog_repair", "valid", 1.0, {"repaired": _repairs({
        "B01": ("As a home cook, I want an alert the evening before my spinach goes off, so "
                "that I cook it instead of binning it.",
                "Given spinach with a use-by date of tomorrow, when it is 7 pm today, then I "
                "receive an alert that names the spinach."),
        "B02": ("As a shopper standing in the supermarket, I want my shopping list to appear "
                "within one second of tapping it, so that I keep moving down the aisle.",
                "Given a list of 30 items and a weak mobile signal, when I tap the list, then "
                "all 30 items appear within one second."),
        "B03": ("As a home cook, I want to scan a jar's barcode to put it in my pantry, so that "
                "I skip typing its name and size.",
                "Given a jar of pesto whose barcode is known, when I scan it, then the pesto is "
                "listed in my pantry with its name and size."),
        "B04": ("As a parent, I want to plan the family's dinners for the week in one go, so "
                "that weeknights start without a debate about food.",
                "Given an empty week, when I drag five recipes onto Monday to Friday, then the "
                "week shows one dinner per day."),
    })}, why="four clean stories with testable criteria, in fresh words"),
    Case("practice.backlog_repair", "valid", 1.0, {"repaired": _repairs({
        "B01": ("As someone who cooks for two, I want to be told which groceries expire "
                "tomorrow, so that we eat them before they spoil.",
                "Given yoghurt expiring tomorrow\nWhen the morning check runs at 8:00\nThen my "
                "phone shows the yoghurt in a reminder"),
        "B02": ("As a weekly shopper, I want the list to open in under two seconds on a slow "
                "connection, so that I am not stuck at the shelf.",
                "Given a 3G connection, when I open a 50-item list, then the first items show "
                "within two seconds."),
        "B03": ("As a parent unpacking groceries, I want to add each item by pointing the camera "
                "at its barcode, so that the pantry stays accurate with little effort.",
                "Given a known barcode on a box of rice, when I point the camera at it, then "
                "rice is added to the pantry."),
        "B04": ("As a parent, I want to share our shopping list with my partner, so that "
                "whoever passes a shop can buy what we need.",
                "Given a list shared with my partner, when my partner ticks off eggs, then eggs "
                "show as bought on my phone."),
    })}, why="other words, criteria on separate lines"),
    Case("practice.backlog_repair", "wrong", 0.45, {"repaired": _repairs({
        "B01": ("As a user, I want expiry reminders to be smart and easy, so that the app is "
                "better.", "It should work well."),
        "B02": ("As a shopper, I want the shopping list to be fast, so that shopping is nicer.",
                "Given a list, when opened, then fast."),
        "B03": ("As a home cook, I want to scan a barcode to add a pantry item, so that I do not "
                "type it.", "Given a tin with a barcode, when I scan it, then the tin is added "
                "to my pantry."),
        "B04": ("As a parent, I want to plan meals and share the list and track spending, so "
                "that the week is organised.", "Given a plan, when I share, then it is shared."),
    })}, why="vague words and compound stories kept, weak criteria"),
    Case("practice.backlog_repair", "gaming", 0.0, {"repaired": _repairs({
        "B01": ("As a user, I want reminders, so that reminders.", "Given x When y Then z"),
        "B02": ("As a user, I want the shopping list, so that shopping list.",
                "Given a When b Then c"),
        "B03": ("As a user, I want pantry barcode, so that pantry barcode.",
                "Given p When q Then r"),
        "B04": ("As a user, I want plan share spend, so that plan share spend.",
                "Given s When t Then u"),
    })}, why="template with topic words, so-that repeats want, letter criteria"),
    Case("backlog.repair_stories", "valid", 1.0, {"repaired": _repairs({
        "C01": ("As a club member, I want a text message the evening before my court booking, "
                "so that I turn up on time or cancel in good time.",
                "Given a booking tomorrow at 9:00, when it is 19:00 today, then I get a text "
                "with the court and the time."),
        "C02": ("As a member, I want to book a court with three taps from the home screen, so "
                "that I can book while on a short break.",
                "Given I am signed in and court 2 is free at 18:00, when I tap the slot and "
                "confirm, then the booking appears in My bookings."),
        "C03": ("As a member, I want to see free courts for today within two seconds, so that "
                "I can grab one before a friend books elsewhere.",
                "Given eight courts and a 4G signal, when I open today's view, then every free "
                "slot is shown within two seconds."),
        "C04": ("As a club member, I want to pay the guest fee for my visitor online, so that "
                "my guest can play without a trip to the desk.",
                "Given a booking with one guest, when I pay the 5 euro guest fee by card, then "
                "the booking shows the guest as paid."),
    })}, why="four repaired stories, one need each, testable"),
    Case("backlog.repair_stories", "valid", 1.0, {"repaired": _repairs({
        "C01": ("As a player with a booked court, I want a push alert two hours ahead, so that "
                "I do not forget the game.",
                "Given a court booked for 20:00, when the clock reaches 18:00, then my phone "
                "shows an alert naming court and time."),
        "C02": ("As a member on a lunch break, I want booking a court to take under 30 seconds, "
                "so that I can book before going back to work.",
                "Given a free slot at 12:30, when I book it from the app, then the confirmation "
                "appears within 30 seconds of opening the app."),
        "C03": ("As a member planning an evening game, I want court availability to load in "
                "under two seconds, so that I can choose a free slot quickly.",
                "Given six courts with bookings, when I open the availability view, then all "
                "free slots show in under two seconds."),
        "C04": ("As a club member, I want to invite my partner to a court I booked, so that "
                "they get the time and court number.",
                "Given my booking on Sunday at 11:00, when I invite Alex, then Alex receives "
                "the court number and start time."),
    })}, why="other words and other kept needs"),
    Case("backlog.repair_stories", "wrong", 0.4, {"repaired": _repairs({
        "C01": ("As a member, I want booking reminders, so that I remember my bookings.",
                "Reminders are sent."),
        "C02": ("As a member, I want booking to be quick and easy, so that I can book.",
                "Given I book, when it is quick, then it is good."),
        "C03": ("As the server, I want cached availability, so that pages load faster.",
                "Given a cache, when a page loads, then it is fast."),
        "C04": ("As a member, I want to book and pay and invite a partner, so that we can play "
                "together.", "Given a booking, when I pay and invite, then all is done."),
    })}, why="restated wishes, system as user, compound story, weak criteria"),
    Case("backlog.repair_stories", "gaming", 0.0, {"repaired": _repairs({
        i: ("As a member, I want booking court fee invite, so that booking court fee invite.",
            "Given a When b Then c") for i in ("C01", "C02", "C03", "C04")
    })}, why="one keyword-stuffed story pasted four times"),
]

# --- backlog: split the epic ------------------------------------------------------------------
CASES += [
    Case("practice.split_epic", "valid", 1.0, {"stories": [
        {"story": "As a household shopper, I want this week's recipes to fill the shopping "
                  "list for me, so that I stop copying ingredients by hand.", "scope": ["S1"]},
        {"story": "As a household shopper, I want things we still have at home left off, so "
                  "that we do not end up with three jars of the same spice.", "scope": ["S2"]},
        {"story": "As a household shopper, I want dairy, bakery and produce kept together on "
                  "the list, so that I cross the supermarket only once.", "scope": ["S3"]},
        {"story": "As a household shopper, I want my partner to see the same list on their "
                  "phone, so that either of us can pick up the groceries.", "scope": ["S4"]},
        {"story": "As a household shopper, I want to cross off what is already in the trolley, "
                  "so that I see at a glance what is still missing.", "scope": ["S5"]},
    ]}, why="everyday words, every scope line mapped"),
    Case("practice.split_epic", "valid", 1.0, {"stories": {
        "As a parent who shops on Saturdays, I want the list drafted from the meal plan, so "
        "that nothing for Tuesday's dinner is forgotten.": ["S1"],
        "As a parent who shops on Saturdays, I want pantry items we have in stock skipped, so "
        "that money is not spent twice.": ["S2"],
        "As a parent who shops on Saturdays, I want the list in the order of the aisles, so "
        "that the kids and I are out of the shop sooner.": ["S3"],
        "As a parent who shops on Saturdays, I want to send the list to my teenager, so that "
        "they can do the shop when I cannot.": ["S4"],
        "As a parent who shops on Saturdays, I want to tick off each item as it goes in the "
        "basket, so that I know when we are done.": ["S5"],
    }}, why="a dict story -> scope ids, another persona"),
    Case("practice.split_epic", "wrong", 0.35, {"stories": [
        {"story": "As a shopper, I want a shopping-list table in the database, so that items "
                  "are stored.", "scope": ["S1", "S2"]},
        {"story": "As a shopper, I want an API endpoint to sort the list by aisle, so that the "
                  "app can call it.", "scope": ["S3"]},
        {"story": "As a shopper, I want to share my list with my partner, so that either of us "
                  "can shop.", "scope": ["S4"]},
    ]}, why="split by technical layer, one vertical story, ticking off lost"),
    Case("practice.split_epic", "gaming", 0.05, {"stories": [
        {"story": "As a household shopper, I want a smart shopping list, so that I only buy "
                  "what our meal plan needs.", "scope": ["S1", "S2", "S3", "S4", "S5"]},
        {"story": "As a shopper, I want plan pantry aisle share tick, so that plan pantry aisle "
                  "share tick.", "scope": ["S1", "S2", "S3", "S4", "S5"]},
        {"story": "As a shopper, I want the list, so that list.", "scope": ["S1"]},
    ]}, why="epic restated, keyword-stuffed stories, every scope id claimed"),
    Case("backlog.split_epic", "valid", 1.0, {"stories": [
        {"story": "As a club coach, I want to post next month's group lessons with their times, "
                  "so that players can plan around them.", "scope": ["S1"]},
        {"story": "As a player, I want to reserve a place in a group lesson from my phone, so "
                  "that I know I am in before I travel.", "scope": ["S2"]},
        {"story": "As a player, I want to pay for the lesson by card when I reserve, so that "
                  "nobody has to handle cash on court.", "scope": ["S3"]},
        {"story": "As a player, I want to join a queue for a full lesson, so that I get the "
                  "next free place automatically.", "scope": ["S4"]},
        {"story": "As a club coach, I want to call off a lesson and have everyone booked told "
                  "at once, so that no one turns up in the rain.", "scope": ["S5"]},
    ]}, why="every scope line mapped, in other words"),
    Case("backlog.split_epic", "valid", 0.9, {"stories": [
        {"story": "As a club coach, I want to publish my weekly lesson schedule, so that "
                  "players see when I teach.", "scope": ["S1"]},
        {"story": "As a player, I want to enrol in a lesson and pay its fee online in one step, "
                  "so that my place is confirmed.", "scope": ["S2", "S3"]},
        {"story": "As a player, I want a waiting-list place when a lesson is full, so that I "
                  "can still get in if someone drops out.", "scope": ["S4"]},
        {"story": "As a club coach, I want players told when I cancel a lesson, so that nobody "
                  "travels for nothing.", "scope": ["S5"]},
    ]}, why="sign-up and payment in one story, still fine for an expert"),
    Case("backlog.split_epic", "wrong", 0.45, {"stories": [
        {"story": "As a club coach, I want to publish my lesson timetable, so that players see "
                  "when I teach.", "scope": ["S1"]},
        {"story": "As a player, I want to sign up for a lesson, so that my place is held.",
         "scope": ["S2"]},
        {"story": "As a player, I want to pay the lesson fee online, so that I do not bring "
                  "cash.", "scope": ["S3"]},
    ]}, why="waiting list and cancellations silently dropped"),
    Case("backlog.split_epic", "gaming", 0.05, {"stories": [
        {"story": "As a coach, I want timetable sign up fee waiting list cancel, so that "
                  "timetable sign up fee waiting list cancel.",
         "scope": ["S1", "S2", "S3", "S4", "S5"]},
        {"story": "Create the lessons table in the database", "scope": ["S1"]},
        {"story": "Build the sign-up endpoint", "scope": ["S2"]},
    ]}, why="one keyword-stuffed story claiming all scope, layers"),
]

# --- backlog: link items and spot outcomes -----------------------------------------------------
_LARDER_LINKS = {"I01": "O1", "I02": "O2", "I03": "O3", "I04": "O2", "I05": "O1", "I06": "O3",
                 "I07": "O2", "I08": "O1"}
_COURT_LINKS = {"D01": "P1", "D02": "P2", "D03": "P3", "D04": "P1", "D05": "P2", "D06": "P1",
                "D07": "P1", "D08": "P3"}
CASES += [
    Case("practice.link_items", "valid", 1.0, {"links": _LARDER_LINKS},
         why="every item to the outcome it moves, as a dict"),
    Case("practice.link_items", "valid", 1.0, {"links": [
        {"item_id": i, "outcome_id": o} for i, o in {**_LARDER_LINKS, "I08": "O3"}.items()]},
         why="barcode scanning to lean shopping, the other defensible link"),
    Case("practice.link_items", "wrong", 0.6, {"links": {
        **_LARDER_LINKS, "I03": "O1", "I05": "O3", "I07": "O3"}},
         why="three items linked to outcomes they do not move"),
    Case("practice.link_items", "gaming", 0.1, {"links": dict.fromkeys(_LARDER_LINKS, "O1")},
         why="every item to the same outcome"),
    Case("backlog.link_items", "valid", 1.0, {"links": _COURT_LINKS},
         why="the defensible alternatives for D06 and D07"),
    Case("backlog.link_items", "valid", 1.0, {"links": {
        **_COURT_LINKS, "D06": "P3", "D07": "P2"}}, why="the key's first choices"),
    Case("backlog.link_items", "wrong", 0.55, {"links": {
        **_COURT_LINKS, "D03": "P1", "D08": "P1", "D05": "P3"}},
         why="off-peak items under the booking outcome"),
    Case("backlog.link_items", "gaming", 0.1, {"links": dict.fromkeys(_COURT_LINKS, "P1")},
         why="every item to the same outcome"),
    Case("practice.spot_outcome", "valid", 1.0, {"spotted": ["B12", "B15", "B19"]},
         why="the three outcomes, including the one dressed as a story"),
    Case("practice.spot_outcome", "valid", 1.0, {"spotted": ("B19", "B15", "B12")},
         why="same decision as a tuple in another order"),
    Case("practice.spot_outcome", "wrong", 0.4, {"spotted": ["B12", "B15", "B20"]},
         why="sorted by form: the task starting with 'cut' flagged, the story-shaped one missed"),
    Case("practice.spot_outcome", "gaming", 0.0, {"spotted": [f"B{n}" for n in range(11, 21)]},
         why="every item flagged"),
    Case("backlog.spot_outcome", "valid", 1.0, {"spotted": ["E02", "E05", "E08", "E10"]},
         why="all four outcomes"),
    Case("backlog.spot_outcome", "valid", 1.0, {"spotted": ["E10", "E08", "E05", "E02"]},
         why="another order"),
    Case("backlog.spot_outcome", "wrong", 0.45, {"spotted": ["E02", "E05", "E08", "E11"]},
         why="sorted by form: the certificate task flagged, the story-shaped outcome missed"),
    Case("backlog.spot_outcome", "gaming", 0.0, {"spotted": [f"E{n:02d}" for n in range(1, 12)]},
         why="every item flagged"),
]


# --- capstone: a strategy document as load_strategy("drafts") returns it ------------------------
def _toolshed() -> dict:
    """A complete strategy for Toolshed, an app for neighbourhood tool libraries."""
    vision = ("Neighbours borrow the tools they need instead of buying ones they use once, and "
              "help each other with the jobs.")
    mission = ("Toolshed gives volunteer-run tool libraries a lending app that shows members "
               "which tools are free, takes bookings and reminds borrowers when a tool is due "
               "back.")
    ns = "Tools borrowed and returned on time, per week"
    outcomes = {
        "R1": "Members find a free tool without calling a volunteer",
        "R2": "Borrowers bring tools back by the agreed day",
        "R3": "Volunteers spend less of their shift on paperwork",
        "R4": "A new tool library lends its first tools within a month of opening",
    }
    return {
        "vision": {"who": "Neighbours", "change": "borrow the tools they need instead of buying "
                   "ones they use once", "why": "they help each other with the jobs",
                   "statement": vision, "statement_edited": True},
        "mission": {"product": "Toolshed", "who": "volunteer-run tool libraries",
                    "category": "a lending app",
                    "aspects": ["shows members which tools are free", "takes bookings",
                                "reminds borrowers when a tool is due back"],
                    "statement": mission, "statement_edited": False},
        "strategy_canvas": {"answers": {
            "vision": vision, "mission": mission,
            "icp": "Tool libraries in mid-sized towns with at least 200 tools, open two or more "
                   "evenings a week, run by volunteers who still lend from a paper ledger.",
            "segments": "Community tool libraries in the UK and Ireland first; repair cafés and "
                        "makerspaces that lend equipment next.",
            "differentiation": "Built around deposits-free lending between neighbours: reminders "
                               "and waiting lists per tool, which generic booking tools lack.",
            "not_doing": "No rental shops, no marketplace for buying tools, no insurance "
                         "products and no advertising.",
            "goals": "North Star: tools borrowed and returned on time per week. Inputs: share "
                     "of tools bookable online, reminders opened before the due day, active "
                     "volunteers per month.",
            "intents": "Easier borrowing; tools come back; volunteers stay.",
            "initiatives": "We believe due-day reminders will lead to more tools returned on "
                           "time; we will know when late returns fall from 30% to 15%.",
            "principles": "Volunteers' evenings come first; members' addresses are never "
                          "shared; a library can always export its own data.",
            "q_build": "We built online booking for two pilot libraries; now reminders; next "
                       "help for new libraries to start lending.",
            "q_target": "Busy libraries with many tools and few volunteers, because paperwork "
                        "eats most of their opening hours.",
            "q_grow": "Through the national tool-library network, whose organisers recommend "
                      "tools that worked for them.",
            "q_good": "More tools lent and returned on time, shorter waits for popular tools, "
                      "and volunteers who stay for a second year.",
        }},
        "north_star": {
            "metric": ns,
            "rationale": "A tool that goes out and comes back on time is the value both the "
                         "borrower and the library get.",
            "inputs": ["Share of tools bookable online", "Reminders opened before the due day",
                       "Volunteers active each month", "Members who borrow a second time"],
            "checks": {"customer_value": True, "leading": True, "team_can_move": True,
                       "understood": True, "time_bound": True},
        },
        "roadmap": {
            "intents": ["Easier borrowing", "Tools come back", "Volunteers stay"],
            "now_capacity": 3,
            "cards": [
                {"id": "R1", "outcome": outcomes["R1"], "intent": "Easier borrowing",
                 "column": "now", "date": "", "constraint": "", "depends_on": []},
                {"id": "R2", "outcome": outcomes["R2"], "intent": "Tools come back",
                 "column": "now", "date": "", "constraint": "", "depends_on": []},
                {"id": "R3", "outcome": outcomes["R3"], "intent": "Volunteers stay",
                 "column": "next", "date": "", "constraint": "", "depends_on": ["R1"]},
                {"id": "R4", "outcome": outcomes["R4"], "intent": "Volunteers stay",
                 "column": "later", "date": "", "constraint": "", "depends_on": []},
            ],
        },
        "backlog": {"items": [
            {"id": "B1", "text": "As a member, I want to see which drills are free this week, "
                                 "so that I only walk to the library when one is there.",
             "type": "story", "acceptance": ["Given two drills with one lent out, when I open "
                                             "Drills, then one shows as free today."],
             "outcome_id": "R1", "outcome_text": outcomes["R1"]},
            {"id": "B2", "text": "As a borrower, I want a message the day before a tool is due, "
                                 "so that I bring it back on time.",
             "type": "story", "acceptance": ["Given a ladder due on Friday, when it is Thursday "
                                             "at 18:00, then I get a message naming the "
                                             "ladder."],
             "outcome_id": "R2", "outcome_text": outcomes["R2"]},
            {"id": "B3", "text": "As a volunteer, I want returns logged by scanning the tool's "
                                 "label, so that I stop filling in the paper ledger.",
             "type": "story", "acceptance": ["Given a lent sander, when I scan its label at "
                                             "the desk, then it shows as returned."],
             "outcome_id": "R3", "outcome_text": outcomes["R3"]},
            {"id": "B4", "text": "Print QR labels for the 250 tools of the two pilot libraries",
             "type": "task", "acceptance": ["Every pilot tool carries a label that scans."],
             "outcome_id": "R3", "outcome_text": outcomes["R3"]},
        ]},
        "missing": [], "unreadable": {}, "notes": [],
        "sources": {k: f"{k}.json" for k in ("vision", "mission", "strategy_canvas",
                                             "north_star", "roadmap", "backlog")},
    }


def _reworded() -> dict:
    """The same strategy written by another learner, in other words."""
    doc = _toolshed()
    doc["vision"]["statement"] = ("No household buys a drill it will use twice: people share "
                                  "tools with their street and fix things together.")
    doc["mission"]["statement"] = ("For volunteers who run tool libraries, Toolshed is a "
                                   "booking service that tracks every tool, holds waiting lists "
                                   "and chases late returns.")
    doc["north_star"]["metric"] = "Weekly loans that come back by their due day"
    doc["roadmap"]["cards"][0]["outcome"] = "Borrowers see what is on the shelf before they come"
    doc["roadmap"]["cards"][1]["outcome"] = "Fewer loans come back late"
    doc["backlog"]["items"][0]["text"] = ("As a member, I want to reserve a hedge trimmer for "
                                          "Saturday, so that it is waiting for me when I "
                                          "arrive.")
    for item in doc["backlog"]["items"]:
        item["outcome_text"] = next(c["outcome"] for c in doc["roadmap"]["cards"]
                                    if c["id"] == item["outcome_id"])
    return doc


def _money_north_star() -> dict:
    """Complete and sound, but the North Star counts deposits taken: money in another form."""
    doc = _toolshed()
    doc["north_star"]["metric"] = "Value of deposits taken per week"
    return doc


def _filler() -> dict:
    """Every field present, most holding filler; a one-line vision and 'things per week'."""
    doc = _toolshed()
    doc["vision"].update(who="x", change="x", why="x", statement="Make things better.")
    doc["mission"].update(product="x", who="x", category="x", aspects=["x", "y", "z"],
                          statement="TBD")
    doc["strategy_canvas"]["answers"] = dict.fromkeys(doc["strategy_canvas"]["answers"], "TBD")
    doc["north_star"].update(metric="Things per week", rationale="x",
                             inputs=["a", "b", "c"])
    for card in doc["roadmap"]["cards"]:
        card["outcome"] = "x"
    for item in doc["backlog"]["items"]:
        item["text"] = "todo"
        item["acceptance"] = ["?"]
    return doc


CASES += [
    Case(problem_id, kind, expert, {"strategy": build()}, why=why)
    for problem_id in ("practice.capstone", "capstone.strategy_document")
    for kind, expert, build, why in (
        ("valid", 1.0, _toolshed, "a complete, coherent strategy for a tool library app"),
        ("valid", 1.0, _reworded, "the same strategy in other words"),
        ("wrong", 0.65, _money_north_star, "a money North Star in another form (deposits)"),
        ("gaming", 0.05, _filler, "placeholders in every field, 'things per week'"),
    )
]


def _one_sentence_everywhere() -> dict:
    """A real vision and mission, then one sentence pasted into every other text field."""
    doc = _toolshed()
    line = "We help neighbours share tools so that fewer tools are bought and left unused."
    answers = doc["strategy_canvas"]["answers"]
    for name in answers:
        if name not in ("vision", "mission"):
            answers[name] = line
    doc["north_star"]["rationale"] = line
    for item in doc["backlog"]["items"]:
        item["acceptance"] = [line]
    return doc


CASES += [
    Case(problem_id, "gaming", 0.7, {"strategy": _one_sentence_everywhere()},
         why="canvas and criteria one pasted sentence; vision to backlog real")
    for problem_id in ("practice.capstone", "capstone.strategy_document")
]
