"""No cell of any table ever holds text from a personal or unknown column (DATA_SPEC §1.1, §2).

Distinctive values are planted in every personal column of every layout the sample writes
(etl/sample/layouts.py), and in a column the loader does not know; the files carry rows rejected
for every reason, rows shifted by an unquoted delimiter, a line broken inside a cell, and a
signature block under the data. After a real load, every text cell of every table of the
warehouse (tables and columns from the catalog) is searched for them.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time
from pathlib import Path

import polars as pl
import pytest

from etl.load import FileResult, load_files
from etl.sample import build_sample
from etl.sample.catalog import catalog_export
from etl.sample.layouts import LAYOUTS, REASONS, BadRow, Column, Layout, bad_rows, format_rows
from etl.sample.plans import plans_export
from etl.sample.writers import (
    Signatures,
    write_month_csv,
    write_month_xlsx,
    write_table_csv,
    write_table_xlsx,
)
from tests.conftest import query
from tests.exports import cp1258_text
from tests.warehouse_text import text_hits

SEED = 11
PLANTED = {
    "owner": "Zzqx Chủhồsơ Bímật",
    "id_number": "987650001234",
    "address": "Số 77 Ngõ Zzqx, Phường Qqwv",
    "phone": "0987650001",
    "note": "Zzqx ghi chú: gọi 0987650001",  # a column the loader does not know
}
SIGNERS = ("Zzfoot Lậpbiểu", "Zzfoot Thủtrưởng")
# Fragments that any piece of a planted value contains, however a shift cut it.
TOKENS = ("Zzqx", "Qqwv", "Bímật", "987650001234", "0987650001", "Zzfoot", "Chủhồsơ")
NOTE = Column("Ghi chú nội bộ", "note")
EXTRA_REASONS = ("future_date", "superseded_in_file", "bad_value")


def _planted_states() -> tuple[pl.DataFrame, object]:
    sample = build_sample(date(2025, 7, 1), date(2025, 7, 31), scale=0.003, seed=SEED)
    (july,) = sample.files
    states = july.states.with_columns(
        pl.lit(value).alias(column) for column, value in PLANTED.items()
    )
    return states, sample


def _extra_bad(layout: Layout, states: pl.DataFrame) -> list[BadRow]:
    """Rows for the reasons the sample does not make: an event after the load, an older
    version of a record in the same file, a flag that cannot be read."""
    finished = states.with_row_index("row").filter(pl.col("status") == 10)
    template = finished.slice(0, 1)
    row = int(template["row"][0])
    prefix = template["application_id"][0].rsplit("-", 1)[0]
    future = template.with_columns(
        application_id=pl.lit(f"{prefix}-98001"),
        received_at=pl.lit(datetime(2031, 7, 1, 8, 0)),
        due_at=pl.lit(datetime(2031, 7, 3, 8, 0)),
        finished_at=pl.lit(None, dtype=pl.Datetime("us")),
        returned_at=pl.lit(None, dtype=pl.Datetime("us")),
        status=pl.lit(4, dtype=pl.Int8),
    )
    older = template.with_columns(
        finished_at=pl.lit(None, dtype=pl.Datetime("us")),
        returned_at=pl.lit(None, dtype=pl.Datetime("us")),
        status=pl.lit(4, dtype=pl.Int8),
    )
    flag = format_rows(layout, template.with_columns(application_id=pl.lit(f"{prefix}-98002")))
    unreadable = flag.row(0, named=True) | {layout.column("digitized").label: "có lẽ"}
    return [
        BadRow(row, row, "future_date", format_rows(layout, future).row(0, named=True)),
        BadRow(row, row, "superseded_in_file", format_rows(layout, older).row(0, named=True)),
        BadRow(row, row, "bad_value", unreadable),
    ]


def _appended(text: str, layout: Layout) -> bytes:
    """Text to add at the end of a file in the layout's encoding (no second BOM)."""
    if layout.encoding == "cp1258":
        return cp1258_text(text).encode("cp1258")
    return text.encode({"utf-16": "utf-16-le", "utf-8-sig": "utf-8"}.get(layout.encoding, "utf-8"))


