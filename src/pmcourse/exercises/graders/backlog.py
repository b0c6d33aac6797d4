"""Backlog exercises (content-research E11): repair stories, split epics, link items, spot outcomes.

Story wording is checked by the course linter (kind ``task``) plus the story template
"As a <user>, I want <action>, so that <reason>" and Given / When / Then acceptance criteria, which
are structure, not word lists. Every story and criterion passes the text gate first (no
placeholder, no copy of the original, a "so that" that adds a reason, a Given, When and Then that
each say something); a text that fails it earns nothing on the criteria that read it. Key formats:

- `RepairStories`: ``{"topics": {item_id: [topic words]}, "example": {item_id: {"story",
  "acceptance"}}}``; a rewrite must keep a topic word (or a word of its original's own need).
- `SplitEpic`: ``{"scope": {scope_id: [words that show a story covers it]}, "example": [story]}``.
  The learner maps each story to the scope ids it covers; coverage is read from that mapping
  (the words only confirm that a story mapped to a scope line speaks of it at all).
- ``example`` is optional (practice keys only; graded keys keep just what grading needs).
- `LinkItems`: ``{"parents": {item_id: [allowed parent ids]}}``.
- `SpotOutcome`: ``{"outcomes": [item_id, ...], "why": {item_id: reason}}``.

Messages count mistakes by kind and quote the learner's own text; they never name a key value.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..engine.answers import plain_text, records, type_name
from ..engine.errors import AnswerError, NotAttempted
from ..engine.placeholder import is_placeholder
from ..engine.problem import Problem
from ..engine.result import CriterionResult
from .gate import content_words, gate, stem
from .roadmap_plan import pairs_as_rows
from .textual import id_list, listing
from .timeline import NO_EXAMPLE, grouped, lint_problems

STORY = re.compile(
    r"^\s*as\s+(?:an?\s+|the\s+)?(?P<role>[^,]+?),?\s+"
    r"I\s+(?:want|need|can|would like)\s+(?P<means>.+?),?\s+"
    r"so\s+that\s+(?P<ends>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)
"""The course's story template (rule US-1: role, means and the "so that" reason all present)."""
GIVEN_WHEN_THEN = re.compile(r"\bgiven\b.+\bwhen\b.+\bthen\b.+", re.IGNORECASE | re.DOTALL)
"""One complete acceptance criterion (rule US-5 / K07)."""
REPAIR_RULES = frozenset({"vague-words", "not-atomic", "system-as-user", "outcome-in-backlog"})
"""Linter rules a repaired story must not trip, even as warnings: the exercise targets them."""
MIN_CHILDREN, MAX_CHILDREN = 3, 6
"""An epic splits into 3-6 stories (content-research E11 c)."""
TECHNICAL_LAYER = re.compile(
    r"\b(?:databases?|db|(?:database|db|sql) tables?|schemas?|migrations?|apis?|endpoints?|"
    r"back-?ends?|front-?ends?|servers?|caches?|microservices?|data ?models?|orm|sql|ui layer|"
    r"ui components?|"
    r"(?:the |all )?screens? (?:for|of)|mock-?ups?|wireframes?)\b",
    re.IGNORECASE,
)
"""Technical layers: a story that builds one (a database story, an API story, a screen story) is
a horizontal slice that no user can use on its own (against INVEST's Independent and Valuable)."""
GENERIC_STORY_WORDS = frozenset({
    "user", "users", "member", "members", "want", "able", "app", "system", "so", "that", "as",
    "feature", "page", "screen", "work", "works", "better", "nicer", "quick", "quickly", "simple",
    "easy", "fast",
})
"""Words of a flawed story that say nothing about its need (they do not keep a rewrite on topic)."""
_GENERIC_STEMS = frozenset(stem(w) for w in GENERIC_STORY_WORDS)


