"""Word lists and patterns shared by the lint rules and the artifact classifier.

One copy of each list: rules ask "where does this list match?", the classifier asks "does it
match?". Entries are case-insensitive regex fragments; matches never start or end inside a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Span = tuple[int, int]


def terms(*fragments: str) -> re.Pattern[str]:
    """Compiles fragments into one case-insensitive pattern that only matches whole words."""
    body = "|".join(f"(?:{f})" for f in sorted(fragments, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def spans(pattern: re.Pattern[str], text: str) -> list[Span]:
    """Character spans of every non-overlapping match of ``pattern`` in ``text``."""
    return [m.span() for m in pattern.finditer(text)]


def first(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of ``pattern`` in ``text``, or None."""
    return pattern.search(text)


def words(text: str) -> list[re.Match[str]]:
    """Word tokens (letters, digits, inner apostrophes and hyphens) with their positions."""
    return list(WORD.finditer(text))


def quoted(text: str, found: Iterable[Span], limit: int = 3) -> str:
    """The matched words as a short quoted list for a message: 'a', 'b'."""
    seen: list[str] = []
    for start, end in found:
        word = text[start:end].strip()
        if word.lower() not in (s.lower() for s in seen):
            seen.append(word)
    return ", ".join(f"'{w}'" for w in seen[:limit])


WORD = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")
NUM = r"(?<![\d,.])\d[\d,.]{0,24}"
"""A number as written ('5', '1,200', '3.5'), matched from its first digit and at most 25
characters long, so that no pattern built on it backtracks over a long run of digits."""
SENTENCE_END = re.compile(r"[.!?]+(?=\s+\S)")

