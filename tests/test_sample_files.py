"""The written sample files: layouts, encodings, bad rows, personal data, determinism.

A small scale over the whole default year keeps these fast while every month's layout
(national CSV, UTF-8 BOM, Windows-1258, UTF-16, XLSX report) is written.
"""

from __future__ import annotations

import io
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import fastexcel
import polars as pl
import pytest

from etl.aliases import APPLICATION_FIELDS, APPLICATION_REQUIRED, PERSONAL_KEYS, alias_index
from etl.sample import build_sample, generate_sample
from etl.sample.generate import CATALOG_FILE, PLANS_FILE, MonthFile, Sample
from etl.sample.layouts import LAYOUTS, MONTH_LAYOUTS, REASONS, Layout
from etl.sample.staffing import STAFFING_FILE
from etl.sample.unit_names import toggle_tone_placement
from etl.sample.writers import (
    REPORT_HEADER_ROW,
    REPORT_TITLE,
    SIGN_HERE,
    SIGNATURE_TITLES,
    SIGNERS,
    TOTAL_LABEL,
)
from etl.text import header_key
from etl.units import UnitMatcher, agency_units, commune_units

SCALE, SEED = 0.02, 2025
PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def sample() -> Sample:
    return build_sample(scale=SCALE, seed=SEED)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return generate_sample(tmp_path_factory.mktemp("sample"), scale=SCALE, seed=SEED)


def read_back(path: Path, layout: Layout) -> pl.DataFrame:
    """A monthly file's data rows as text, decoded the way its layout wrote them."""
    if layout.extension == "xlsx":
        sheet = fastexcel.read_excel(path).load_sheet(
            0, header_row=REPORT_HEADER_ROW, dtypes="string"
        )
        rows = sheet.to_polars().with_row_index("_line")
        total = rows.filter(pl.col("STT") == TOTAL_LABEL).get_column("_line")[0]
        return rows.filter(pl.col("_line") < total).drop("_line")
    encoding = {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "cp1258": "cp1258"}
    text = path.read_bytes().decode(encoding.get(layout.encoding, "utf-8"))
    return pl.read_csv(
        io.StringIO(unicodedata.normalize("NFC", text)),
        separator=layout.separator,
        infer_schema=False,
    ).with_columns(pl.all().fill_null(""))


def test_files_come_back_catalog_and_plans_first_then_months_in_order(
    written: list[Path],
) -> None:
    names = [path.name for path in written]
    assert names[:2] == [CATALOG_FILE, PLANS_FILE]
    assert names[2:-1] == sorted(names[2:-1])
    assert names[-1] == STAFFING_FILE
    assert len(names) == 2 + 12 + 1
    assert all(path.exists() for path in written)


def test_at_least_three_layouts_and_every_encoding_are_written(written: list[Path]) -> None:
    heads = {path.name: path.read_bytes()[:4] for path in written[2:-1]}
    assert len({MONTH_LAYOUTS[int(name[11:13])].key for name in heads}) >= 3
    assert any(head.startswith(b"\xef\xbb\xbf") for head in heads.values())  # UTF-8 BOM
    assert any(head.startswith(b"\xff\xfe") for head in heads.values())  # UTF-16 BOM
    assert any(name.endswith(".xlsx") for name in heads)
    plain = [head for name, head in heads.items() if name.endswith(".csv")]
    assert any(head.startswith(b"Ma") for head in plain)  # UTF-8 without BOM


def test_every_header_label_is_a_loader_alias(written: list[Path]) -> None:
    index = alias_index(APPLICATION_FIELDS)
    for layout in LAYOUTS:
        fields = []
        for column in layout.columns:
            key = header_key(column.label)
            assert key in index or key in PERSONAL_KEYS or column.field == "seq", column.label
            fields.append(index.get(key))
        assert set(APPLICATION_REQUIRED) <= set(fields), layout.key


def test_windows_1258_file_spells_tones_as_combining_marks(written: list[Path]) -> None:
    (path,) = [p for p in written if p.name == "ho-so_2025-09.csv"]
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1258")
    assert "ệ" not in text and "\u0323" in text  # tones written as combining marks
    nfc = unicodedata.normalize("NFC", text)
    assert nfc.startswith("Số hồ sơ;Mã TTHC;Đơn vị tiếp nhận;Ngày tiếp nhận")
    assert "Đã trả kết quả" in nfc


def test_xlsx_report_has_title_period_header_date_cells_total_and_signatures(
    written: list[Path],
) -> None:
    (path,) = [p for p in written if p.suffix == ".xlsx" and p.name.startswith("ho-so")]
    reader = fastexcel.read_excel(path)
    top = reader.load_sheet(0, header_row=None, n_rows=REPORT_HEADER_ROW + 1).to_polars()
    assert top[0, 0] == REPORT_TITLE
    assert top[1, 0] == "Từ ngày 01/02/2026 đến ngày 28/02/2026"
    assert top[2, 0] is None
    assert top[REPORT_HEADER_ROW, 0] == "STT"
    rows = reader.load_sheet(0, header_row=REPORT_HEADER_ROW, n_rows=20).to_polars()
    assert rows.schema["Ngày tiếp nhận"] == pl.Datetime("ms")
    cells = reader.load_sheet(0, header_row=None, dtypes="string").to_polars()
    first_column = cells.get_column(cells.columns[0]).to_list()
    total = first_column.index(TOTAL_LABEL)
    # Under the total: the signature block, side by side, as report spreadsheets end.
    below = [[c for c in row if c is not None] for row in cells.slice(total + 1).iter_rows()]
    assert [row for row in below if row] == [
        ["Hải Phòng, ngày 05 tháng 03 năm 2026"],
        list(SIGNATURE_TITLES),
        [SIGN_HERE, SIGN_HERE],
        list(SIGNERS),
    ]


