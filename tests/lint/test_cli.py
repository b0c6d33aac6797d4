"""`pmcourse lint` and `pmcourse classify`: JSON shape, readable output, files, stdin, errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pmcourse.cli import main

PMCOURSE = Path(sys.executable).with_name("pmcourse")
BAD_VISION = "Become the number one meal app by 2030"
GOOD_VISION = "Every household cooks with what it already has."


def _json_lines(out: str) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


def test_lint_json_gives_one_object_with_findings(capsys: pytest.CaptureFixture[str]) -> None:
    """--json prints one object with text, kind and findings; an error finding exits 1."""
    code = main(["lint", BAD_VISION, "--as", "vision", "--json"])
    [obj] = _json_lines(capsys.readouterr().out)
    assert code == 1
    assert list(obj) == ["text", "kind", "findings"]
    assert obj["text"] == BAD_VISION and obj["kind"] == "vision"
    first = obj["findings"][0]
    assert list(first) == ["rule", "severity", "message", "lesson", "span"]
    assert first["rule"] == "internal-goal"
    start, end = first["span"]
    assert BAD_VISION[start:end] == "Become the number one meal app"


def test_clean_statement_exits_zero(capsys: pytest.CaptureFixture[str]) -> None:
    """A statement with no error-severity finding exits 0 and says so."""
    assert main(["lint", GOOD_VISION, "--as", "vision"]) == 0
    assert "no problems found" in capsys.readouterr().out


def test_warnings_alone_exit_zero(capsys: pytest.CaptureFixture[str]) -> None:
    """Warnings are reported but do not fail the command."""
    assert main(["lint", "Households waste less food thanks to an app.", "--as", "vision"]) == 0
    assert "names-solution" in capsys.readouterr().out


def test_readable_report_quotes_the_span(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --json each finding shows severity, rule id, the quoted words and the fix."""
    main(["lint", "Build pantry sync", "--as", "roadmap"])
    out = capsys.readouterr().out
    assert 'error   output-not-outcome  at 0-5: "Build"' in out
    assert "Write what users will do differently" in out
    assert "lesson 06_roadmaps" in out


def test_mission_is_compared_with_the_given_vision(capsys: pytest.CaptureFixture[str]) -> None:
    """--vision passes the vision as context, so a copied mission is flagged."""
    code = main(["lint", GOOD_VISION, "--as", "mission", "--vision", GOOD_VISION, "--json"])
    [obj] = _json_lines(capsys.readouterr().out)
    assert code == 1
    assert "same-as-vision" in [f["rule"] for f in obj["findings"]]


def test_file_input_gives_one_object_per_non_blank_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--file reads one statement per line and skips blank lines."""
    path = tmp_path / "roadmap.txt"
    path.write_text("Dark mode\n\n   \nNew cooks plan their first week in under 10 minutes\n",
                    encoding="utf-8")
    code = main(["lint", "--file", str(path), "--as", "outcome", "--json"])
    objs = _json_lines(capsys.readouterr().out)
    assert code == 1
    assert [o["text"] for o in objs] == [
        "Dark mode", "New cooks plan their first week in under 10 minutes"]
    assert [len(o["findings"]) for o in objs] == [1, 0]


def test_classify_json_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """classify --json prints text, kind, scores for the five kinds, and reasons."""
    text = "As a cook, I want to swap one dinner so that the kids eat it."
    assert main(["classify", text, "--json"]) == 0
    [obj] = _json_lines(capsys.readouterr().out)
    assert list(obj) == ["text", "kind", "scores", "reasons"]
    assert obj["kind"] == "task"
    assert set(obj["scores"]) == {"vision", "mission", "strategy", "outcome", "task"}
    assert abs(sum(obj["scores"].values()) - 1) < 1e-3
    assert obj["reasons"] and all(isinstance(r, str) for r in obj["reasons"])


def test_classify_readable(capsys: pytest.CaptureFixture[str]) -> None:
    """Without --json classify names the kind, the ranked scores and the reasons."""
    main(["classify", "Larder is a meal-planning app for busy households."])
    out = capsys.readouterr().out
    assert "reads like a mission (mission" in out
    assert "- names what kind of product it is" in out


@pytest.mark.parametrize(("argv", "message"), [
    (["lint", "", "--as", "vision"], "empty"),
    (["lint", "  ", "--as", "vision"], "empty"),
    (["lint", "text", "--as", "slogan"], "unknown kind 'slogan'"),
    (["lint", "--as", "vision"], "no statement given"),
    (["lint", "x", "--file", "y", "--as", "vision"], "either TEXT or --file"),
    (["lint", "--file", "/no/such/file.txt", "--as", "task"], "no such file"),
    (["classify", ""], "empty"),
])
def test_usage_errors_exit_2_with_one_line(
        argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Bad input exits 2 with a single explanatory line on stderr and nothing on stdout."""
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err and captured.err.count("\n") == 1