# --- business goals (V03, V04, G01) -------------------------------------------------------
FINANCIAL = terms(
    r"revenues?", r"profits?", r"profitab\w+", r"ARR", r"MRR", r"EBITDA", r"valuations?", r"IPO",
    r"margins?", r"LTV", r"CLV", r"lifetime value", r"(?:gross|net|total) bookings",
    r"bookings? (?:value|revenue|volume)", r"value of (?:all )?bookings", r"turnover", r"GMV", r"income",
    r"earnings", r"shareholder value", r"sales", r"average order value", r"AOV", r"ARPU",
    r"paying (?:customers|users|subscribers)", r"subscription fees?", r"upsells?", r"monetis\w+",
    r"monetiz\w+", rf"[$€£]\s?{NUM}\s?(?:[kmb]n?)?",
    rf"{NUM}\s?(?:[kmb]n?\s)?(?:dollars|euros?|pounds)",
)
PEOPLES_MONEY = re.compile(
    r"(?:\b(?:their|his|her|your|my|own)|['’]s?)\s+(?:[\w-]+\s+){0,2}$|"
    r"\b(?P<earn>earn(?:s|ed|ing)?)(?:\s+(?:a|an|the|more|fair|decent|living|steady|stable|"
    r"better|higher|extra|own))*\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
"""What, right before a money word, makes it people's money, not the company's: 'their income',
'farmers' earnings', 'earns a fair income' (a vision may promise people a better living).
After 'earn' it counts only when a person is the one who earns (see `peoples_money`)."""


def peoples_money(text: str, span: Span) -> bool:
    """True when the money word at ``span`` is people's own ('their income', 'every farmer earns
    a fair income'), not the company's ('earn more income from every subscriber')."""
    m = PEOPLES_MONEY.search(text, max(0, span[0] - 60), span[0])
    if m is None:
        return False
    if m.group("earn") is None:
        return True
    before = text[max(0, m.start() - 60):m.start()]
    earner = list(PEOPLE.finditer(before))
    return bool(earner) and earner[-1].group().lower() not in ("you", "their", "them")


LEADERSHIP = terms(
    r"market share", r"market[- ]leader(?:ship)?", r"(?:the )?number (?:one|1)", r"no\.? ?1",
    r"no\. one", r"#1",
    r"leading", r"(?:the )?leaders?", r"dominant", r"dominat\w+", r"top \d+",
    r"top (?:three|five|ten)",
    r"beat(?:ing)? (?:the )?(?:competition|competitors|rivals?)", r"largest", r"biggest",
    r"unicorn", r"outperform\w*", r"(?:the )?go-to (?:provider|vendor|brand)",
)

# --- empty slogans and buzzwords (V09, M01, P05) ------------------------------------------
SLOGAN = terms(
    r"(?:the )?best(?: \w+)? (?:tool|product|solution|app|platform|service|experience|software)",
    r"best-in-class", r"world-?class", r"great (?:UX|user experience|experience|design)",
    r"user-?friendly", r"easy[- ]to[- ]use", r"seamless(?:ly)?", r"innovati(?:ve|on)",
    r"cutting-edge", r"next-gen(?:eration)?", r"state-of-the-art", r"synerg\w+", r"disrupt\w*",
    r"revolutioni[sz]\w*", r"game-?chang\w+", r"excellence", r"best practices?",
    r"(?:the )?ultimate (?:\w+ )?(?:tool|platform|solution|app|experience)", r"delightful",
    r"leverag\w+", r"frictionless", r"unparalleled", r"top-notch", r"one-stop[- ]shop",
    r"(?:make|makes|making) the world a better place", r"a better place",
    r"(?:change|changes|changing) the world(?!['’])", r"for the better",
    r"make (?:a|the) (?:real |positive )?difference", r"(?:to|on) the next level",
    r"a (?:better|brighter) tomorrow", r"(?:the|a) brighter future", r"endless possibilities",
    r"empower(?:s|ing)? (?:people|everyone|users|customers)(?= (?:through|with|by)\b)",
)

# --- features and build actions (V01, R03, G06, O01) ----------------------------------------
BUILD_VERBS = terms(
    r"build(?:s|ing)?", r"add(?:s|ing)?", r"implement(?:s|ing)?", r"integrat(?:e|es|ing)",
    r"launch(?:es|ing)?", r"ship(?:s|ping)?", r"creat(?:e|es|ing)", r"develop(?:s|ing)?",
    r"migrat(?:e|es|ing)", r"redesign(?:s|ing)?", r"releas(?:e|es|ing)", r"roll(?:s|ing)? out",
    r"deploy(?:s|ing)?", r"code", r"set up", r"introduc(?:e|es|ing)", r"refactor(?:s|ing)?",
    r"rewrit(?:e|es|ing)", r"upgrad(?:e|es|ing)", r"install(?:s|ing)?", r"configur(?:e|es|ing)",
    r"rebuild(?:s|ing)?", r"revamp(?:s|ing)?", r"deliver(?:s|ing)? (?:a|an|the)",
)
FEATURES = terms(
    r"dashboards?", r"charts?", r"graphs?", r"reports?", r"exports?", r"imports?", r"sync(?:ing)?",
    r"integrations?", r"notifications?", r"alerts?", r"reminders?", r"calendars?",
    r"chat(?:bot)?s?",
    r"search(?: bar)?", r"filters?", r"log-?ins?", r"sign-?in", r"SSO", r"APIs?", r"widgets?",
    r"buttons?", r"dark mode", r"analytics", r"templates?", r"scanners?", r"barcodes?",
    r"push messages", r"offline mode", r"mobile app", r"checklists?", r"shopping lists?", r"feeds?",
    r"inbox", r"uploads?", r"tags?", r"profiles?", r"settings", r"wallets?", r"maps?", r"timers?",
    r"leaderboards?", r"badges?", r"plugins?", r"webhooks?", r"pop-?ups?", r"dropdowns?",
    r"modals?", r"onboarding (?:flow|wizard|screens?)", r"wizards?", r"bank sync", r"CSV",
    r"PDF", r"QR codes?", r"AI", r"chatbots?", r"voice (?:input|assistant)", r"autocomplete",
    r"recommendations? engine", r"meal plans?", r"recipe (?:cards?|import|search)", r"payments?",
)
PRODUCT_ACTIONS = terms(
    r"scan(?:s|ning)", r"suggest(?:s|ing)", r"build(?:s|ing)", r"track(?:s|ing)",
    r"send(?:s|ing)", r"sync(?:h?s|h?ing)", r"generat(?:es|ing)", r"recommend(?:s|ing)",
    r"remind(?:s|ing)", r"notif(?:ies|ying)", r"alert(?:s|ing)", r"log(?:s|ging)",
    r"stor(?:es|ing)", r"display(?:s|ing)", r"sort(?:s|ing)", r"filter(?:s|ing)",
    r"calculat(?:es|ing)", r"schedul(?:es|ing)", r"automat(?:es|ing)", r"analy[sz](?:es|ing)",
    r"monitor(?:s|ing)", r"upload(?:s|ing)", r"import(?:s|ing)", r"export(?:s|ing)",
    r"detect(?:s|ing)", r"predict(?:s|ing)", r"integrat(?:es|ing)", r"convert(?:s|ing)",
    r"updat(?:es|ing)", r"creat(?:es|ing)", r"add(?:s|ing)", r"reorder(?:s|ing)",
    r"flag(?:s|ging)", r"compar(?:es|ing)", r"match(?:es|ing)", r"organi[sz](?:es|ing)",
    r"collect(?:s|ing)", r"email(?:s|ing)", r"print(?:s|ing)",
    r"auto-?(?:fill|complet|generat|sav|updat|sort|order)\w*", r"pre-?fill(?:s|ing)",
)
"""What a product does, as a verb in the -s or -ing form ("scans your pantry", "suggesting
recipes"): several in a row list features (V01). Verbs people mostly do themselves (cooks, shops,
plans, shares) are left out so a vision about people's actions is not read as features."""
WITH_FEATURES = re.compile(
    r"\b(?:with|featuring|includ(?:es|ing)|offer(?:s|ing)|support(?:s|ing)|comes with|"
    r"integrat(?:es|ing) with)\b",
    re.IGNORECASE,
)
END_STATE = terms(
    r"worlds?", r"li(?:fe|ves)", r"futures?", r"opportunit(?:y|ies)", r"societ(?:y|ies)",
    r"economy", r"places?", r"planet", r"cultures?", r"movements?", r"communit(?:y|ies)",
    r"generations?", r"habits?", r"trust", r"confidence", r"possibilit(?:y|ies)", r"access",
    r"prosperity", r"equality", r"belonging", r"transition", r"wealth", r"health",
)
"""What a creation verb can make that is no product: 'create a better everyday life', 'build a
future where ...', 'create economic opportunity'. Published visions open this way (V01)."""
TECHNOLOGY = terms(
    r"AI[- ]powered", r"AI[- ]driven", r"machine learning", r"blockchain", r"cloud[- ]based",
    r"microservices", r"app-based", r"using \w+ technology", r"LLMs?", r"GPT", r"algorithms?",
)

# --- solutions and categories (V02, M02) ------------------------------------------------------
CATEGORY = terms(
    r"apps?", r"applications?", r"platforms?", r"tools?", r"toolkits?", r"software", r"systems?",
    r"portals?", r"dashboards?", r"LMS", r"CRM", r"ERP", r"SaaS", r"marketplaces?", r"websites?",
    r"services?", r"assistants?", r"workspaces?", r"planners?", r"trackers?", r"devices?",
    r"solutions?", r"kiosks?", r"engines?", r"networks?", r"point[- ]of[- ]sale", r"POS",
    r"chatbots?", r"plug-?ins?", r"extensions?", r"bots?", r"subscriptions?", r"suite",
    r"learning management system", r"schedul(?:er|ing tool)", r"organi[sz]er", r"companion",
    r"exchange", r"directory", r"hub", r"notebook", r"checker", r"calculator", r"simulator",
    r"hardware", r"sensors?", r"wearables?", r"boxes", r"kits?", r"programme", r"program",
    r"library", r"registry", r"ledger", r"terminal", r"repositor(?:y|ies)",
    r"databases?", r"archives?", r"forums?", r"newsletters?", r"podcasts?", r"games?",
)

ADOPTION = re.compile(
    r"\b(?:uses?|using|chooses?|buys?|downloads?|installs?|subscribes? to|signs? up (?:for|to)|"
    r"switch(?:es)? to|adopts?|runs? on|relies on|rely on|pays? for|joins?|is on|are on|"
    r"(?:has|have) (?:installed )?)\s+our\b|"
    r"\b(?:on|with|using|through|via)\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
    r"Sunday|Earth|Mars)\b)(?-i:[A-Z][a-z]+[A-Z]?\w*)\s+(?:every|each|per|daily|weekly|monthly)\b|"
    r"\bour (?:[\w-]+ ){0,3}?(?:app|platform|product|service|software|tool|brand)\b"
    r"(?= (?:in|on|at) every\b| everywhere\b)|"
    r"\bmarket penetration\b|\binstalled base\b|\bmost[- ](?:downloaded|used|popular)\b|"
    r"\b(?:with|on|using|through|via|in)\s+our\s+(?:[\w-]+\s+){0,2}?(?=(?:" + CATEGORY.pattern
    + r"))\w+",
    re.IGNORECASE,
)
"""Goals of adoption: people using 'our' product, or a named product, as the measure of success
('every small business uses our app', 'a million households plan on Larder every week'). How
many use the product is the company's goal, not the change for people (V03, V04)."""

# --- people and change (V07, V12) -------------------------------------------------------------
PEOPLE = terms(
    r"people", r"persons?", r"every(?:one|body)", r"any(?:one|body)", r"no ?one", r"nobody",
    r"users?", r"customers?", r"clients?", r"households?", r"famil(?:y|ies)", r"parents?",
    r"children", r"kids?", r"students?", r"teachers?", r"pupils?", r"patients?", r"nurses?",
    r"doctors?", r"clinicians?", r"carers?", r"care ?givers?", r"care workers?", r"teams?",
    r"workers?", r"employees?", r"staff", r"owners?", r"shoppers?", r"cooks?", r"chefs?",
    r"drivers?", r"riders?", r"travell?ers?", r"commuters?", r"farmers?", r"growers?",
    r"readers?", r"learners?", r"residents?", r"neighbou?rs?", r"communit(?:y|ies)", r"citizens?",
    r"freelancers?", r"musicians?", r"artists?", r"creators?", r"developers?", r"engineers?",
    r"designers?", r"managers?", r"admins?", r"administrators?", r"agenc(?:y|ies)", r"clinics?",
    r"schools?", r"cafés?", r"cafes?", r"restaurants?", r"shops?", r"retailers?", r"stores?",
    r"businesses", r"compan(?:y|ies)", r"organi[sz]ations?", r"volunteers?", r"tenants?",
    r"landlords?", r"buyers?", r"sellers?", r"members?", r"athletes?", r"runners?", r"cyclists?",
    r"gardeners?", r"coaches?", r"couples?", r"adults?", r"seniors?", r"elderly", r"guests?",
    r"hosts?", r"women", r"men", r"humans?", r"individuals?", r"writers?", r"researchers?",
    r"scientists?", r"lawyers?", r"accountants?", r"bookkeepers?", r"founders?", r"makers?",
    r"caregivers?", r"dispatchers?", r"coordinators?", r"pharmacists?", r"vets?",
    r"pet owners?", r"borrowers?", r"savers?", r"investors?", r"renters?", r"homeowners?",
    r"hikers?", r"players?", r"fans?", r"listeners?", r"viewers?", r"visitors?", r"patrons?",
    r"cities", r"towns?", r"villages?", r"the world", r"neighbou?rhoods?", r"bakeries",
    r"pharmacies", r"hotels?", r"farms?", r"gyms?", r"salons?", r"studios?", r"practices",
    r"charities", r"councils?", r"lenders?", r"startups?", r"SMBs?", r"firms?", r"tradespeople",
    r"[a-z]{4,}(?<!l)ists?", r"specialists?", r"[a-z]{4,}ians?", r"plumbers?", r"builders?",
    r"cleaners?", r"tutors?", r"mentors?", r"mentees?", r"trainees?", r"attendees?", r"retirees?",
    r"refugees?", r"midwi(?:fe|ves)", r"surgeons?", r"editors?", r"photographers?", r"translators?",
    r"recruiters?", r"candidates?", r"applicants?", r"job seekers?", r"agents?", r"brokers?",
    r"advis[eo]rs?", r"consultants?", r"contractors?", r"suppliers?", r"vendors?", r"merchants?",
    r"traders?", r"interns?", r"carpenters?", r"mechanics?", r"receptionists?",
    r"secretar(?:y|ies)",
    r"you", r"their", r"them", r"they",
)
CHANGE = terms(
    r"help(?:s|ing)?", r"enabl(?:e|es|ing)", r"lets?", r"mak(?:e|es|ing)", r"can", r"could",
    r"never", r"no longer", r"every", r"free(?:s|d)?", r"spend", r"sav(?:e|es|ing)", r"enjoy",
    r"feels?", r"knows?", r"gets?", r"keeps?", r"stops?", r"li(?:ve|ves)", r"thrive", r"waste less",
    r"without", r"finds?", r"trusts?", r"worry", r"stress", r"confiden(?:t|ce)", r"together",
    r"grows?", r"learns?", r"belongs?", r"reach(?:es)?", r"own", r"afford", r"access",
    r"a world (?:where|in which)", r"wherever", r"whoever", r"whenever", r"safe(?:ly)?",
    r"healthier", r"happier", r"calmer", r"fairer", r"less", r"more time", r"time for",
)
UNIVERSAL = terms(
    r"every(?:one|body)", r"any(?:one|body)", r"all (?:customers|users|people|businesses|companies|"
    r"segments|markets|industries|sizes|kinds of \w+|types of \w+)",
    r"any (?:business|company|team|size|industry|kind of \w+)", r"businesses and consumers",
    r"(?:SMBs?|small businesses|startups)\W+(?:\w+\W+){0,3}?(?:and|to) "
    r"(?:enterprises?|corporations|large companies)", r"worldwide",
    r"every (?:market|industry|segment|country|sector)",
    r"the (?:whole|entire|global) market", r"all over the world", r"the mass market",
)

# --- dates, numbers, metrics (V06, R02, S04) ----------------------------------------------------
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
DATE = re.compile(
    rf"(?<![\w-])(?:(?:19|20)\d{{2}}(?:-\d{{2}}(?:-\d{{2}})?)?|"
    rf"Q[1-4](?:\s(?:19|20)\d{{2}})?|H[12]\s(?:19|20)\d{{2}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH}(?:\s(?:19|20)\d{{2}})?|"
    rf"{_MONTH}\.?\s\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s(?:19|20)\d{{2}})?|{_MONTH}\s(?:19|20)\d{{2}}|"
    rf"(?:in|by|before|until|from|on|end of|early|mid|late)\s{_MONTH}|"
    rf"\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?|"
    rf"by (?:the )?end of (?:the )?(?:year|quarter|month|summer|spring|autumn|winter|{_MONTH})|"
    rf"(?:this|next) (?:week|month|quarter|sprint|release|year)(?!['’])|"
    rf"in \d+ (?:weeks|months|days)|(?:mon|tues|wednes|thurs|fri)day)(?![\w-])",
    re.IGNORECASE,
)
NUMBER = re.compile(r"(?<![\w.])[<>≥≤~+−-]?\d+(?:[.,]\d+)*(?:\s?%|\s?percent|x\b|k\b|m\b)?|"
                    r"(?<![\w-])(?:half|double|twice|triple)(?![\w-])", re.IGNORECASE)
KPI_NOUNS = terms(
    r"retention", r"churn", r"conversions?", r"activation", r"engagement", r"NPS", r"CSAT",
    r"satisfaction", r"adoption", r"usage", r"sign-?ups?", r"abandonment", r"revenue", r"ARR",
    r"MRR", r"DAU", r"MAU", r"WAU", r"traffic", r"[\w-]+ rate", r"time to \w+", r"LTV",
    r"stickiness", r"referrals", r"reorders?", r"repeat (?:orders|visits|purchases)",
)
"""Measures teams set targets on; with a direction verb they make a statement an outcome."""
DIRECTION_VERBS = terms(
    r"increas(?:e|es|ing)", r"reduc(?:e|es|ing)", r"improv(?:e|es|ing)", r"grow(?:s|ing)?",
    r"boost(?:s|ing)?", r"driv(?:e|es|ing)", r"lift(?:s|ing)?", r"decreas(?:e|es|ing)",
    r"rais(?:e|es|ing)", r"cut(?:s|ting)?", r"doubl(?:e|es|ing)", r"halv(?:e|es|ing)",
    r"lower(?:s|ing)?", r"maximi[sz](?:e|es|ing)", r"minimi[sz](?:e|es|ing)",
    r"optimi[sz](?:e|es|ing)",
    r"shrink(?:s|ing)?", r"triple", r"reach(?:es|ing)?", r"achiev(?:e|es|ing)", r"hit",
)
METRIC_CHANGE = re.compile(
    rf"{NUM}\s?%|\bpercent\b|\bfrom\s+[<>≥≤~]?{NUM}\s?[^\s\d]{{0,12}}\s+to\s+[<>≥≤~]?\d|"
    r"\b(?:fewer|more|less|faster|sooner|higher|lower)\b|(?<![\w-])[−+-]\d|→",
    re.IGNORECASE,
)

CAPABILITY = re.compile(
    r"(?:can|could|will be able to|are able to|is able to|(?:have|has|get|gets) the "
    r"(?:ability|option) to|get to|gets to|now)\s+\w|"
    r"(?:get|gets|have|has|receive|receives|see|sees)\s+(?:(?:a|an|the|their|new|our|more)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?=(?:" + FEATURES.pattern + "|" + CATEGORY.pattern + r"))",
    re.IGNORECASE)
"""After people at the start of a roadmap item: what the product will let them do ('users can
export ...') or what they will be given ('bookkeepers get a Xero integration'): a capability or a
feature, not a change in what they do (R03)."""
ENABLING = re.compile(
    r"\b(?:allow|allows|let|lets|enable|enables)\s+(?:users|customers|people|\w+s)\s+to\b|"
    r"\b(?:the\s+)?(?:ability|option)\s+(?:for\s+\w+\s+)?to\b", re.IGNORECASE)
"""'Allow users to ...', 'the ability to ...': a capability wherever it stands (R03)."""
MEASURE_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|ninety|hundred)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|"
    r"times?|steps?|clicks?|calls?|visits?|percent)\b|\b(?:under|below|above|at most|at least|"
    r"no more than|half|zero|none of)\b", re.IGNORECASE)
