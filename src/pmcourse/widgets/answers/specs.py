"""One answer form per kind of grader, built from the problem's own inputs (practice and graded).

Each builder reads the rows the learner is given and returns a `FormSpec` whose `build` turns the
widget's values into the value the grader reads, so a widget answer and a code answer go through
the same `Problem.check`. Nothing here reads the key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from ...exercises.engine.placeholder import ____
from ...exercises.engine.problem import Problem
from .form import Field, FormSpec, Option, Row, Section, Values

HORIZONS = (Option("now", "Now"), Option("next", "Next"), Option("later", "Later"))


class NoAnswerForm(LookupError):
    """The problem is answered another way (e.g. the capstone, through the drafting widgets)."""


def form_spec(problem: Problem) -> FormSpec:
    """The answer form of `problem`; NoAnswerForm when it has none."""
    builder = _BUILDERS.get(type(problem.grader).__name__)
    if builder is None:
        msg = (f"{problem.id} has no answer widget: draft with the course's drafting widgets and "
               "check what they saved, as its prompt says.")
        raise NoAnswerForm(msg)
    return builder(problem)


# -- shared pieces ---------------------------------------------------------------------------
def _rows(table: Sequence[Mapping[str, Any]], *, skip: Sequence[str] = ()) -> tuple[Row, ...]:
    """Rows from a data table: the first column is the id, the second the full text, the rest
    (except `skip`) facts shown under it."""
    out = []
    for record in table:
        keys = list(record)
        facts = [f"{k.replace('_', ' ')}: {_fact(record[k])}" for k in keys[2:]
                 if k not in skip and record[k] not in ("", None)]
        out.append(Row(str(record[keys[0]]), str(record[keys[1]]), "; ".join(facts)))
    return tuple(out)


def _fact(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _options(table: Sequence[Mapping[str, Any]]) -> tuple[Option, ...]:
    """Options from a data table: the id, then its text."""
    out = []
    for record in table:
        first, second = list(record)[:2]
        out.append(Option(str(record[first]), f"{record[first]}: {record[second]}"))
    return tuple(out)


def _picked(values: Values, section: str, name: str) -> dict[str, Any]:
    """Row id -> value for the rows where field `name` is filled, in the form's order."""
    return {row: fields[name] for row, fields in values[section].items() if fields.get(name)}


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _or_placeholder(value: Any, filled: bool) -> Any:
    """The value, or the `____` placeholder when nothing was answered (check: not attempted)."""
    return value if filled else ____


# -- one builder per grader --------------------------------------------------------------------
def _artifact_labels(problem: Problem) -> FormSpec:
    from ...exercises.graders.labels import LABELS

    grader: Any = problem.grader
    names = {"vision": "vision", "mission": "mission", "strategy": "strategy",
             "outcome": "roadmap outcome", "backlog": "backlog item"}
    section = Section("items", "Statements", _rows(problem.data[grader.statements]),
                      (Field("label", "artifact", options=tuple(Option(v, names.get(v, v))
                                                                for v in LABELS)),))

    def build(values: Values) -> dict[str, Any]:
        labels = _picked(values, "items", "label")
        return {grader.var: _or_placeholder(labels, bool(labels))}

    return FormSpec(problem.id, problem.title, (section,), build)


def _feature_split(problem: Problem) -> FormSpec:
    grader: Any = problem.grader
    rows = _rows(problem.data[grader.items])
    text = {r.id: r.text for r in rows}

    def outcomes(values: Values) -> tuple[Option, ...]:
        return tuple(Option(i, f"{i}: {text[i]}")
                     for i, kind in _picked(values, "items", "kind").items() if kind == "outcome")

    section = Section("items", "Items", rows, (
        Field("kind", "kind", options=(Option("outcome", "outcome"), Option("task", "task"))),
        Field("outcome_id", "serves outcome", required=False, options_from=outcomes),
    ), intro="Mark each item as an outcome or a task; then link each task to the outcome it "
             "serves (the list offers the items you marked as outcomes).")

    def build(values: Values) -> dict[str, Any]:
        rows_out = [{"item_id": i, "kind": f["kind"],
                     "outcome_id": (f.get("outcome_id") or None) if f["kind"] == "task" else None}
                    for i, f in values["items"].items() if f.get("kind")]
        return {grader.var: _or_placeholder(rows_out, bool(rows_out))}

    return FormSpec(problem.id, problem.title, (section,), build)


