"""Why a row was kept out of the warehouse: every reason code and the words people read for it.

`rejected_rows.reason` holds the code; the command line, the upload page and the data-quality
page show the label in the reader's language. A new rule adds its code here, nowhere else.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["vi", "en"]

# code -> (Vietnamese, English)
REASONS: dict[str, tuple[str, str]] = {
    "missing_required": ("Thiếu trường bắt buộc", "Required field missing"),
    "bad_date": ("Ngày không hợp lệ", "Invalid date"),
    "future_date": ("Ngày sau ngày nạp dữ liệu", "Date after the day of loading"),
    "unknown_unit": ("Không rõ đơn vị", "Unknown unit"),
    "unknown_procedure": ("Không rõ thủ tục", "Unknown procedure"),
    "unknown_agency": ("Không rõ sở, ngành", "Unknown agency"),
    "finished_before_received": ("Kết thúc trước khi tiếp nhận", "Finished before received"),
    "due_before_received": ("Hẹn trả trước khi tiếp nhận", "Due before received"),
    "supplement_before_received": (
        "Yêu cầu bổ sung trước khi tiếp nhận",
        "Supplement requested before received",
    ),
    "supplement_done_before_requested": (
        "Bổ sung trước khi được yêu cầu",
        "Supplement done before it was requested",
    ),
    "bad_status": ("Trạng thái không hợp lệ", "Invalid status"),
    "bad_channel": ("Kênh nộp không hợp lệ", "Invalid channel"),
    "bad_value": ("Giá trị không hợp lệ", "Invalid value"),
    "duplicate_in_file": ("Dòng lặp lại trong cùng tệp", "Repeated row in the same file"),
    "superseded_in_file": (
        "Có bản mới hơn trong cùng tệp",
        "A newer version is in the same file",
    ),
    # Staffing files (issue 16).
    "negative_count": ("Số lượng âm", "Negative count"),
    "unknown_field": ("Không rõ lĩnh vực hoặc phòng", "Unknown field or office"),
    "candidates_without_request": (
        "Người có nguyện vọng vượt số đề nghị",
        "Candidates without a request",
    ),
    "misaligned_row": (
        "Số ô không khớp dòng tiêu đề",
        "Cells do not line up with the header",
    ),
}


def reason_label(code: str, lang: Lang = "vi") -> str:
    """The label of a reason code; an unknown code (from a newer warehouse) is shown as is."""
    labels = REASONS.get(code)
    if labels is None:
        return code
    return labels[0] if lang == "vi" else labels[1]