"""Measures written in words ('in ten minutes', 'at most two calls', 'zero missed doses')."""

def capability(text: str, start: int = 0) -> Span | None:
    """The span of a capability: people at ``start`` followed by 'can ...' or 'get a
    <feature>', or 'allow users to ...' anywhere (R03)."""
    people = PEOPLE.match(text, start)
    if people:
        after = people.end() + len(text[people.end():]) - len(text[people.end():].lstrip())
        m = CAPABILITY.match(text, after)
        if m:
            return (people.start(), m.end())
    m = ENABLING.search(text)
    return m.span() if m else None


CREATES_END_STATE = re.compile(
    r"^\W*(?:to\s+|we\s+(?:will\s+)?)?(?:create|creating|build|building|shape|shaping|change|"
    r"changing|make|making)\s+(?:(?:a|an|the|our)\s+)?(?:[\w'’-]+\s+){0,3}?"
    r"(?=(?:" + END_STATE.pattern + "))", re.IGNORECASE)
"""A statement that opens by creating an end state: 'to create a better everyday life', 'build a
future where ...', 'change the world': how published visions often begin."""
MISSION_ACTIVITY = re.compile(
    r"^\W*(?:our mission is\s+)?to\s+(?:organi[sz]e|develop|accelerate|help|enable|empower|"
    r"provide|give|bring|connect|spread|deliver|offer|protect|advance|expand|inspire|unlock|"
    r"democrati[sz]e|make it|put|turn|equip|serve|increase|improve)\b", re.IGNORECASE)