def _append_raw_lines(path: Path, layout: Layout, states: pl.DataFrame) -> None:
    """Lines written without any quoting: a record shifted by the delimiter inside a planted
    value, a record broken by a line break inside one, then a signature block."""
    sep, end = layout.separator, layout.line_terminator
    row = format_rows(layout, states.slice(1, 1)).row(0, named=True)
    planted = [c for c in layout.columns if c.field in PLANTED]
    shifted = {**row, planted[0].label: f"Zzqx Chủhồsơ{sep} Bímật Qqwv"}
    broken = {**row, planted[0].label: "Zzqx Chủhồsơ\nBímật Qqwv"}
    numbered = layout.columns[0].field == "seq"
    lines = [
        sep.join((["1"] if numbered else []) + [str(v or "") for v in record.values()])
        for record in (shifted, broken)
    ]
    width = len(layout.columns)
    blank = [""] * width

    def cells(*placed: tuple[int, str]) -> str:
        line = list(blank)
        for column, text in placed:
            line[column] = text
        return sep.join(line)

    lines += [
        cells((0, "Tổng cộng"), (1, str(states.height))),
        "",
        cells((1, "Người lập biểu"), (7, "Thủ trưởng đơn vị")),
        cells((7, "Hải Phòng, ngày 05 tháng 08 năm 2025")),  # an unquoted comma: two cells
        cells((1, "(Ký, ghi rõ họ tên)"), (7, "(Ký, ghi rõ họ tên)")),
        "",
        cells((1, SIGNERS[0]), (7, SIGNERS[1])),
    ]
    with path.open("ab") as handle:
        handle.write(_appended(end.join(line.replace("\n", end) for line in lines) + end, layout))


def _write(folder: Path, layout: Layout, states: pl.DataFrame, index: int) -> Path:
    layout = replace(layout, columns=(*layout.columns, NOTE))
    bad = bad_rows(layout, states, index, SEED) + _extra_bad(layout, states)
    rows = format_rows(layout, states)
    path = folder / f"ho-so_{layout.key}.{layout.extension}"
    if layout.extension == "xlsx":
        signed = Signatures("Hải Phòng", date(2025, 8, 5), SIGNERS)
        created = datetime.combine(date(2025, 8, 5), time(8, 0))
        write_month_xlsx(
            path, layout, rows, bad, (date(2025, 7, 1), date(2025, 7, 31)), created, signed
        )
    else:
        write_month_csv(path, layout, rows, bad)
        _append_raw_lines(path, layout, states)
    return path


@pytest.fixture(scope="module")
def planted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[FileResult]]:
    folder = tmp_path_factory.mktemp("planted")
    states, sample = _planted_states()
    catalog = catalog_export(sample.catalog).with_columns(
        pl.lit(PLANTED["owner"]).alias("Người cập nhật")
    )
    plans = plans_export(sample.plans).with_columns(
        pl.lit(PLANTED["phone"]).alias("Điện thoại liên hệ")
    )
    files = [folder / "danh-muc.xlsx", folder / "phuong-an.csv"]
    write_table_xlsx(files[0], catalog, datetime(2025, 7, 1, 8))
    write_table_csv(files[1], plans)
    files += [_write(folder, layout, states, i) for i, layout in enumerate(LAYOUTS)]
    db = folder / "warehouse.duckdb"
    return db, load_files(files, db, fresh=True)


def test_every_layout_loaded_with_rejections_of_every_reason(planted) -> None:
    db, results = planted
    assert [r.error for r in results] == [None] * len(results)
    by_file = {
        name: {reason for (reason,) in query(db, "select distinct reason from rejected_rows where file_name = ?", [name])}
        for name in (r.name for r in results if r.kind == "applications")
    }  # fmt: skip
    assert len(by_file) == len(LAYOUTS)
    for name, reasons in by_file.items():
        expected = set(REASONS) | set(EXTRA_REASONS)
        if name.endswith(".csv"):
            expected.add("misaligned_row")
        assert expected <= reasons, (name, expected - reasons)
    assert all(r.footer_lines >= 5 for r in results if r.kind == "applications")


def test_no_planted_value_is_stored_in_any_table(planted) -> None:
    db, _ = planted
    assert text_hits(db, TOKENS) == []
