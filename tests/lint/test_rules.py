"""Every lint rule, specified by a statement that breaks it and one that does not.

Each bad example names the exact words the finding must point at, so a rule that fires on the
wrong place fails here too.
"""

from __future__ import annotations

import re

import pytest

from pmcourse.lint import RULES, lint

LONG_VISION = (
    "Families everywhere cook relaxed dinners together from what they already have at home, "
    "share the cooking fairly, waste almost nothing and still find time each evening to sit "
    "down and talk about their day."
)

# (rule key, bad statement, the words each finding must point at, good statement)
CASES = [
    ('vision/internal-goal',
     'Households waste less food, and Larder grows its market share.',
     ['market share'],
     'Every household cooks with what it already has.'),
    ('vision/adoption-goal',
     'Every family in Britain plans its dinners with our app.',
     ['with our app'],
     'Every family in Britain plans its dinners without a second thought.'),
    ('vision/empty-slogan',
     'Seamless meal planning for every household.',
     ['Seamless'],
     'Every household cooks with what it already has.'),
    ('vision/feature-list',
     'Families plan meals with a barcode scanner, shopping lists and pantry sync.',
     ['with a barcode scanner, shopping lists and pantry sync'],
     'Families cook more of what they buy and bin less of it.'),
    ('vision/too-long',
     LONG_VISION,
     ['evening to sit down and talk about their day.'],
     'Families cook relaxed dinners from what they already have.'),
    ('vision/no-beneficiary',
     'Innovation through excellence in food.',
     ['Innovation through excellence in food.'],
     'Home cooks stop wasting food.'),
    ('vision/names-solution',
     'Households waste less food thanks to a smart pantry app.',
     ['app'],
     'Households waste less food.'),
    ('vision/dates-or-metrics',
     'Households waste 50% less food by 2030.',
     ['50%', '2030'],
     'Households waste far less food.'),
    ('vision/horizon-too-short',
     'Households plan every meal this quarter.',
     ['this quarter'],
     'Households plan meals without stress.'),
    ('vision/strategy-in-vision',
     'Unlike meal-kit firms, we help families cook from their own pantry.',
     ['Unlike'],
     'Families cook from their own pantry.'),
    ('mission/empty-slogan',
     'Larder is the best tool for great UX in the kitchen.',
     ['the best tool', 'great UX'],
     'Larder is a meal-planning app for busy households that plans the week around the pantry.'),
    ('mission/no-category',
     'We help busy households eat better.',
     ['We help busy households eat better.'],
     'Larder is a meal-planning app for busy households.'),
    ('mission/internal-goal',
     'Larder is the leading meal-planning app in Europe.',
     ['leading'],
     'Larder is a meal-planning app for busy households.'),
    ('mission/reads-like-vision',
     'A world where no household throws food away.',
     ['A world where'],
     'Larder is a meal-planning app for busy households.'),
    ('strategy/goals-not-choices',
     'Grow 40% a year and reach one million households.',
     ['Grow', 'reach'],
     'Win dual-income families in UK cities first, not students.'),
    ('strategy/everybodys-darling',
     'We serve everyone who eats, worldwide.',
     ['everyone', 'worldwide'],
     'We serve dual-income families in UK cities first; not students.'),
    ('strategy/no-non-goals',
     'Win dual-income families in UK cities first.',
     ['Win dual-income families in UK cities first.'],
     'Win dual-income families in UK cities first; we will not chase students.'),
    ('strategy/roadmap-in-strategy',
     'Q1 pantry sync, Q2 shopping lists, Q3 recipe import.',
     ['Q1 pantry sync, Q2 shopping lists, Q3'],
     'Win UK families first; pantry sync in Q1 is the bet.'),
    ('outcome/output-not-outcome',
     'Build pantry sync',
     ['Build'],
     'Households keep their pantry list current without typing'),
    ('outcome/date-without-constraint',
     'Households can share the plan by 1 March 2027',
     ['1 March 2027'],
     'Every invoice meets the e-invoicing law by 1 January 2027'),
    ('outcome/story-on-roadmap',
     'As a parent, I want to share the shopping list',
     ['As a parent, I want'],
     'Parents share the shopping list with the whole household'),
    ('outcome/vague-outcome',
     'Everyone using Larder has a better experience.',
     ['a better experience'],
     'Households cook a planned dinner on more weeknights.'),
    ('outcome/commitment-language',
     'We guarantee households can share plans',
     ['guarantee'],
     'Households can share plans with each other'),
    ('outcome/too-detailed',
     'Households pick a cuisine from a dropdown on the plan page',
     ['dropdown'],
     'Households find a new dinner idea in under a minute'),
    ('outcome/no-measure',
     'Households cook from their pantry',
     ['Households cook from their pantry'],
     'Households cook from their pantry four nights a week'),
    ('task/outcome-in-backlog',
     'Improve week-4 retention by 10%',
     ['Improve week-4 retention by 10%'],
     'As a new cook, I want a first-week checklist so that I know what to do next.'),
    ('task/not-atomic',
     'As a cook, I want to filter and export recipes so that I can print them.',
     ['and export'],
     'As a cook, I want to filter recipes by cooking time so that I can pick a quick dinner.'),
    ('task/vague-words',
     "As a cook, I want the pantry page to load fast so that I don't wait.",
     ['fast'],
     "As a cook, I want the pantry page to load in under 2 seconds so that I don't wait."),
    ('task/system-as-user',
     'As the sync service, I want to retry failed uploads.',
     ['sync service'],
     'As a household cook, I want failed uploads retried so that my list stays complete.'),
    ('task/missing-so-that',
     'As a cook, I want to swap a dinner.',
     ['swap a dinner'],
     'As a cook, I want to swap a dinner so that the kids eat it.'),
    ('task/too-big',
     'As an admin, I want to manage all household settings so that the family is set up.',
     ['manage', 'all'],
     'As an admin, I want to add a household member so that they can see the plan.'),
    ('task/prescribes-ui',
     'As a cook, I want a dropdown of cuisines so that I can browse.',
     ['dropdown'],
     'As a cook, I want to browse recipes by cuisine so that I can find ideas.'),
    ('task/no-action',
     'Password reset',
     ['Password reset'],
     'Add a password reset link to the sign-in page.'),
    ('vision/reads-like-mission',
     'We provide a cloud POS for independent cafés.',
     ['We provide a cloud POS'],
     'Independent cafés thrive on their own terms.'),
    ('mission/no-audience',
     'A cloud POS that speeds up the morning rush.',
     ['A cloud POS that speeds up the morning rush.'],
     'A cloud POS for independent cafés that speeds up the morning rush.'),
    ('task/not-minimal',
     'As a cook (power user!), I want to export my plan. Also check speed.',
     ['(power user!)', 'Also check speed.'],
     'As a cook, I want to export my plan so that I can print it.'),
    ('north_star/initiative-not-metric',
     'Launch a referral programme',
     ['Launch'],
     'Invites sent per new household in week 1'),
    ('north_star/financial-metric',
     'Monthly recurring revenue',
     ['revenue'],
     'Households that cook three planned meals a week'),
    ('north_star/vanity-metric',
     'Total app downloads',
     ['Total', 'downloads'],
     'Households that cook three planned meals a week'),
    ('north_star/no-time-window',
     'Households that cook a planned meal',
     ['Households that cook a planned meal'],
     'Households that cook three planned meals a week'),
]