"""'To organize ...', 'To accelerate ...': the company's ongoing activity, the mark of a
mission written as an infinitive (the end state it serves is the vision)."""
TIMELINE_LABELS = re.compile(
    r"(?:^|[;\n|•·])\s*(?:" + DATE.pattern + r")\s*[:–—-]", re.IGNORECASE)
"""A date heading an entry ('Q3: ...; Q4: ...'): two of them make a dated roadmap."""
LESS_OF_BAD = re.compile(r"^\W*(?:zero|no more|fewer|less|more|half (?:as many|the))\b",
                         re.IGNORECASE)
"""A roadmap outcome stated as the amount of something ('Zero missed doses', 'Fewer no-shows')."""

VAGUE_BENEFIT = terms(
    r"(?:an? )?(?:better|great(?:er)?|improved|enhanced|nicer|smoother|superior|richer|"
    r"delightful|seamless) (?:user |customer |overall )?experiences?", r"more value",
    r"added value", r"delight(?:s|ed)?", r"happier", r"more satisfied",
    r"(?:customer|user) satisfaction", r"better (?:lives|products?|services?)",
)
"""A benefit no one could observe: 'a better experience', 'happier users'. On a roadmap it
needs the change people would see, or a measure (R03, R07)."""

# --- roadmaps and backlogs (R02, R05, K01-K10) --------------------------------------------------
STORY = re.compile(
    r"^\W*(?:(?:now|next|later)\s*[:\-–]\s*)?as\s+(?:an?|the|my|our)?\s*[^.;:]{1,60}?,?\s+"
    r"(?:I|we)\s+(?:want|would like|need|can|am able|'d like|wish|should be able)",
    re.IGNORECASE,
)
STORY_EXTRAS = terms(
    r"story points?", r"\d+\s?(?:SP|pts?|points)", r"acceptance criteria", r"definition of done",
    r"given\b.{1,80}?\bwhen\b.{1,80}?\bthen",
)
SO_THAT = terms(r"so that", r"in order to", r"so (?:I|we|they) can")
STORY_ROLE = re.compile(r"^\W*as\s+(?:an?|the|my|our)?\s*([\w' -]{1,60}?),?\s+(?:I|we)\s",
                        re.IGNORECASE)
