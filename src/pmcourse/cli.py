"""The ``pmcourse`` command: a thin layer that parses arguments, calls the API and prints.

Each group of commands lives next to the code it drives and exposes ``register(subparsers)``,
which adds its subcommands and sets ``handler`` (a function of the parsed arguments that returns
the exit code). Nothing heavy is imported until a handler runs.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMAND_MODULES = (
    "pmcourse.lint.cli",       # lint, classify
    "pmcourse.learner_cli",    # lab, progress, doctor
    "pmcourse.grading.cli",    # cohort, release, grade, report
)


def build_parser() -> argparse.ArgumentParser:
    """The full parser, with every command group that is installed."""
    parser = argparse.ArgumentParser(
        prog="pmcourse",
        description="A Jupyter course kit on product vision, mission, strategy, roadmap and backlog.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Runs one ``pmcourse`` command and returns its exit code."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