def _now_next_later(problem: Problem) -> FormSpec:
    from ...exercises.graders.roadmap_plan import depends_on

    grader: Any = problem.grader
    table = problem.data[grader.items]
    limits = problem.data[grader.limits]
    effort = {str(r["item_id"]): r["effort"] for r in table}
    rows = _rows(table)
    capacity = {"now": limits.get("now_capacity"), "next": limits.get("next_capacity")}
    section = Section("items", "Initiatives", rows,
                      (Field("horizon", "horizon", options=HORIZONS),), board=HORIZONS,
                      intro="Choose a column for each initiative. The board lists each "
                            "column, and the lines under it add up the effort against each "
                            "column's capacity.")

    def build(values: Values) -> dict[str, Any]:
        plan = [{"item_id": i, "horizon": h} for i, h in _picked(values, "items",
                                                                 "horizon").items()]
        return {grader.var: _or_placeholder(plan, bool(plan))}

    def summary(values: Values) -> list[str]:
        placed = _picked(values, "items", "horizon")
        out, warnings = [], []
        rank = {o.value: n for n, o in enumerate(HORIZONS)}
        for row in table:
            item, horizon = str(row["item_id"]), placed.get(str(row["item_id"]))
            if horizon is None:
                continue
            for before in depends_on(row):
                if before in placed and rank[placed[before]] > rank[horizon]:
                    warnings.append(f"{item} is in {horizon.capitalize()} but depends on "
                                    f"{before}, "
                                    f"which is in {placed[before].capitalize()}.")
            if row.get("deadline") and horizon != "now":
                warnings.append(f"{item} has a hard deadline but is in "
                                f"{horizon.capitalize()}.")
        for option in HORIZONS:
            used = sum(effort[i] for i, h in placed.items() if h == option.value)
            limit = capacity.get(option.value)
            if limit is None:
                out.append(f"{option.label}: {used} effort points (no limit)")
            else:
                over = " (over capacity)" if used > limit else ""
                out.append(f"{option.label}: {used} of {limit} effort points{over}")
        return out + warnings

    return FormSpec(problem.id, problem.title, (section,), build, summary)


def _timeline(problem: Problem) -> FormSpec:
    grader: Any = problem.grader
    slots = tuple(Row(f"O{n}", f"Outcome O{n}") for n in range(1, 6))

    def written(values: Values) -> tuple[Option, ...]:
        return tuple(Option(r.id, f"{r.id}: {_text(values['outcomes'][r.id]['outcome'])}")
                     for r in slots if _text(values["outcomes"][r.id].get("outcome")))

    outcomes = Section("outcomes", "Your outcomes (write two to five)", slots, (
        Field("horizon", "horizon", options=HORIZONS, required=False),
        Field("outcome", "outcome", kind="text", lint_as="outcome", required=False,
              placeholder="a change for users, e.g. Households throw away less food"),
        Field("metric", "metric", kind="text", required=False, sentence=False,
              placeholder="how you will know it happened"),
        Field("date", "date", kind="text", required=False, sentence=False,
              placeholder="only for a hard external constraint; else leave empty"),
    ))
    placement = Section("placement", "Place every feature under one of your outcomes",
                        _rows(problem.data[grader.timeline]),
                        (Field("outcome_id", "outcome", options_from=written),))

    def build(values: Values) -> dict[str, Any]:
        rows_out = []
        for r in slots:
            f = values["outcomes"][r.id]
            if any(_text(f.get(k)) for k in ("outcome", "metric", "date")) or f.get("horizon"):
                rows_out.append({"outcome_id": r.id, "horizon": f.get("horizon") or None,
                                 "outcome": _text(f.get("outcome")),
                                 "metric": _text(f.get("metric")), "date": _text(f.get("date"))})
        placed = [{"feature_id": i, "outcome_id": o}
                  for i, o in _picked(values, "placement", "outcome_id").items()]
        return {grader.outcomes_var: _or_placeholder(rows_out, bool(rows_out)),
                grader.placement_var: _or_placeholder(placed, bool(placed))}

    return FormSpec(problem.id, problem.title, (outcomes, placement), build)