STORY_MEANS = re.compile(
    r"\b(?:I|we)\s+(?:want|would like|need|can|am able|'d like|wish|should be able)"
    r"(?:\s+to)?\s+(.*?)"
    r"(?=\s*(?:,?\s*so that|,?\s*in order to|,?\s*so (?:I|we|they) can|[.;](?:\s|$)|$))",
    re.IGNORECASE | re.DOTALL,
)
SYSTEM_ROLE = terms(
    r"system", r"API", r"database", r"DB", r"back-?end", r"server", r"service", r"component",
    r"app", r"application", r"micro-?service", r"cron(?: job)?", r"job", r"bot",
    r"platform", r"front-?end", r"module", r"queue", r"cache", r"pipeline", r"script",
)
ACTION_VERBS = terms(
    r"add", r"edit", r"delete", r"share", r"export", r"import", r"filter", r"sort", r"see", r"view",
    r"print", r"send", r"create", r"update", r"remove", r"save", r"download", r"upload", r"pay",
    r"book", r"cancel", r"search", r"invite", r"reset", r"track", r"compare", r"rate", r"plan",
    r"scan", r"manage", r"copy", r"move", r"archive", r"restore", r"approve", r"reject", r"sign",
    r"log", r"check", r"change", r"set", r"choose", r"pick", r"select", r"order", r"buy", r"rename",
    r"merge", r"split", r"swap", r"schedule", r"reschedule", r"assign", r"notify", r"email",
    r"message", r"comment", r"review", r"publish", r"sync", r"tag", r"list", r"open", r"close",
    r"read", r"write", r"pause", r"resume", r"find", r"get", r"receive", r"mark", r"record",
    r"report", r"configure", r"refund", r"transfer", r"connect", r"link", r"unlink", r"invoice",
)
CONJUNCTION = re.compile(r"\s(?:and|or|and/or|as well as|plus)\s|\s?[&+/]\s?", re.IGNORECASE)
VAGUE = terms(
    r"fast(?:er)?", r"quick(?:ly|er)?", r"easy", r"easier", r"easily", r"simple", r"simpler",
    r"simply", r"user-?friendly", r"intuitive(?:ly)?", r"seamless(?:ly)?", r"robust", r"scalable",
    r"efficient(?:ly)?", r"better", r"nicer?", r"cleaner", r"modern", r"smooth(?:ly|er)?",
    r"improved", r"optimi[sz]ed", r"flexible", r"powerful", r"performant",
    r"snappy", r"good", r"properly", r"appropriate(?:ly)?", r"several", r"some",
    r"various", r"etc\.?", r"as needed", r"where possible", r"if needed", r"and so on",
)
TASK_VERBS = terms(
    r"fix(?:es)?", r"add", r"rename", r"update", r"migrate", r"refactor", r"write", r"configure",
    r"set up", r"remove", r"upgrade", r"rotate", r"build", r"implement", r"create", r"delete",
    r"replace", r"move", r"investigate", r"spike", r"bump", r"patch", r"document", r"test",
    r"deploy", r"archive", r"clean up", r"split", r"merge", r"change", r"show", r"hide", r"log",
    r"cache", r"index", r"validate", r"translate", r"localise", r"localize", r"enable", r"disable",
    r"allow", r"send", r"store", r"display", r"draft", r"design", r"prototype", r"instrument",
    r"backfill", r"schedule", r"research", r"audit", r"review", r"tune", r"limit", r"retry",
    r"renew", r"extend", r"reissue", r"revoke", r"reset", r"restore", r"back up", r"purge",
    r"reindex", r"rerun", r"reconcile", r"verify", r"confirm", r"contact", r"train", r"hire",
    r"order", r"purchase", r"cancel", r"file", r"submit", r"register", r"proofread", r"answer",
    r"reply to", r"triage", r"estimate", r"measure", r"benchmark", r"profile", r"speed up",
    r"shorten", r"simplify", r"tidy", r"prune", r"deprecate", r"retire", r"redirect",
    r"rebrand", r"import", r"export", r"sync", r"connect", r"map", r"apply", r"request",
    r"prepare", r"collect", r"check", r"monitor", r"remind", r"notify", r"email", r"call",
    r"resolve", r"debug", r"reproduce", r"upload", r"download", r"tag", r"label", r"flag",
)
UI_NOUNS = terms(
    r"buttons?", r"dropdowns?", r"modals?", r"checkbox(?:es)?", r"toggles?", r"tooltips?",
    r"fields?", r"forms?", r"pages?", r"screens?", r"tabs?", r"columns?", r"tables?", r"endpoints?",
    r"icons?", r"banners?", r"links?", r"menus?", r"dialogs?", r"labels?", r"React", r"SQL",
    r"CSS", r"URL", r"JSON", r"logs?", r"migrations?", r"schema", r"index", r"tests?", r"bugs?",
    r"crash(?:es)?", r"errors?", r"typos?", r"staging", r"CI", r"certificates?", r"credentials?",
    r"tokens?", r"ticket", r"PR", r"repo", r"config", r"flag", r"feature flag", r"emails?",
)
CONSTRAINT = terms(
    r"laws?", r"legal(?:ly)?", r"regulat\w+", r"complian\w+", r"mandat\w+", r"required by",
    r"requirement", r"contract(?:ual|ually)?", r"tax(?: year| deadline| filing)?", r"fiscal",
    r"audit", r"GDPR", r"e-?invoicing", r"seasons?", r"seasonal", r"holidays?", r"christmas",
    r"black friday", r"back[- ]to[- ]school", r"ramadan", r"conferences?", r"trade (?:fair|show)",
    r"expir(?:e|es|ed|ing|ation)", r"end[- ]of[- ](?:life|support|sale)", r"sunset\w*",
    r"certificat\w+", r"because", r"due to",
    r"hard (?:date|deadline|constraint)", r"deadline (?:set )?by", r"partner deadline",
    r"(?:ends|closes|shuts down|is retired|goes live|takes effect)", r"school year", r"elections?",
    r"festival", r"summer break", r"term starts?", r"licen[cs]e",
    # a partner or supplier switching something off (third person: "we turn off" is our choice)
    r"(?:turns|switches|shuts|is turned|is switched|is shut|are turned|are switched) off",
    r"shut-?down of", r"(?:is|are|being) shut down", r"switch-?off", r"goes (?:offline|dark)",
    r"retires", r"(?:is|are|being) retired", r"retirement of", r"deprecat(?:es|ed|ion)",
    r"discontinu(?:es|ed|ation)", r"withdraws", r"(?:ends|drops|stops|withdraws) support",
    r"support ends", r"stops supporting", r"no longer supports?", r"migration deadline",
    # rules taking effect, agreements ending, dates set by the calendar or by events
    r"comes? into (?:force|effect)", r"enters? into force", r"in force", r"applies from",
    r"directives?", r"ordinances?", r"statutory", r"bans?", r"lease", r"renewal date",
    r"(?:app store|play store|platform) (?:polic(?:y|ies)|rules?|deadlines?)",
    r"trade ?shows?", r"expos?", r"exhibitions?", r"summits?", r"harvest", r"easter",
    r"thanksgiving", r"new year", r"lunar new year", r"diwali", r"eid", r"exam (?:period|season)",
    r"academic year", r"peak (?:season|period)",
)
"""Words that show a date is fixed from outside (law, contract, partner, calendar, event)."""
COMMITMENT = terms(
    r"guarantee[ds]?", r"commit(?:ted)? to (?:ship|deliver|launch)\w*",
    r"will (?:ship|be delivered|launch|be live) on",
    r"promise[ds]?", r"no matter what", r"locked in", r"fixed scope",
)
TOO_BIG = terms(r"manage", r"all", r"entire", r"full", r"complete", r"everything", r"whole",
                r"any")
