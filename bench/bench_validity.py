"""Benchmark of grading validity (a script, not a test): how often the automatic score disagrees
with an expert's on the answers of ``tests/exercises/validity/``.

Prints, overall and per problem, the false-negative rate (valid answers scored more than 0.2
below the expert) and the false-positive rate (wrong or gaming answers scored more than 0.2
above the expert), and the wrong or gaming answers that get full marks.

    python bench/bench_validity.py [--verbose]
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.exercises.validity import Case, all_cases  # noqa: E402
from tests.exercises.validity.scoring import score  # noqa: E402

TOLERANCE = 0.2


def _rate(bad: int, total: int) -> str:
    return f"{bad}/{total} ({bad / total:.0%})" if total else "0/0 (n/a)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print every disagreement")
    args = parser.parse_args(argv)
    rows: dict[str, list[tuple[Case, float]]] = defaultdict(list)
    for case in all_cases():
        rows[case.problem_id].append((case, score(case)))
    totals = {"valid": 0, "fn": 0, "bad": 0, "fp": 0, "full": 0}
    print(f"{'problem':42} {'false neg.':>14} {'false pos.':>14} {'full marks':>10}")
    for pid in sorted(rows):
        valid = [(c, s) for c, s in rows[pid] if c.kind == "valid"]
        bad = [(c, s) for c, s in rows[pid] if c.kind != "valid"]
        fn = [(c, s) for c, s in valid if s < c.expert - TOLERANCE]
        fp = [(c, s) for c, s in bad if s > c.expert + TOLERANCE]
        full = [(c, s) for c, s in bad if s >= 1.0]
        for name, n in (("valid", len(valid)), ("fn", len(fn)), ("bad", len(bad)),
                        ("fp", len(fp)), ("full", len(full))):
            totals[name] += n
        print(f"{pid:42} {_rate(len(fn), len(valid)):>14} {_rate(len(fp), len(bad)):>14} "
              f"{len(full):>10}")
        if args.verbose:
            for c, s in fn + fp:
                print(f"    {c.kind:6} scored {s:.2f}, expert {c.expert:.2f}: {c.why}")
    print(f"\n{'all problems':42} {_rate(totals['fn'], totals['valid']):>14} "
          f"{_rate(totals['fp'], totals['bad']):>14} {totals['full']:>10}")
    print(f"cases: {totals['valid'] + totals['bad']} over {len(rows)} problems; targets: "
          "false negatives <= 5%, false positives <= 10%, no wrong or gaming answer with full "
          "marks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
