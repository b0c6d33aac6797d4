"""Instructor-only answers for capstone.strategy_document, as `load_strategy("drafts")` returns
them: a complete strategy for Fixwell (an app for volunteer-run repair cafés), two flawed or
unfinished ones, and a bad one.
"""

import copy

VISION = {
    "who": "People",
    "change": "fix the things they own instead of throwing them away",
    "why": "they learn to repair them alongside their neighbours",
    "statement": "People fix the things they own instead of throwing them away, and learn to "
                 "repair them alongside their neighbours.",
    "statement_edited": True,
}

MISSION = {
    "product": "Fixwell",
    "who": "volunteer-run repair cafés",
    "category": "a booking and triage app",
    "aspects": [
        "matches each broken item to a fixer with the right skills",
        "shows visitors how long they will wait",
        "records every repair",
    ],
    "statement": "Fixwell gives volunteer-run repair cafés a booking and triage app that matches "
                 "each broken item to a fixer with the right skills, shows visitors how long "
                 "they will wait and records every repair.",
    "statement_edited": False,
}

CANVAS = {
    "answers": {
        "vision": VISION["statement"],
        "mission": MISSION["statement"],
        "icp": "Repair cafés in towns of 20,000 to 200,000 people that open at least twice a "
               "month, with ten or more volunteer fixers and a coordinator who still uses paper "
               "sign-up sheets.",
        "segments": "Community repair cafés in the Netherlands, Belgium and the UK first; "
                    "libraries and schools that host repair sessions next.",
        "differentiation": "Triage by skill: visitors describe the broken item when they book, "
                           "so the right fixer and spare parts are ready. Generic event tools "
                           "only count tickets.",
        "not_doing": "No repair shops that charge for work, no marketplace for spare parts, no "
                     "advertising, and no features for single one-off events.",
        "goals": "North Star: items returned to their owners working, per week. Inputs: share "
                 "of items triaged before the session, visitor wait time, fixers active each "
                 "month, returning visitors.",
        "intents": "Shorter waits at sessions; more repairs succeed; cafés that keep going.",
        "initiatives": "We believe booking with a photo of the broken item will lead to more "
                       "repairs that succeed; we will know when the success rate rises from 60% "
                       "to 70% at pilot cafés.",
        "principles": "Volunteers' time comes first; paper must always remain an option; we "
                      "never sell visitor data; small cafés get every feature for free.",
        "q_build": "We built paper-free booking for three pilot cafés; we are building triage by "
                   "skill; next come tools that help a new café start, because growth in the "
                   "movement depends on new cafés.",
        "q_target": "Cafés that meet often and have many fixers, because they feel the queue and "
                    "the matching problem every session.",
        "q_grow": "Through the national repair café networks and coordinators who recommend us "
                  "to neighbouring towns, because cafés trust each other more than ads.",
        "q_good": "More items go home working each week, visitors wait less, and fixers keep "
                  "coming back; we ask coordinators every quarter as well.",
    },
}

NORTH_STAR = {
    "metric": "Broken items returned to their owners working, per week",
    "rationale": "An item that goes home working is the value a visitor came for, and it only "
                 "happens when booking, triage and fixers all work.",
    "inputs": [
        "Share of items triaged before the session",
        "Median visitor wait time at a session",
        "Fixers active each month",
        "Visitors who come back for a second repair",
    ],
    "checks": {"customer_value": True, "leading": True, "team_can_move": True,
               "understood": True, "time_bound": True},
}

ROADMAP = {
    "intents": ["Shorter waits", "More repairs succeed", "Cafés keep going"],
    "now_capacity": 3,
    "cards": [
        {"id": "R1", "outcome": "Visitors wait less than 20 minutes for a fixer",
         "intent": "Shorter waits", "column": "now", "date": "", "constraint": "",
         "depends_on": []},
        {"id": "R2", "outcome": "Volunteers find the spare parts a repair needs before the "
                                "session", "intent": "More repairs succeed", "column": "now",
         "date": "", "constraint": "", "depends_on": []},
        {"id": "R3", "outcome": "More visitors come back to learn a second repair",
         "intent": "More repairs succeed", "column": "next", "date": "", "constraint": "",
         "depends_on": ["R2"]},
        {"id": "R4", "outcome": "Repair cafés in a new town start running sessions within a "
                                "month of joining", "intent": "Cafés keep going",
         "column": "later", "date": "", "constraint": "", "depends_on": []},
    ],
}

