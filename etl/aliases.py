"""Column labels and code values as the one-stop systems export them.

Every label is compared through `etl.text.header_key` (case, accents, spacing and
punctuation folded), so one entry covers "Mã hồ sơ", "MÃ HỒ SƠ", "Ma ho so" and "MaHoSo".
Add a new export's labels here; nothing else needs to change.
"""

from __future__ import annotations

from etl.text import header_key

APPLICATION_FIELDS: dict[str, tuple[str, ...]] = {
    "application_id": (
        "Mã hồ sơ",
        "Mã số hồ sơ",
        "Số hồ sơ",
        "MaHoSo",
        "Application ID",
        "application_id",
    ),
    "procedure_code": (
        "Mã TTHC",
        "Mã thủ tục",
        "Mã thủ tục hành chính",
        "MaTTHC",
        "Procedure code",
        "procedure_code",
    ),
    "unit": (
        "Đơn vị tiếp nhận",
        "Cơ quan tiếp nhận",
        "Nơi tiếp nhận",
        "Đơn vị",
        "TenDonVi",
        "MaDonVi",
        "Mã đơn vị",
        "Unit",
        "unit",
        "unit_code",
    ),
    "received_at": (
        "Ngày tiếp nhận",
        "Thời gian tiếp nhận",
        "NgayTiepNhan",
        "Received at",
        "received_at",
    ),
    "due_at": (
        "Ngày hẹn trả",
        "Hạn trả kết quả",
        "Ngày hẹn trả kết quả",
        "NgayHenTra",
        "Due at",
        "due_at",
    ),
    "finished_at": (
        "Ngày có kết quả",
        "Ngày kết thúc xử lý",
        "Ngày hoàn thành",
        "NgayKetThucXuLy",
        "Finished at",
        "finished_at",
    ),
    "returned_at": ("Ngày trả kết quả", "NgayTra", "NgayTraKetQua", "Returned at", "returned_at"),
    "status": ("Trạng thái", "Trạng thái hồ sơ", "TrangThaiHoSo", "Status", "status"),
    "channel": (
        "Kênh nộp",
        "Hình thức nộp",
        "Kênh thực hiện",
        "KenhThucHien",
        "Channel",
        "channel",
    ),
    "paid_online": (
        "Thanh toán trực tuyến",
        "DuocThanhToanTrucTuyen",
        "Paid online",
        "paid_online",
    ),
    "digitized": (
        "Số hóa",
        "Số hoá",
        "Số hóa hồ sơ",
        "HoSoCoThanhPhanSoHoa",
        "Digitized",
        "digitized",
    ),
    "e_result": ("Kết quả điện tử", "Có kết quả điện tử", "KetQuaDienTu", "E-result", "e_result"),
    "supplement_count": ("Số lần bổ sung", "SoLanBoSung", "Supplements", "supplement_count"),
    "supplement_requested_at": (
        "Ngày yêu cầu bổ sung",
        "NgayYeuCauBoSung",
        "Supplement requested at",
        "supplement_requested_at",
    ),
    "supplement_done_at": (
        "Ngày công dân bổ sung",
        "Ngày bổ sung",
        "NgayCongDanBoSung",
        "Supplement done at",
        "supplement_done_at",
    ),
    "reused_data": (
        "Tái sử dụng dữ liệu số hóa",
        "Tái sử dụng dữ liệu",
        "DuocLayTuKhoDMQG",
        "Reused data",
        "reused_data",
    ),
    "procedure_name": ("Tên TTHC", "Tên thủ tục", "TenTTHC", "Procedure name", "procedure_name"),
    "field": ("Lĩnh vực", "LinhVuc", "Field", "field"),
}
APPLICATION_REQUIRED = (
    "application_id",
    "procedure_code",
    "unit",
    "received_at",
    "due_at",
    "status",
    "channel",
)
# Fields of a filing record that exports may leave out; a file without one is recorded as
# lacking it for the months it covers (`file_columns`), so indicators can say "thiếu dữ liệu".
APPLICATION_OPTIONAL = (
    "returned_at",
    "paid_online",
    "digitized",
    "e_result",
    "supplement_count",
    "supplement_requested_at",
    "supplement_done_at",
    "reused_data",
)