def _links(problem: Problem, *, items: str, parents: Sequence[Mapping[str, Any]], var: str,
           item_column: str, parent_column: str, noun: str, indent: Callable[[str], int]
           ) -> FormSpec:
    options = tuple(Option(o.value, "\u2003" * indent(o.value) + o.label)
                    for o in _options(parents))
    section = Section("items", "Items", _rows(problem.data[items]),
                      (Field("parent", noun, options=options),))

    def build(values: Values) -> dict[str, Any]:
        links = [{item_column: i, parent_column: p}
                 for i, p in _picked(values, "items", "parent").items()]
        return {var: _or_placeholder(links, bool(links))}

    return FormSpec(problem.id, problem.title, (section,), build)


def _link_items(problem: Problem) -> FormSpec:
    g: Any = problem.grader
    return _links(problem, items=g.items, parents=problem.data[g.parents], var=g.var,
                  item_column=g.item_column, parent_column=g.parent_column, noun=g.noun,
                  indent=lambda _: 0)


def _kpi_tree(problem: Problem) -> FormSpec:
    g: Any = problem.grader
    tree = problem.data[g.tree]
    parent = {str(r["metric_id"]): str(r.get("parent_id") or "") for r in tree}

    def depth(metric: str) -> int:
        n, seen = 0, set()
        while parent.get(metric) and metric not in seen:
            seen.add(metric)
            metric, n = parent[metric], n + 1
        return n

    return _links(problem, items=g.items, parents=tree, var=g.var, item_column="item_id",
                  parent_column="metric_id", noun="metric", indent=depth)


def _spot_outcome(problem: Problem) -> FormSpec:
    grader: Any = problem.grader
    section = Section("items", "Backlog entries", _rows(problem.data[grader.items]), (
        Field("verdict", "is", options=(Option("backlog", "a backlog item"),
                                        Option("outcome", "a roadmap outcome"))),))

    def build(values: Values) -> dict[str, Any]:
        verdicts = _picked(values, "items", "verdict")
        spotted = [i for i, v in verdicts.items() if v == "outcome"]
        return {grader.var: _or_placeholder(spotted, bool(verdicts))}

    return FormSpec(problem.id, problem.title, (section,), build)


def _segment_choice(problem: Problem) -> FormSpec:
    grader: Any = problem.grader
    section = Section("items", "Segments", _rows(problem.data[grader.segments]), (
        Field("decision", "decision", options=(
            Option("icp", "ideal customer (ICP)"), Option("wont_do", "will not serve"),
            Option("undecided", "neither"))),))

    def build(values: Values) -> dict[str, Any]:
        decided = _picked(values, "items", "decision")
        choice = {"icp": [i for i, d in decided.items() if d == "icp"],
                  "wont_do": [i for i, d in decided.items() if d == "wont_do"]}
        return {grader.var: _or_placeholder(choice, bool(decided))}

    return FormSpec(problem.id, problem.title, (section,), build)