BACKLOG = {
    "items": [
        {"id": "B1", "text": "As a visitor, I want to book a time slot for my broken item, so "
                             "that I do not queue at the door.", "type": "story",
         "acceptance": ["Given a session with free slots, when I pick one, then I get a "
                        "confirmation with the time."],
         "outcome_id": "R1", "outcome_text": "Visitors wait less than 20 minutes for a fixer"},
        {"id": "B2", "text": "As a visitor, I want to describe and photograph the broken item "
                             "when I book, so that a fixer can prepare.", "type": "story",
         "acceptance": ["Given a booking, when I add a photo and a description, then the "
                        "coordinator sees both on the session list."],
         "outcome_id": "R2",
         "outcome_text": "Volunteers find the spare parts a repair needs before the session"},
        {"id": "B3", "text": "As a coordinator, I want to assign each booked item to a fixer "
                             "with the matching skill, so that nobody waits for the wrong "
                             "person.", "type": "story",
         "acceptance": ["Given a fixer with the skill 'electrics', when a lamp is booked, then "
                        "that fixer is suggested first."],
         "outcome_id": "R1", "outcome_text": "Visitors wait less than 20 minutes for a fixer"},
        {"id": "B4", "text": "Set up the shared spare-parts list for the three pilot cafés",
         "type": "task", "acceptance": ["Each pilot café has a list its fixers can edit."],
         "outcome_id": "R2",
         "outcome_text": "Volunteers find the spare parts a repair needs before the session"},
    ],
}

REFERENCE = {
    "vision": VISION,
    "mission": MISSION,
    "strategy_canvas": CANVAS,
    "north_star": NORTH_STAR,
    "roadmap": ROADMAP,
    "backlog": BACKLOG,
    "missing": [],
    "unreadable": {},
    "sources": {"vision": "vision.json", "mission": "mission.json",
                "strategy_canvas": "strategy.json", "north_star": "north_star.json",
                "roadmap": "roadmap.json", "backlog": "backlog.json"},
    "notes": [],
}


def _flawed() -> dict:
    """Complete, but a money North Star with two inputs, a feature card and an unlinked item."""
    out = copy.deepcopy(REFERENCE)
    out["north_star"]["metric"] = "Monthly subscription revenue per café"
    out["north_star"]["inputs"] = out["north_star"]["inputs"][:2]
    out["roadmap"]["cards"][3]["outcome"] = "Build a parts inventory screen"
    out["backlog"]["items"][2]["outcome_id"] = ""
    out["backlog"]["items"][2]["outcome_text"] = ""
    return out


def _unfinished() -> dict:
    """Vision, a mission that repeats it and half a canvas; the rest never drafted."""
    out = copy.deepcopy(REFERENCE)
    out["mission"]["statement"] = VISION["statement"].replace(".", "!")
    out["mission"]["statement_edited"] = True
    answers = out["strategy_canvas"]["answers"]
    out["strategy_canvas"]["answers"] = dict(list(answers.items())[:7])
    for kind in ("north_star", "roadmap", "backlog"):
        del out[kind]
        del out["sources"][kind]
    out["missing"] = ["north_star", "roadmap", "backlog"]
    return out


PARTIAL = [_flawed(), _unfinished()]

WRONG = [
    {
        "vision": {"who": "", "change": "", "why": "",
                   "statement": "Become the number one repair app in Europe by 2027.",
                   "statement_edited": True},
        "mission": {"product": "", "who": "", "category": "", "aspects": [],
                    "statement": "World-class repairs with great UX.", "statement_edited": True},
        "north_star": {"metric": "Monthly revenue", "rationale": "", "inputs": [],
                       "checks": {}},
        "missing": ["strategy_canvas", "roadmap", "backlog"],
        "unreadable": {},
        "sources": {"vision": "vision.json", "mission": "mission.json",
                    "north_star": "north_star.json"},
        "notes": [],
    },
]