def story_problems(text: str) -> list[str]:
    """What keeps `text` from being a well-formed, clear backlog story (empty when it is one)."""
    problems = []
    if not STORY.match(text):
        problems.append("it does not follow 'As a <user>, I want <action>, so that <reason>'")
    elif TECHNICAL_LAYER.search(_means(text)):
        problems.append("it builds one technical layer (a horizontal slice): no user can use it "
                        "on its own, which breaks INVEST's Independent and Valuable. Slice by "
                        "what a user can do, through every layer")
    return problems + lint_problems(text, "task", REPAIR_RULES)


def acceptance_criteria(value: Any) -> list[str]:
    """Acceptance criteria from a string (one per line) or a list of strings, as exact strs."""
    if isinstance(value, str):
        parts = [line for line in str.__str__(value).splitlines()]
    elif isinstance(value, Sequence) and not isinstance(value, bytes):
        parts = [p for p in (plain_text(v) for v in value) if p]
    else:
        text = plain_text(value)
        parts = [text] if text else []
    return [p.strip() for p in parts if p and p.strip()]


def contains_any(text: str, words: Sequence[str]) -> bool:
    """True when `text` contains one of `words` (case-insensitive, word starts)."""
    low = text.lower()
    return any(re.search(r"\b" + re.escape(w.lower()), low) for w in words)


def _means(text: str) -> str:
    """The action part of a story ("I want ..."), or the whole text when it is not a story."""
    match = STORY.match(text)
    return match["means"] if match else text


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def _count(n: int, word: str) -> str:
    plural = word[:-1] + "ies" if word.endswith("y") else word + "s"
    return f"{n} {word if n == 1 else plural}"


@dataclass(frozen=True)
class RepairStories:
    """Grades rewrites of flawed backlog stories: template, clarity, acceptance criteria, topic."""

    var: str = "repaired"
    stories: str = "flawed"
    """Problem input with rows ``item_id, text`` (the flawed stories)."""
    weights: tuple[float, float, float, float] = (0.3, 0.2, 0.3, 0.2)
    """Shares for story form, clarity (linter), acceptance criteria and staying on topic."""

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        given = {row["item_id"]: row["text"] for row in problem.data[self.stories]}
        rows = records(answers[self.var], self.var, ("item_id", "story", "acceptance"))
        rewrites: dict[str, tuple[str | None, list[str]]] = {}
        seen: Counter[str] = Counter()
        unknown = []
        for row in rows:
            item = plain_text(row["item_id"])
            if item is None:
                continue
            seen[item] += 1
            if item not in given:
                unknown.append(item)
            elif seen[item] == 1:
                rewrites[item] = (plain_text(row["story"]),
                                  acceptance_criteria(row["acceptance"]))
        if not any(story for story, _ in rewrites.values()):
            msg = f"`{self.var}` has no rewritten story yet: fill the `story` column."
            raise NotAttempted(msg)
        notes = []
        dupes = sorted(i for i, n in seen.items() if n > 1 and i in given)
        if dupes:
            notes.append(f"Items {listing(dupes)} appear more than once: only the first row counts.")
        if unknown:
            notes.append(f"{listing(sorted(set(unknown)))} are not among the stories; remove them.")

        form: list[tuple[str, str]] = []
        clear: list[tuple[str, str]] = []
        tested: list[tuple[str, str]] = []
        on_topic: list[tuple[str, str]] = []
        earlier: dict[str, str | None] = {}
        for item, original in given.items():
            story, criteria = rewrites.get(item, (None, []))
            if story is None:
                for bucket in (form, clear, tested, on_topic):
                    bucket.append((item, "no rewrite yet"))
                continue
            verdict = gate(story, field=f"story of {item}", data_texts=(original,),
                           prompt_texts=(problem.prompt,), other_fields=earlier, min_words=6)
            earlier[f"story of {item}"] = story
            if not verdict:
                for bucket in (form, clear, tested, on_topic):
                    bucket.append((item, verdict.reason))
                continue
            if not STORY.match(story):
                form.append((item, "does not follow 'As a <user>, I want <action>, so that "
                                   "<reason>'"))
            clear += [(item, problem) for problem in lint_problems(story, "task", REPAIR_RULES)]
            tested += [(item, why) for why in _acceptance_problems(criteria, story)]
            if not _on_topic(story, original, key["topics"][item]):
                on_topic.append((item, "no longer about the need the original was about"))
        n = len(given)
        return [
            self._criterion("form", "Each story has a user, an action and a reason (US-1)",
                            0, form, n,
                            "Every rewrite follows 'As a ..., I want ..., so that ...'."),
            self._criterion("clarity", "No vague, compound or system-as-user stories (linter)",
                            1, clear, n, "No rewrite trips the backlog linter."),
            self._criterion("acceptance", "Each story has a testable acceptance criterion (K07)",
                            2, tested, n, "Every rewrite has a Given / When / Then criterion."),
            self._criterion("topic", "Each rewrite keeps the original's intent", 3, on_topic, n,
                            "Every rewrite keeps the need its original was about."),
        ], tuple(notes)

    def _criterion(
        self, name: str, label: str, index: int, problems: list[tuple[str, str]], n: int,
        ok: str,
    ) -> CriterionResult:
        """One criterion over `n` items; `problems` lists (item, why) for each item that fails."""
        bad = len({item for item, _ in problems})
        message = ok if not problems else grouped(problems)
        return CriterionResult(name, label, self.weights[index], (n - bad) / n, message)

    def describe(self, problem: Problem, key: Any) -> str:
        if "example" not in key:
            return NO_EXAMPLE
        lines = []
        for row in problem.data[self.stories]:
            good = key["example"][row["item_id"]]
            lines += [f"**{row['item_id']}** was: _{row['text']}_", "",
                      f"- Story: {good['story']}",
                      f"- Acceptance: {good['acceptance']}", ""]
        return "\n".join(lines).strip()