def _north_star(problem: Problem) -> FormSpec:
    grader: Any = problem.grader
    checklist = problem.data["checklist"]
    verdicts = (Option("north_star", "our North Star"),
                *(Option(str(c["criterion"]), f"rejected: fails {c['criterion']} ({c['question']})")
                  for c in checklist))
    candidates = Section("candidates", "Candidates for the North Star",
                         _rows(problem.data[grader.candidates]),
                         (Field("verdict", "verdict", options=verdicts),),
                         intro="Pick one candidate as the North Star; for every other, choose "
                               "the checklist point it fails.")
    inputs = Section("inputs", "Input metrics", _rows(problem.data[grader.inputs]), (
        Field("role", "role", options=(Option("input", "an input that drives it"),
                                       Option("no", "not an input"))),),
        intro="Mark three to five metrics as inputs.")

    def build(values: Values) -> dict[str, Any]:
        picked = _picked(values, "candidates", "verdict")
        stars = [i for i, v in picked.items() if v == "north_star"]
        roles = _picked(values, "inputs", "role")
        answer = {"metric": stars[0] if stars else None,
                  "inputs": [i for i, r in roles.items() if r == "input"],
                  "rejected": {i: v for i, v in picked.items() if v != "north_star"}}
        return {grader.var: _or_placeholder(answer, bool(picked or roles))}

    def summary(values: Values) -> list[str]:
        stars = [i for i, v in _picked(values, "candidates", "verdict").items()
                 if v == "north_star"]
        inputs = [i for i, r in _picked(values, "inputs", "role").items() if r == "input"]
        out = [f"North Star: {', '.join(stars) or 'not chosen yet'}; "
               f"inputs marked: {len(inputs)}"]
        if len(stars) > 1:
            out.append(f"You marked {len(stars)} North Stars ({', '.join(stars)}); a product has "
                       f"one, and the check reads only {stars[0]}.")
        return out

    return FormSpec(problem.id, problem.title, (candidates, inputs), build, summary)


def _vision_fix(problem: Problem) -> FormSpec:
    grader: Any = problem.grader
    rules = tuple(Option(str(r["rule"]), f"{r['rule']} ({r['severity']}): {r['meaning']}")
                  for r in problem.data[grader.rules])
    section = Section("items", "Flawed visions", _rows(problem.data[grader.visions]), (
        Field("rules", "rules broken", kind="multi", options=rules),
        Field("rewrite", "rewrite", kind="text", lint_as="vision", rows=2,
              placeholder="your rewrite of this vision"),
    ))

    def build(values: Values) -> dict[str, Any]:
        fixes = [{"vision_id": i, "rules": list(f.get("rules") or []),
                  "rewrite": _text(f.get("rewrite"))}
                 for i, f in values["items"].items() if f.get("rules") or _text(f.get("rewrite"))]
        return {grader.var: _or_placeholder(fixes, bool(fixes))}

    return FormSpec(problem.id, problem.title, (section,), build)


def _text_fields(problem: Problem, var: str, rows: tuple[Row, ...], lines: int,
                 intro: str = "") -> FormSpec:
    section = Section("items", "Your answers", rows,
                      (Field("text", "answer", kind="text", rows=lines),), intro=intro)

    def build(values: Values) -> dict[str, Any]:
        texts = {r.id: _text(values["items"][r.id].get("text")) for r in rows}
        return {var: _or_placeholder(texts, any(texts.values()))}

    return FormSpec(problem.id, problem.title, (section,), build)


def _vision_mission_pair(problem: Problem) -> FormSpec:
    grader: Any = problem.grader
    rows = (Row("vision", "The change the product should bring about in people's lives, with "
                          "no product in it.", lint_as="vision"),
            Row("mission", "The product's own contribution: for whom, which kind of product, "
                           "what it does.", lint_as="mission"))
    return _text_fields(problem, grader.var, rows, 2)


def _four_questions(problem: Problem) -> FormSpec:
    from ...exercises.graders.questions import QUESTIONS

    grader: Any = problem.grader
    rows = tuple(Row(key, question, lint_as="strategy") for key, question in QUESTIONS.items())
    return _text_fields(problem, grader.var, rows, 3,
                        "12 to 80 words each; name the segments, findings or metrics your "
                        "answer rests on.")