FIX_WORDS = re.compile(
    r"\b(?:move|replace|say|name|describe|add|write|rewrite|put|drop|split|pick|measure|count|"
    r"keep|state|cut|use)\b", re.IGNORECASE)


def _found(text: str, key: str) -> list[str]:
    kind, rule_id = key.split("/")
    return [text[f.span[0]:f.span[1]] for f in lint(text, kind) if f.rule == rule_id]


def test_every_rule_has_a_case() -> None:
    """Each registered rule appears in the table below (same-as-vision has its own tests)."""
    covered = {key for key, *_ in CASES} | {"mission/same-as-vision"}
    assert set(RULES) == covered


@pytest.mark.parametrize(("key", "bad", "words", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_flags_the_bad_statement_at_the_offending_words(
        key: str, bad: str, words: list[str], good: str) -> None:
    """The bad statement triggers the rule, each finding spans exactly the offending words."""
    assert _found(bad, key) == words


@pytest.mark.parametrize(("key", "bad", "words", "good"), CASES, ids=[c[0] for c in CASES])
def test_rule_leaves_the_good_statement_alone(
        key: str, bad: str, words: list[str], good: str) -> None:
    """The rewritten statement does not trigger the rule."""
    assert _found(good, key) == []


@pytest.mark.parametrize("key", sorted(RULES))
def test_message_explains_and_suggests_a_fix(key: str) -> None:
    """Every rule's message is a couple of sentences that includes a concrete fix."""
    message = RULES[key].message
    assert len(message.split()) >= 12, message
    assert FIX_WORDS.search(message), message


VISION = "Every household cooks with what it already has and throws little away."


def test_mission_identical_to_the_vision_is_an_error() -> None:
    """A mission pasted from the vision (case and punctuation aside) is flagged."""
    findings = lint(VISION.upper().rstrip("."), "mission", context={"vision": VISION})
    same = [f for f in findings if f.rule == "same-as-vision"]
    assert [f.severity for f in same] == ["error"]
    assert "the same as your vision" in same[0].message


def test_distinct_mission_is_not_compared_as_same() -> None:
    """A real mission next to the same vision is not flagged as a copy."""
    mission = "Larder is a meal-planning app for busy households that plans around the pantry."
    assert not [f for f in lint(mission, "mission", context={"vision": VISION})
                if f.rule == "same-as-vision"]


def test_same_as_vision_needs_a_vision() -> None:
    """Without a vision in the context the comparison is skipped, not guessed."""
    assert not [f for f in lint(VISION, "mission") if f.rule == "same-as-vision"]


@pytest.mark.parametrize(("text", "kind"), [
    ("Every household cooks with what it already has.", "vision"),
    ("Larder is a meal-planning app for busy households that plans the week around what is "
     "already in the pantry.", "mission"),
    ("Win dual-income families in UK cities first; we will not chase students or meal-kit "
     "buyers this year.", "strategy"),
    ("Now: New households plan their first week within 10 minutes of signing up.", "outcome"),
    ("As a busy parent, I want to mark an ingredient as used up so that it leaves my pantry "
     "list.", "task"),
    ("Households that cook three planned meals a week", "north_star"),
])
def test_good_larder_statements_are_clean(text: str, kind: str) -> None:
    """Well-written Larder statements of every kind get no finding at all."""
    assert lint(text, kind) == []


def test_feature_name_span_skips_the_date() -> None:
    """On a dated feature name, output-not-outcome points at the feature, not the date."""
    assert _found("Mar 15 – Dark mode", "outcome/output-not-outcome") == ["Dark mode"]
    assert _found("Mar 15 – Dark mode", "outcome/date-without-constraint") == ["Mar 15"]


def test_discovery_items_are_not_feature_names() -> None:
    """A short 'explore the problem' item is a legitimate roadmap entry."""
    assert lint("Later: Explore enterprise reporting needs", "outcome") == []


def test_company_centric_vision_is_an_internal_goal() -> None:
    """'We will become X's favourite bank' is flagged as a goal for the company."""
    assert _found("We will become Europe's favourite bank.", "vision/internal-goal") == [
        "become Europe's favourite bank"]


def test_hard_constraint_keeps_a_date() -> None:
    """A date explained by a legal deadline is allowed on the roadmap."""
    text = "VAT e-invoicing works for every customer by 2026-01-01 (legal deadline)"
    assert _found(text, "outcome/date-without-constraint") == []


def test_no_one_is_not_number_one() -> None:
    """'No one' is a beneficiary phrase, not the ranking 'No. 1'."""
    assert _found("A world in which no one loses a day's pay.", "vision/internal-goal") == []
    assert _found("Be the No. 1 choice for cooks.", "vision/internal-goal") == ["No. 1"]


def test_human_roles_ending_in_worker_are_people() -> None:
    """'As a shift worker' is a person, not a background worker process."""
    text = "As a shift worker, I want to save my usual route so that alerts cover my journey."
    assert _found(text, "task/system-as-user") == []


def test_the_labelled_statements_raise_no_error_as_their_own_kind() -> None:
    """The 130 hand-written statements (all meant as good examples) get no error finding."""
    from pathlib import Path

    from pmcourse.classify.evaluate import load

    rows = load(Path(__file__).parent.parent / "data" / "labelled_statements.csv")
    flagged = [(r.kind, r.text, f.rule) for r in rows for f in lint(r.text, r.kind)
               if f.severity == "error"]
    assert flagged == []


@pytest.mark.parametrize("text", [
    "Improve error messages on the sign-in form",
    "Reduce image size on the recipe page",
])
def test_improvement_tasks_without_a_target_are_not_outcomes(text: str) -> None:
    """'Improve'/'Reduce' work with no KPI or number is a task, not an outcome."""
    assert _found(text, "task/outcome-in-backlog") == []


@pytest.mark.parametrize("text", ["Increase activation", "Reduce churn among new households",
                                  "Cut weekly food waste to 1 kg"])
def test_targets_on_a_kpi_or_number_are_outcomes(text: str) -> None:
    """A direction verb with a KPI or a number states a result, so it belongs on the roadmap."""
    assert _found(text, "task/outcome-in-backlog")


# --- gaps reported by lesson writers -----------------------------------------------------------

@pytest.mark.parametrize(("text", "words"), [
    ("A meal-planning app that scans your pantry, suggests recipes and builds shopping lists",
     "scans your pantry, suggests recipes and builds shopping lists"),
    ("Larder tracks what is in the fridge and sends a reminder before food goes off.",
     "tracks what is in the fridge and sends a reminder before food goes off"),
    ("An assistant scanning receipts, syncing pantries and generating meal plans",
     "scanning receipts, syncing pantries and generating meal plans"),
])
def test_a_vision_listing_what_the_product_does_is_a_feature_list(text: str, words: str) -> None:
    """Several product actions in a row (scans ..., suggests ..., builds ...) describe features."""
    assert _found(text, "vision/feature-list") == [words]


@pytest.mark.parametrize("text", [
    "Every household cooks from its pantry, shops once a week and throws little away.",
    "Households waste less because the pantry tracks itself.",
    "Readers find books, records and films they love.",
    "Neighbours who keep building gardens and creating shared spaces",
])
def test_people_acting_or_a_single_product_action_is_not_a_feature_list(text: str) -> None:
    """What people do, one product action, or plural nouns in a list are not a feature list."""
    assert _found(text, "vision/feature-list") == []


@pytest.mark.parametrize("text", [
    "Households that plan again the following week",
    "Households that plan a second week",
    "Households that plan again the next month",
    "Cooks who return for a third week",
    "Households that plan three weeks in a row",
])
def test_following_or_ordinal_weeks_are_a_time_window(text: str) -> None:
    """'The following week', 'a second week', 'three weeks in a row' give the metric a window."""
    assert _found(text, "north_star/no-time-window") == []


@pytest.mark.parametrize("text", [
    "Households that plan again",
    "Households that plan a second meal",
    "Households that follow the plan",
])
def test_a_repeat_without_a_period_still_has_no_time_window(text: str) -> None:
    """'Again', 'a second meal' or 'follow' name no period, so the rule still fires."""
    assert _found(text, "north_star/no-time-window") == [text]


@pytest.mark.parametrize("text", [
    "Households keep their price sync when GrocerHub turns off API v1 on 30 June",
    "Households keep their price sync when GrocerHub shuts down API v1 on 30 June",
    "Pantry imports keep working after the supermarket retires its old feed on 30 June",
    "Card payments keep working before the bank deprecates its old checkout on 15 October",
    "Households keep syncing when the partner ends support for API v1 on 1 May",
    "Every order gets a receipt when the packaging law takes effect on 1 July",
    "Kitchens reorder stock before the supplier contract ends on 31 March",
    "Stalls take orders all through the Christmas season from 1 December",
    "Buyers try a one-minute plan at the Food Tech trade show on 12 May",
    "Pantry sync keeps working when the supermarket's licence expires on 30 April",
])
def test_external_events_are_constraints_that_keep_a_date(text: str) -> None:
    """A partner turning off or retiring an API, a law taking effect, a contract ending, a season
    or a trade show fixes a date from outside, so the date may stay."""
    assert _found(text, "outcome/date-without-constraint") == []


@pytest.mark.parametrize(("text", "dates"), [
    ("We turn off the old pantry editor on 30 June", ["30 June"]),
    ("Households keep their price sync on 30 June", ["30 June"]),
    ("Expiry reminders reach every household by 30 April", ["30 April"]),
])
def test_our_own_switch_off_or_a_feature_named_expiry_is_no_constraint(
        text: str, dates: list[str]) -> None:
    """Our own decision to turn something off, or a feature called 'expiry ...', fixes no date."""
    assert _found(text, "outcome/date-without-constraint") == dates


@pytest.mark.parametrize(("text", "features", "dates"), [
    ("15 March: barcode scanner; 30 April: expiry reminders",
     ["barcode scanner", "expiry reminders"], ["15 March", "30 April"]),
    ("Barcode scanner (15 March), expiry reminders (30 April), family sharing (31 May)",
     ["Barcode scanner", "expiry reminders", "family sharing"],
     ["15 March", "30 April", "31 May"]),
    ("Now: 15 March – pantry sync\n30 April – recipe import and meal swaps",
     ["pantry sync", "recipe import and meal swaps"], ["15 March", "30 April"]),
])
def test_a_feature_timeline_is_output_with_promised_dates(
        text: str, features: list[str], dates: list[str]) -> None:
    """A dated list of features names outputs, not outcomes, and its dates have no constraint."""
    assert _found(text, "outcome/output-not-outcome") == features
    assert _found(text, "outcome/date-without-constraint") == dates


@pytest.mark.parametrize(("text", "words"), [
    ("15 March: households plan their week; 30 April: kids cook once a week", []),
    ("Plan meals by Friday and shop on Monday", []),
    ("Pantry sync; recipe import", ["Pantry sync; recipe import"]),
])
def test_people_acting_or_dates_inside_a_sentence_make_no_feature_timeline(
        text: str, words: list[str]) -> None:
    """Entries where people act and dates inside a sentence are not split into feature names;
    an undated short list stays one feature name, as before."""
    assert _found(text, "outcome/output-not-outcome") == words


def test_a_timeline_of_changes_for_users_is_not_output() -> None:
    """Dated items that each describe a change for households are outcomes (dates aside)."""
    text = ("15 March: households add the week's shopping in under a minute; "
            "30 April: households throw away 20% less food")
    assert _found(text, "outcome/output-not-outcome") == []
    assert _found(text, "outcome/date-without-constraint") == ["15 March", "30 April"]


# --- classes of statement that real teams and published statements use --------------------------

def _errors(text: str, kind: str) -> list[str]:
    return [f.rule for f in lint(text, kind) if f.severity == "error"]


@pytest.mark.parametrize("text", [
    "Create a future in which no carer drives more than twenty minutes between visits.",
    "To build a world where every child learns to swim.",
    "Shape a society in which growing old at home is the normal thing.",
    "We will create lasting opportunity for young people leaving care.",
])
def test_a_creation_verb_that_names_an_end_state_is_not_a_feature_list(text: str) -> None:
    """'Create a future ...', 'build a world ...' make a change for people, not a product."""
    assert "feature-list" not in _errors(text, "vision")


@pytest.mark.parametrize("text", [
    "Build an app that plans every family's dinners.",
    "To create a platform where tutors meet pupils.",
    "We will launch a booking tool for every bike shop.",
])
def test_a_creation_verb_that_names_a_product_is_build_work(text: str) -> None:
    """'Build an app ...', 'create a platform ...' describe the product: a feature-list error."""
    assert "feature-list" in _errors(text, "vision")


@pytest.mark.parametrize("text", [
    "Freelancers keep more of their income and stop chasing late invoices.",
    "Every fisher earns a decent living from a healthy sea.",
    "Musicians' earnings no longer depend on one label.",
])
def test_money_that_belongs_to_people_is_not_a_company_goal(text: str) -> None:
    """A vision may promise people a better living; only the company's money is a goal."""
    assert "internal-goal" not in _errors(text, "vision")


@pytest.mark.parametrize("text", [
    "Households waste less and our revenue doubles.",
    "Reach ten million euros in annual sales.",
    "Earn more income from every subscriber.",
])
def test_the_company_s_money_is_still_an_internal_goal(text: str) -> None:
    """Revenue and sales the company earns stay an error in a vision."""
    assert "internal-goal" in _errors(text, "vision")


@pytest.mark.parametrize("text", [
    "Making the world a better place, one meal at a time.",
    "We change the world for home cooks.",
    "Take home cooking to the next level.",
])
def test_empty_slogans_are_errors(text: str) -> None:
    """'A better place', 'change the world', 'the next level' could end any vision."""
    assert "empty-slogan" in _errors(text, "vision")


@pytest.mark.parametrize(("text", "kind"), [
    ("Every bakery in France orders its flour on Millwise each week.", "vision"),
    ("All carers in the county use our scheduling app.", "vision"),
    ("Become the most downloaded recipe app.", "vision"),
])
def test_adoption_of_the_product_is_not_a_vision(text: str, kind: str) -> None:
    """Market penetration ('everyone uses our app') measures the company, not people's lives."""
    assert {"adoption-goal", "internal-goal"} & set(_errors(text, kind))


def test_adoption_names_the_product_the_learner_gave() -> None:
    """With the product's name in the context, any mention of it in the vision is flagged."""
    found = lint("Every household plans its week with Larder.", "vision",
                 context={"product": "Larder"})
    assert "adoption-goal" in [f.rule for f in found if f.severity == "error"]


@pytest.mark.parametrize("text", [
    "Customers can download last year's statements.",
    "Club members have the option to book courts from their phone.",
    "Allow managers to approve leave requests.",
    "Nurses get a new handover dashboard.",
])
def test_a_capability_is_an_output(text: str) -> None:
    """What the product will let people do, or what they are given, is a feature."""
    assert "output-not-outcome" in _errors(text, "outcome")


@pytest.mark.parametrize("text", [
    "Customers can settle an invoice in under two minutes.",
    "New households plan their first week within ten minutes.",
    "Zero missed medication doses in the homes we serve.",
    "Fewer patients are readmitted within 30 days of discharge.",
])
def test_an_outcome_with_a_measure_is_not_an_output(text: str) -> None:
    """A measured change, even phrased with 'can', is an outcome."""
    assert "output-not-outcome" not in _errors(text, "outcome")


@pytest.mark.parametrize("text", [
    "Rebuild the booking flow so that members find a free court faster.",
    "Integrate with Stripe so shop owners get paid sooner.",
])
def test_a_build_action_stays_an_output_when_a_benefit_is_tacked_on(text: str) -> None:
    """The benefit after 'so that' is the outcome to lead with; the item is still an output."""
    assert "output-not-outcome" in _errors(text, "outcome")


def test_building_trust_is_not_build_work() -> None:
    """'Build trust', 'create habits' are changes, not things to make."""
    assert "output-not-outcome" not in _errors(
        "Build lasting trust with new carers in their first month.", "outcome")


@pytest.mark.parametrize("text", [
    "Renew the payment provider's certificate before it expires.",
    "Reconcile last month's refunds with the bank statement.",
    "Verify that backups restore on a clean machine.",
])
def test_operational_tasks_that_start_with_a_verb_name_an_action(text: str) -> None:
    """Lesson 07's operational tasks start with a verb: no 'names a thing' finding."""
    assert "no-action" not in [f.rule for f in lint(text, "task")]


@pytest.mark.parametrize("text", [
    "Households plan this week's meals within ten minutes.",
    "Next month's rota reaches every carer before Friday's shift (rota law).",
])
def test_a_possessive_week_or_month_is_not_a_dated_promise(text: str) -> None:
    """'This week's meals' names the meals, not a deadline."""
    assert "date-without-constraint" not in _errors(text, "outcome")


def test_a_measure_in_words_counts_as_a_measure() -> None:
    """'within ten minutes' is a measure: no 'consider a measure' note."""
    found = [f.rule for f in lint("New households plan their first week in ten minutes.",
                                  "outcome")]
    assert "no-measure" not in found


@pytest.mark.parametrize(("text", "kind", "money"), [
    ("Courtside takes bookings for tennis clubs and fills their quiet hours.", "mission", False),
    ("Members make court bookings without calling the club.", "outcome", False),
    ("Gross bookings per month", "north_star", True),
    ("Total value of bookings per quarter", "north_star", True),
])
def test_bookings_are_money_only_as_a_value(text: str, kind: str, money: bool) -> None:
    """'Takes bookings' means reservations; 'gross bookings' or 'bookings value' is revenue."""
    rules = {"mission": "internal-goal", "outcome": "internal-goal",
             "north_star": "financial-metric"}
    assert (rules[kind] in _errors(text, kind)) is money
