"""Export layouts of one-stop systems, and how a month's rows look in each.

Five layouts, each a real-world pattern the loader must detect on its own (DATA_SPEC §1):
- NATIONAL: the national sync CSV (UTF-8, comma, field names such as MaHoSo, ISO dates,
  unit codes, status and channel codes, DuocThanhToanTrucTuyen 0/1/2);
- VIETNAMESE_BOM: a Vietnamese-labelled CSV with a UTF-8 BOM, dd/mm/yyyy HH:MM:SS dates,
  unit names, status and channel names, Có/Không;
- LEGACY_1258: an old system's Windows-1258 semicolon file, dd/mm/yyyy HH:MM, status names,
  channel codes, 1/0;
- UNICODE_TEXT: Excel "Unicode text" (UTF-16 with BOM, tab), status codes, channel names;
- REPORT_XLSX: the report spreadsheet with title rows, Excel date cells and a total row.

Header labels are all taken from `etl.aliases`; a test checks that every one resolves.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import timedelta

import polars as pl

from etl.aliases import CHANNEL_NAMES, STATUS_NAMES
from etl.sample.catalog import UNKNOWN_PROCEDURE_CODE


@dataclass(frozen=True)
class Column:
    """A column of a layout: its header `label`, the canonical `field`, and a `style`."""

    label: str
    field: str
    style: str = ""


@dataclass(frozen=True)
class Layout:
    key: str
    extension: str  # "csv" or "xlsx"
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "cp1258" (unused for xlsx)
    separator: str
    line_terminator: str
    date_format: str | None  # strftime pattern; None = Excel date cells
    columns: tuple[Column, ...]

    def column(self, field: str) -> Column:
        return next(column for column in self.columns if column.field == field)


C = Column
NATIONAL = Layout(
    "national",
    "csv",
    "utf-8",
    ",",
    "\n",
    "%Y-%m-%dT%H:%M:%S",
    (
        C("MaHoSo", "application_id"),
        C("MaTTHC", "procedure_code"),
        C("MaDonVi", "unit", "code"),
        C("NgayTiepNhan", "received_at"),
        C("NgayHenTra", "due_at"),
        C("NgayKetThucXuLy", "finished_at"),
        C("NgayTra", "returned_at"),
        C("TrangThaiHoSo", "status", "code"),
        C("KenhThucHien", "channel", "code"),
        C("DuocThanhToanTrucTuyen", "paid_online", "national"),
        C("HoSoCoThanhPhanSoHoa", "digitized", "10"),
        C("KetQuaDienTu", "e_result", "10"),
        C("DuocLayTuKhoDMQG", "reused_data", "10"),
        C("SoLanBoSung", "supplement_count"),
        C("NgayYeuCauBoSung", "supplement_requested_at"),
        C("NgayCongDanBoSung", "supplement_done_at"),
        C("ChuHoSo", "owner"),
        C("SoGiayTo", "id_number"),
    ),
)
VIETNAMESE_BOM = Layout(
    "vietnamese_bom",
    "csv",
    "utf-8-sig",
    ",",
    "\r\n",
    "%d/%m/%Y %H:%M:%S",
    (
        C("STT", "seq"),
        C("Mã hồ sơ", "application_id"),
        C("Mã thủ tục", "procedure_code"),
        C("Tên thủ tục", "procedure_name"),
        C("Lĩnh vực", "field"),
        C("Cơ quan tiếp nhận", "unit", "name"),
        C("Thời gian tiếp nhận", "received_at"),
        C("Hạn trả kết quả", "due_at"),
        C("Ngày hoàn thành", "finished_at"),
        C("Ngày trả kết quả", "returned_at"),
        C("Trạng thái hồ sơ", "status", "name"),
        C("Hình thức nộp", "channel", "name"),
        C("Thanh toán trực tuyến", "paid_online", "co_khong"),
        C("Số hóa hồ sơ", "digitized", "co_khong"),
        C("Có kết quả điện tử", "e_result", "co_khong"),
        C("Tái sử dụng dữ liệu số hóa", "reused_data", "co_khong"),
        C("Số lần bổ sung", "supplement_count"),
        C("Ngày yêu cầu bổ sung", "supplement_requested_at"),
        C("Ngày công dân bổ sung", "supplement_done_at"),
        C("Người nộp hồ sơ", "owner"),
        C("Số CCCD", "id_number"),
        C("Địa chỉ", "address"),
        C("Điện thoại", "phone"),
    ),
)
LEGACY_1258 = Layout(
    "legacy_1258",
    "csv",
    "cp1258",
    ";",
    "\r\n",
    "%d/%m/%Y %H:%M",
    (
        C("Số hồ sơ", "application_id"),
        C("Mã TTHC", "procedure_code"),
        C("Đơn vị tiếp nhận", "unit", "name"),
        C("Ngày tiếp nhận", "received_at"),
        C("Ngày hẹn trả", "due_at"),
        C("Ngày kết thúc xử lý", "finished_at"),
        C("Ngày trả kết quả", "returned_at"),
        C("Trạng thái", "status", "name"),
        C("Kênh nộp", "channel", "code"),
        C("Thanh toán trực tuyến", "paid_online", "10"),
        C("Số hóa", "digitized", "10"),
        C("Chủ hồ sơ", "owner"),
        C("CMND", "id_number"),
        C("Địa chỉ", "address"),
    ),
)
UNICODE_TEXT = replace(
    LEGACY_1258,
    key="unicode_text",
    encoding="utf-16",
    separator="\t",
    columns=(
        C("Mã số hồ sơ", "application_id"),
        C("Mã thủ tục hành chính", "procedure_code"),
        C("Tên TTHC", "procedure_name"),
        C("Nơi tiếp nhận", "unit", "name"),
        C("Ngày tiếp nhận", "received_at"),
        C("Ngày hẹn trả kết quả", "due_at"),
        C("Ngày có kết quả", "finished_at"),
        C("Ngày trả kết quả", "returned_at"),
        C("Trạng thái", "status", "code"),
        C("Kênh thực hiện", "channel", "name"),
        C("Thanh toán trực tuyến", "paid_online", "10"),
        C("Số hoá", "digitized", "10"),
        C("Kết quả điện tử", "e_result", "10"),
        C("Họ và tên", "owner"),
        C("Số định danh", "id_number"),
        C("Số điện thoại", "phone"),
    ),
)
REPORT_XLSX = Layout(
    "report_xlsx",
    "xlsx",
    "",
    "",
    "",
    None,
    (
        C("STT", "seq"),
        C("Mã hồ sơ", "application_id"),
        C("Mã TTHC", "procedure_code"),
        C("Tên TTHC", "procedure_name"),
        C("Lĩnh vực", "field"),
        C("Đơn vị tiếp nhận", "unit", "name"),
        C("Ngày tiếp nhận", "received_at"),
        C("Ngày hẹn trả", "due_at"),
        C("Ngày có kết quả", "finished_at"),
        C("Ngày trả kết quả", "returned_at"),
        C("Trạng thái", "status", "name"),
        C("Kênh nộp", "channel", "name"),
        C("Thanh toán trực tuyến", "paid_online", "co_khong"),
        C("Số hóa", "digitized", "x"),
        C("Chủ hồ sơ", "owner"),
        C("Số giấy tờ", "id_number"),
        C("Địa chỉ", "address"),
        C("Số điện thoại", "phone"),
    ),
)
LAYOUTS = (NATIONAL, VIETNAMESE_BOM, LEGACY_1258, UNICODE_TEXT, REPORT_XLSX)
# Layout of each calendar month's export. The spreadsheet goes to February, the quietest
# month (Tết), because writing XLSX is the slow part of generation.
MONTH_LAYOUTS = {
    7: NATIONAL,
    8: VIETNAMESE_BOM,
    9: LEGACY_1258,
    10: NATIONAL,
    11: UNICODE_TEXT,
    12: NATIONAL,
    1: VIETNAMESE_BOM,
    2: REPORT_XLSX,
    3: LEGACY_1258,
    4: NATIONAL,
    5: UNICODE_TEXT,
    6: NATIONAL,
}

DATE_FIELDS = (
    "received_at",
    "due_at",
    "finished_at",
    "returned_at",
    "supplement_requested_at",
    "supplement_done_at",
)
# Excel counts days from 30 December 1899.
EXCEL_EPOCH = pl.datetime(1899, 12, 30)
BOOL_STYLES = {"10": ("1", "0"), "co_khong": ("Có", "Không"), "x": ("x", None)}


def _bool(expr: pl.Expr, style: str) -> pl.Expr:
    yes, no = BOOL_STYLES[style]
    return pl.when(expr).then(pl.lit(yes)).otherwise(pl.lit(no, dtype=pl.String))


def _value(column: Column, layout: Layout) -> pl.Expr:
    """The expression that writes one column from the canonical state frame."""
    field, style = column.field, column.style
    if field in DATE_FIELDS:
        if layout.date_format is None:
            return (pl.col(field) - EXCEL_EPOCH).dt.total_minutes() / 1440.0
        return pl.col(field).dt.strftime(layout.date_format)
    if field == "unit":
        return pl.col("unit_code") if style == "code" else pl.col("unit_name")
    if field == "status":
        if style == "code":
            return pl.col("status").cast(pl.String)
        return pl.col("status").replace_strict(STATUS_NAMES, return_dtype=pl.String)
    if field == "channel":
        if style == "code":
            return pl.col("channel").cast(pl.String)
        return pl.col("channel").replace_strict(CHANNEL_NAMES, return_dtype=pl.String)
    if field == "paid_online":
        if style == "national":
            return pl.col("paid_online").cast(pl.String)
        return _bool(pl.col("paid_online") == 1, style)
    if field in ("digitized", "e_result", "reused_data"):
        return _bool(pl.col(field), style)
    if field == "supplement_count":
        return pl.col(field).cast(pl.String)
    return pl.col(field)


def format_rows(layout: Layout, states: pl.DataFrame) -> pl.DataFrame:
    """The rows as the layout writes them (without STT, which the writer numbers).

    `states` must hold the canonical fields plus `unit_name`, `procedure_name`, `field`.
    """
    return states.select(
        _value(column, layout).alias(column.label)
        for column in layout.columns
        if column.field != "seq"
    )


# Reasons the loader rejects a row for (DATA_SPEC §2), each made by one defect in a copy of a
# good row of the same file.
REASONS = (
    "missing_required",
    "bad_date",
    "unknown_unit",
    "unknown_procedure",
    "finished_before_received",
    "due_before_received",
    "bad_status",
    "bad_channel",
    "duplicate_in_file",
)
# Bad rows per reason per file: BAD_ROWS_MIN + (file + reason) % BAD_ROWS_SPREAD, i.e. 3–6.
BAD_ROWS_MIN, BAD_ROWS_SPREAD = 3, 4
# A bad row lands up to this many rows after the good row it was copied from.
BAD_ROW_MAX_OFFSET = 40
# Daily numbers of bad rows' application ids start here, far above any real daily count.
BAD_ID_BASE = 90_000


@dataclass(frozen=True)
class BadRow:
    """A bad row, written after good row `after`; `source` is the good row it was copied from
    (its STT, where the layout numbers rows, is the source's, so a duplicate is exact)."""

    after: int
    source: int
    reason: str
    values: dict


def _broken_values(layout: Layout, reason: str, variant: int) -> dict[str, object]:
    """The written values that make a row bad for `reason` (other than shifted dates)."""
    code = layout.column("procedure_code").label
    unit = layout.column("unit")
    status = layout.column("status")
    iso = layout.date_format is not None and layout.date_format.startswith("%Y")
    bad_dates = ("2026-02-31T08:00:00", "abc") if iso else ("31/02/2026 08:00", "abc")
    return {
        "missing_required": {code: ""},
        "bad_date": {layout.column("received_at").label: bad_dates[variant % 2]},
        "unknown_unit": {unit.label: "99999" if unit.style == "code" else "Phường Không Tồn Tại"},
        "unknown_procedure": {code: UNKNOWN_PROCEDURE_CODE},
        "bad_status": {status.label: "42" if status.style == "code" else "Đang chờ"},
        "bad_channel": {layout.column("channel").label: "7"},
    }.get(reason, {})


def _shifted(template: pl.DataFrame, reason: str) -> pl.DataFrame:
    """Copies whose dates contradict each other: finished or due before received."""
    if reason == "finished_before_received":
        return template.with_columns(
            finished_at=pl.col("received_at") - timedelta(days=2),
            returned_at=pl.lit(None, dtype=pl.Datetime("us")),
            status=pl.lit(9, dtype=pl.Int8),
        )
    if reason == "due_before_received":
        return template.with_columns(due_at=pl.col("received_at") - timedelta(days=1))
    return template


def bad_rows(layout: Layout, states: pl.DataFrame, file_index: int, seed: int) -> list[BadRow]:
    """A few rows of every reject reason, copied from finished good rows of the same file."""
    finished = states.with_row_index("row").filter(pl.col("status") == 10)
    if finished.height == 0:
        return []
    rng = random.Random(f"{seed}:bad:{file_index}")
    rows: list[BadRow] = []
    for reason_index, reason in enumerate(REASONS):
        for variant in range(BAD_ROWS_MIN + (file_index + reason_index) % BAD_ROWS_SPREAD):
            template = finished.slice(rng.randrange(finished.height), 1)
            row = int(template["row"][0])
            if reason != "duplicate_in_file":
                prefix = template["application_id"][0].rsplit("-", 1)[0]
                template = template.with_columns(
                    application_id=pl.lit(f"{prefix}-{BAD_ID_BASE + len(rows)}")
                )
            values = format_rows(layout, _shifted(template, reason)).row(0, named=True)
            values.update(_broken_values(layout, reason, variant))
            after = min(row + rng.randint(1, BAD_ROW_MAX_OFFSET), states.height - 1)
            if reason == "duplicate_in_file":
                after = max(after, row)
            rows.append(BadRow(after, row, reason, values))
    return rows
