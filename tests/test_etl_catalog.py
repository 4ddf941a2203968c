"""Catalog and plan files update the columns they have and only those (DATA_SPEC §1.2); a
file without its required columns is refused in Vietnamese, called by the right kind."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from etl.aliases import CATALOG_FIELDS, PLAN_FIELDS
from tests.conftest import query
from tests.exports import CATALOG_HEADER, CATALOG_ROWS, write_csv

PROJECT = Path(__file__).resolve().parent.parent
PROCEDURE = (
    "select procedure_code, name, field, level, agency_code, online_service, non_boundary, "
    "legal_days, has_fee, business_related, result_document from procedures order by 1"
)
PLAN_HEADER = [
    "Mã TTHC", "Số quyết định", "Cơ quan thực hiện", "Thời gian trước cắt giảm",
    "Thời gian sau cắt giảm", "Trạng thái", "Ngày quyết định",
]  # fmt: skip
PLAN = ["2.001583", "1234/QĐ-UBND", "Sở Tài chính", "3", "1", "Đã thực hiện", "15/08/2025"]


def _catalog_part(tmp_path: Path, columns: list[str], rows: list[list[str]], name: str) -> Path:
    """The catalog's rows with only the named columns."""
    keep = [CATALOG_HEADER.index(c) for c in columns]
    table = [columns] + [[row[i] for i in keep] for row in rows]
    return write_csv(tmp_path / name, table)


def _stored(load) -> dict[str, tuple]:
    return {row[0]: row for row in query(load.db, PROCEDURE)}


@pytest.mark.parametrize(
    "dropped",
    [
        ["Cơ quan thực hiện", "Liên quan kinh doanh"],  # the example
        ["Có phí"],
        ["Mức độ DVC", "Phi địa giới"],
        ["Thời hạn giải quyết"],
        ["Lĩnh vực", "Cơ quan thực hiện", "Mức độ DVC", "Phi địa giới", "Thời hạn giải quyết",
         "Có phí", "Liên quan kinh doanh"],  # codes, names and levels only
    ],
    ids=["agency-business", "fee", "service-boundary", "legal-days", "code-name-level"],
)  # fmt: skip
def test_a_partial_catalog_keeps_the_columns_it_lacks(
    tmp_path: Path, load, dropped: list[str]
) -> None:
    load()  # the full catalog
    before = _stored(load)
    renamed = [row[:1] + [row[1] + " (sửa đổi)"] + row[2:] for row in CATALOG_ROWS]
    columns = [c for c in CATALOG_HEADER if c not in dropped]
    (result,) = load(
        _catalog_part(tmp_path, columns, renamed, "danh-muc-sua.csv"), with_catalog=False
    )
    assert (result.rows_loaded, result.reasons) == (len(CATALOG_ROWS), {})
    after = _stored(load)
    for code, row in after.items():
        assert row[1] == before[code][1] + " (sửa đổi)"  # what the file has is updated
        assert row[2:] == before[code][2:]  # nothing it lacks is erased
    assert after["2.001583"][4] == "31.STC" and after["2.001583"][9] is True


def test_values_the_file_has_replace_the_stored_ones(tmp_path: Path, load) -> None:
    load()
    rows = [["2.001583", "Thành lập công ty", "Doanh nghiệp", "Cấp tỉnh", "Sở Tư pháp", "Không"]]
    columns = [
        "Mã TTHC",
        "Tên thủ tục",
        "Lĩnh vực",
        "Cấp thực hiện",
        "Cơ quan thực hiện",
        "Liên quan kinh doanh",
    ]
    write_csv(tmp_path / "sua.csv", [columns, *rows])
    (result,) = load(tmp_path / "sua.csv", with_catalog=False)
    assert result.rows_loaded == 1
    stored = _stored(load)["2.001583"]
    assert (stored[4], stored[9], stored[8]) == ("31.STP", False, True)  # has_fee untouched


def test_a_new_procedure_without_a_column_it_needs_is_rejected_with_the_labels(
    tmp_path: Path, load
) -> None:
    load()
    columns = ["Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Lĩnh vực"]
    rows = [
        ["1.001193", "Đăng ký khai sinh (mới)", "Cấp xã", "Hộ tịch"],  # stored: updated
        ["1.099999", "Thủ tục mới", "Cấp xã", "Hộ tịch"],  # new: not enough to store it
    ]
    (result,) = load(write_csv(tmp_path / "moi.csv", [columns, *rows]), with_catalog=False)
    assert (result.rows_loaded, result.reasons) == (1, {"missing_required": 1})
    (detail,) = query(load.db, "select detail from rejected_rows")[0]
    for label in ("Mức độ DVC", "Phi địa giới", "Có phí, lệ phí", "Liên quan hoạt động kinh doanh"):
        assert label in detail
    assert "online_service" not in detail
    assert "1.099999" not in _stored(load)