def _acceptance_problems(criteria: list[str], story: str) -> list[str]:
    """Why no acceptance criterion of a story is a test (empty when one is)."""
    if not criteria:
        return ["no acceptance criteria"]
    complete = [c for c in criteria if GIVEN_WHEN_THEN.search(c)]
    if not complete:
        return ["no criterion with all of Given, When and Then"]
    verdicts = [gate(c, field="acceptance criterion", data_texts=(story,), min_words=6)
                for c in complete]
    if not any(verdicts):
        return [verdicts[0].reason]
    return []


def _on_topic(story: str, original: str, topics: Sequence[str]) -> bool:
    """True when `story` keeps a topic word of the key, or a word naming its original's need."""
    if contains_any(story, topics):
        return True
    need = {stem(w) for w in content_words(original)} - _GENERIC_STEMS
    return bool(need & {stem(w) for w in content_words(_means(story))})


def _texts(answer: Any, var: str, column: str) -> list[str]:
    """A list of strings, or a DataFrame / list of dicts with `column`, as exact strs."""
    if is_placeholder(answer):
        msg = f"`{var}` still holds the placeholder `____`; replace it with your list."
        raise NotAttempted(msg)
    if isinstance(answer, Sequence) and not isinstance(answer, (str, bytes)) and all(
        isinstance(v, str) for v in answer
    ):
        texts = [plain_text(v) for v in answer]
    elif isinstance(answer, str):
        msg = (f"`{var}` is one string; make it a list of strings, one per item, e.g. "
               f"`{var} = ['...', '...']`.")
        raise AnswerError(msg)
    else:
        try:
            rows = records(answer, var, (column,))
        except AnswerError:
            msg = (f"`{var}` should be a list of strings (or a DataFrame with a `{column}` "
                   f"column); it is {type_name(answer)}.")
            raise AnswerError(msg) from None
        texts = [plain_text(row[column]) for row in rows]
    return [t for t in texts if t]


