"""Small hand-made export files for ETL tests: a catalog, and filing records written in
whichever layout, encoding and delimiter a test wants."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

import xlsxwriter

CATALOG_HEADER = [
    "Mã TTHC", "Tên thủ tục", "Lĩnh vực", "Cấp thực hiện", "Cơ quan thực hiện", "Mức độ DVC",
    "Phi địa giới", "Thời hạn giải quyết", "Có phí", "Liên quan kinh doanh",
]  # fmt: skip
CATALOG_ROWS = [
    ["1.001193", "Đăng ký khai sinh", "Hộ tịch", "Cấp xã", "", "Toàn trình", "Có", "1", "Không", "Không"],
    ["2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực", "Cấp xã", "", "Một phần", "Có", "1", "Có", "Không"],
    ["1.013225", "Cấp giấy phép xây dựng mới nhà ở riêng lẻ", "Xây dựng", "Cấp xã", "", "Một phần", "Không", "15", "Có", "Không"],
    ["2.001583", "Đăng ký thành lập công ty TNHH một thành viên", "Doanh nghiệp", "Cấp tỉnh", "Sở Tài chính", "Toàn trình", "Không", "3", "Có", "Có"],
]  # fmt: skip

# Vietnamese labels of a hand export (layout "report"), national sync names (layout "sync").
VI_LABELS = {
    "application_id": "Mã hồ sơ", "procedure_code": "Mã TTHC", "unit": "Đơn vị tiếp nhận",
    "received_at": "Ngày tiếp nhận", "due_at": "Ngày hẹn trả", "finished_at": "Ngày có kết quả",
    "status": "Trạng thái", "channel": "Kênh nộp", "paid_online": "Thanh toán trực tuyến",
    "digitized": "Số hóa", "owner": "Chủ hồ sơ", "id_number": "Số giấy tờ",
    "phone": "Số điện thoại", "address": "Địa chỉ",
}  # fmt: skip
SYNC_LABELS = {
    "application_id": "MaHoSo", "procedure_code": "MaTTHC", "unit": "MaDonVi",
    "received_at": "NgayTiepNhan", "due_at": "NgayHenTra", "finished_at": "NgayKetThucXuLy",
    "status": "TrangThaiHoSo", "channel": "KenhThucHien", "paid_online": "DuocThanhToanTrucTuyen",
    "digitized": "HoSoCoThanhPhanSoHoa", "owner": "ChuHoSo", "id_number": "SoGiayTo",
    "phone": "SoDienThoai", "address": "DiaChi",
}  # fmt: skip


def application(app_id: str, **overrides: str) -> dict[str, str]:
    """One well-formed filing record (received and resolved on 1/7/2025 at Phường Hồng Bàng)."""
    row = {
        "application_id": app_id,
        "procedure_code": "1.001193",
        "unit": "Phường Hồng Bàng",
        "received_at": "01/07/2025 08:00",
        "due_at": "02/07/2025 17:00",
        "finished_at": "01/07/2025 15:00",
        "status": "10",
        "channel": "2",
        "paid_online": "0",
        "digitized": "1",
        "owner": "Nguyễn Văn Giảthiết",
        "id_number": "031099000123",
        "phone": "0912000111",
        "address": "12 Phố Giả Định, Hồng Bàng",
    }
    row.update(overrides)
    return row


def table(rows: list[dict[str, str]], labels: dict[str, str]) -> list[list[str]]:
    header = [labels[key] for key in rows[0]]
    return [header] + [[row[key] for key in rows[0]] for row in rows]


def cp1258_text(text: str) -> str:
    """Vietnamese as Windows-1258 writes it: tone marks as combining characters."""
    out = []
    for char in unicodedata.normalize("NFC", text):
        try:
            char.encode("cp1258")
            out.append(char)
        except UnicodeEncodeError:
            base, *marks = unicodedata.normalize("NFD", char)
            kept = unicodedata.normalize("NFC", base + "".join(m for m in marks if m not in TONES))
            out.append(kept + "".join(m for m in marks if m in TONES))
    return "".join(out)


# Combining grave, acute, tilde, hook above, dot below: the five Vietnamese tone marks.
TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def write_csv(
    path: Path,
    rows: list[list[str]],
    *,
    delimiter: str = ",",
    encoding: str = "utf-8",
    title_rows: list[str] = (),
    total_row: bool = False,
) -> Path:
    buffer = io.StringIO()
    for title in title_rows:
        buffer.write(title + "\n")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    writer.writerows(rows)
    if total_row:
        writer.writerow(["Tổng cộng"] + [""] * (len(rows[0]) - 1))
    text = buffer.getvalue()
    if encoding == "cp1258":
        text = cp1258_text(text)
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(
    path: Path, rows: list[list[object]], *, title_rows: list[str] = (), total_row: bool = False
) -> Path:
    workbook = xlsxwriter.Workbook(str(path))
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "dd/mm/yyyy hh:mm"})
    offset = 0
    for offset, title in enumerate(title_rows, start=0):
        sheet.write(offset, 0, title)
    start = len(title_rows) + (1 if title_rows else 0)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if hasattr(value, "year"):
                sheet.write_datetime(start + r, c, value, date_format)
            else:
                sheet.write(start + r, c, value)
    if total_row:
        sheet.write(start + len(rows), 0, "Tổng cộng")
    workbook.close()
    return path


def write_catalog(directory: Path) -> Path:
    return write_csv(directory / "danh-muc.csv", [CATALOG_HEADER] + CATALOG_ROWS)