def test_result_document_is_yes_for_a_new_procedure_and_kept_for_a_stored_one(
    tmp_path: Path, load
) -> None:
    load()  # the catalog has no "kết quả là giấy tờ" column: yes for all
    assert {row[10] for row in _stored(load).values()} == {True}
    columns = ["Mã TTHC", "Tên thủ tục", "Cấp thực hiện", "Kết quả là giấy tờ"]
    rows = [
        ["1.001193", "Đăng ký khai sinh", "Cấp xã", "Không"],
        ["2.000815", "Chứng thực", "Cấp xã", ""],
    ]
    load(write_csv(tmp_path / "giay-to.csv", [columns, *rows]), with_catalog=False)
    stored = _stored(load)
    assert (stored["1.001193"][10], stored["2.000815"][10]) == (False, True)
    load(
        write_csv(
            tmp_path / "giay-to-2.csv", [columns, ["1.001193", "Đăng ký khai sinh", "Cấp xã", ""]]
        ),
        with_catalog=False,
    )
    assert _stored(load)["1.001193"][10] is False  # an empty cell keeps what is stored


def test_an_empty_field_keeps_a_stored_procedure_and_refuses_a_new_one(
    tmp_path: Path, load
) -> None:
    load()
    rows = [row[:2] + [""] + row[3:] for row in CATALOG_ROWS[:1]]
    rows.append(
        ["1.099998", "Thủ tục khác", "", "Cấp xã", "", "Toàn trình", "Có", "1", "Không", "Không"]
    )
    (result,) = load(write_csv(tmp_path / "trong.csv", [CATALOG_HEADER, *rows]), with_catalog=False)
    assert (result.rows_loaded, result.reasons) == (1, {"missing_required": 1})
    assert _stored(load)["1.001193"][2] == "Hộ tịch"


def test_a_plans_file_updates_only_its_columns(tmp_path: Path, load) -> None:
    load(write_csv(tmp_path / "phuong-an.csv", [PLAN_HEADER, PLAN]))
    columns = ["Mã TTHC", "Thời gian trước cắt giảm", "Thời gian sau cắt giảm"]
    (result,) = load(
        write_csv(tmp_path / "sua.csv", [columns, ["2.001583", "4", "2"]]), with_catalog=False
    )
    assert (result.rows_loaded, result.reasons) == (1, {})
    assert query(load.db, "select * from simplifications") == [
        (
            "2.001583",
            "1234/QĐ-UBND",
            "31.STC",
            4.0,
            2.0,
            "da_thuc_hien",
            query(load.db, "select decided_on from simplifications")[0][0],
        ),
    ]


def test_a_new_plan_without_its_status_column_is_rejected(tmp_path: Path, load) -> None:
    columns = ["Mã TTHC", "Thời gian trước cắt giảm", "Thời gian sau cắt giảm"]
    (result,) = load(write_csv(tmp_path / "moi.csv", [columns, ["2.001583", "4", "2"]]))
    assert (result.rows_loaded, result.reasons) == (0, {"missing_required": 1})
    (detail,) = query(load.db, "select detail from rejected_rows")[0]
    assert "Trạng thái" in detail


def _refusal(tmp_path: Path, header: list[str]) -> str:
    path = write_csv(tmp_path / "tep.csv", [header, ["x"] * len(header)])
    run = subprocess.run(
        [sys.executable, "-m", "etl", "load", str(path), "--db", str(tmp_path / "w.duckdb")],
        cwd=PROJECT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    errors = [line for line in lines if line.startswith("Lỗi: ")]
    assert len(errors) == 1 and str(path) in errors[0], run.stderr
    return errors[0]


INTERNAL_NAMES = set(CATALOG_FIELDS) | set(PLAN_FIELDS) | {"application_id", "unit", "channel"}


@pytest.mark.parametrize(
    ("header", "kind", "missing"),
    [
        (["Mã TTHC", "Tên thủ tục", "Lĩnh vực", "Cơ quan thực hiện", "Mức độ DVC"], "danh mục TTHC", ["Cấp thực hiện"]),
        (["Mã TTHC", "Tên thủ tục", "Lĩnh vực"], "danh mục TTHC", ["Cấp thực hiện"]),
        (["Mã TTHC", "Lĩnh vực", "Cấp thực hiện", "Phi địa giới"], "danh mục TTHC", ["Tên thủ tục"]),
        (["Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Có phí"], "danh mục TTHC", ["Mã TTHC"]),
        (["Mã TTHC", "Số quyết định", "Thời gian trước cắt giảm"], "phương án đơn giản hóa", ["Thời gian sau cắt giảm"]),
        (["Mã hồ sơ", "Mã TTHC", "Đơn vị tiếp nhận", "Ngày tiếp nhận", "Ngày hẹn trả"], "hồ sơ", ["Trạng thái", "Kênh nộp"]),
    ],
    ids=["catalog-no-level", "catalog-code-name-field", "catalog-no-name", "catalog-no-code", "plans-no-after", "records-no-status-channel"],
)  # fmt: skip
def test_missing_required_columns_are_named_by_their_labels_for_the_right_kind(
    tmp_path: Path, header: list[str], kind: str, missing: list[str]
) -> None:
    message = _refusal(tmp_path, header)
    assert f"tệp giống {kind} nhưng thiếu cột bắt buộc: {', '.join(missing)}" in message
    words = set(message.replace(",", " ").replace(":", " ").split())
    assert not words & INTERNAL_NAMES, message
