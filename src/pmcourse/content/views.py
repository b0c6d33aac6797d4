"""What the lesson notebooks display: headers, definitions, disagreements, glossary, progress.

Every view renders from the content data, so a definition is written once and shown everywhere.
"""

from __future__ import annotations

import difflib
import time
from collections.abc import Iterable

from .definitions import DEFINITIONS, Definition, find_definition
from .disagreements import DISAGREEMENTS, find_disagreement
from .display import Markdown, md_table
from .glossary import glossary
from .larder import LARDER
from .lessons import LESSONS


def _suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=3, cutoff=0.5)
    return f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""


def _lesson_link(lesson_id: str, *, from_notebooks: bool = True) -> str:
    lesson = LESSONS.get(lesson_id)
    title = lesson.title if lesson else lesson_id
    prefix = "" if from_notebooks else "notebooks/"
    return f"[{title}]({prefix}{lesson_id}.ipynb)"


def lesson_header(lesson_id: str) -> Markdown:
    """Records the lesson as opened and shows its title, objectives and practice links."""
    lesson = LESSONS.get(lesson_id)
    if lesson is None:
        return Markdown(f"**There is no lesson {lesson_id!r}.**{_suggest(lesson_id, LESSONS)} "
                        f"The lessons are: {', '.join(LESSONS)}.")
    note = ""
    try:
        from ..progress import record_lesson

        progress = record_lesson(lesson_id)
        if progress.warning:
            note = f"\n\n> ⚠ {progress.warning}"
    except OSError as exc:
        note = (f"\n\n> ⚠ Your progress could not be saved ({exc}). Set the environment "
                f"variable PMCOURSE_HOME to a folder you can write to.")
    last = max(LESSONS.values(), key=lambda x: x.number).number
    lines = [f"**Lesson {lesson.number:02d} of {last:02d} · {lesson.title}** · about "
             f"{lesson.minutes} minutes"]
    if lesson.summary:
        lines.append(f"_{lesson.summary}_")
    lines.append("**By the end of this lesson you can:**")
    lines.append("\n".join(f"- {o}" for o in lesson.objectives))
    review = _review_markdown(lesson_id)
    if review:
        lines.append(review)
    return Markdown("\n\n".join(lines) + note)


def _review_markdown(lesson_id: str) -> str:
    """A short spaced review: earlier quiz questions the learner missed and has not yet got
    right, each with its options and the lesson whose quiz asks it again."""
    from ..completion import review_questions

    try:
        picked = review_questions(lesson_id)
    except OSError:
        return ""
    if not picked:
        return ""
    lines = ["**Before you start, a quick review.** You missed these earlier; think of your "
             "answer, then answer again in that lesson's quiz (a right answer takes a question "
             "off this list)."]
    ids = {lesson.title: lesson.id for lesson in LESSONS.values()}
    for title, question in picked:
        options = "; ".join(f"({k}) {v}" for k, v in question.options.items())
        lines.append(f"- _{_lesson_link(ids[title])}:_ {question.prompt} {options}")
    return "\n".join(lines)


def _definition_markdown(d: Definition) -> str:
    lines = [f"**{d.term[:1].upper() + d.term[1:]}**: {d.meaning}"]
    if d.includes:
        lines.append("- _Contains:_ " + "; ".join(d.includes) + ".")
    if d.excludes:
        lines.append("- _Leaves out:_ " + "; ".join(d.excludes) + ".")
    if d.horizon:
        lines.append(f"- _Horizon:_ {d.horizon}.")
    return "\n".join(lines)


def definition(term: str) -> Markdown:
    """The course's house definition of `term` (or an alias), as Markdown."""
    found = find_definition(term)
    if found is None:
        return Markdown(f"**No house definition for {term!r}.**"
                        f"{_suggest(term.casefold(), [t.casefold() for t in DEFINITIONS])} "
                        f"`glossary_table()` lists every term.")
    return Markdown(_definition_markdown(found))


def disagreement(topic: str) -> Markdown:
    """Two positions from the sources, side by side, with the course's rule and the reason."""
    found = find_disagreement(topic)
    if found is None:
        return Markdown(f"**No disagreement called {topic!r}.**{_suggest(topic, DISAGREEMENTS)} "
                        f"The topics are: {', '.join(DISAGREEMENTS)}.")
    table = md_table(("", "what it says"), [
        ("**One view**", found.position_a),
        ("**Another view**", found.position_b),
        ("**This course's rule**", found.course_rule),
        ("**Why**", found.why),
    ])
    return Markdown(f"**Where sources disagree: {found.question}**\n\n{table}")