CATALOG_FIELDS: dict[str, tuple[str, ...]] = {
    "procedure_code": APPLICATION_FIELDS["procedure_code"],
    "name": ("Tên thủ tục", "Tên TTHC", "Tên thủ tục hành chính", "TenTTHC", "Name", "name"),
    "field": APPLICATION_FIELDS["field"],
    "level": ("Cấp thực hiện", "Cấp", "CapThucHien", "Level", "level"),
    "agency": (
        "Cơ quan thực hiện",
        "Cơ quan giải quyết",
        "CoQuanThucHien",
        "Agency",
        "agency",
        "agency_code",
    ),
    "online_service": (
        "Mức độ DVC",
        "Mức độ dịch vụ công",
        "Dịch vụ công trực tuyến",
        "MucDo",
        "Online service",
        "online_service",
    ),
    "non_boundary": (
        "Phi địa giới",
        "Thực hiện phi địa giới hành chính",
        "Phi địa giới hành chính",
        "PhiDiaGioi",
        "Non boundary",
        "non_boundary",
    ),
    "legal_days": (
        "Thời hạn giải quyết",
        "Thời hạn giải quyết (ngày)",
        "ThoiHanGiaiQuyet",
        "Legal days",
        "legal_days",
    ),
    "has_fee": ("Có phí, lệ phí", "Phí, lệ phí", "Có phí", "CoPhi", "Has fee", "has_fee"),
    "result_document": (
        "Kết quả là giấy tờ",
        "Có kết quả là giấy tờ",
        "KetQuaLaGiayTo",
        "Result document",
        "result_document",
    ),
    "business_related": (
        "Liên quan hoạt động kinh doanh",
        "Liên quan kinh doanh",
        "LienQuanKinhDoanh",
        "Business related",
        "business_related",
    ),
}
# Without these a catalog row cannot be told apart or placed; every other column is an update.
CATALOG_REQUIRED = ("procedure_code", "name", "level")

PLAN_FIELDS: dict[str, tuple[str, ...]] = {
    "procedure_code": APPLICATION_FIELDS["procedure_code"],
    "plan": ("Số quyết định", "Phương án", "Quyết định", "SoQuyetDinh", "Plan", "plan"),
    "agency": CATALOG_FIELDS["agency"],
    "days_before": (
        "Thời gian trước cắt giảm",
        "Thời hạn hiện hành",
        "Số ngày trước",
        "ThoiGianTruoc",
        "Days before",
        "days_before",
    ),
    "days_after": (
        "Thời gian sau cắt giảm",
        "Thời hạn sau đơn giản hóa",
        "Số ngày sau",
        "ThoiGianSau",
        "Days after",
        "days_after",
    ),
    "status": ("Trạng thái", "Tình trạng", "TrangThai", "Status", "status"),
    "decided_on": ("Ngày quyết định", "Ngày ban hành", "NgayQuyetDinh", "Decided on", "decided_on"),
}
PLAN_REQUIRED = ("procedure_code", "days_before", "days_after")

# Staffing of a unit by office or field (DATA_SPEC §1.4): counts only, never names.
STAFFING_FIELDS: dict[str, tuple[str, ...]] = {
    "unit": APPLICATION_FIELDS["unit"] + ("Địa phương", "Phường, xã", "Cơ quan"),
    "office": (
        "Phòng chuyên môn", "Phòng", "Cơ quan chuyên môn", "PhongChuyenMon", "Office", "office",
    ),
    "field": ("Lĩnh vực", "Lĩnh vực chuyên môn", "LinhVuc", "Field", "field"),
    "officials": (
        "Công chức hiện có", "Số công chức", "Số cán bộ hiện có", "Cán bộ, công chức hiện có",
        "SoCongChuc", "Officials", "officials",
    ),
    "positions": ("Biên chế được giao", "Biên chế", "BienChe", "Positions", "positions"),
    "transfer_requests": (
        "Số đề nghị điều động, biệt phái", "Đề nghị điều động, biệt phái", "Số đề nghị điều động",
        "Đề nghị tăng cường", "SoDeNghi", "Transfer requests", "transfer_requests",
    ),
    "candidates": (
        "Số người có nguyện vọng", "Người có nguyện vọng", "Số trường hợp đã xác định",
        "SoNguyenVong", "Candidates", "candidates",
    ),
    "as_of": ("Ngày số liệu", "Số liệu đến ngày", "Tính đến ngày", "NgaySoLieu", "As of", "as_of"),
}  # fmt: skip
STAFFING_REQUIRED = ("unit", "officials", "transfer_requests", "candidates", "as_of")