def _repair_stories(problem: Problem) -> FormSpec:
    grader: Any = problem.grader
    section = Section("items", "Entries to repair", _rows(problem.data[grader.stories]), (
        Field("story", "story", kind="text", lint_as="task", rows=2,
              placeholder="As a <user>, I want <action>, so that <reason>"),
        Field("acceptance", "acceptance criteria", kind="text", rows=2,
              placeholder="Given <a situation>, when <the user acts>, then <the result>"),
    ))

    def build(values: Values) -> dict[str, Any]:
        rows_out = [{"item_id": i, "story": _text(f.get("story")),
                     "acceptance": _text(f.get("acceptance"))}
                    for i, f in values["items"].items()
                    if _text(f.get("story")) or _text(f.get("acceptance"))]
        return {grader.var: _or_placeholder(rows_out, bool(rows_out))}

    return FormSpec(problem.id, problem.title, (section,), build)


def _split_epic(problem: Problem) -> FormSpec:
    grader: Any = problem.grader
    epic = problem.data[grader.epic]
    scope = tuple(Row(str(k), str(v)) for k, v in epic.get("scope", {}).items())
    extra = (Row("extra", "(optional) another story, if one scope line needs two"),)
    section = Section("items", "One story per scope line", scope + extra, (
        Field("story", "story", kind="text", lint_as="task", rows=2, required=False,
              placeholder="As a <user>, I want <action>, so that <reason>"),
    ), intro=f"The epic: {epic.get('text', '')}")

    def build(values: Values) -> dict[str, Any]:
        stories: dict[str, list[str]] = {}  # story -> the scope lines it was written for
        for row in section.rows:
            text = _text(values["items"][row.id].get("story"))
            if text:
                stories.setdefault(text, []).extend([row.id] if row.id != "extra" else [])
        rows = [{"story": text, "scope": scope} for text, scope in stories.items()]
        return {grader.var: _or_placeholder(rows, bool(rows))}

    return FormSpec(problem.id, problem.title, (section,), build)


def _discovery_priorities(problem: Problem) -> FormSpec:
    """Lesson 07 (H4): an opportunity per experiment, and a place per bet."""
    grader: Any = problem.grader
    opportunities = (*_options(problem.data[grader.opportunities]),
                     Option("none", "none: it tests nothing on this tree"))
    tests = Section("tests", "Which opportunity does each experiment test?",
                    _rows(problem.data[grader.experiments]),
                    (Field("opportunity", "tests the opportunity", options=opportunities),))
    bets = problem.data[grader.bets]
    places = tuple(Option(str(n), f"place {n}") for n in range(1, len(bets) + 1))
    ranking = Section("ranking", "Order the bets by RICE score (place 1 = highest)",
                      _rows(bets), (Field("place", "place", options=places),),
                      intro="RICE = reach × impact × confidence ÷ effort.")

    def build(values: Values) -> dict[str, Any]:
        chosen = _picked(values, "tests", "opportunity")
        placed = _picked(values, "ranking", "place")
        return {grader.tests_var: _or_placeholder(chosen, bool(chosen)),
                grader.ranking_var: _or_placeholder(placed, bool(placed))}

    return FormSpec(problem.id, problem.title, (tests, ranking), build)


_BUILDERS: dict[str, Callable[[Problem], FormSpec]] = {
    "ArtifactLabels": _artifact_labels,
    "FeatureSplit": _feature_split,
    "NowNextLater": _now_next_later,
    "TimelineToOutcomes": _timeline,
    "LinkItems": _link_items,
    "KpiTreeMapping": _kpi_tree,
    "SpotOutcome": _spot_outcome,
    "SegmentChoice": _segment_choice,
    "NorthStarPick": _north_star,
    "VisionFix": _vision_fix,
    "VisionMissionPair": _vision_mission_pair,
    "FourQuestions": _four_questions,
    "RepairStories": _repair_stories,
    "SplitEpic": _split_epic,
    "DiscoveryPriorities": _discovery_priorities,
}
