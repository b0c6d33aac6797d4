"""The text gate: one check that a free-text answer carries real content before any criterion reads it.

Usage (graders and widgets alike)::

    from pmcourse.exercises.graders.gate import gate, gate_fields

    verdict = gate(text, field="vision", prompt_texts=(problem.prompt,),
                   data_texts=(original,), other_fields={"mission": mission})
    if not verdict:                      # GateVerdict is falsy when the text fails
        earned = 0.0                     # a failing text earns nothing on the criteria that read it
        message = verdict.message        # names the gate and why, in learner language

    verdicts = gate_fields({"vision": v, "mission": m}, prompt_texts=(problem.prompt,))

Gates, in the order they are tried (`GateVerdict.gate` holds the id): ``blank``, ``placeholder``
(TBD, x, ..., lorem ipsum, ?, "your text here", ____), ``too_short`` (fewer than `min_words` real
words), ``noun_run`` (a list of nouns with no verb or link word; only when `sentence` is true),
``copy`` (the prompt's or the data's own words), ``duplicate`` (the same text as another field),
``story_clause`` (a user story whose "As a" or "I want" carries no content), ``so_that`` (a user
story whose "so that" repeats its "I want" or gives no reason) and
``given_when_then`` (acceptance criteria whose Given, When or Then carries no content). Terse
product text passes: "Zero missed medication doses", "Renew the TLS certificate before it expires".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

GATES = ("blank", "placeholder", "too_short", "noun_run", "copy", "duplicate", "story_clause",
         "so_that", "given_when_then")
"""Every gate id, in the order they are tried."""



def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_TOKEN = re.compile(r"[^\W_](?:[\w'’-]*[^\W_])?")

FUNCTION_WORDS = _wordset("""
a an the this that these those my our your their its his her every each all any some no not
none nothing to of for in on at by with without from into onto over under about after before
during until while within across through per via than as so if when where who whom whose which
what why how and or but nor yet because since i me we us you he she it they them is are was were
be been being am do does did done have has had can could will would shall should may might must
there here up out off again more most less least very just also only even still own same such
""")
"""Words that link or point rather than name: a text of nothing else says nothing."""

_GENERIC = _wordset("""
good better best nice great happy fine ok okay use used using work works working easy easier
able thing things stuff value valuable benefit benefits useful want wants need needs get gets
it's i'm can't don't won't
""")
"""Words that carry no reason on their own ("so that it is better", "so that I can use it")."""

_PLACEHOLDER_PHRASES = (
    "tbd", "tba", "todo", "to do", "tk", "x", "xx", "xxx", "xxxx", "xyz", "n/a", "na", "none",
    "nothing", "null", "nil", "test", "testing", "asdf", "qwerty", "blah", "blah blah", "foo",
    "bar", "foo bar", "something", "stuff", "etc", "idk", "dunno", "i don't know", "not sure",
    "same as above", "see above", "as above", "fill in", "fill me in", "placeholder", "answer",
    "my answer", "text", "your text", "your answer", "insert text", "insert here", "write here",
    "coming soon", "later", "pending", "?", "tbc", "wip",
)
_PLACEHOLDER_INSIDE = re.compile(
    r"lorem|ipsum|your (?:text|answer|vision|mission|story|outcome|metric|\w+) (?:goes )?here|"
    r"(?:text|answer|write|type) here|_{3,}|\.{3,}\s*$|…\s*$|\s\.{3,}\s|\bTBD\b|\bTODO\b|"
    r"\bTBC\b|\?{2,}|<[^>]*>|"
    r"\[[^\]]*\]|\{[^}]*\}",
    re.IGNORECASE,
)
_STORY = re.compile(
    r"\bI\s+(?:want|need|would like|wish)\s+(?:to\s+)?(?P<want>.+?)[,;]?\s+so\s+that\b"
    r"(?P<why>.*)$", re.IGNORECASE | re.DOTALL,
)
_ROLE = re.compile(r"^\W*as\s+(?:an?\s+|the\s+)?(?P<role>[^,]*?),?\s+I\s+(?:want|need|would like|"
                   r"wish)\s+(?:to\s+)?(?P<want>.+?)[,;]?\s+so\s+that\b", re.IGNORECASE | re.DOTALL)
_GWT = re.compile(
    r"^\W*given\b(?P<given>.*?)\bwhen\b(?P<when>.*?)\bthen\b(?P<then>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_VERB_ENDINGS = ("ed", "ing", "ise", "ize", "ify")
COMMON_VERBS = _wordset("""
be become bring buy book care change choose come cook cut do drop eat end feel find finish fix
get give go grow have heal help hold keep know learn leave let live look lose make meet miss move
need open pay plan play put reach read recover rest return run save see sell send share shop
sleep spend start stay stop take talk tell think throw travel trust try turn use visit wait walk
want waste win work write
""")
"""Everyday verbs in their base form (their -s form counts too): a verb the suffixes miss."""


@dataclass(frozen=True)
class GateVerdict:
    """Whether one text passed the gate, and if not, which gate stopped it and why."""

    field: str
    """The name the learner knows the text by, e.g. ``vision`` or ``story 2``."""
    gate: str | None = None
    """The id of the gate that failed (one of `GATES`), None when the text passed."""
    reason: str = ""
    """Why, in a learner's words, ending with what to do instead."""

    @property
    def passed(self) -> bool:
        return self.gate is None

    def __bool__(self) -> bool:
        return self.passed

    @property
    def message(self) -> str:
        """``The vision …``: the field and the reason, ready for a criterion's message."""
        return "" if self.passed else f"{_capital(self.field)} {self.reason}"