UI_CONTROLS = terms(
    r"dropdowns?", r"modals?", r"buttons?", r"checkbox(?:es)?", r"React", r"SQL", r"tables?",
    r"columns?", r"endpoints?", r"pop-?ups?", r"toggles?", r"radio buttons?", r"hamburger menu",
    r"carousel", r"sidebar", r"tooltips?",
)
DISCOVERY = terms(
    r"explor(?:e|es|ing)", r"understand(?:s|ing)?", r"learn(?:s|ing)? (?:why|whether|how|what)",
    r"discover(?:s|ing)?", r"validat(?:e|es|ing)", r"find(?:ing)? out", r"test(?:ing)? whether",
    r"needs", r"problems?", r"opportunit(?:y|ies)", r"why",
)
"""Discovery wording: a roadmap item about a problem to understand, not a feature to ship."""
WORK_PREFIX = re.compile(r"^\W*(?:spike|bug|chore|task|tech debt)\s*[:\-–]", re.IGNORECASE)
ROADMAP_HORIZON = re.compile(r"^\W*(?:now|next|later)\s*[:\-–]", re.IGNORECASE)

# --- strategy (S01-S04) -------------------------------------------------------------------------
ASPIRATION = terms(
    r"grow(?:s|ing)?", r"increas(?:e|es|ing)", r"reach(?:es|ing)?", r"achiev(?:e|es|ing)",
    r"becom(?:e|es|ing)", r"doubl(?:e|es|ing)", r"tripl(?:e|es|ing)", r"hit",
    r"win (?:the market|market share)",
    r"scale", r"expand", r"maximi[sz]e",
)
CHOICE = terms(
    r"focus(?:es|ing)? on", r"prioriti[sz]\w*", r"target(?:s|ing)?", r"serve(?:s)?", r"first",
    r"not", r"n't", r"only", r"instead of", r"rather than", r"over",
    r"win(?:s|ning)?(?! the market)",
    r"choos\w+", r"chose", r"differentiat\w+", r"unlike", r"compet\w+", r"segments?", r"ICP",
    r"by (?:offering|being|bundling|pricing|partnering|charging|selling)", r"no", r"never",
    r"exclude\w*", r"ignore", r"leave out", r"skip", r"before", r"until", r"niche", r"beachhead",
    r"specialis\w+", r"specializ\w+", r"position\w*", r"bet(?:s|ting)? on", r"double down",
    r"where to play", r"how to win", r"advantage", r"moat", r"cheaper", r"price", r"pricing",
)
NON_GOAL = terms(
    r"not", r"n't", r"won't", r"no", r"never", r"instead of", r"rather than", r"except",
    r"exclud\w+", r"stop(?:ping)?", r"drop(?:ping)?", r"say no", r"ignor\w+", r"leave out",
    r"deprioriti[sz]\w+", r"(?:even )?over", r"without", r"out of scope", r"postpone\w*",
    r"later", r"until", r"stay(?:s|ing)? away", r"leave (?:[\w-]+ ){1,4}to", r"avoid\w*",
    r"refus\w+", r"turn(?:s|ing)? down", r"before (?:expanding|moving|entering|adding|going)",
)
STRATEGY_MARKERS = terms(
    r"where to play", r"how to win", r"we (?:will )?win", r"win(?:ning)?", r"ICP", r"segments?",
    r"differentiat\w+", r"unlike", r"compet\w+", r"focus(?:ing)? on", r"first", r"we will not",
    r"we won't", r"not (?:serve|build|target|compete|chase|pursue|offer|sell|enter)", r"instead of",
    r"rather than", r"target(?:ing)?", r"beachhead", r"niche", r"advantage", r"pricing", r"priced",
    r"channels?", r"partners?(?:hips?)?", r"go-to-market", r"positioning", r"geograph\w+",
    r"regions?", r"mid-?market", r"enterprise", r"SMBs?", r"before (?:expanding|moving|entering)",
    r"expand(?:ing)? (?:to|into)", r"market", r"bet", r"moat", r"cheaper than", r"undercut",
    r"premium", r"freemium", r"sales-led", r"product-led", r"this year", r"over the next",
)