def _mapped_stories(answer: Any, var: str) -> list[tuple[str, list[str] | None]]:
    """Stories with the scope ids each covers: from a list of dicts or a DataFrame with `story`
    and `scope` columns, a dict ``{story: [scope ids]}``, or a plain list of stories (no map)."""
    if isinstance(answer, Mapping) and not is_placeholder(answer):
        out = []
        for story, scope in answer.items():
            text = plain_text(story) if isinstance(story, str) else None
            if text:
                out.append((text, id_list(scope, f"the scope ids of `{var}['{text[:30]}']`")
                            or []))
        return out
    if isinstance(answer, str) or (isinstance(answer, Sequence) and not isinstance(
            answer, bytes) and all(isinstance(v, str) for v in answer)):
        return [(t, None) for t in _texts(answer, var, "story")]
    try:
        rows = records(answer, var, ("story", "scope"), optional=("scope",))
    except AnswerError:
        if is_placeholder(answer):
            raise
        msg = (f"`{var}` should be a list of dicts with the keys `story` and `scope` (the scope "
               f"ids the story covers), e.g. `[{{'story': 'As a ...', 'scope': ['S1']}}]`; it "
               f"is {type_name(answer)}.")
        raise AnswerError(msg) from None
    out = []
    for n, row in enumerate(rows, start=1):
        text = plain_text(row["story"]) if isinstance(row["story"], str) else None
        if text:
            out.append((text, id_list(row["scope"], f"`scope` of story {n}") or []))
    return out


