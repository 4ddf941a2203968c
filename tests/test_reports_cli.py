"""`python -m reports`: every error of every command is one Vietnamese line `Lỗi: …` on stderr,
exit status 2, nothing written. Each case is caused for real: a real (tiny) warehouse, a file
that is not DuckDB, an output path that is a folder or runs through a file, and for the PDF a
`BROWSER_PATH` that points nowhere."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from etl.settings import PROJECT_ROOT
from present.strings import t
from reports.__main__ import main
from reports.render import chromium_available

COMMANDS = {"bieu-06a": ".xlsx", "league-table": ".csv", "pdf": ".pdf", "workload": ".xlsx"}
PERIOD = ["--from", "2025-07-10", "--to", "2025-07-20"]


def error_line(key: str, **values: object) -> str:
    return t("cli.error", "vi", message=t(key, "vi", **values))


def run_cli(args: list[str], capsys: pytest.CaptureFixture) -> str:
    """Run the command in this process; return its stderr, asserting exit status 2."""
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


@pytest.fixture(autouse=True)
def _warehouse(monkeypatch: pytest.MonkeyPatch, tiny: Path, tmp_path: Path) -> None:
    monkeypatch.setenv("WAREHOUSE_PATH", str(tiny))
    monkeypatch.chdir(tmp_path)


def _cases() -> list[tuple[list[str], str, dict]]:
    """(arguments, message key, message values) for every error path shared by all commands."""
    return [
        (["--from", "2025-13-01", "--to", "2025-07-20"], "cli.bad_date", {"value": "2025-13-01"}),
        (["--from", "2025-07-01", "--to", "31/02/2025"], "cli.bad_date", {"value": "31/02/2025"}),
        (["--from", "ngày 1", "--to", "2025-07-20"], "cli.bad_date", {"value": "ngày 1"}),
        (
            ["--from", "21/07/2025", "--to", "2025-07-20"],
            "cli.bad_period",
            {"start": "2025-07-21", "end": "2025-07-20"},
        ),
        ([*PERIOD, "--unit", "99999"], "cli.bad_unit", {"unit": "99999"}),
        ([*PERIOD, "--unit", "Phường Không Có"], "cli.bad_unit", {"unit": "Phường Không Có"}),
        ([*PERIOD, "--province", "79"], "cli.bad_province", {"code": 79}),
        ([*PERIOD, "--province", "HP"], "cli.bad_province_code", {"value": "HP"}),
        (
            [*PERIOD, "--warehouse", "khong-co/kho.duckdb"],
            "cli.no_warehouse",
            {"path": Path("khong-co/kho.duckdb")},
        ),
        (PERIOD, "cli.missing", {"names": "--out"}),
        ([*PERIOD, "--khong-co"], "cli.unrecognized", {"names": "--khong-co"}),
        (["--from", "--to", "2025-07-20"], "cli.needs_value", {"name": "--from"}),
    ]


@pytest.mark.parametrize(
    ("command", "args", "key", "values"),
    [(command, args, key, values) for command in COMMANDS for args, key, values in _cases()],
)
def test_every_argument_error_is_one_vietnamese_line(
    command: str, args: list[str], key: str, values: dict, capsys: pytest.CaptureFixture
) -> None:
    out = [] if key == "cli.missing" else ["--out", f"ra{COMMANDS[command]}"]
    err = run_cli([command, *args, *out], capsys)
    assert err == error_line(key, **values) + "\n"
    assert not list(Path.cwd().iterdir())  # nothing written


@pytest.mark.parametrize("command", COMMANDS)
def test_a_wrong_suffix_names_the_ones_the_command_writes(
    command: str, capsys: pytest.CaptureFixture
) -> None:
    err = run_cli([command, *PERIOD, "--out", "ra.txt"], capsys)
    suffixes = {
        "bieu-06a": ".xlsx", "league-table": ".csv, .xlsx", "pdf": ".pdf", "workload": ".xlsx, .csv"
    }[command]  # fmt: skip
    assert err == error_line("cli.bad_suffix", suffixes=suffixes, path=Path("ra.txt")) + "\n"


@pytest.mark.parametrize("command", COMMANDS)
def test_a_file_that_is_not_a_warehouse_is_named(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    broken = tmp_path / "hong.duckdb"
    broken.write_bytes(b"day khong phai DuckDB " * 500)
    out = f"ra{COMMANDS[command]}"
    err = run_cli([command, *PERIOD, "--warehouse", str(broken), "--out", out], capsys)
    assert err == error_line("cli.broken_warehouse", path=broken) + "\n"
    assert not (tmp_path / out).exists()


@pytest.mark.parametrize("command", ["bieu-06a", "league-table"])
@pytest.mark.parametrize(
    ("make_target", "reason"),
    [
        (lambda folder, suffix: folder / f"thu-muc{suffix}", "cli.os.EISDIR"),
        (lambda folder, suffix: folder / "tep.txt" / f"ra{suffix}", "cli.os.ENOTDIR"),
    ],
    ids=["a folder", "under a file"],
)
def test_an_unwritable_output_says_why(
    command: str, make_target, reason: str, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    (tmp_path / f"thu-muc{COMMANDS[command]}").mkdir()
    (tmp_path / "tep.txt").write_text("x", encoding="utf-8")
    target = make_target(tmp_path, COMMANDS[command])
    err = run_cli([command, *PERIOD, "--out", str(target)], capsys)
    assert err == error_line("cli.cannot_write", path=target, reason=t(reason, "vi")) + "\n"


def test_pdf_only_options_are_checked_in_vietnamese(capsys: pytest.CaptureFixture) -> None:
    err = run_cli(["pdf", *PERIOD, "--lang", "fr", "--out", "ra.pdf"], capsys)
    assert (
        err
        == error_line("cli.bad_choice", name="--lang", value="'fr'", choices="'vi', 'en'") + "\n"
    )
    err = run_cli(["bang-xep-hang"], capsys)
    assert err.startswith("Lỗi: lệnh không nhận giá trị 'bang-xep-hang'") and err.count("\n") == 1


def test_a_pdf_without_chromium_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """BROWSER_PATH names no browser, so no PDF can be drawn (the same case as cron sees it,
    as a subprocess: tests/test_report_content.py)."""
    monkeypatch.setenv("BROWSER_PATH", "/khong-co/chromium")
    err = run_cli(["pdf", *PERIOD, "--out", "bao-cao.pdf"], capsys)
    assert err == error_line("cli.no_chromium") + "\n"
    assert not Path("bao-cao.pdf").exists()


@pytest.mark.skipif(not chromium_available(), reason="the PDF is drawn before it is written")
def test_the_real_pdf_command_says_why_it_cannot_write(tiny: Path, tmp_path: Path) -> None:
    """A subprocess, as cron runs it: the exit status and the whole of stderr."""
    folder = tmp_path / "bao-cao.pdf"
    folder.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "reports", "pdf", *PERIOD, "--out", str(folder)],
        cwd=PROJECT_ROOT, capture_output=True, text=True, check=False, timeout=180,
        env=os.environ | {"WAREHOUSE_PATH": str(tiny)},
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (2, "")
    reason = t("cli.os.EISDIR", "vi")
    assert done.stderr == error_line("cli.cannot_write", path=folder, reason=reason) + "\n"