# --- north star (G01, G02, G04) -----------------------------------------------------------------
VANITY = terms(
    r"total", r"cumulative", r"all-time", r"lifetime", r"registered(?: \w+)?", r"downloads?",
    r"installs?", r"page ?views?", r"followers?", r"likes", r"impressions", r"app opens",
    r"clicks", r"accounts created", r"time (?:spent )?in (?:the )?app",
)
BARE_COUNTS = terms(
    r"DAU", r"MAU", r"WAU", r"(?:number of )?(?:daily |weekly |monthly )?active users",
    r"(?:number of )?users", r"sign-?ups?", r"sessions?", r"visits", r"visitors", r"subscribers",
)
"""Counts that only express value with a qualifier ('users who ...'); vanity without one."""
VALUE_QUALIFIER = re.compile(
    r"\b(?:who|that|which|with|completing|completed|finishing|finished|using \w+ to|"
    r"having)\b", re.IGNORECASE)
_ORDINAL = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
            r"1st|2nd|3rd|[4-9]th|\d+th)")
_COUNT = r"(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fourteen|thirty)"
TIME_WINDOW = terms(
    r"per (?:day|week|month|quarter|year)", r"daily", r"weekly", r"monthly", r"quarterly",
    r"each (?:day|week|month)", r"every (?:day|week|month)", r"a (?:day|week|month)",
    r"in \d+ days", r"within \d+ \w+", r"in (?:their|the) first \w+", r"last \d+ days",
    r"(?:7|28|30)-day", r"in (?:week|day|month) (?:\d+|one|two)",
    rf"{_ORDINAL} (?:week|day|month)", r"(?:the )?(?:following|same) (?:day|week|month)",
    r"the next (?:day|week|month)", rf"within {_COUNT} (?:hours?|days?|weeks?|months?)",
    rf"{_COUNT} (?:days|weeks|months) (?:in a row|later|after)",
    r"consecutive (?:days|weeks|months)",
    r"(?:day|week|month)[- ](?:over|on)[- ](?:day|week|month)",
)
"""A period the measure counts over: per week, within 7 days, the following week, a second
week, three weeks in a row (G04)."""