# Kinds of export: their fields, the fields a file of that kind cannot lack, and its name.
FIELDS_BY_KIND: dict[str, dict[str, tuple[str, ...]]] = {
    "applications": APPLICATION_FIELDS,
    "catalog": CATALOG_FIELDS,
    "plans": PLAN_FIELDS,
    "staffing": STAFFING_FIELDS,
}
REQUIRED_BY_KIND: dict[str, tuple[str, ...]] = {
    "applications": APPLICATION_REQUIRED,
    "catalog": CATALOG_REQUIRED,
    "plans": PLAN_REQUIRED,
    "staffing": STAFFING_REQUIRED,
}
KIND_LABELS = {
    "applications": "hồ sơ",
    "catalog": "danh mục TTHC",
    "plans": "phương án đơn giản hóa",
    "staffing": "biên chế, nhân sự",
}


def field_label(kind: str, field: str) -> str:
    """The column label a person knows a field by: the first alias of its kind."""
    return FIELDS_BY_KIND[kind][field][0]


# Columns that hold personal data. They are recognised only so that the reader can say it
# dropped them; whatever is not a known field above is never stored, recognised or not.
PERSONAL_FIELDS: tuple[str, ...] = (
    "Chủ hồ sơ",
    "Người nộp",
    "Người nộp hồ sơ",
    "Họ và tên",
    "Họ tên",
    "Số giấy tờ",
    "CCCD",
    "Số CCCD",
    "CMND",
    "Số định danh",
    "Địa chỉ",
    "Số điện thoại",
    "Điện thoại",
    "Email",
    "Ngày sinh",
    "ChuHoSo",
    "SoGiayTo",
    "DiaChi",
    "SoDienThoai",
    "Số hộ chiếu",
    "Địa chỉ thường trú",
    "Nơi thường trú",
    "Người đại diện",
    "Giới tính",
    "Quê quán",
    "SoCCCD",
    "SoCMND",
    "EmailChuHoSo",
)

# Status names of the national sync list (GLOSSARY.md), by code.
STATUS_NAMES: dict[int, str] = {
    1: "Mới đăng ký",
    2: "Được tiếp nhận",
    3: "Không được tiếp nhận",
    4: "Đang xử lý",
    5: "Yêu cầu bổ sung giấy tờ",
    6: "Yêu cầu thực hiện nghĩa vụ tài chính",
    7: "Công dân yêu cầu rút hồ sơ",
    8: "Dừng xử lý",
    9: "Đã xử lý xong",
    10: "Đã trả kết quả",
}
CHANNEL_NAMES: dict[int, str] = {1: "Trực tiếp", 2: "Trực tuyến", 3: "Bưu chính công ích"}
CHANNEL_EXTRA = {"bcci": 3, "buu chinh": 3, "dich vu buu chinh": 3, "truc tiep": 1, "online": 2}

YES = ("1", "co", "x", "yes", "true", "dung", "y")
NO = ("0", "khong", "", "no", "false", "sai", "n")

LEVELS = {
    "tinh": "tinh",
    "cap tinh": "tinh",
    "xa": "xa",
    "cap xa": "xa",
    "province": "tinh",
    "commune": "xa",
}
ONLINE_SERVICES = {
    "toan trinh": "toan_trinh",
    "toantrinh": "toan_trinh",
    "4": "toan_trinh",
    "muc do 4": "toan_trinh",
    "dvc truc tuyen toan trinh": "toan_trinh",
    "mot phan": "mot_phan",
    "motphan": "mot_phan",
    "3": "mot_phan",
    "muc do 3": "mot_phan",
    "dvc truc tuyen mot phan": "mot_phan",
    "khong": "khong",
    "2": "khong",
    "muc do 2": "khong",
    "": "khong",
    "1": "khong",
}
PLAN_STATUSES = {
    "de xuat": "de_xuat",
    "da phe duyet": "da_phe_duyet",
    "phe duyet": "da_phe_duyet",
    "da thuc hien": "da_thuc_hien",
    "thuc hien": "da_thuc_hien",
}


def alias_index(fields: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Map each label's `header_key` to its canonical field name."""
    return {header_key(label): field for field, labels in fields.items() for label in labels}


PERSONAL_KEYS = frozenset(header_key(label) for label in PERSONAL_FIELDS)