def glossary_table() -> Markdown:
    """Every term of the course with its short meaning and the lesson that teaches it."""
    rows = [(f"**{e.term}**", e.meaning, _lesson_link(e.lesson)) for e in glossary()]
    return Markdown(md_table(("term", "meaning", "taught in"), rows))


def syllabus(*, from_notebooks: bool = True) -> Markdown:
    """The lessons in order with their learning objectives and practice notebooks."""
    parts = []
    prefix = "../exercises/" if from_notebooks else "exercises/"
    for lesson in LESSONS.values():
        practice = ", ".join(f"[{p}]({prefix}{p})" for p in lesson.practice) or "none"
        objectives = "\n".join(f"  - {o}" for o in lesson.objectives)
        parts.append(f"- **{_lesson_link(lesson.id, from_notebooks=from_notebooks)}** "
                     f"(about {lesson.minutes} min). {lesson.summary}\n{objectives}\n"
                     f"  - _Practice:_ {practice}")
    parts.append(f"\n**Time:** {time_estimate()}.")
    return Markdown("\n".join(parts))


LARDER_FIELDS = {
    "pitch": "What Larder is",
    "vision": "Vision",
    "mission": "Product mission",
    "company_vision": "Company vision",
    "business_objectives": "Business objectives",
    "icp": "Ideal customer profile",
    "segments": "Segments",
    "differentiation": "Differentiation",
    "alternatives": "Alternatives customers use today",
    "wont_do": "Won't do",
    "four_questions": "The four strategy questions",
    "north_star": "North Star metric",
    "input_metrics": "Input metrics",
    "strategic_intents": "Strategic intents (with the outcome leading each)",
    "principles": "Product principles",
}


def larder(*fields: str) -> Markdown:
    """Larder's artifacts (the running case), e.g. ``larder("vision", "mission")``."""
    wanted = fields or tuple(LARDER_FIELDS)
    unknown = [f for f in wanted if f not in LARDER_FIELDS]
    if unknown:
        return Markdown(f"**Larder has no field {unknown[0]!r}.**"
                        f"{_suggest(unknown[0], LARDER_FIELDS)} "
                        f"The fields are: {', '.join(LARDER_FIELDS)}.")
    rows = []
    for name in wanted:
        value = getattr(LARDER, name)
        if isinstance(value, dict):
            text = "<br>".join(f"**{k}**: {v}" for k, v in value.items())
        elif isinstance(value, tuple):
            text = "<br>".join(f"• {v}" for v in value)
        else:
            text = value
        rows.append((f"**{LARDER_FIELDS[name]}**", text))
    return Markdown(md_table(("Larder", ""), rows))


def progress_markdown() -> str:
    """The learner's progress as Markdown: lessons with quiz scores, practice, capstone, what is
    left (the same model as ``pmcourse progress`` and the certificate)."""
    from ..completion import course_status

    status = course_status()
    lines: list[str] = []
    if status.warning:
        lines.append(f"> ⚠ {status.warning}\n")
    lines.append(f"**Lessons opened: {status.lessons_opened} of {len(status.lessons)} · quiz "
                 f"questions answered right: {status.quiz_right} of {status.quiz_total}.**\n")
    rows = []
    for lesson in status.lessons:
        first = (time.strftime("%Y-%m-%d", time.localtime(lesson.opened)) if lesson.opened
                 else "not yet")
        quiz = f"{lesson.quiz_right} of {lesson.quiz_total}" if lesson.quiz_total else "-"
        rows.append((_lesson_link(lesson.id), first, quiz))
    lines.append(md_table(("lesson", "first opened", "quiz answered right"), rows))
    lines.append(f"\n**Practice passed: {status.practice_passed} of {len(status.practice)}.**\n")
    rows = [(f"[{p.title}](../{p.notebook})", str(p.attempts),
             f"{p.best:.0%}" if p.attempts else "-", "yes" if p.passed else "not yet")
            for p in status.practice]
    lines.append(md_table(("practice", "attempts", "best score", "passed"), rows))
    if status.capstone is not None:
        lines.append(f"\n**Capstone:** {'complete' if status.capstone.passed else 'not yet'}.")
    if status.complete:
        lines.append("\n**You have completed the course.** `certificate(\"Your Name\")` (from "
                     "`pmcourse.completion`) shows your certificate of completion.")
    else:
        lines.append("\n**Left to do:**\n\n" + "\n".join(f"- {m}" for m in status.missing))
    return "\n".join(lines)