@dataclass(frozen=True)
class SplitEpic:
    """Grades the split of an epic into stories: each story mapped to the scope it covers, each
    story well-formed and vertical (not one technical layer), and a sane size."""

    var: str = "stories"
    epic: str = "epic"
    """Problem input ``{"text": ..., "scope": {scope_id: description}}``."""
    weights: tuple[float, float, float] = (0.4, 0.35, 0.25)
    """Shares for scope coverage, story form and size (count, uniqueness, no mini-epics)."""
    scope_lost_cap: str | None = "scope_lost"
    """The problem's cap for a split that loses scope (the point of the exercise)."""

    @property
    def caplisting(self) -> tuple[str, ...]:
        return (self.scope_lost_cap,) if self.scope_lost_cap else ()

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        mapped = _mapped_stories(answers[self.var], self.var)
        if not mapped:
            msg = f"`{self.var}` is empty: write one story per slice of the epic."
            raise NotAttempted(msg)
        epic = problem.data[self.epic]
        scope = epic["scope"]
        stories = [text for text, _ in mapped]
        notes = []
        unknown = sorted({s for _, ids in mapped for s in ids or () if s not in scope})
        if unknown:
            notes.append(f"{listing(unknown)}: not a scope id of this epic; use "
                         f"{listing(list(scope))}.")
        if all(ids is None for _, ids in mapped):
            notes.append("Your stories say nothing about which scope line each covers: give "
                         "each story its `scope` ids, e.g. `{'story': 'As a ...', 'scope': "
                         "['S1']}`.")
        problems: list[list[str]] = []
        counts: list[bool] = []  # a story can cover scope: real content, through every layer
        earlier: dict[str, str | None] = {}
        for n, text in enumerate(stories, start=1):
            verdict = gate(text, field=f"story {n}", data_texts=(epic["text"],),
                           prompt_texts=(problem.prompt,), other_fields=earlier, min_words=6)
            earlier[f"story {n}"] = text
            problems.append([verdict.reason] if not verdict else story_problems(text))
            counts.append(bool(verdict) and not TECHNICAL_LAYER.search(_means(text)))
        covers = [
            {s for s in (ids or ()) if s in scope and self._speaks_of(text, scope[s], key, s)}
            if counts[n] else set()
            for n, (text, ids) in enumerate(mapped)
        ]
        loose = [f"story {n + 1} -> {s}" for n, (text, ids) in enumerate(mapped)
                 for s in ids or () if s in scope and counts[n]
                 and not self._speaks_of(text, scope[s], key, s)]
        if loose:
            notes.append(f"{listing(loose)}: the story says nothing about that scope line; say "
                         "in the story which part of it the user gets.")
        claimed = [set(ids or ()) & set(scope) for _, ids in mapped]
        return [
            self._coverage(scope, covers),
            self._form(stories, problems),
            self._size(stories, claimed, len(scope)),
        ], tuple(notes)

    @staticmethod
    def _speaks_of(story: str, description: str, key: Any, scope_id: str) -> bool:
        """True when a story mapped to a scope line shares a word with it (or its key words)."""
        if contains_any(story, key["scope"].get(scope_id, ())):
            return True
        line = {stem(w) for w in content_words(description)} - _GENERIC_STEMS
        return bool(line & {stem(w) for w in content_words(story)})

    def _coverage(self, scope: Mapping[str, str], covers: list[set[str]]) -> CriterionResult:
        lost = [s for s in scope if not any(s in c for c in covers)]
        message = (
            f"All {len(scope)} parts of the epic's scope are covered by a story."
            if not lost
            else "No story that a user could use is mapped to: " + "; ".join(f"'{scope[s]}'" for s in lost)
                 + ". Scope must not get lost in a split: map each story to the scope ids it "
                 "delivers."
        )
        return CriterionResult(
            "coverage", "No scope is lost in the split", self.weights[0],
            (len(scope) - len(lost)) / len(scope), message,
            cap=self.scope_lost_cap if lost else None,
        )

    def _form(self, stories: list[str], problems: list[list[str]]) -> CriterionResult:
        found = [(f"story {n}", why) for n, whys in enumerate(problems, start=1) for why in whys]
        bad = sum(bool(whys) for whys in problems)
        message = (
            "Every story follows the template, passes the backlog linter and cuts through every "
            "layer." if not found else grouped(found)
        )
        return CriterionResult(
            "form", "Each story is well-formed, clear and vertical (US-1, INVEST, linter)",
            self.weights[1], (len(stories) - bad) / max(len(stories), MIN_CHILDREN), message,
        )

    def _size(self, stories: list[str], claimed: list[set[str]], parts: int) -> CriterionResult:
        checks, problems = 3, []
        if not MIN_CHILDREN <= len(stories) <= MAX_CHILDREN:
            problems.append(f"you wrote {_count(len(stories), 'story')}; split this epic into "
                            f"{MIN_CHILDREN} to {MAX_CHILDREN}")
        normal = [" ".join(t.lower().split()) for t in stories]
        if len(set(normal)) < len(normal):
            problems.append("some stories are duplicates (rule K11)")
        big = [n for n, c in enumerate(claimed, start=1) if len(c) >= max(3, parts - 1)]
        if big:
            problems.append(f"story {listing([str(n) for n in big])} still covers most of the "
                            "epic: each story should be one slice a team can finish in a sprint")
        message = (
            "A sensible number of distinct, sprint-sized stories."
            if not problems
            else "Size: " + "; ".join(problems) + "."
        )
        return CriterionResult(
            "size", "3-6 distinct stories, none a mini-epic", self.weights[2],
            (checks - len(problems)) / checks, message,
        )

    def describe(self, problem: Problem, key: Any) -> str:
        if "example" not in key:
            return NO_EXAMPLE
        scope = problem.data[self.epic]["scope"]
        lines = [f"Epic: _{problem.data[self.epic]['text']}_", ""]
        for n, (story, sid) in enumerate(zip(key["example"], scope, strict=False), start=1):
            lines.append(f"{n}. {story} (covers {sid})")
        lines += ["", "Other splits earn full marks too when every scope line has a well-formed "
                  "story mapped to it, and each story is a vertical slice a user can use."]
        return "\n".join(lines)