def tokens(text: str) -> list[str]:
    """The words of `text` as written (letters, digits, inner apostrophes and hyphens)."""
    return _TOKEN.findall(text)


def real_words(text: str) -> list[str]:
    """The lower-cased words that could carry meaning: no single letters, no 'xxx' or 'zzz', no
    consonant mash; acronyms written in capitals (TLS, NPS) and numbers count."""
    out = []
    for token in tokens(text):
        low = token.lower()
        if any(ch.isdigit() for ch in token) or low in {"a", "i"}:
            out.append(low)
        elif len(low) < 2 or len(set(low.replace("-", ""))) == 1:
            continue
        elif token.isupper() or re.search(r"[aeiouy]", low):
            out.append(low)
    return out


def content_words(text: str) -> list[str]:
    """The real words that name something (not 'the', 'to', 'we' ...)."""
    return [w for w in real_words(text) if w not in FUNCTION_WORDS]


def stem(word: str) -> str:
    """A crude stem that makes 'booking', 'books' and 'booked' meet: the first five letters."""
    word = word.lower().strip("'’-")
    for ending in ("ing", "ed", "es", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    return word[:5]


def gate(
    text: str | None,
    *,
    field: str,
    prompt_texts: Iterable[str] = (),
    data_texts: Iterable[str] = (),
    other_fields: Mapping[str, str | None] | None = None,
    min_words: int = 3,
    sentence: bool = True,
) -> GateVerdict:
    """Checks that `text` (the answer called `field`) carries content of its own.

    `prompt_texts` and `data_texts` are texts the learner was given (a copy of them earns
    nothing); `other_fields` are the learner's other answers (field -> text) that this one must
    not repeat; `min_words` is the fewest real words an answer of this kind needs; `sentence`
    turns on the noun-run gate (off for names and metrics such as "Weekly active households").
    """
    if text is None or not str.strip(str(text)):
        return GateVerdict(field, "blank", "is still empty: write your answer in place of `____`.")
    text = str.__str__(text).strip()
    if reason := _placeholder(text):
        return GateVerdict(field, "placeholder", reason)
    if reason := _too_short(text, min_words):
        return GateVerdict(field, "too_short", reason)
    if sentence and (reason := _noun_run(text)):
        return GateVerdict(field, "noun_run", reason)
    reason = _copy(text, tuple(prompt_texts), tuple(data_texts))
    if reason:
        return GateVerdict(field, "copy", reason)
    for other, other_text in (other_fields or {}).items():
        if other != field and other_text and _same(text, str(other_text)):
            return GateVerdict(field, "duplicate",
                               f"is the same text as the {other}: each part needs its own answer.")
    for gate_id, check in (("story_clause", _story_clause), ("so_that", _so_that),
                           ("given_when_then", _given_when_then)):
        if reason := check(text):
            return GateVerdict(field, gate_id, reason)
    return GateVerdict(field)


def gate_fields(
    texts: Mapping[str, str | None],
    *,
    prompt_texts: Iterable[str] = (),
    data_texts: Iterable[str] = (),
    min_words: int | Mapping[str, int] = 3,
    sentence: bool | Mapping[str, bool] = True,
    first_keeps: bool = False,
) -> dict[str, GateVerdict]:
    """The gate verdict of every field of one answer, each checked against the others too.

    With `first_keeps`, a text repeated in several fields fails only where it is repeated: the
    first field (in the mapping's order) keeps its verdict.
    """
    prompts, data = tuple(prompt_texts), tuple(data_texts)
    out = {}
    earlier: dict[str, str | None] = {}
    for name, text in texts.items():
        words_needed = min_words.get(name, 3) if isinstance(min_words, Mapping) else min_words
        is_sentence = sentence.get(name, True) if isinstance(sentence, Mapping) else sentence
        out[name] = gate(text, field=name, prompt_texts=prompts, data_texts=data,
                         other_fields=earlier if first_keeps else texts,
                         min_words=words_needed, sentence=is_sentence)
        earlier[name] = text
    return out


def _placeholder(text: str) -> str:
    low = " ".join(text.lower().split())
    bare = low.strip(" .!?,;:-_*#'\"`()")
    if not bare or bare in _PLACEHOLDER_PHRASES or low in _PLACEHOLDER_PHRASES:
        return (f"holds placeholder text ('{_short(text)}'), not an answer: replace it with "
                "your own words.")
    inside = _PLACEHOLDER_INSIDE.search(text)
    if inside:
        return (f"still contains placeholder text ('{_short(inside.group())}'): replace it "
                "with your own words.")
    words = [w.lower() for w in tokens(text)]
    if words and all(w in _PLACEHOLDER_PHRASES or len(w) == 1 for w in words):
        return (f"holds placeholder text ('{_short(text)}'), not an answer: replace it with "
                "your own words.")
    return ""


def _too_short(text: str, min_words: int) -> str:
    real = real_words(text)
    if len(real) < min_words or not content_words(text):
        need = f"at least {min_words} real words" if min_words > 1 else "a real word"
        return (f"is too short to say anything ({len(real)} real "
                f"{'word' if len(real) == 1 else 'words'}): write {need} that say what "
                "you mean.")
    return ""


def _is_verb_like(word: str) -> bool:
    """A word that can carry a sentence: an everyday verb, or an -ed/-ise/-ize/-ify form (an -ing
    form alone does not: "patients recovering physiotherapy injury app" says nothing)."""
    base = word[:-1] if word.endswith("s") else word
    return (word.endswith(_VERB_ENDINGS) and not word.endswith("ing") and len(word) > 4) \
        or word in COMMON_VERBS or base in COMMON_VERBS \
        or (word.endswith("es") and word[:-2] in COMMON_VERBS)


def _noun_run(text: str) -> str:
    real = real_words(text)
    if len(real) < 4:
        return ""
    if any(w in FUNCTION_WORDS and w not in {"and", "or"} for w in real):
        return ""
    if any(_is_verb_like(w) for w in real):
        return ""
    return ("is a list of words with no verb ('"
            + _short(text) + "'): write a sentence that says who does or gets what.")


def _copy(text: str, prompts: tuple[str, ...], data: tuple[str, ...]) -> str:
    from .textual import similarity

    mine = [w.lower() for w in tokens(text)]
    if len(mine) < 3:
        return ""
    for source, where in [(p, "the prompt") for p in prompts] + [(d, "the given data")
                                                                 for d in data]:
        if not source:
            continue
        theirs = [w.lower() for w in tokens(source)]
        if similarity(text, source) >= 0.85:
            return (f"is a copy of {where}: write it in your own words, with your own "
                    "decision.")
        if len(mine) >= 5 and _contains(theirs, mine):
            return f"is copied word for word from {where}: say it in your own words."
    if len(mine) >= 6:
        pool = set()
        for source in prompts + data:
            pool |= _trigrams([w.lower() for w in tokens(source or "")])
        own = _trigrams(mine)
        if own and len(own & pool) / len(own) >= 0.8:
            return ("is pieced together from the prompt's and the data's own words: say it "
                    "in your own words.")
    return ""


def _trigrams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def _same(a: str, b: str) -> bool:
    from .textual import similarity

    left, right = real_words(a), real_words(b)
    if not left or not right:
        return False
    return left == right or similarity(a, b) >= 0.9


def _story_clause(text: str) -> str:
    story = _ROLE.search(text)
    if not story:
        return ""
    if not [w for w in content_words(story["role"]) if len(w) >= 3]:
        return ("names no real person after 'As a': say who the user is (a member, a coach, "
                "a parent), in words.")
    if len(real_words(story["want"])) < 2 or not content_words(story["want"]):
        return ("has an 'I want' that says no action: say what the person wants to do, in a "
                "few words.")
    return ""


def _so_that(text: str) -> str:
    story = _STORY.search(text)
    if not story:
        return ""
    want = {stem(w) for w in content_words(story["want"])}
    why_words = real_words(story["why"])
    why = [w for w in content_words(story["why"]) if w not in _GENERIC]
    new = [w for w in why if stem(w) not in want]
    if len(why_words) < 3 or not why:
        return ("gives no real reason after 'so that': say what the person gains, in a few "
                "words of its own.")
    if not new:
        return ("has a 'so that' that repeats the 'I want': the reason should say what the "
                "person gains, not restate the wish.")
    return ""


def _given_when_then(text: str) -> str:
    parts = _GWT.search(text)
    if not parts:
        return ""
    empty = [name.capitalize() for name in ("given", "when", "then")
             if len(real_words(parts[name])) < 2 or not [
                 w for w in content_words(parts[name]) if len(w) >= 3 or w.isdigit()]]
    if empty:
        return (f"has a {'/'.join(empty)} that carries no content: each of Given, When and "
                "Then needs a situation, an action or a result in words.")
    stems = [frozenset(stem(w) for w in content_words(parts[n])) for n in ("given", "when", "then")]
    if stems[1] == stems[2] or stems[0] == stems[2]:
        return ("has a Then that repeats an earlier part: the Then should say the result "
                "someone can check.")
    return ""


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _capital(name: str) -> str:
    return f"The {name}" if not name[:1].isupper() else name