# --- classifier-only cues (kept here so every word list lives in one place) ---------------------
VISION_CUES = terms(
    r"a world (?:where|in which)", r"every(?:one|body)? ", r"no (?:one|family|household|child|"
    r"patient|person|parent|student|nurse)", r"nobody", r"never", r"anyone", r"wherever",
    r"whoever", r"everywhere", r"lives", r"future", r"one day", r"imagine", r"world",
)
MISSION_CUES = terms(
    r"we (?:build|provide|offer|make|create|run|give|deliver|bring)", r"our mission",
    r"(?:is|as) (?:a|an|the) \w+ (?:app|platform|tool|service|marketplace|assistant|workspace)",
    r"for (?:busy|small|independent|local|new|first-time|home|solo|young|older|mid-sized?)",
    r"that (?:lets|helps|turns|gives|keeps|shows|matches|brings|connects|tells)",
    r"which (?:lets|helps|turns|gives|keeps|shows)", r"by (?:turning|matching|connecting|combining|"
    r"bringing|giving|letting)",
)
STRATEGY_VERBS = terms(
    r"focus(?:es|ing)?", r"sell(?:s|ing)?", r"win(?:s|ning)?", r"target(?:s|ing)?", r"start with",
    r"compet(?:e|es|ing)", r"prioriti[sz](?:e|es|ing)", r"serve(?:s)?", r"charg(?:e|es|ing)",
    r"distribut(?:e|es|ing)", r"position(?:s|ing)?", r"undercut(?:s|ting)?", r"bet(?:s|ting)?",
    r"reach(?:es)?", r"partner(?:s|ing)?", r"price", r"enter", r"expand", r"specialis(?:e|es)",
    r"specializ(?:e|es)", r"differentiat(?:e|es|ing)", r"lead with", r"go after", r"avoid",
)
"""Verbs that open a strategic choice ("Focus on ...", "Sell through ...")."""
OUTCOME_CUES = terms(
    r"within (?:a|an|one|two|three|four|five|ten|\d+) \w+", r"(?:the )?same day",
    r"by (?:their|the) (?:first|second|third|fourth|\w+th) (?:week|day|month|visit|order)",
    r"(?:their )?first (?:full )?(?:week|day|month|visit|order)", r"on time", r"at least",
    r"(?:per|each) (?:week|shift|day|month|visit)",
    r"without (?:calling|asking|waiting|help|being|having to)",
    r"before (?:it|they|the|handover)", r"on most \w+",
)
"""Phrases that tie a change to a measurable moment: the texture of a roadmap outcome."""