@dataclass(frozen=True)
class LinkItems:
    """Grades links from items (backlog items, initiatives) to the parent each one serves."""

    var: str = "links"
    items: str = "items"
    """Problem input with rows ``item_id, text``."""
    parents: str = "outcomes"
    """Problem input with rows ``<parent_column>, <parent_text>``."""
    item_column: str = "item_id"
    parent_column: str = "outcome_id"
    parent_text: str = "outcome"
    noun: str = "outcome"
    weights: tuple[float, float] = (0.1, 0.9)
    """Shares for completeness (every item links to a known parent) and right links."""
    one_parent_cap: str | None = None
    """The problem's cap for linking every item to one and the same parent (no decision made);
    None leaves it off (a grader that reuses these links declares its own caps)."""

    @property
    def caplisting(self) -> tuple[str, ...]:
        return (self.one_parent_cap,) if self.one_parent_cap else ()

    def read(self, problem: Problem, answer: Any) -> tuple[dict[str, str], list[str], list[str]]:
        """The learner's links ``item -> parent``, notes about the answer, and the item ids."""
        given = [row[self.item_column] for row in problem.data[self.items]]
        known = {row[self.parent_column] for row in problem.data[self.parents]}
        columns = (self.item_column, self.parent_column)
        rows = records(pairs_as_rows(answer, columns), self.var, columns)
        links: dict[str, str] = {}
        seen: Counter[str] = Counter()
        unknown_items, unknown_parents = [], []
        for row in rows:
            item = plain_text(row[self.item_column])
            if item is None:
                continue
            seen[item] += 1
            if item not in given:
                unknown_items.append(item)
                continue
            parent = plain_text(row[self.parent_column])
            if seen[item] > 1 or parent is None:
                continue
            if parent not in known:
                unknown_parents.append(f"{item} -> {parent}")
                continue
            links[item] = parent
        if not links and not unknown_parents:
            msg = (f"no item in `{self.var}` has a `{self.parent_column}` yet: give each item "
                   f"the {self.noun} it serves.")
            raise NotAttempted(msg)
        notes = []
        dupes = sorted(i for i, n in seen.items() if n > 1 and i in given)
        if dupes:
            notes.append(f"Items {listing(dupes)} appear more than once: only the first row counts.")
        if unknown_items:
            notes.append(f"{listing(sorted(set(unknown_items)))} are not in the item list; "
                         "remove them.")
        if unknown_parents:
            notes.append(f"{listing(unknown_parents)}: no {self.noun} has that id; use one of "
                         f"{', '.join(sorted(known))}.")
        return links, notes, given

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        links, notes, given = self.read(problem, answers[self.var])
        return [self.complete(given, links), self.right(given, links, key)], tuple(notes)

    def complete(self, given: list[str], links: Mapping[str, str]) -> CriterionResult:
        """Every item links to one known parent (rule K14: no orphan items)."""
        orphans = [i for i in given if i not in links]
        message = (
            f"Every item links to one {self.noun}."
            if not orphans
            else f"{listing(orphans)} link to no {self.noun} (rule K14): work that serves no "
                 f"{self.noun} should be questioned, not left floating."
        )
        return CriterionResult(
            "complete", f"Every item links to {_article(self.noun)} {self.noun}", self.weights[0],
            (len(given) - len(orphans)) / len(given), message,
        )

    def right(self, given: list[str], links: Mapping[str, str], key: Any) -> CriterionResult:
        """Each link points to a parent the item actually serves."""
        right = sum(links.get(i) in key["parents"][i] for i in given)
        wrong = sum(i in links and links[i] not in key["parents"][i] for i in given)
        one_parent = len(links) == len(given) > 2 and len(set(links.values())) == 1
        message = (
            f"Every item points to the {self.noun} it moves."
            if right == len(given)
            else f"{right} of {len(given)} links are right"
                 + (f"; {wrong} point to {_article(self.noun)} {self.noun} the item would not "
                    "move" if wrong else "")
                 + f". For each, ask: if this ships, which {self.noun} changes?"
        )
        if one_parent:
            message += (f" Every item points to the same {self.noun}: that is not a choice. "
                        f"Decide item by item.")
        return CriterionResult(
            "links", f"Each item links to the {self.noun} it serves", self.weights[1],
            right / len(given), message,
            cap=self.one_parent_cap if one_parent else None,
        )

    def describe(self, problem: Problem, key: Any) -> str:
        text = {row[self.item_column]: row["text"] for row in problem.data[self.items]}
        parents = {row[self.parent_column]: row[self.parent_text]
                   for row in problem.data[self.parents]}
        lines = [f"| {self.noun} | items that serve it |", "|---|---|"]
        for pid, ptext in parents.items():
            ids = [i for i, ps in key["parents"].items() if ps and ps[0] == pid]
            if not ids:
                continue
            lines.append(f"| **{pid}**: {ptext} | "
                         + "<br>".join(f"{i}: {text[i]}" for i in ids) + " |")
        also = [f"{i} may also link to {', '.join(ps[1:])}"
                for i, ps in key["parents"].items() if len(ps) > 1]
        if also:
            lines += ["", "Also accepted: " + "; ".join(also) + "."]
        return "\n".join(lines)