def test_bad_rows_of_every_reason_in_every_month(sample: Sample) -> None:
    for file in sample.files:
        reasons = [row.reason for row in file.bad]
        assert set(reasons) == set(REASONS), file.name
        assert all(3 <= reasons.count(reason) <= 10 for reason in REASONS)


def test_files_hold_the_good_rows_plus_the_bad_rows(sample: Sample, written: list[Path]) -> None:
    by_name = {path.name: path for path in written}
    for file in sample.files:
        rows = read_back(by_name[file.name], file.layout)
        assert rows.height == file.states.height + len(file.bad), file.name


def national_file(sample: Sample, written: list[Path]) -> tuple[MonthFile, pl.DataFrame]:
    (file,) = [f for f in sample.files if f.name == "ho-so_2025-07.csv"]
    (path,) = [p for p in written if p.name == file.name]
    return file, read_back(path, file.layout)


def test_bad_rows_carry_their_defect_in_the_file(sample: Sample, written: list[Path]) -> None:
    file, rows = national_file(sample, written)
    counts = {reason: [r.reason for r in file.bad].count(reason) for reason in REASONS}
    received = pl.col("NgayTiepNhan").str.to_datetime("%Y-%m-%dT%H:%M:%S", strict=False)
    finished = pl.col("NgayKetThucXuLy").str.to_datetime("%Y-%m-%dT%H:%M:%S", strict=False)
    due = pl.col("NgayHenTra").str.to_datetime("%Y-%m-%dT%H:%M:%S", strict=False)
    found = rows.select(
        missing_required=(pl.col("MaTTHC") == "").sum(),
        bad_date=received.is_null().sum(),
        unknown_unit=(pl.col("MaDonVi") == "99999").sum(),
        unknown_procedure=(pl.col("MaTTHC") == "9.999999").sum(),
        finished_before_received=(finished < received).sum(),
        due_before_received=(due < received).sum(),
        bad_status=(pl.col("TrangThaiHoSo") == "42").sum(),
        bad_channel=(pl.col("KenhThucHien") == "7").sum(),
        duplicate_in_file=pl.struct(pl.all()).is_duplicated().sum() // 2,
    ).row(0, named=True)
    assert found == counts


def test_duplicates_come_after_the_row_they_repeat(sample: Sample, written: list[Path]) -> None:
    _, rows = national_file(sample, written)
    rows = rows.with_row_index("line")
    first = rows.filter(pl.struct(pl.exclude("line")).is_first_distinct())
    assert rows.filter(~pl.struct(pl.exclude("line")).is_first_distinct()).height > 0
    assert first["line"].is_sorted()


def test_personal_columns_are_present_and_filled(sample: Sample, written: list[Path]) -> None:
    by_name = {path.name: path for path in written}
    for file in sample.files:
        rows = read_back(by_name[file.name], file.layout)
        personal = [c for c in rows.columns if header_key(c) in PERSONAL_KEYS]
        assert len(personal) >= 2, file.name
        for column in personal:
            assert (rows[column].fill_null("") != "").mean() > 0.99, (file.name, column)


def test_unit_names_are_written_in_many_ways_that_all_resolve(sample: Sample) -> None:
    units = commune_units(31) + agency_units(31)
    matcher = UnitMatcher(units)
    written_names = pl.concat(
        [f.states.select("unit_code", "unit_name") for f in sample.files]
    ).unique()
    for code, name in written_names.iter_rows():
        assert matcher.match(name)[0] == code
    names = set(written_names["unit_name"])
    communes = [unit.name for unit in commune_units(31)]
    bare = {
        name.split(" ", 2)[-1] if name.startswith("Đặc") else name.split(" ", 1)[1]
        for name in communes
    }
    assert any(name.startswith("P. ") for name in names)
    assert any(name.startswith("X. ") for name in names)
    assert any(name.startswith("PHƯỜNG ") for name in names)
    assert names & bare
    assert any(unicodedata.normalize("NFC", name) != name for name in names)
    other_tones = {toggle_tone_placement(name) for name in communes} - set(communes)
    assert names & other_tones


def test_same_arguments_write_the_same_bytes(written: list[Path], tmp_path: Path) -> None:
    """A second run, in a fresh process with another hash seed, writes identical files."""
    code = (
        "import sys; from pathlib import Path; from etl.sample import generate_sample; "
        f"generate_sample(Path(sys.argv[1]), scale={SCALE}, seed={SEED})"
    )
    env = {"PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT)}
    subprocess.run([sys.executable, "-c", code, str(tmp_path)], check=True, env=env)
    for path in written:
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name


def test_another_seed_writes_other_data(tmp_path: Path) -> None:
    july = {"start": date(2025, 7, 1), "end": date(2025, 7, 31), "scale": SCALE}
    one = generate_sample(tmp_path / "one", seed=SEED, **july)
    two = generate_sample(tmp_path / "two", seed=SEED + 1, **july)
    assert one[2].read_bytes() != two[2].read_bytes()


def test_progress_goes_from_0_to_1_with_vietnamese_messages(tmp_path: Path) -> None:
    calls: list[tuple[str, float]] = []
    generate_sample(
        tmp_path,
        start=date(2025, 7, 1),
        end=date(2025, 8, 31),
        scale=0.01,
        on_progress=lambda message, fraction: calls.append((message, fraction)),
    )
    fractions = [fraction for _, fraction in calls]
    assert fractions[0] == 0.0 and fractions[-1] == 1.0
    assert fractions == sorted(fractions)
    assert all(message.startswith(("Đang", "Đã")) for message, _ in calls)
