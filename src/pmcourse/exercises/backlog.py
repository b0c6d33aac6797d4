"""Backlog exercises (content-research E11): repair stories, split epics, link items, spot outcomes.

Story wording is checked by the course linter (kind ``task``) plus the story template
"As a <user>, I want <action>, so that <reason>" and Given / When / Then acceptance criteria, which
are structure, not word lists. Key formats:

- `RepairStories`: ``{"topics": {item_id: [topic words]}, "example": {item_id: {"story",
  "acceptance"}}}``; a rewrite must keep at least one topic word of its original.
- `SplitEpic`: ``{"scope": {scope_id: [words that show a story covers it]}, "example": [story]}``.
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

from .answers import plain_text, records, type_name
from .errors import AnswerError, NotAttempted
from .placeholder import is_placeholder
from .problem import Problem
from .result import CriterionResult
from .roadmap_plan import pairs_as_rows
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


def story_problems(text: str) -> list[str]:
    """What keeps `text` from being a well-formed, clear backlog story (empty when it is one)."""
    problems = []
    if not STORY.match(text):
        problems.append("it does not follow 'As a <user>, I want <action>, so that <reason>'")
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


def _ids(items: list[str], limit: int = 6) -> str:
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


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
            notes.append(f"Items {_ids(dupes)} appear more than once: only the first row counts.")
        if unknown:
            notes.append(f"{_ids(sorted(set(unknown)))} are not among the stories; remove them.")

        form: list[tuple[str, str]] = []
        clear: list[tuple[str, str]] = []
        tested: list[tuple[str, str]] = []
        on_topic: list[tuple[str, str]] = []
        for item, original in given.items():
            story, criteria = rewrites.get(item, (None, []))
            if story is None:
                for bucket in (form, clear, tested, on_topic):
                    bucket.append((item, "no rewrite yet"))
                continue
            if " ".join(story.lower().split()) == " ".join(original.lower().split()):
                for bucket in (form, clear, tested, on_topic):
                    bucket.append((item, "still the original: rewrite it"))
                continue
            if not STORY.match(story):
                form.append((item, "does not follow 'As a <user>, I want <action>, so that "
                                   "<reason>'"))
            clear += [(item, problem) for problem in lint_problems(story, "task", REPAIR_RULES)]
            if not any(GIVEN_WHEN_THEN.search(c) for c in criteria):
                tested.append((item, "no criterion with all of Given, When and Then"
                               if criteria else "no acceptance criteria"))
            if not contains_any(story, key["topics"][item]):
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


@dataclass(frozen=True)
class SplitEpic:
    """Grades the split of an epic into stories: scope kept, each story well-formed, a sane size."""

    var: str = "stories"
    epic: str = "epic"
    """Problem input ``{"text": ..., "scope": {scope_id: description}}``."""
    weights: tuple[float, float, float] = (0.4, 0.35, 0.25)
    """Shares for scope coverage, story form and size (count, uniqueness, no mini-epics)."""

    def grade(
        self, problem: Problem, answers: Mapping[str, Any], key: Any
    ) -> tuple[list[CriterionResult], tuple[str, ...]]:
        stories = _texts(answers[self.var], self.var, "story")
        if not stories:
            msg = f"`{self.var}` is empty: write one story per slice of the epic."
            raise NotAttempted(msg)
        scope = problem.data[self.epic]["scope"]
        covers = [{s for s, words in key["scope"].items() if contains_any(_means(t), words)}
                  for t in stories]
        return [
            self._coverage(scope, covers),
            self._form(stories),
            self._size(stories, covers, len(scope)),
        ], ()

    def _coverage(self, scope: Mapping[str, str], covers: list[set[str]]) -> CriterionResult:
        lost = [s for s in scope if not any(s in c for c in covers)]
        message = (
            f"All {len(scope)} parts of the epic's scope are covered by a story."
            if not lost
            else "No story covers: " + "; ".join(f"'{scope[s]}'" for s in lost)
                 + ". Scope must not get lost in a split (if a story does cover it, use the "
                 "epic's own words for that part)."
        )
        return CriterionResult(
            "coverage", "No scope is lost in the split", self.weights[0],
            (len(scope) - len(lost)) / len(scope), message,
        )

    def _form(self, stories: list[str]) -> CriterionResult:
        problems = [(f"story {n}", problem) for n, text in enumerate(stories, start=1)
                    for problem in story_problems(text)]
        bad = len({item for item, _ in problems})
        message = (
            "Every story follows the template and passes the backlog linter."
            if not problems
            else grouped(problems)
        )
        return CriterionResult(
            "form", "Each story is well-formed and clear (US-1, linter)", self.weights[1],
            (len(stories) - bad) / max(len(stories), MIN_CHILDREN), message,
        )

    def _size(self, stories: list[str], covers: list[set[str]], parts: int) -> CriterionResult:
        checks, problems = 3, []
        if not MIN_CHILDREN <= len(stories) <= MAX_CHILDREN:
            problems.append(f"you wrote {_count(len(stories), 'story')}; split this epic into "
                            f"{MIN_CHILDREN} to {MAX_CHILDREN}")
        normal = [" ".join(t.lower().split()) for t in stories]
        if len(set(normal)) < len(normal):
            problems.append("some stories are duplicates (rule K11)")
        big = [n for n, c in enumerate(covers, start=1) if len(c) >= max(3, parts - 1)]
        if big:
            problems.append(f"story {_ids([str(n) for n in big])} still covers most of the "
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
        lines = [f"Epic: _{problem.data[self.epic]['text']}_", ""]
        lines += [f"{n}. {story}" for n, story in enumerate(key["example"], start=1)]
        lines += ["", "Other splits earn full marks too when every part of the scope has a "
                  "story and each story is well-formed."]
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
    def cap_ids(self) -> tuple[str, ...]:
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
            notes.append(f"Items {_ids(dupes)} appear more than once: only the first row counts.")
        if unknown_items:
            notes.append(f"{_ids(sorted(set(unknown_items)))} are not in the item list; "
                         "remove them.")
        if unknown_parents:
            notes.append(f"{_ids(unknown_parents)}: no {self.noun} has that id; use one of "
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
            else f"{_ids(orphans)} link to no {self.noun} (rule K14): work that serves no "
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
            msg = (f"{_ids(unknown)} are not item ids of the backlog; use ids from the "
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