@dataclass(frozen=True)
class SpotOutcome:
    """Grades which backlog entries are really roadmap outcomes (rule K06 / US-11)."""

    var: str = "spotted"
    items: str = "backlog"
    """Problem input with rows ``item_id, text``."""
    weights: tuple[float, float] = (0.6, 0.4)
    """Shares for finding the disguised outcomes (net of false alarms) and for precision."""

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        answer = answers[self.var]
        given = [row["item_id"] for row in problem.data[self.items]]
        if is_placeholder(answer):
            msg = f"`{self.var}` still holds the placeholder `____`; list the item ids you spotted."
            raise NotAttempted(msg)
        if isinstance(answer, str):
            answer = [answer]
        if hasattr(answer, "tolist") and callable(answer.tolist):
            answer = answer.tolist()  # a pandas Series or a NumPy array of ids
        if not isinstance(answer, (Sequence, set, frozenset)):
            msg = (f"`{self.var}` should be a list of item ids such as `['B01', 'B02']`; it is "
                   f"{type_name(answer)}.")
            raise AnswerError(msg)
        picked = [t for t in (plain_text(v) for v in answer) if t]
        unknown = sorted({p for p in picked if p not in given})
        if unknown:
            msg = (f"{listing(unknown)} are not item ids of the backlog; use ids from the "
                   f"`item_id` column ({given[0]} to {given[-1]}).")
            raise AnswerError(msg)
        if not picked:
            msg = f"`{self.var}` is empty: list the ids of the items that are really outcomes."
            raise NotAttempted(msg)
        chosen = set(picked)
        truth = set(key["outcomes"])
        hits = len(chosen & truth)
        false = len(chosen - truth)
        found = max(0, hits - false)
        twice = len(picked) > len(chosen)
        notes = ("Some ids are listed twice; each counts once.",) if twice else ()
        found_msg = (
            "You found every outcome hiding in the backlog."
            if found == len(truth)
            else f"You found {hits} of the {len(truth)} outcomes hiding in the backlog"
                 + (" (each story flagged by mistake cancels one find)" if false else "")
                 + ". Look for items that name a result to change (a number to raise or lower) "
                 "and no user action (rule K06)."
        )
        false_msg = (
            "Every item you flagged is an outcome."
            if not false
            else f"{_count(false, 'item')} you flagged {'names' if false == 1 else 'name'} a "
                 "user and something they can do: that is a story, and it belongs in the backlog."
        )
        return [
            CriterionResult("found", "The outcomes in disguise are found (K06)", self.weights[0],
                            found / len(truth), found_msg),
            CriterionResult("precise", "Real stories are left in the backlog", self.weights[1],
                            (len(chosen) - false) / len(chosen), false_msg),
        ], notes

    def describe(self, problem: Problem, key: Any) -> str:
        text = {row["item_id"]: row["text"] for row in problem.data[self.items]}
        lines = [f"- **{i}**: _{text[i]}_. {key['why'][i]}" for i in key["outcomes"]]
        return "The outcomes in disguise:\n\n" + "\n".join(lines)
