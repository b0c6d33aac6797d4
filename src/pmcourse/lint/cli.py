"""``pmcourse lint`` and ``pmcourse classify``: the linter and the classifier on the command line.

Exit codes: 0 when no error-severity finding, 1 when ``lint`` found an error, 2 for usage errors
(unknown kind, empty text, unreadable or binary file) with a one-line message on stderr.
Nothing is imported at registration time beyond argparse, so other commands start fast.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

KIND_HELP = "vision | mission | strategy | outcome | task | north_star"
OK, FOUND_ERRORS, USAGE = 0, 1, 2


class InputError(Exception):
    """Input the command cannot use; its message is printed as one line on stderr."""


def register(subparsers: Any) -> None:
    """Adds the ``lint`` and ``classify`` subcommands to the ``pmcourse`` parser."""
    lint = subparsers.add_parser(
        "lint", help="check a statement against the rules for its kind",
        description="Check a vision, mission, strategy, roadmap outcome, backlog task or North "
                    "Star against the course's rules; each finding says what to change.")
    lint.add_argument("text", nargs="?", metavar="TEXT", help="the statement (or use --file)")
    lint.add_argument("--as", dest="kind", metavar="KIND", help=f"required: {KIND_HELP}")
    lint.add_argument("--rules", action="store_true",
                      help="list the rules (of KIND, or all) instead of linting")
    lint.add_argument("--vision", metavar="TEXT",
                      help="your vision, so a mission can be compared with it")
    _common(lint)
    lint.set_defaults(handler=run_lint)

    classify = subparsers.add_parser(
        "classify", help="say which artifact a statement reads like",
        description="Say whether a statement reads like a vision, mission, strategy, roadmap "
                    "outcome or backlog task, with a score per kind and the reasons.")
    classify.add_argument("text", nargs="?", metavar="TEXT", help="the statement (or use --file)")
    _common(classify)
    classify.set_defaults(handler=run_classify)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--file", "-f", metavar="F",
                        help="read one statement per line from F ('-' for standard input); "
                             "blank lines are skipped")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object per statement")


def read_statements(text: str | None, file: str | None) -> list[str]:
    """The statements to process, from TEXT or from --file; InputError says what is wrong."""
    if text is not None and file is not None:
        raise InputError("give either TEXT or --file, not both")
    if file is None:
        if text is None:
            raise InputError("no statement given: pass TEXT in quotes or --file F")
        if not text.strip():
            raise InputError("the statement is empty: write some text to check")
        return [text.strip()]
    name = "standard input" if file == "-" else file
    try:
        data = sys.stdin.buffer.read() if file == "-" else Path(file).read_bytes()
    except FileNotFoundError:
        raise InputError(f"no such file: {file}") from None
    except IsADirectoryError:
        raise InputError(f"{file} is a directory; pass a text file with one statement per line") \
            from None
    except OSError as exc:
        raise InputError(f"cannot read {name}: {exc.strerror or exc}") from None
    encoding = "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in data:
        raise InputError(f"{name} is not a text file (it contains binary data)")
    try:
        decoded = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"{name} is not UTF-8 text; save it as UTF-8 and try again") from None
    lines = [line.strip() for line in decoded.splitlines() if line.strip()]
    if not lines:
        raise InputError(f"{name} has no statements (only blank lines)")
    return lines


def _guarded(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        reconfigure = getattr(sys.stdout, "reconfigure", None)
        if reconfigure is not None:  # a terminal that cannot show 'é' gets '\xe9', not a crash
            reconfigure(errors="backslashreplace")
        try:
            return run(args)
        except (InputError, ValueError) as exc:
            print(f"pmcourse {args.command}: {exc}", file=sys.stderr)
            return USAGE
        except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: not an error
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return OK
    handler.__doc__ = run.__doc__
    return handler


def _quote(text: str, limit: int = 70) -> str:
    return f'"{text}"' if len(text) <= limit else f'"{text[:limit - 3]}..."'


@_guarded
def run_lint(args: argparse.Namespace) -> int:
    """Lints each statement as ``--as KIND``; exit 1 when any has an error-severity finding."""
    from . import has_errors, lint
    from .engine import normalise_kind

    if args.rules:
        return list_rules(args)
    if args.kind is None:
        raise InputError(f"say which kind the statement is with --as KIND ({KIND_HELP})")
    kind = normalise_kind(args.kind)
    statements = read_statements(args.text, args.file)
    context = {"vision": args.vision} if args.vision else None
    failed = False
    for text in statements:
        findings = lint(text, kind, context=context)
        failed = failed or has_errors(findings)
        if args.json:
            print(json.dumps({"text": text, "kind": kind,
                              "findings": [f.to_dict() for f in findings]}, ensure_ascii=False))
            continue
        print(f"{kind}: {_quote(text)}")
        if not findings:
            print("  no problems found")
        for f in findings:
            start, end = f.span
            print(f"  {f.severity:<7} {f.rule}  at {start}-{end}: {_quote(text[start:end], 50)}")
            print(f"          {f.message}")
            print(f"          (lesson {f.lesson})")
    return FOUND_ERRORS if failed else OK


def list_rules(args: argparse.Namespace) -> int:
    """Prints the rule catalogue (of ``--as KIND`` if given): id, severity, lesson, message."""
    from . import RULES, rules_for

    if args.text is not None or args.file is not None:
        raise InputError("--rules lists the rules; leave out TEXT and --file")
    chosen = rules_for(args.kind) if args.kind else list(RULES.values())
    for r in chosen:
        if args.json:
            print(json.dumps({"rule": r.id, "kind": r.kind, "severity": r.severity,
                              "lesson": r.lesson, "source": r.source, "message": r.message},
                             ensure_ascii=False))
        else:
            print(f"{r.kind}/{r.id}  [{r.severity}, lesson {r.lesson}]")
            print(f"    {r.message}")
            print(f"    source: {r.source}")
    return OK


@_guarded
def run_classify(args: argparse.Namespace) -> int:
    """Classifies each statement and prints the kind, the scores and the reasons."""
    from ..classify import classify

    for text in read_statements(args.text, args.file):
        result = classify(text)
        if args.json:
            print(json.dumps(result.to_dict(), ensure_ascii=False))
            continue
        ranked = sorted(result.scores.items(), key=lambda kv: -kv[1])
        scores = ", ".join(f"{k} {v:.2f}" for k, v in ranked)
        article = "an" if result.kind[0] in "aeiou" else "a"
        print(f"{_quote(text)} reads like {article} {result.kind} ({scores})")
        for reason in result.reasons:
            print(f"  - {reason}")
    return OK


def main(argv: Sequence[str] | None = None) -> int:
    """Runs the lint/classify commands alone (the full command is :func:`pmcourse.cli.main`)."""
    parser = argparse.ArgumentParser(prog="pmcourse")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.handler(args))