@pytest.mark.parametrize(("content", "message"), [
    (b"\x7fELF\x00\x01binary", "not a text file"),
    (b"caf\xe9 plans\n", "not UTF-8"),
    (b"\n\n  \n", "no statements"),
])
def test_unusable_files_exit_2(tmp_path: Path, content: bytes, message: str,
                               capsys: pytest.CaptureFixture[str]) -> None:
    """Binary, non-UTF-8 and blank files are refused with a clear message."""
    path = tmp_path / "in.txt"
    path.write_bytes(content)
    assert main(["classify", "--file", str(path)]) == 2
    assert message in capsys.readouterr().err


def test_directory_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A directory passed as --file is refused, not read."""
    assert main(["lint", "--file", str(tmp_path), "--as", "task"]) == 2
    assert "is a directory" in capsys.readouterr().err


def test_missing_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """Leaving out --as exits 2 and says how to name the kind."""
    assert main(["lint", "text"]) == 2
    assert "--as KIND" in capsys.readouterr().err


def test_rules_lists_the_catalogue_of_a_kind(capsys: pytest.CaptureFixture[str]) -> None:
    """--rules --as task lists every task rule with severity, lesson, message and source."""
    assert main(["lint", "--rules", "--as", "task", "--json"]) == 0
    objs = _json_lines(capsys.readouterr().out)
    assert {o["kind"] for o in objs} == {"task"}
    assert "not-atomic" in [o["rule"] for o in objs]
    assert list(objs[0]) == ["rule", "kind", "severity", "lesson", "source", "message"]


def test_rules_without_kind_lists_everything(capsys: pytest.CaptureFixture[str]) -> None:
    """--rules alone lists the rules of every kind in readable form."""
    from pmcourse.lint import RULES

    assert main(["lint", "--rules"]) == 0
    out = capsys.readouterr().out
    assert all(f"{key}  [" in out for key in RULES)


def test_installed_command_reads_stdin() -> None:
    """The installed `pmcourse` script lints statements piped on stdin, one JSON object each."""
    run = subprocess.run(
        [str(PMCOURSE), "lint", "--file", "-", "--as", "task", "--json"],
        input="Improve retention by 10%\n\nAs a cook, I want to swap a dinner so that kids eat.\n",
        capture_output=True, text=True, timeout=60, check=False)
    assert run.returncode == 1, run.stderr
    objs = _json_lines(run.stdout)
    assert [o["findings"][0]["rule"] if o["findings"] else None for o in objs] == [
        "outcome-in-backlog", None]
    assert run.stderr == ""


def test_installed_command_binary_stdin_has_no_traceback() -> None:
    """Binary data on stdin gives exit 2 and one line on stderr, never a traceback."""
    run = subprocess.run([str(PMCOURSE), "classify", "--file", "-"], input=b"\x00\x01\x02",
                         capture_output=True, timeout=60, check=False)
    assert run.returncode == 2
    assert b"Traceback" not in run.stderr
    assert b"not a text file" in run.stderr


def test_lint_cli_does_not_import_heavy_libraries() -> None:
    """Running lint and classify never imports pandas, ipywidgets or nbgrader."""
    code = ("import sys; from pmcourse.lint.cli import main; "
            "main(['lint', 'Dark mode', '--as', 'outcome']); main(['classify', 'Dark mode']); "
            "print(sorted(m for m in ('pandas', 'ipywidgets', 'nbgrader', 'numpy') "
            "if m in sys.modules))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)
    assert run.stdout.splitlines()[-1] == "[]"


def test_utf16_file_with_bom_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A UTF-16 file (as some Windows editors save) is decoded, not refused as binary."""
    path = tmp_path / "utf16.txt"
    path.write_text("Cafés thrive on their own terms.\n", encoding="utf-16")
    assert main(["classify", "--file", str(path), "--json"]) == 0
    [obj] = _json_lines(capsys.readouterr().out)
    assert obj["text"] == "Cafés thrive on their own terms."


def test_ascii_only_terminal_gets_escapes_not_an_error() -> None:
    """With an ASCII-only stdout, accented text is escaped and the command still succeeds."""
    run = subprocess.run([str(PMCOURSE), "lint", "Cafés thrive", "--as", "vision"],
                         capture_output=True, timeout=60, check=False,
                         env={"PYTHONIOENCODING": "ascii", "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert b"Caf\\xe9s" in run.stdout


def test_building_the_parser_does_not_compile_the_rules() -> None:
    """Registering lint/classify loads no rule module, so other commands start fast."""
    code = ("import sys; from pmcourse.cli import build_parser; build_parser(); "
            "print([m for m in ('pmcourse.lint.rules', 'pmcourse.lint.lexicon', "
            "'pmcourse.classify') if m in sys.modules])")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)
    assert run.stdout.splitlines()[-1] == "[]"