def progress_view() -> Markdown:
    """A table of lessons opened and exercises attempted and passed, with any storage warning."""
    return Markdown(progress_markdown())


def further_reading(lesson_id: str) -> Markdown:
    """The lesson's further-reading list: author, title, publisher and year, and why read it."""
    from .reading import READING

    items = READING.get(lesson_id)
    if not items:
        return Markdown(f"**No reading list for {lesson_id!r}.**{_suggest(lesson_id, READING)} "
                        f"The lessons are: {', '.join(LESSONS)}.")
    lines = ["**Further reading**", ""]
    lines += [f"- {r.author}, *{r.title}* ({r.published}): {r.why}." for r in items]
    return Markdown("\n".join(lines))


def published_examples(kind: str | None = None) -> Markdown:
    """Real organisations' visions or missions, each with its source and the course's reading."""
    from .examples import published

    items = published(kind)
    if not items:
        return Markdown(f"**No published examples of kind {kind!r}.** Use 'vision', 'mission' "
                        "or nothing for both.")
    rows = [(f"\"{s.text}\"", f"**{s.organisation}**, its {s.kind}, {s.year}: {s.where}",
             s.comment) for s in items]
    return Markdown(md_table(("published statement", "source", "what the course makes of it"),
                             rows))


PRACTICE_MINUTES = 25
"""Rough time for one practice notebook: read the data, answer, check, use a hint or two."""


def time_estimate() -> str:
    """An honest total from the lesson data: lesson minutes plus the practice notebooks."""
    lessons = sum(lesson.minutes for lesson in LESSONS.values())
    practice = len({p for lesson in LESSONS.values() for p in lesson.practice})
    practice_minutes = practice * PRACTICE_MINUTES
    total = lessons + practice_minutes
    return (f"about {lessons / 60:.0f} hours of lessons (the capstone alone takes about 90 "
            f"minutes) and about {practice_minutes / 60:.0f} hours for the {practice} practice "
            f"notebooks: plan on {total // 60} to {total // 60 + 2} hours in all")


def lint_report(texts: str | Iterable[str], kind: str, *,
                context: dict[str, str] | None = None) -> Markdown:
    """The linter's findings for one or more statements read as `kind`, as a readable table
    (each finding once, with its severity, rule and advice) instead of a list of objects."""
    from ..exercises.engine.result import markdown_text
    from ..lint import lint

    statements = [texts] if isinstance(texts, str) else list(texts)
    rows = []
    for text in statements:
        findings = lint(text, kind, context=context)
        seen: dict[str, str] = {}
        for f in findings:
            seen.setdefault(f.rule, f"**{f.severity}** `{kind}/{f.rule}`: "
                                    f"{markdown_text(f.message)}")
        verdict = "<br>".join(seen.values()) or "no findings"
        rows.append((f"\"{markdown_text(text)}\"", verdict))
    return Markdown(md_table((f"statement (read as {kind})", "what the linter says"), rows))


def drafts_status(paths: dict[str, object]) -> Markdown:
    """How complete each saved draft is and what it still lacks, read from the files (never from
    live widgets), so the capstone shows one table instead of a try/except loop."""
    from ..exercises.engine.result import markdown_text
    from ..widgets import DraftError, DraftMissingError, load_draft

    rows = []
    for name, path in paths.items():
        try:
            draft = load_draft(path)
        except DraftMissingError:
            rows.append((name.replace("_", " "), "0%", "not started yet"))
            continue
        except DraftError as problem:
            rows.append((name.replace("_", " "), "?",
                         f"could not be read: {markdown_text(str(problem))}"))
            continue
        missing = [markdown_text(m) for m in draft.missing()]
        todo = "; ".join(missing) if missing else "complete"
        rows.append((name.replace("_", " "), f"{draft.completeness():.0%}", todo))
    return Markdown(md_table(("draft", "complete", "still to write"), rows))
