"""Every string a person reads, in Vietnamese (default) and English, keyed by an id.

Pages and helpers never write user-facing text inline: they call `t(id, lang, **values)`.
Adding a language is adding a column here. Names from the data (units, fields, agencies)
are proper nouns and are shown as the warehouse spells them in both languages.
"""

from __future__ import annotations

from ui.format import Lang

STRINGS: dict[str, tuple[str, str]] = {
    # Shell
    "app.title": ("Thống kê thủ tục hành chính", "Administrative procedure statistics"),
    "nav.overview": ("Tổng quan", "Overview"),
    "nav.data_quality": ("Chất lượng dữ liệu", "Data quality"),
    "lang.label": ("Ngôn ngữ / Language", "Ngôn ngữ / Language"),
    "page.no_shell": (
        "Trang này chỉ mở được qua ứng dụng chính: chạy `streamlit run app.py`.",
        "Open this page through the main app: run `streamlit run app.py`.",
    ),
    # Filter bar
    "filters.header": ("Bộ lọc", "Filters"),
    "filters.period": ("Thời gian", "Period"),
    "filters.period_help": (
        "Các mốc tính đến ngày có dữ liệu mới nhất ({data_end}).",
        "Presets count up to the latest day with data ({data_end}).",
    ),
    "filters.dates": ("Từ ngày – đến ngày", "From – to"),
    "filters.level": ("Cấp thủ tục", "Procedure level"),
    "filters.kind": ("Loại đơn vị", "Unit type"),
    "filters.units": ("Phường, xã, đặc khu", "Wards and communes"),
    "filters.fields": ("Lĩnh vực", "Field"),
    "filters.agencies": ("Cơ quan (sở, ngành)", "Agency"),
    "filters.channel": ("Kênh nộp", "Channel"),
    "filters.all": ("Tất cả — gõ để tìm", "All — type to search"),
    "filters.empty_means_all": ("Không chọn là tất cả.", "None selected means all."),
    "filters.reset": ("Đặt lại bộ lọc", "Reset filters"),
    "preset.this_month": ("Tháng này", "This month"),
    "preset.last_month": ("Tháng trước", "Last month"),
    "preset.this_quarter": ("Quý này", "This quarter"),
    "preset.year_to_date": ("Từ đầu năm", "Year to date"),
    "preset.since_reform": ("Từ 01/07/2025", "Since 01/07/2025"),
    "preset.custom": ("Tùy chọn", "Custom range"),
    "level.tinh": ("Cấp tỉnh", "Provincial"),
    "level.xa": ("Cấp xã", "Commune"),
    "kind.phuong": ("Phường", "Ward"),
    "kind.xa": ("Xã", "Commune"),
    "kind.dac_khu": ("Đặc khu", "Special zone"),
    "channel.1": ("Trực tiếp", "In person"),
    "channel.2": ("Trực tuyến", "Online"),
    "channel.3": ("Bưu chính công ích", "Public postal service"),
    # Freshness line
    "freshness.text": (
        "Dữ liệu đến ngày {data_end} · nạp lúc {loaded_at} · {applications} hồ sơ",
        "Data up to {data_end} · loaded {loaded_at} · {applications} applications",
    ),
    "freshness.rejected": ("{rejected} dòng bị loại", "{rejected} rows rejected"),
    "freshness.unknown": ("chưa rõ", "unknown"),
    # First start and a missing or broken warehouse
    "boot.building": (
        "Lần chạy đầu tiên: đang tạo kho dữ liệu mẫu (khoảng một phút)…",
        "First start: building the sample warehouse (about a minute)…",
    ),
    "boot.waiting": (
        "Một phiên khác đang tạo kho dữ liệu mẫu, vui lòng chờ…",
        "Another session is building the sample warehouse, please wait…",
    ),
    "boot.built": ("Đã tạo xong kho dữ liệu mẫu.", "The sample warehouse is ready."),
    "boot.missing": (
        "Chưa có kho dữ liệu tại `{path}`.",
        "There is no warehouse at `{path}` yet.",
    ),
    "boot.build_failed": (
        "Không tạo được kho dữ liệu mẫu.",
        "The sample warehouse could not be built.",
    ),
    "boot.broken": (
        "Không đọc được kho dữ liệu tại `{path}`: tệp hỏng, nạp dở hoặc do phiên bản cũ tạo ra.",
        "The warehouse at `{path}` cannot be read: the file is damaged, half-loaded or made "
        "by an older version.",
    ),
    "boot.what_to_run": (
        "Trong thư mục dự án, chạy lệnh sau rồi tải lại trang:",
        "In the project folder, run this command, then reload the page:",
    ),
    "boot.detail": ("Chi tiết kỹ thuật: {detail}", "Technical detail: {detail}"),
    # Page headers and chart scopes
    "overview.title": (
        "Tổng quan giải quyết thủ tục hành chính",
        "Overview of administrative procedures",
    ),
    "scope.units": ("{count} đơn vị đã chọn", "{count} selected units"),
    "scope.filtered": ("đã lọc", "filtered"),
    "scope.line": ("{where}, {period}", "{where}, {period}"),
    "empty.no_data": (
        "Không có hồ sơ nào khớp bộ lọc trong kỳ này.",
        "No applications match the filters in this period.",
    ),
    # KPI cards
    "kpi.received": ("Tiếp nhận mới", "Received"),
    "kpi.resolved": ("Đã giải quyết", "Resolved"),
    "kpi.resolution_rate": ("Tỷ lệ giải quyết", "Resolution rate"),
    "kpi.on_time_rate": ("Tỷ lệ đúng hạn", "On-time rate"),
    "kpi.online_share": ("Tỷ lệ trực tuyến", "Online share"),
    "kpi.overdue": ("Đang giải quyết quá hạn", "In progress, overdue"),
    "kpi.average_days": ("Thời gian giải quyết TB", "Average processing time"),
    "kpi.online_payment_rate": ("Thanh toán trực tuyến", "Online payment rate"),
    "kpi.digitisation_rate": ("Tỷ lệ số hóa hồ sơ", "Digitisation rate"),
    "unit.days": ("{value} ngày", "{value} days"),
    "unit.points": ("{value} điểm %", "{value} pts"),
    "help.received": (
        "Hồ sơ có ngày tiếp nhận trong kỳ. Từ kỳ trước chuyển sang: {carried_in}.",
        "Applications received in the period. Carried in from before: {carried_in}.",
    ),
    "help.resolved": (
        "Hồ sơ xử lý xong (trạng thái 9, 10) trong kỳ: {early} trước hạn, {on_time} đúng hạn, "
        "{late} quá hạn.",
        "Finished (status 9, 10) in the period: {early} early, {on_time} on time, {late} late.",
    ),
    "help.resolution_rate": (
        "Đã giải quyết / cần giải quyết = {num} / {den} (cần giải quyết = tiếp nhận mới "
        "{received} + từ kỳ trước {carried_in}).",
        "Resolved / to handle = {num} / {den} (to handle = received {received} + carried in "
        "{carried_in}).",
    ),
    "help.on_time_rate": (
        "1 − (giải quyết quá hạn + đang quá hạn) / cần giải quyết = 1 − ({late} + {overdue}) / "
        "{den} = {num} / {den}.",
        "1 − (resolved late + overdue) / to handle = 1 − ({late} + {overdue}) / {den} = "
        "{num} / {den}.",
    ),
    "help.online_share": (
        "Tiếp nhận trực tuyến / tiếp nhận mới = {num} / {den}.",
        "Received online / received = {num} / {den}.",
    ),
    "help.overdue": (
        "Hồ sơ chưa xong vào ngày {end} và đã quá ngày hẹn trả. Đang giải quyết: {in_progress}, "
        "trong hạn: {within}.",
        "Unfinished on {end} and past the due date. In progress: {in_progress}, within "
        "deadline: {within}.",
    ),
    "help.average_days": (
        "Trung bình (ngày có kết quả − ngày tiếp nhận) của {den} hồ sơ đã giải quyết = "
        "{num} ngày / {den}.",
        "Mean of (finished − received) over {den} resolved applications = {num} days / {den}.",
    ),
    "help.online_payment_rate": (
        "Thanh toán trực tuyến / hồ sơ của thủ tục có phí, lệ phí = {num} / {den}.",
        "Paid online / received applications of procedures with a fee = {num} / {den}.",
    ),
    "help.digitisation_rate": (
        "Hồ sơ được số hóa / tiếp nhận mới = {num} / {den}.",
        "Digitised / received = {num} / {den}.",
    ),
    "delta.previous": (
        "Mũi tên: so với kỳ trước cùng độ dài ({period}).",
        "Arrows: change against the previous period of equal length ({period}).",
    ),
    "delta.year": ("Cùng kỳ năm trước ({period}): {delta}", "A year earlier ({period}): {delta}"),
    "delta.none": (
        "Chưa có dữ liệu kỳ trước để so sánh.",
        "No data for the previous period to compare with.",
    ),
    "target.met": ("Đạt mục tiêu {target}", "Meets target {target}"),
    "target.near": ("Gần mục tiêu {target}", "Close to target {target}"),
    "target.missed": ("Chưa đạt mục tiêu {target}", "Below target {target}"),
    # Overview sections and charts
    "section.trend": ("Diễn biến theo thời gian", "Over time"),
    "section.mix": ("Kênh nộp và tình hình giải quyết", "Channels and handling status"),
    "section.units": ("Phường, xã, đặc khu", "Wards and communes"),
    "section.fields": ("Lĩnh vực", "Fields"),
    "grain.label": ("Chia theo", "Group by"),
    "grain.auto": ("Tự động", "Automatic"),
    "grain.day": ("ngày", "day"),
    "grain.week": ("tuần", "week"),
    "grain.month": ("tháng", "month"),
    "chart.trend": (
        "Hồ sơ tiếp nhận và đã giải quyết theo {grain}",
        "Applications received and resolved per {grain}",
    ),
    "chart.channels": (
        "Kênh tiếp nhận hồ sơ",
        "Channels of received applications",
    ),
    "chart.status": (
        "Tình hình giải quyết (Biểu II.06a)",
        "Handling status (form II.06a)",
    ),
    "chart.units_best": (
        "10 đơn vị có {measure} cao nhất",
        "10 units with the highest {measure}",
    ),
    "chart.units_worst": (
        "10 đơn vị có {measure} thấp nhất",
        "10 units with the lowest {measure}",
    ),
    "chart.fields": (
        "Hồ sơ tiếp nhận và trễ hạn theo lĩnh vực",
        "Received and late applications by field",
    ),
    "series.received": ("Tiếp nhận", "Received"),
    "series.resolved": ("Đã giải quyết", "Resolved"),
    "series.online_share": ("Tỷ lệ trực tuyến", "Online share"),
    "series.late": ("Trễ hạn", "Late"),
    "axis.applications": ("Hồ sơ", "Applications"),
    "hover.days": ("Ngày {first}–{last}", "Days {first}–{last}"),
    "hover.ratio": ("{num} / {den} = {rate}", "{num} / {den} = {rate}"),
    "hover.late": (
        "Trễ hạn: {late} = giải quyết quá hạn {resolved_late} + đang quá hạn {overdue}",
        "Late: {late} = resolved late {resolved_late} + overdue {overdue}",
    ),
    "status.resolved_early": ("Giải quyết trước hạn", "Resolved early"),
    "status.resolved_on_time": ("Giải quyết đúng hạn", "Resolved on time"),
    "status.resolved_late": ("Giải quyết quá hạn", "Resolved late"),
    "status.in_progress_within": ("Đang giải quyết trong hạn", "In progress, within deadline"),
    "status.overdue": ("Đang giải quyết quá hạn", "In progress, overdue"),
    "status.share": (
        "{count} / {den} cần giải quyết = {rate}",
        "{count} / {den} to handle = {rate}",
    ),
    "rank.label": ("Xếp hạng theo", "Rank by"),
    "rank.on_time_rate": ("tỷ lệ đúng hạn", "on-time rate"),
    "rank.online_share": ("tỷ lệ trực tuyến", "online share"),
    "rank.hint": (
        "Bấm vào một đơn vị để lọc cả trang theo đơn vị đó. Chỉ xếp hạng đơn vị có từ {min} hồ sơ.",
        "Click a unit to filter every chart by it. Units with fewer than {min} applications "
        "are not ranked.",
    ),
    "rank.empty": (
        "Không có đơn vị nào đủ số hồ sơ để xếp hạng.",
        "No unit has enough applications to be ranked.",
    ),
    "fields.note": (
        "{shown} lĩnh vực nhiều hồ sơ nhất trong {total} lĩnh vực có hồ sơ.",
        "The {shown} busiest of {total} fields with applications.",
    ),
    # Data-quality page
    "dq.title": ("Chất lượng dữ liệu", "Data quality"),
    "dq.intro": (
        "Dòng nào trong tệp xuất không dùng được đều được giữ lại cùng lý do, không bỏ sót. "
        "Bộ lọc bên trái không áp dụng cho trang này.",
        "Every unusable row of an export is kept with its reason; nothing is dropped. "
        "The filters on the left do not apply to this page.",
    ),
    "dq.reasons": ("Dòng bị loại theo lý do", "Rejected rows by reason"),
    "dq.rows": ("Dòng bị loại ({shown} dòng đầu)", "Rejected rows (first {shown})"),
    "dq.loads": ("Các lần nạp tệp", "File loads"),
    "dq.none": ("Không có dòng nào bị loại.", "No rows were rejected."),
    "col.file_name": ("Tệp", "File"),
    "col.kind": ("Loại tệp", "Kind"),
    "col.rows_read": ("Số dòng đọc", "Rows read"),
    "col.rows_loaded": ("Đã nạp", "Loaded"),
    "col.rows_rejected": ("Bị loại", "Rejected"),
    "col.started_at": ("Bắt đầu", "Started"),
    "col.finished_at": ("Kết thúc", "Finished"),
    "col.outcome": ("Kết quả", "Outcome"),
    "col.message": ("Ghi chú", "Message"),
    "col.reason": ("Lý do", "Reason"),
    "col.rows": ("Số dòng", "Rows"),
    "col.files": ("Số tệp", "Files"),
    "col.row_number": ("Dòng số", "Row"),
    "col.detail": ("Chi tiết", "Detail"),
    "outcome.loaded": ("Đã nạp", "Loaded"),
    "outcome.failed": ("Lỗi", "Failed"),
    "reason.missing_required": ("Thiếu trường bắt buộc", "Required field missing"),
    "reason.bad_date": ("Ngày không hợp lệ", "Invalid date"),
    "reason.unknown_unit": ("Không rõ đơn vị", "Unknown unit"),
    "reason.unknown_procedure": ("Không rõ thủ tục", "Unknown procedure"),
    "reason.finished_before_received": (
        "Kết thúc trước khi tiếp nhận",
        "Finished before received",
    ),
    "reason.due_before_received": ("Hẹn trả trước khi tiếp nhận", "Due before received"),
    "reason.bad_status": ("Trạng thái không hợp lệ", "Invalid status"),
    "reason.bad_channel": ("Kênh nộp không hợp lệ", "Invalid channel"),
    "reason.duplicate_in_file": ("Dòng lặp lại trong cùng tệp", "Repeated row in the same file"),
}

_COLUMN = {"vi": 0, "en": 1}


def t(key: str, lang: Lang, **values: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled from `values`."""
    text = STRINGS[key][_COLUMN[lang]]
    return text.format(**values) if values else text


def t_or(key: str, fallback: str, lang: Lang) -> str:
    """The text for `key`, or `fallback` when the table has none (e.g. a new reason code)."""
    return t(key, lang) if key in STRINGS else fallback
