"""Every string a person reads, in Vietnamese (default) and English, keyed by an id.

Pages and helpers never write user-facing text inline: they call `t(id, lang, **values)`.
Adding a language is adding a column here. Names from the data (units, fields, agencies)
are proper nouns and are shown as the warehouse spells them in both languages.
"""

from __future__ import annotations

from metrics.rankings import MIN_DENOMINATOR
from present.format import Lang

STRINGS: dict[str, tuple[str, str]] = {
    # Shell
    "app.title": ("Thống kê thủ tục hành chính", "Administrative procedure statistics"),
    "nav.overview": ("Tổng quan", "Overview"),
    # Short, so that every page fits the top navigation at 1440 px; the page's title is dq.title.
    "nav.data_quality": ("Dữ liệu", "Data"),
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
    "filters.provinces": ("Tỉnh, thành phố", "Provinces"),
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
    "freshness.short": (
        "Dữ liệu đến ngày {data_end} · nạp lúc {loaded_at}",
        "Data up to {data_end} · loaded {loaded_at}",
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
    "boot.outdated": (
        "Kho dữ liệu tại `{path}` do phiên bản cũ tạo ra, thiếu: {missing}. Số liệu vẫn còn "
        "nguyên; lệnh dưới đây thêm phần còn thiếu và tính lại bảng tổng hợp.",
        "The warehouse at `{path}` was made by an older version and lacks: {missing}. Its data "
        "are intact; the command below adds what is missing and rebuilds the summaries.",
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
    "scope.country": ("Toàn quốc", "Whole country"),
    "scope.provinces": ("{count} tỉnh, thành phố", "{count} provinces"),
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
    "kpi.on_time_rate": ("Tỷ lệ đúng hạn (theo ngày hẹn trả)", "On-time rate (by due date)"),
    "kpi.online_share": ("Tỷ lệ trực tuyến (theo kênh nộp)", "Online share (by channel)"),
    "kpi.overdue": ("Đang giải quyết quá hạn", "In progress, overdue"),
    "kpi.average_days": ("Thời gian giải quyết trung bình", "Average processing time"),
    "kpi.online_payment_rate": ("Thanh toán trực tuyến", "Online payment rate"),
    "kpi.digitisation_rate": ("Tỷ lệ số hóa hồ sơ", "Digitisation rate"),
    "unit.days": ("{value} ngày", "{value} days"),
    "unit.points": ("{value} điểm phần trăm", "{value} percentage points"),
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
        "Mũi tên: so với kỳ trước ({period}; tháng, quý, năm trọn vẹn so với tháng, quý, năm "
        "liền trước, kỳ khác so với kỳ cùng độ dài ngay trước).",
        "Arrows: change against the period before ({period}; a whole month, quarter or year "
        "against the one before it, any other period against as many days just before).",
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
        "Kênh nộp hồ sơ",
        "Channels of received applications",
    ),
    "chart.status": (
        "Tình hình giải quyết (Biểu II.06a)",
        "Handling status (form II.06a)",
    ),
    "chart.units_best": (
        "10 phường, xã, đặc khu có {measure} cao nhất",
        "10 wards and communes with the highest {measure}",
    ),
    "chart.units_worst": (
        "10 phường, xã, đặc khu có {measure} thấp nhất",
        "10 wards and communes with the lowest {measure}",
    ),
    "chart.fields": (
        "Hồ sơ tiếp nhận và quá hạn theo lĩnh vực",
        "Received and late applications by field",
    ),
    "series.received": ("Tiếp nhận", "Received"),
    "series.resolved": ("Đã giải quyết", "Resolved"),
    "series.online_share": ("Tỷ lệ trực tuyến", "Online share"),
    "series.late": ("Quá hạn", "Late"),
    "axis.applications": ("Hồ sơ", "Applications"),
    "hover.days": ("Ngày {first}–{last}", "Days {first}–{last}"),
    "hover.ratio": ("{num} / {den} = {rate}", "{num} / {den} = {rate}"),
    "hover.late": (
        "Quá hạn: {late} = giải quyết quá hạn {resolved_late} + đang quá hạn {overdue}",
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
        "Bấm vào một đơn vị để mở trang riêng của đơn vị đó. Chỉ xếp hạng đơn vị có từ {min} hồ "
        "sơ ở mẫu số của tỷ lệ (cần giải quyết; tiếp nhận mới); tỷ lệ bằng nhau thì đồng hạng.",
        "Click a unit to open its own page. Units with fewer than {min} applications in the "
        "rate's denominator (to handle; received) are not ranked; equal rates share a rank.",
    ),
    "rank.empty": (
        "Không có đơn vị nào đủ số hồ sơ để xếp hạng.",
        "No unit has enough applications to be ranked.",
    ),
    "fields.note": (
        "{shown} lĩnh vực nhiều hồ sơ nhất trong {total} lĩnh vực có hồ sơ.",
        "The {shown} busiest of {total} fields with applications.",
    ),
    # Charts that stand alone once exported (ui/charts.py, present/provenance.py)
    "provenance.filters": ("Lọc: {filters}", "Filters: {filters}"),
    "provenance.more": ("{shown} và {more} khác", "{shown} and {more} more"),
    "provenance.source": (
        "Nguồn: Hệ thống thông tin giải quyết TTHC, dữ liệu đến {data_end}",
        "Source: one-stop electronic system, data up to {data_end}",
    ),
    # Units, agencies, local time (issue 12)
    "kind.so_nganh": ("Sở, ngành", "Provincial agency"),
    "league.total": ("Tổng cộng", "Total"),
    "bieu.sheet": ("Biểu II.06a", "Biểu II.06a"),
    "bieu.filters_line": ("Lọc theo: {filters}", "Filtered by: {filters}"),
    "bieu.signed_at": (
        "{place}, ngày {day} tháng {month} năm {year}",
        "{place}, {day}/{month}/{year}",
    ),
    "bieu.preparer": ("Người lập biểu", "Prepared by"),
    "bieu.head": ("Thủ trưởng đơn vị", "Head of the unit"),
    "bieu.sign": ("(Ký, ghi rõ họ tên)", "(Signature and full name)"),
    "bieu.sign_seal": ("(Ký, ghi rõ họ tên, đóng dấu)", "(Signature, full name and seal)"),
    "col.rank": (
        f"Hạng theo tỷ lệ đúng hạn (đơn vị từ {MIN_DENOMINATOR} hồ sơ cần giải quyết)",
        f"Rank by on-time rate (units with {MIN_DENOMINATOR} or more to handle)",
    ),
    "rank.tied": ("{rank} (đồng hạng)", "{rank} (tied)"),
    "rank.rule.on_time_rate": (
        "Chỉ xếp hạng đơn vị có từ {min} hồ sơ cần giải quyết; tỷ lệ hiển thị bằng nhau thì "
        "đồng hạng.",
        "Only units with {min} or more applications to handle are ranked; equal rates as "
        "shown share a rank.",
    ),
    "rank.rule.online_share": (
        "Chỉ xếp hạng đơn vị có từ {min} hồ sơ tiếp nhận mới; tỷ lệ hiển thị bằng nhau thì "
        "đồng hạng.",
        "Only units with {min} or more applications received are ranked; equal rates as "
        "shown share a rank.",
    ),
    "league.file_title": ("Hồ sơ theo đơn vị", "Applications by unit"),
    "agencies.title": ("Sở, ngành", "Provincial agencies"),
    "agencies.count": ("{total} sở, ngành", "{total} provincial agencies"),
    "agencies.hint": (
        "Hồ sơ do sở, ngành trực tiếp tiếp nhận; chọn một dòng để mở trang riêng của sở, ngành.",
        "Applications the agencies receive themselves; pick a row to open the agency's page.",
    ),
    "league.city_total": (
        "Hai bảng cộng lại: {received} hồ sơ tiếp nhận mới, {to_handle} cần giải quyết, "
        "{resolved} đã giải quyết — đúng bằng số của toàn địa bàn với cùng bộ lọc.",
        "Both tables together: {received} received, {to_handle} to handle, {resolved} "
        "resolved — the figures of the whole area for the same filters.",
    ),
    "agency.back": ("Tất cả sở, ngành", "All provincial agencies"),
    "unit.files": ("Biểu II.06a và báo cáo của đơn vị", "The unit's Biểu II.06a and report"),
    "unit.bieu_download": ("Tải Biểu II.06a (XLSX)", "Download Biểu II.06a (XLSX)"),
    "unit.pdf_download": ("Tải báo cáo PDF", "Download the PDF report"),
    "cli.ambiguous_unit": (
        "«{unit}» khớp với nhiều đơn vị ({names}); hãy ghi đủ dấu hoặc dùng mã đơn vị",
        "«{unit}» matches several units ({names}); type it with its marks or use the code",
    ),
    # Report view and the report page (ui/report_view.py, app_pages/report.py, reports/)
    "nav.report": ("Báo cáo", "Report"),
    "report_view.label": ("Chế độ báo cáo", "Report view"),
    "report_view.help": (
        "Ẩn thanh bên và các nút, trang rộng cố định để chụp màn hình toàn trang. Để tắt, mở "
        "lại thanh bên bằng mũi tên ở góc trên bên trái.",
        "Hides the sidebar and the controls and fixes the page width, for clean full-page "
        "screenshots. To leave it, reopen the sidebar with the arrow at the top left.",
    ),
    "report.title": (
        "Báo cáo tình hình giải quyết thủ tục hành chính",
        "Report on the handling of administrative procedures",
    ),
    "report.period": (
        "Kỳ báo cáo: từ ngày {start} đến ngày {end}",
        "Reporting period: {start} to {end}",
    ),
    "report.scope": ("Phạm vi: {where}", "Scope: {where}"),
    "report.made": ("Lập lúc {at}", "Made at {at}"),
    "report.page": ("Trang", "Page"),
    "report.download": ("Tải báo cáo PDF", "Download PDF report"),
    "report.print_hint": (
        "Tệp PDF khổ A4 dọc, tạo trên máy chủ. Cũng có thể in trực tiếp trang này (Ctrl+P).",
        "An A4 portrait PDF made on the server. You can also print this page (Ctrl+P).",
    ),
    "report.no_chromium": (
        "Máy chủ chưa cài trình duyệt Chromium nên chưa tạo được tệp PDF. Vẫn có thể in trang "
        "này bằng trình duyệt (Ctrl+P). Quản trị viên cài Chromium bằng lệnh: "
        "`apt-get install chromium`.",
        "Chromium is not installed on the server, so no PDF can be made. You can still print "
        "this page from the browser (Ctrl+P). An administrator installs it with "
        "`apt-get install chromium`.",
    ),
    "report.section.summary": ("Tóm tắt", "Summary"),
    "report.delta_note": (
        "Dòng dưới mỗi chỉ tiêu: thay đổi so với kỳ trước cùng độ dài ({period}).",
        "Under each figure: the change against the previous period of equal length ({period}).",
    ),
    "report.section.kpis": ("Chỉ tiêu chính", "Key figures"),
    "report.col.rank": ("Hạng", "Rank"),
    "report.col.unit": ("Đơn vị", "Unit"),
    "report.ratio.on_time_rate": ("Không quá hạn / cần giải quyết", "On time / to handle"),
    "report.ratio.online_share": ("Trực tuyến / tiếp nhận", "Online / received"),
    "summary.whole_city": ("toàn thành phố", "the whole city"),
    "summary.whole_province": ("toàn tỉnh", "the whole province"),
    "summary.whole_country": ("toàn quốc", "the whole country"),
    "summary.received": (
        "Trong kỳ, {where} tiếp nhận {received} hồ sơ{change}; {online_share} nộp trực tuyến.",
        "In the period, {where} received {received} applications{change}; {online_share} "
        "were filed online.",
    ),
    "summary.up": (", tăng {change} so với kỳ trước", ", up {change} on the previous period"),
    "summary.down": (
        ", giảm {change} so với kỳ trước",
        ", down {change} on the previous period",
    ),
    "summary.flat": (", bằng kỳ trước", ", the same as the previous period"),
    "summary.resolved": (
        "Đã giải quyết {resolved} hồ sơ, đạt {resolution_rate} số hồ sơ cần giải quyết "
        "({to_handle}); tỷ lệ đúng hạn {on_time_rate}.",
        "{resolved} applications were resolved, {resolution_rate} of the {to_handle} to "
        "handle; the on-time rate was {on_time_rate}.",
    ),
    "summary.open": (
        "Đến ngày {end} còn {in_progress} hồ sơ đang giải quyết, trong đó {overdue} hồ sơ quá hạn.",
        "On {end}, {in_progress} applications were still in progress, {overdue} of them overdue.",
    ),
    "summary.units": (
        "Đơn vị có {measure} cao nhất: {best} ({best_rate}); thấp nhất: {worst} ({worst_rate}).",
        "Highest {measure}: {best} ({best_rate}); lowest: {worst} ({worst_rate}).",
    ),
    "summary.fields": (
        "Lĩnh vực nhiều hồ sơ nhất: {field} ({received} hồ sơ, {share} số tiếp nhận).",
        "Busiest field: {field} ({received} applications, {share} of those received).",
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
    # Analyst pages (issue 4): navigation
    "nav.units": ("Phường, xã", "Wards, communes"),
    "nav.unit": ("Đơn vị", "Unit"),
    "nav.procedures": ("Thủ tục", "Procedures"),
    "nav.simplification": ("Đơn giản hóa", "Simplification"),
    "nav.bieu_06a": ("Biểu II.06a", "Form II.06a"),
    "yes": ("Có", "Yes"),
    "no": ("Không", "No"),
    # Table columns (also the column names of every download)
    "col.unit_name": ("Đơn vị", "Unit"),
    "col.unit_code": ("Mã đơn vị", "Unit code"),
    "col.unit_kind": ("Loại đơn vị", "Unit type"),
    "col.received": ("Tiếp nhận mới", "Received"),
    "col.received_online": ("Tiếp nhận trực tuyến", "Received online"),
    "col.to_handle": ("Cần giải quyết", "To handle"),
    "col.resolved": ("Đã giải quyết", "Resolved"),
    "col.resolution_rate": ("Tỷ lệ giải quyết", "Resolution rate"),
    "col.on_time": ("Không quá hạn", "Not late"),
    "col.on_time_rate": ("Tỷ lệ đúng hạn", "On-time rate"),
    "col.overdue": ("Đang giải quyết quá hạn", "In progress, overdue"),
    "col.online_share": ("Tỷ lệ trực tuyến", "Online share"),
    "col.average_days": (
        "Thời gian giải quyết trung bình (ngày)",
        "Average processing time (days)",
    ),
    "col.resolved_late": ("Giải quyết quá hạn", "Resolved late"),
    "col.late": ("Quá hạn", "Late"),
    "col.application_id": ("Mã hồ sơ", "Application id"),
    "col.procedure_code": ("Mã TTHC", "Procedure code"),
    "col.procedure_name": ("Tên thủ tục", "Procedure"),
    "col.received_at": ("Ngày tiếp nhận", "Received"),
    "col.due_at": ("Ngày hẹn trả", "Due"),
    "col.days_overdue": ("Số ngày quá hạn", "Days overdue"),
    "col.field": ("Lĩnh vực", "Field"),
    "col.level": ("Cấp", "Level"),
    "col.agency": ("Cơ quan", "Agency"),
    "col.online_service": ("Dịch vụ công trực tuyến", "Online service"),
    "col.non_boundary": ("Phi địa giới", "Non-boundary"),
    "col.non_boundary_count": ("Phi địa giới", "Non-boundary"),
    "col.legal_days": ("Thời hạn giải quyết (ngày)", "Legal time limit (days)"),
    "col.procedures": ("Số TTHC", "Procedures"),
    "col.provincial": ("Cấp tỉnh", "Provincial"),
    "col.commune": ("Cấp xã", "Commune"),
    "col.full_online": ("Toàn trình", "Fully online"),
    "col.partly_online": ("Một phần", "Partly online"),
    "col.plan": ("Quyết định", "Decision"),
    "col.status": ("Trạng thái", "Status"),
    "col.decided_on": ("Ngày quyết định", "Decided on"),
    "col.days_before": ("Thời hạn trước (ngày)", "Days before"),
    "col.days_after": ("Thời hạn sau (ngày)", "Days after"),
    "col.time_cut": ("Mức cắt giảm", "Time cut"),
    "col.plans": ("Số phương án", "Plans"),
    "col.mean_cut": ("Mức cắt giảm trung bình", "Mean time cut"),
    "col.resolved_before": ("Hồ sơ giải quyết trước", "Resolved before"),
    "col.mean_days_before": ("Trung bình thực tế trước (ngày)", "Actual mean before (days)"),
    "col.resolved_after": ("Hồ sơ giải quyết sau", "Resolved after"),
    "col.mean_days_after": ("Trung bình thực tế sau (ngày)", "Actual mean after (days)"),
    "col.last_received": ("Hồ sơ mới nhất ngày", "Last application on"),
    "col.days_without": ("Số ngày không có hồ sơ", "Days without applications"),
    "online.toan_trinh": ("Trực tuyến toàn trình", "Fully online"),
    "online.mot_phan": ("Trực tuyến một phần", "Partly online"),
    "online.khong": ("Không trực tuyến", "Not online"),
    "status_plan.de_xuat": ("Đề xuất", "Proposed"),
    "status_plan.da_phe_duyet": ("Đã phê duyệt", "Approved"),
    "status_plan.da_thuc_hien": ("Đã thực hiện", "Implemented"),
    # Downloads and the header block of every file
    "download.csv": ("Tải CSV", "Download CSV"),
    "download.xlsx": ("Tải Excel", "Download Excel"),
    "export.subject": ("Nội dung", "Subject"),
    "export.place": ("Địa bàn", "Area"),
    "export.period": ("Kỳ báo cáo", "Period"),
    "export.period_value": ("Từ ngày {start} đến ngày {end}", "From {start} to {end}"),
    "export.filters": ("Bộ lọc", "Filters"),
    "export.no_filters": ("Không lọc (tất cả)", "None (everything)"),
    "export.made_at": ("Thời điểm xuất", "Exported at"),
    # Wards and communes, one unit
    "units.title": ("Phường, xã, đặc khu", "Wards and communes"),
    "units.search": ("Tìm đơn vị", "Find a unit"),
    "units.search_hint": ("Gõ tên hoặc mã, có dấu hay không dấu", "Type a name or code"),
    "units.count": ("{shown} / {total} đơn vị", "{shown} of {total} units"),
    "units.hint": (
        "Bấm tiêu đề cột để sắp xếp; chọn một dòng để mở trang riêng của đơn vị. "
        "Tỷ lệ đúng hạn = không quá hạn / cần giải quyết; tỷ lệ trực tuyến = tiếp nhận trực "
        "tuyến / tiếp nhận mới.",
        "Click a column header to sort; pick a row to open the unit's own page. "
        "On-time rate = on time / to handle; online share = received online / received.",
    ),
    "units.scatter_note": (
        "Đường nét đứt: trung vị các đơn vị. Góc dưới bên trái: cần hỗ trợ cả hai mặt.",
        "Dashed lines: the median unit. Bottom left: units that need help on both.",
    ),
    "chart.units_scatter": (
        "Trực tuyến và đúng hạn theo đơn vị (cỡ = số hồ sơ)",
        "Online and on-time by unit (size = applications)",
    ),
    "hover.unit_point": (
        "<b>{name}</b><br>Tiếp nhận: {received}<br>Trực tuyến: {online}<br>Đúng hạn: {on_time}",
        "<b>{name}</b><br>Received: {received}<br>Online: {online}<br>On time: {on_time}",
    ),
    "unit.back": ("Tất cả phường, xã, đặc khu", "All wards and communes"),
    "unit.unknown": (
        "Không có đơn vị mã «{code}» trong phạm vi đang xem. Chọn một đơn vị từ bảng xếp hạng.",
        "No unit with code «{code}» in the current view. Pick one from the league table.",
    ),
    "unit.code": ("Mã {code} · {kind}", "Code {code} · {kind}"),
    "chart.unit_vs_median": (
        "Các tỷ lệ của đơn vị so với trung vị các đơn vị",
        "The unit's rates against the median unit",
    ),
    "series.this_unit": ("Đơn vị này", "This unit"),
    "series.city_median": ("Trung vị các đơn vị", "Median unit"),
    "unit.median_note": (
        "Thời gian giải quyết trung bình: {days} ngày (trung vị các đơn vị: {median_days} ngày).",
        "Average processing time: {days} days (median unit: {median_days} days).",
    ),
    "unit.top_procedures": ("{count} thủ tục nhiều hồ sơ nhất", "The {count} busiest procedures"),
    "unit.overdue": ("Hồ sơ đang giải quyết quá hạn", "Applications in progress, overdue"),
    "unit.overdue_note": (
        "{count} hồ sơ chưa xong vào ngày {end} và đã quá ngày hẹn trả, hạn sớm nhất trước.",
        "{count} applications unfinished on {end} and past their due date, oldest first.",
    ),
    "unit.no_overdue": ("Không có hồ sơ quá hạn.", "No overdue applications."),
    # Procedures
    "procedures.title": ("Thủ tục hành chính", "Administrative procedures"),
    "procedures.catalog": ("Danh mục thủ tục hành chính", "Procedure catalog"),
    "procedures.total": ("Tổng số TTHC", "Procedures"),
    "procedures.non_boundary": ("Phi địa giới hành chính", "Non-boundary"),
    "procedures.catalog_note": (
        "Danh mục như thành phố công bố; bộ lọc bên trái không áp dụng cho danh mục, chỉ cho "
        "các bảng hồ sơ bên dưới.",
        "The catalog as the city publishes it; the filters apply to the application tables "
        "below, not to the catalog.",
    ),
    "procedures.by_field": ("Số TTHC theo lĩnh vực", "Procedures by field"),
    "procedures.by_agency": ("Số TTHC theo cơ quan", "Procedures by agency"),
    "procedures.commune_level": ("UBND cấp xã", "Commune people's committees"),
    "procedures.busiest": ("{count} thủ tục nhiều hồ sơ nhất", "The {count} busiest procedures"),
    "procedures.most_late": (
        "{count} thủ tục nhiều hồ sơ quá hạn nhất",
        "The {count} procedures with the most late applications",
    ),
    "procedures.period_note": (
        "Theo kỳ và bộ lọc đang chọn. Tỷ lệ đúng hạn = 1 − quá hạn / cần giải quyết.",
        "For the selected period and filters. On-time rate = 1 − late / to handle.",
    ),
    "procedures.late_note": (
        "Quá hạn = giải quyết quá hạn trong kỳ + đang giải quyết quá hạn ngày {end}.",
        "Late = resolved late in the period + in progress and overdue on {end}.",
    ),
    "procedures.search_title": ("Tra cứu thủ tục", "Find a procedure"),
    "procedures.search": ("Mã hoặc tên thủ tục", "Procedure code or name"),
    "procedures.search_hint": ("vd. 1.001193 hoặc khai sinh", "e.g. 1.001193 or khai sinh"),
    "procedures.found": ("{count} thủ tục", "{count} procedures"),
    # Simplification
    "simplification.title": ("Đơn giản hóa thủ tục hành chính", "Simplification of procedures"),
    "simplification.business": ("TTHC liên quan kinh doanh", "Business-related procedures"),
    "simplification.with_plan": ("Trong đó có phương án", "Of which with a plan"),
    "simplification.plans": ("Số phương án", "Plans"),
    "simplification.agencies": ("Sở, ngành có cắt giảm", "Agencies with cuts"),
    "simplification.agencies_value": ("{cut}/{total} sở, ngành", "{cut}/{total} agencies"),
    "simplification.note": (
        "Mức cắt giảm = 1 − thời hạn sau / thời hạn trước. Phương án là dữ liệu danh mục: bộ lọc "
        "bên trái chỉ áp dụng cho phần thời gian thực tế.",
        "Time cut = 1 − days after / days before. Plans are catalog data: the filters apply to "
        "the actual processing times only.",
    ),
    "simplification.plans_title": ("Phương án đơn giản hóa", "Simplification plans"),
    "simplification.by_status": ("Phương án theo trạng thái", "Plans by status"),
    "simplification.by_agency": ("Phương án theo cơ quan", "Plans by agency"),
    "chart.plan_days": (
        "Thời hạn giải quyết trước và sau phương án, theo thủ tục",
        "Processing time limit before and after each plan",
    ),
    "chart.cut_distribution": (
        "Số phương án theo mức cắt giảm thời gian",
        "Plans by time cut",
    ),
    "chart.plans_by_agency": ("Số phương án theo cơ quan", "Plans by agency"),
    "chart.actual_days": (
        "Thời gian giải quyết thực tế trung bình trước và sau ngày quyết định",
        "Actual mean processing time before and after the decision date",
    ),
    "axis.legal_days": ("Thời hạn (ngày)", "Time limit (days)"),
    "axis.actual_days": ("Ngày", "Days"),
    "axis.time_cut": ("Mức cắt giảm", "Time cut"),
    "axis.plans": ("Phương án", "Plans"),
    "hover.cut_bin": ("Cắt giảm %{x}: %{y} phương án", "Cut %{x}: %{y} plans"),
    "series.before": ("Trước", "Before"),
    "series.after": ("Sau", "After"),
    "simplification.actual_title": (
        "Thời gian giải quyết thực tế trước và sau phương án",
        "Actual processing time before and after the plan",
    ),
    "simplification.actual_note": (
        "Trung bình (ngày có kết quả − ngày tiếp nhận) của hồ sơ đã giải quyết đến ngày {end}, "
        "trước và từ ngày quyết định phương án; theo bộ lọc đang chọn. Biểu đồ chỉ gồm thủ tục có "
        "hồ sơ ở cả hai phía.",
        "Mean (finished − received) of applications resolved up to {end}, before and from the "
        "plan's decision date, under the current filters. The chart shows procedures with "
        "applications on both sides.",
    ),
    "simplification.no_actual": (
        "Chưa có thủ tục nào có hồ sơ giải quyết cả trước và sau ngày quyết định.",
        "No procedure has resolved applications both before and after its decision date.",
    ),
    # Biểu II.06a
    "bieu.page_title": ("Biểu II.06a — báo cáo định kỳ", "Form II.06a — periodic report"),
    "bieu.form_code": ("Biểu số II.06a/VPCP/KSTT", "Form II.06a/VPCP/KSTT"),
    "bieu.title": (
        "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT TTHC TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC",
        "ADMINISTRATIVE PROCEDURES HANDLED BY THE AGENCIES AND UNITS THAT RESOLVE THEM",
    ),
    "bieu.reporting_unit": ("Đơn vị báo cáo: {unit}", "Reporting unit: {unit}"),
    "bieu.period": (
        "Kỳ báo cáo: Từ ngày {start} đến ngày {end}",
        "Reporting period: from {start} to {end}",
    ),
    "bieu.unit_of_count": ("Đơn vị tính: Số hồ sơ TTHC", "Unit: applications"),
    "bieu.view_sheet": ("Phạm vi", "Scope"),
    "bieu.received_group": ("Số hồ sơ nhận giải quyết", "Applications to handle"),
    "bieu.resolved_group": ("Số hồ sơ đã giải quyết", "Applications resolved"),
    "bieu.open_group": ("Số hồ sơ đang giải quyết", "Applications in progress"),
    "bieu.col_1": ("STT", "No."),
    "bieu.col_2": ("Lĩnh vực", "Field"),
    "bieu.col_3": ("Tổng số", "Total"),
    "bieu.col_4": ("Trực tuyến", "Online"),
    "bieu.col_5": ("Trực tiếp, dịch vụ bưu chính", "In person, by post"),
    "bieu.col_6": ("Từ kỳ trước", "Carried in"),
    "bieu.col_7": ("Tổng số", "Total"),
    "bieu.col_8": ("Trước hạn", "Early"),
    "bieu.col_9": ("Đúng hạn", "On time"),
    "bieu.col_10": ("Quá hạn", "Late"),
    "bieu.col_11": ("Tổng số", "Total"),
    "bieu.col_12": ("Trong hạn", "Within deadline"),
    "bieu.col_13": ("Quá hạn", "Overdue"),
    "bieu.total": ("Tổng cộng", "Total"),
    "bieu.download": ("Tải Biểu II.06a (Excel, mẫu chính thức)", "Download form II.06a (Excel)"),
    "bieu.plain_note": (
        "Hoặc tải bảng trên dạng dữ liệu thô (mỗi cột một số):",
        "Or download the table above as plain data (one number per column):",
    ),
    # Data quality additions
    "dq.by_file": ("Dòng bị loại theo tệp", "Rejected rows by file"),
    "dq.freshness": ("Độ mới dữ liệu theo đơn vị", "Data freshness by unit"),
    "dq.stale_days": (
        "Đánh dấu đơn vị không có hồ sơ mới từ (ngày)",
        "Flag units silent for (days)",
    ),
    "dq.stale": (
        "{count} đơn vị không có hồ sơ mới từ {days} ngày trở lên (hoặc chưa từng có): có thể "
        "thiếu tệp xuất.",
        "{count} units without a new application for {days} days or more (or never): an export "
        "may be missing.",
    ),
    "dq.all_fresh": (
        "Mọi đơn vị đều có hồ sơ mới trong {days} ngày gần nhất.",
        "Every unit has new applications within the last {days} days.",
    ),
    # python -m reports
    "cli.bad_date": (
        "ngày không hợp lệ: {value} (cần dạng YYYY-MM-DD hoặc DD/MM/YYYY, ví dụ 2025-07-01 "
        "hoặc 01/07/2025)",
        "invalid date: {value} (use YYYY-MM-DD or DD/MM/YYYY, e.g. 2025-07-01 or 01/07/2025)",
    ),
    "cli.bad_period": (
        "ngày bắt đầu {start} sau ngày kết thúc {end}",
        "start {start} is after end {end}",
    ),
    "cli.bad_province": (
        "không có tỉnh, thành phố mã {code} trong kho dữ liệu",
        "no province with code {code} in the warehouse",
    ),
    "cli.bad_province_code": (
        "mã tỉnh không hợp lệ: {value} (cần một số, ví dụ 31)",
        "invalid province code: {value} (use a number, e.g. 31)",
    ),
    "cli.bad_unit": (
        'không có đơn vị "{unit}" trong kho dữ liệu (dùng mã 5 chữ số, mã sở, ngành như '
        '31.STC, hoặc tên, ví dụ "Phường An Biên", "Sở Tài chính")',
        'no unit "{unit}" in the warehouse (use the 5-digit code, an agency code such as '
        '31.STC, or the name, e.g. "Phường An Biên", "Sở Tài chính")',
    ),
    "cli.bad_suffix": (
        "tệp ra phải có đuôi {suffixes}: {path}",
        "the output file must end in {suffixes}: {path}",
    ),
    "cli.no_warehouse": (
        "chưa có kho dữ liệu tại {path}: chạy python -m etl build",
        "no warehouse at {path}: run python -m etl build",
    ),
    "cli.broken_warehouse": (
        "không đọc được kho dữ liệu tại {path}: tệp hỏng, nạp dở hoặc không phải kho DuckDB",
        "cannot read the warehouse at {path}: the file is damaged, half-loaded or not DuckDB",
    ),
    "cli.no_chromium": (
        "không tìm thấy Chromium nên không tạo được PDF: cài bằng apt-get install chromium, "
        "hoặc đặt BROWSER_PATH là đường dẫn tới trình duyệt",
        "Chromium was not found, so no PDF can be made: apt-get install chromium, or set "
        "BROWSER_PATH to the browser",
    ),
    "cli.print_failed": (
        "Chromium không in được báo cáo: {detail}",
        "Chromium could not print the report: {detail}",
    ),
    # argparse's messages (reports/__main__.py ARGPARSE_MESSAGES)
    "cli.missing": ("thiếu tham số bắt buộc: {names}", "missing required arguments: {names}"),
    "cli.unrecognized": ("tham số không nhận ra: {names}", "unrecognized arguments: {names}"),
    "cli.bad_choice": (
        "{name} không nhận giá trị {value} (chọn một trong {choices})",
        "{name} does not take {value} (choose from {choices})",
    ),
    "cli.needs_value": ("{name} cần giá trị đi kèm", "{name} needs a value"),
    "cli.bad_arguments": ("tham số không hợp lệ ({detail})", "invalid arguments ({detail})"),
    # Why a file could not be written, by errno name (others: the system's own words)
    "cli.os.EACCES": ("không có quyền ghi", "permission denied"),
    "cli.os.EPERM": ("không có quyền ghi", "permission denied"),
    "cli.os.EROFS": ("ổ đĩa chỉ cho đọc", "read-only file system"),
    "cli.os.ENOSPC": ("đĩa đã đầy", "no space left on the disk"),
    "cli.os.EISDIR": ("đó là một thư mục", "it is a folder"),
    "cli.os.ENOTDIR": (
        "một phần của đường dẫn là tệp, không phải thư mục",
        "part of the path is a file, not a folder",
    ),
    "cli.os.EEXIST": (
        "một phần của đường dẫn là tệp, không phải thư mục",
        "part of the path is a file, not a folder",
    ),
    "cli.cannot_write": ("không ghi được tệp {path}: {reason}", "cannot write {path}: {reason}"),
    "cli.error": ("Lỗi: {message}", "Error: {message}"),
    "cli.written": ("Đã ghi {path}", "Wrote {path}"),
    # Sign-in and roles (ui/auth.py, ui/passwords.py)
    "auth.title": ("Đăng nhập", "Sign in"),
    "auth.intro": (
        "Dữ liệu chỉ hiển thị sau khi đăng nhập.",
        "The data are shown after signing in.",
    ),
    "auth.username": ("Tên đăng nhập", "User name"),
    "auth.password": ("Mật khẩu", "Password"),
    "auth.submit": ("Đăng nhập", "Sign in"),
    "auth.oidc": ("Đăng nhập bằng tài khoản cơ quan", "Sign in with your office account"),
    "auth.oidc_missing": (
        "Đăng nhập qua nhà cung cấp định danh chưa dùng được: máy chủ cần gói streamlit[auth].",
        "Sign-in through the identity provider is not available: the server needs streamlit[auth].",
    ),
    "auth.failed": (
        "Tên đăng nhập hoặc mật khẩu không đúng.",
        "Wrong user name or password.",
    ),
    "auth.locked": (
        "Đăng nhập sai quá nhiều lần; thử lại sau {minutes} phút.",
        "Too many failed attempts; try again in {minutes} minutes.",
    ),
    "auth.no_role": (
        "Tài khoản {name} chưa được cấp quyền xem dữ liệu; liên hệ quản trị viên.",
        "The account {name} has no access to the data yet; ask an administrator.",
    ),
    "auth.signed_in": ("Đăng nhập: {name} · {role}", "Signed in: {name} · {role}"),
    "auth.sign_out": ("Đăng xuất", "Sign out"),
    "auth.open_notice": (
        "Chưa cấu hình đăng nhập: ai mở được địa chỉ này đều xem được toàn bộ dữ liệu và "
        "không ai nạp được dữ liệu từ trình duyệt. Xem SECURITY.md để bật đăng nhập.",
        "Sign-in is not configured: anyone who can open this address sees all data, and "
        "nobody can upload data from the browser. See SECURITY.md to turn sign-in on.",
    ),
    "auth.city_only": (
        "Trang này chỉ dành cho tài khoản cấp thành phố và quản trị viên.",
        "This page is for city-level and administrator accounts only.",
    ),
    "role.admin": ("quản trị", "administrator"),
    "role.city": ("cấp thành phố", "city level"),
    "role.agency": ("cơ quan {codes}", "agency {codes}"),
    "role.commune": ("đơn vị {codes}", "unit {codes}"),
    "passwords.usage": (
        "Cách dùng: python -m ui.passwords hash",
        "Usage: python -m ui.passwords hash",
    ),
    "passwords.prompt": ("Mật khẩu: ", "Password: "),
    "passwords.again": ("Nhập lại: ", "Again: "),
    "passwords.too_short": (
        "Mật khẩu cần ít nhất {count} ký tự.",
        "The password needs at least {count} characters.",
    ),
    "passwords.mismatch": ("Hai lần nhập không khớp.", "The two entries differ."),
    # Official definitions (issue 12)
    "bieu.convention_count": (
        "Theo quy ước của biểu, {closed} hồ sơ không tiếp nhận, rút, dừng xử lý (trạng thái 3, "
        "7, 8) được tính là đã giải quyết đúng hạn (cột 7 và 9), nên "
        "(3) = (4) + (5) + (6) = (7) + (11) trên mọi dòng.",
        "By the form's convention, {closed} applications refused, withdrawn or stopped (status "
        "3, 7, 8) count as resolved on time (columns 7 and 9), so (3) = (4) + (5) + (6) = "
        "(7) + (11) on every row.",
    ),
    "kpi.closed": ("Không tiếp nhận, rút, dừng xử lý", "Closed without result"),
    "help.closed": (
        "Hồ sơ kết thúc không có kết quả (trạng thái 3, 7, 8) trong kỳ. Cần giải quyết "
        "{to_handle} = đã giải quyết {resolved} + không tiếp nhận, rút, dừng {closed} + đang "
        "giải quyết ngày {end} {in_progress}.",
        "Ended without a result (status 3, 7, 8) in the period. To handle {to_handle} = "
        "resolved {resolved} + closed {closed} + in progress on {end} {in_progress}.",
    ),
    "kpi.on_time_rate_766": ("Tỷ lệ đúng hạn theo QĐ 766", "On-time rate, QĐ 766"),
    "help.on_time_rate_766": (
        "Như Bộ chỉ số 766 (nhóm Tiến độ giải quyết): thời gian công dân bổ sung hồ sơ không "
        "tính cho cơ quan (ngày hẹn trả lùi theo thời gian đó), hồ sơ đang chờ công dân không "
        "tính quá hạn, yêu cầu bổ sung từ 2 lần trở lên tính là quá hạn. 1 − (giải quyết quá "
        "hạn {late} + đang quá hạn {overdue}) / {den} = {num} / {den}.",
        "As QĐ 766's index computes it (timeliness group): the applicant's supplement time is "
        "not counted against the office (the due date moves by it), an application waiting "
        "for the applicant is not overdue, two or more supplement requests count as late. "
        "1 − (resolved late {late} + overdue {overdue}) / {den} = {num} / {den}.",
    ),
    "overview.adds_up": (
        "Cần giải quyết {to_handle} = đã giải quyết {resolved} + không tiếp nhận, rút, dừng "
        "xử lý {closed} + đang giải quyết ngày {end} {in_progress}.",
        "To handle {to_handle} = resolved {resolved} + closed without result {closed} + in "
        "progress on {end} {in_progress}.",
    ),
    "kpi.online_share_766": ("Tỷ lệ hồ sơ trực tuyến theo QĐ 766", "Online share, QĐ 766"),
    "help.online_share_766": (
        "Hồ sơ nộp trực tuyến và, với thủ tục có kết quả là giấy tờ, đã có kết quả điện tử / "
        "tiếp nhận mới = {num} / {den} (chặt hơn tỷ lệ theo kênh nộp).",
        "Filed online and, where the result is a document, with an electronic result / "
        "received = {num} / {den} (stricter than the share by channel).",
    ),
    "data.until": (
        "Số liệu đến {day}: kỳ được tính đến ngày có số liệu cuối cùng.",
        "Data up to {day}: the period is counted up to the last day with data.",
    ),
    "missing.indicator": (
        "{indicator}: thiếu dữ liệu tháng {months} (tệp xuất không có cột {fields}); tỷ lệ "
        "của kỳ chỉ đầy đủ cho các tháng còn lại.",
        "{indicator}: data missing for {months} (the exports have no column {fields}); the "
        "period's rate is complete only for the other months.",
    ),
    "dq.missing_columns": (
        "Cột tùy chọn còn thiếu theo tháng",
        "Optional columns missing by month",
    ),
    "dq.missing_none": (
        "Mọi tháng đều có đủ các cột tùy chọn.",
        "Every month has every optional column.",
    ),
    "dq.missing_note": (
        "Tháng thiếu một cột khi phần lớn hồ sơ của tháng đến từ tệp xuất không có cột đó; chỉ "
        'tiêu cần cột ấy ghi "thiếu dữ liệu" cho các tháng này.',
        "A month lacks a column when most of its applications come from exports without it; "
        'indicators that need it say "data missing" for those months.',
    ),
    "col.month": ("Tháng", "Month"),
    "col.missing_fields": ("Cột còn thiếu", "Missing columns"),
    "kpi.average_workdays": (
        "Thời gian giải quyết trung bình (ngày làm việc)",
        "Average processing time (working days)",
    ),
    "help.average_workdays": (
        "Trung bình số ngày làm việc (trừ thứ Bảy, Chủ nhật, ngày lễ, Tết) từ ngày tiếp nhận "
        "đến ngày có kết quả của {den} hồ sơ đã giải quyết = {num} / {den}; so được với thời "
        "hạn giải quyết theo quy định.",
        "Mean working days (weekends and public holidays out) from receipt to result over "
        "{den} resolved applications = {num} / {den}; comparable with the legal deadline.",
    ),
    "unit.workdays": ("{value} ngày làm việc", "{value} working days"),
    "procedures.times": (
        "Thời gian giải quyết theo thủ tục (ngày làm việc) so với thời hạn",
        "Processing time per procedure (working days) against the legal time limit",
    ),
    "procedures.times_note": (
        "Hồ sơ đã giải quyết trong kỳ; ngày làm việc không tính thứ Bảy, Chủ nhật, ngày lễ, "
        "Tết. Trung vị và phân vị 90 so được với thời hạn giải quyết theo quy định.",
        "Applications resolved in the period; working days leave out weekends and public "
        "holidays. The median and the 90th percentile compare with the legal time limit.",
    ),
    "col.median_workdays": ("Trung vị (ngày làm việc)", "Median (working days)"),
    "col.p90_workdays": ("Phân vị 90 (ngày làm việc)", "90th percentile (working days)"),
    "col.over_legal": ("Quá thời hạn quy định", "Over the legal time limit"),
    "kpi.waiting": ("Chờ bổ sung, chờ nghĩa vụ tài chính", "Waiting for the applicant"),
    "help.waiting": (
        "Hồ sơ chưa xong vào ngày {end} đang chờ công dân bổ sung giấy tờ hoặc thực hiện nghĩa "
        "vụ tài chính (trạng thái 5, 6), không phải do cơ quan chậm. Trong đó đã quá ngày hẹn "
        "trả: {overdue_waiting}; quá hạn do cơ quan: {overdue_office}. Trạng thái là trạng "
        "thái mới nhất trong dữ liệu, nên kỳ đã qua chỉ đếm hồ sơ vẫn còn chờ đến nay.",
        "Unfinished on {end} and waiting for the applicant's documents or fee (status 5, 6), "
        "not the office's delay. Of them past the due date: {overdue_waiting}; overdue by the "
        "office: {overdue_office}. The status is the latest in the data, so a past period counts "
        "only applications still waiting today.",
    ),
    # Display (issue 13)
    "parts.rate": (
        "{num} {num_label} / {den} {den_label}",
        "{num} {num_label} / {den} {den_label}",
    ),
    "parts.resolved": ("đã giải quyết", "resolved"),
    "parts.to_handle": ("cần giải quyết", "to handle"),
    "parts.on_time": ("đúng hạn", "on time"),
    "parts.received_online": ("trực tuyến", "online"),
    "parts.received": ("tiếp nhận", "received"),
    "parts.paid_online": ("thanh toán trực tuyến", "paid online"),
    "parts.received_fee": ("có phí", "with a fee"),
    "parts.digitized": ("số hóa", "digitised"),
    "parts.on_time_766": ("đúng hạn theo QĐ 766", "on time by QĐ 766"),
    "parts.received_online_766": ("trực tuyến theo QĐ 766", "online by QĐ 766"),
    "empty.relax": (
        "Thử bỏ bớt bộ lọc: {filters}; hoặc chọn kỳ dài hơn.",
        "Try relaxing these filters: {filters}; or choose a longer period.",
    ),
    "url.ignored": (
        "Địa chỉ có giá trị không dùng được, đã bỏ qua — {items}. "
        "Bộ lọc trên là bộ lọc đang áp dụng.",
        "The link had values that cannot be used and were ignored — {items}. "
        "The filters above are the ones in force.",
    ),
    "url.ignored_here": (
        "Địa chỉ có giá trị không dùng được, đã bỏ qua — {items}. "
        "Lựa chọn dưới đây là lựa chọn đang áp dụng.",
        "The link had values that cannot be used and were ignored — {items}. "
        "The choice below is the one in force.",
    ),
    "unit.none": (
        "Chưa chọn đơn vị nào: địa chỉ này cần mã đơn vị (ví dụ /don-vi?ma=11407). "
        "Chọn một đơn vị trong danh sách phường, xã, đặc khu.",
        "No unit chosen: this address needs a unit code (e.g. /don-vi?ma=11407). "
        "Pick a unit from the list of wards and communes.",
    ),
    "unit.viewing": ("Đang xem: {name} ({code})", "Viewing: {name} ({code})"),
    "describe.largest": (
        "Biểu đồ {title}: phần lớn nhất là {label} ({value}).",
        "Chart {title}: the largest part is {label} ({value}).",
    ),
    "describe.range": (
        "Biểu đồ {title}, {series}: cao nhất {high} ({high_value}), thấp nhất {low} ({low_value}).",
        "Chart {title}, {series}: highest {high} ({high_value}), lowest {low} ({low_value}).",
    ),
    "describe.empty": ("Biểu đồ {title}: không có số liệu.", "Chart {title}: no data."),
    "simplification.rows": ("Phương án (theo thứ tự bảng)", "Plans (in table order)"),
    "empty.relax_period": ("Hãy chọn kỳ dài hơn.", "Choose a longer period."),
    "empty.search": (
        "Không có đơn vị nào khớp «{query}».",
        "No unit matches “{query}”.",
    ),
    # Staffing (issue 16)
    "nav.staffing": ("Cán bộ", "Staff"),  # the page's title says the rest; the nav must fit
    "workload.title": ("Cán bộ và khối lượng công việc", "Staff and workload"),
    "workload.intro": (
        "Mỗi công chức phải giải quyết bao nhiêu hồ sơ, ở đơn vị và lĩnh vực nào; đơn vị đề nghị "
        "điều động, biệt phái bao nhiêu người và đã có bao nhiêu người có nguyện vọng. Số liệu "
        "nhân sự tính đến ngày {as_of}.",
        "How many applications each official has to handle, by unit and field; how many transfers "
        "or secondments the units asked for and how many candidates were found. Staffing as of "
        "{as_of}.",
    ),
    "workload.none": (
        "Chưa có số liệu biên chế, nhân sự trong phạm vi đang xem. Nạp tệp biên chế bằng "
        "python -m etl load (xem README).",
        "No staffing data in this view yet. Load a staffing file with python -m etl load "
        "(see the README).",
    ),
    "workload.requests_total": ("Đề nghị điều động, biệt phái", "Transfer requests"),
    "workload.candidates_total": ("Người có nguyện vọng", "Candidates"),
    "workload.uncovered_total": ("Đề nghị chưa có người", "Requests not yet covered"),
    "workload.median_value": ("Trung vị hồ sơ/công chức", "Median applications per official"),
    "workload.median": ("Trung vị {value}", "Median {value}"),
    "workload.far_above_yes": ("Cao hơn nhiều", "Far above"),
    "workload.far_above_note": (
        "Đơn vị tô đỏ có số hồ sơ cần giải quyết trên mỗi công chức cao hơn {factor} lần trung vị.",
        "Units in red have more than {factor} times the median applications per official.",
    ),
    "workload.ranking_title": ("Xếp hạng theo hồ sơ trên mỗi công chức", "Ranking by workload"),
    "workload.requests_title": ("Đề nghị và người có nguyện vọng", "Requests and candidates"),
    "workload.heatmap_title": ("Đơn vị × lĩnh vực", "Unit × field"),
    "workload.unit_title": ("Một đơn vị: phòng, công chức, khối lượng", "One unit in detail"),
    "workload.unit_pick": ("Đơn vị", "Unit"),
    "workload.whatif_title": ("Giả định: điều chuyển công chức", "What if: move officials"),
    "workload.whatif_field": ("Lĩnh vực", "Field"),
    "workload.whatif_from": ("Từ đơn vị", "From unit"),
    "workload.whatif_to": ("Đến đơn vị", "To unit"),
    "workload.whatif_count": ("Số công chức", "Officials"),
    "workload.whatif_result": (
        "{source}: {before_a} → {after_a} hồ sơ/công chức; {target}: {before_b} → {after_b}. "
        "Cao nhất toàn thành phố: {high_before} → {high_after}.",
        "{source}: {before_a} → {after_a} applications per official; {target}: {before_b} → "
        "{after_b}. Highest in the city: {high_before} → {high_after}.",
    ),
    "workload.suggest_title": ("Gợi ý phân bổ người có nguyện vọng", "Suggested assignment"),
    "workload.suggest_rule": (
        "Đây là gợi ý, không phải quyết định. Quy tắc: lần lượt từng người có nguyện vọng của "
        "một lĩnh vực được gợi ý về đơn vị đã đề nghị lĩnh vực đó có số hồ sơ cần giải quyết trên "
        "mỗi công chức cao nhất (tính cả người đã gợi ý trước); không vượt số đơn vị đề nghị, "
        "không gợi ý về đơn vị không đề nghị. Cao nhất toàn thành phố: {before} → {after}.",
        "A suggestion, not a decision. Rule: one at a time, each candidate of a field goes to the "
        "unit that asked for that field with the highest applications per official (counting "
        "those already suggested); never more than a unit asked for, never to a unit that did "
        "not ask. Highest in the city: {before} → {after}.",
    ),
    "workload.chart.ranking": (
        "Hồ sơ cần giải quyết trên mỗi công chức",
        "Applications per official",
    ),
    "workload.chart.requests": (
        "Đề nghị điều động, biệt phái và người có nguyện vọng theo lĩnh vực",
        "Transfer requests and candidates by field",
    ),
    "workload.chart.heatmap": (
        "Hồ sơ cần giải quyết trên mỗi công chức, đơn vị × lĩnh vực",
        "Applications per official, unit × field",
    ),
    "workload.axis.per_official": ("Hồ sơ/công chức", "Applications per official"),
    "workload.col.rank": ("Hạng", "Rank"),
    "workload.col.officials": ("Công chức hiện có", "Officials"),
    "workload.col.positions": ("Biên chế được giao", "Positions"),
    "workload.col.office": ("Phòng chuyên môn", "Office"),
    "workload.col.in_progress": ("Đang giải quyết", "In progress"),
    "workload.col.to_handle_per_official": ("Cần giải quyết/công chức", "To handle per official"),
    "workload.col.in_progress_per_official": (
        "Đang giải quyết/công chức",
        "In progress per official",
    ),
    "workload.col.overdue_per_official": ("Quá hạn/công chức", "Overdue per official"),
    "workload.col.far_above": ("So với trung vị", "Against the median"),
    "workload.col.transfer_requests": ("Đề nghị điều động, biệt phái", "Transfer requests"),
    "workload.col.candidates": ("Người có nguyện vọng", "Candidates"),
    "workload.col.uncovered": ("Chưa có người", "Not covered"),
    "workload.col.coverage": ("Tỷ lệ đáp ứng", "Share covered"),
    "workload.col.assigned": ("Gợi ý số người", "Suggested"),
    "workload.col.before": ("Hồ sơ/công chức trước", "Per official before"),
    "workload.col.after": ("Hồ sơ/công chức sau", "Per official after"),
    "workload.col.as_of": ("Ngày số liệu", "As of"),
    "workload.history_title": ("Số liệu nhân sự qua các lần báo cáo", "Staffing over time"),
    "filekind.staffing": ("biên chế, nhân sự", "staffing"),
    "cli.no_staffing": (
        "kho dữ liệu chưa có số liệu biên chế, nhân sự trong phạm vi này (nạp tệp biên chế bằng "
        "python -m etl load)",
        "the warehouse has no staffing data in this scope (load a staffing file with "
        "python -m etl load)",
    ),
    # Staffing round 2 (issue 16)
    "workload.trend_title": (
        "Khối lượng trên mỗi công chức theo tháng",
        "Workload per official month by month",
    ),
    "workload.chart.trend": (
        "Hồ sơ cần giải quyết trên mỗi công chức theo tháng: {unit}",
        "Applications to handle per official by month: {unit}",
    ),
    "workload.trend_note": (
        "Mỗi tháng: hồ sơ tiếp nhận trong tháng cộng hồ sơ từ kỳ trước chuyển sang, chia cho số "
        "công chức của lần báo cáo gần nhất đến cuối tháng; tháng bị cắt bởi kỳ chỉ tính các "
        "ngày trong kỳ.",
        "Each month: applications received in it plus those carried in, divided by the officials "
        "of the latest count up to its last day; a month cut by the period counts its days only.",
    ),
    "workload.report.far_title": (
        "Đơn vị có hồ sơ trên mỗi công chức cao hơn nhiều trung vị",
        "Units far above the median workload per official",
    ),
    "workload.report.ratio": ("Hồ sơ / số công chức", "Applications / officials"),
    "workload.report.far_note": (
        "{shown} đơn vị cao nhất trong {far} đơn vị (trên {units}) có số hồ sơ cần giải quyết trên "
        "mỗi công chức cao hơn {factor} lần trung vị ({median}). Số liệu nhân sự ngày {as_of}.",
        "The {shown} busiest of the {far} units (of {units}) whose applications to handle per "
        "official exceed {factor} times the median ({median}). Staffing as of {as_of}.",
    ),
    "workload.report.fields_note": (
        "Lĩnh vực có đề nghị điều động, biệt phái; số liệu nhân sự ngày {as_of}.",
        "Fields with transfer requests; staffing as of {as_of}.",
    ),
    "workload.col.first_day": ("Từ ngày", "From"),
    "workload.col.last_day": ("Đến ngày", "To"),
    # QĐ 766 (issue 15): app_pages/index_766.py, present/index_766.py, reports index-766
    "nav.index_766": ("QĐ 766", "QĐ 766"),  # the title says the rest; the nav must fit
    "i766.title": ("Bộ chỉ số 766 theo đơn vị", "QĐ 766 service index by unit"),
    "i766.intro": (
        "Bộ chỉ số chất lượng phục vụ theo Quyết định 766/QĐ-TTg, tính lại từ hồ sơ một cửa cho "
        "từng phường, xã, sở, ngành: đơn vị nào làm thành phố mất điểm, ở chỉ số nào, bao nhiêu "
        "điểm. Đây là bản tính lại không chính thức, không phải điểm chính thức.",
        "The service-quality index of Decision 766/QĐ-TTg, recomputed from the one-stop records "
        "for every ward, commune and agency: which units cost the city points, on which "
        "indicator, and how many. An unofficial reproduction, not the official score.",
    ),
    "i766.total": (
        "Điểm các nhóm tính được / tối đa: {points} / {max}",
        "Points of the computable groups / maximum: {points} / {max}",
    ),
    "i766.total_note": (
        "Chỉ các nhóm tính được từ hồ sơ (tối đa {max} trên 100 điểm); không phải điểm chính "
        "thức của Cổng Dịch vụ công quốc gia.",
        "Only the groups the records can compute (at most {max} of 100 points); not the "
        "national portal's official score.",
    ),
    "i766.group.1": ("Nhóm 1 · Công khai, minh bạch", "Group 1 · Publicity, transparency"),
    "i766.group.2": ("Nhóm 2 · Tiến độ giải quyết", "Group 2 · Timeliness"),
    "i766.group.3": ("Nhóm 3 · Dịch vụ công trực tuyến", "Group 3 · Online public services"),
    "i766.group.4": ("Nhóm 4 · Thanh toán trực tuyến", "Group 4 · Online payment"),
    "i766.group.5": ("Nhóm 5 · Số hóa hồ sơ", "Group 5 · Digitisation"),
    "i766.group.6": ("Nhóm 6 · Mức độ hài lòng", "Group 6 · Satisfaction"),
    "i766.ind.2.1": ("2.1 Tiến độ giải quyết (không quá hạn)", "2.1 Timeliness (not overdue)"),
    "i766.ind.2.2": (
        "2.2 Thời gian xử lý trung bình (ngày làm việc)",
        "2.2 Average processing time (working days)",
    ),
    "i766.ind.3.3": ("3.3 Hồ sơ trực tuyến (theo QĐ 766)", "3.3 Online applications (QĐ 766)"),
    "i766.ind.3.6a": ("3.6a Thanh toán trực tuyến", "3.6a Online payment"),
    "i766.ind.3.6b": (
        "3.6b TTHC có thanh toán trực tuyến / TTHC có hồ sơ thu phí",
        "3.6b Procedures paid online / procedures with fee-bearing applications",
    ),
    "i766.ind.3.6c": (
        "3.6c TTHC thu phí có hồ sơ / TTHC thu phí",
        "3.6c Fee procedures with applications / fee procedures",
    ),
    "i766.ind.4.1": ("4.1 Kết quả điện tử", "4.1 Electronic results"),
    "i766.ind.4.2": ("4.2 Số hóa hồ sơ", "4.2 Digitised applications"),
    "i766.ind.4.3": ("4.3 Tái sử dụng dữ liệu số hóa", "4.3 Reused digitised data"),
    "i766.ind.5.4": (
        "5.4 Hài lòng trong tiếp nhận, giải quyết (một phần)",
        "5.4 Satisfaction with intake and handling (partial)",
    ),
    "i766.formula.2.1": (
        "hồ sơ không quá hạn (thời gian bổ sung không tính; bổ sung từ 2 lần: quá hạn) / cần "
        "giải quyết; điểm = tỷ lệ × 20",
        "applications not overdue (supplement time not counted; asked twice or more: late) / "
        "to handle; points = ratio × 20",
    ),
    "i766.formula.2.2": (
        "tổng ngày làm việc xử lý / hồ sơ đã giải quyết; chỉ để tham khảo, không tính điểm",
        "working days of processing / applications resolved; for information, no points",
    ),
    "i766.formula.3.3": (
        "nộp trực tuyến và có kết quả điện tử (khi kết quả là giấy tờ) / tiếp nhận; đạt 50% "
        "là đủ 12 điểm, dưới đó tỷ lệ × 12 / 50%",
        "filed online with an electronic result (where the result is a document) / received; "
        "50% earns the full 12, below it ratio × 12 / 50%",
    ),
    "i766.formula.3.6a": (
        "hồ sơ thanh toán trực tuyến / hồ sơ của TTHC có thu phí; điểm = tỷ lệ × 10 (trọng số "
        "các ý (a), (b), (c) chưa xác nhận)",
        "applications paid online / applications of fee procedures; points = ratio × 10 (the "
        "weights of (a), (b), (c) are unconfirmed)",
    ),
    "i766.formula.3.6b": ("chỉ tỷ lệ, không tính điểm", "ratio only, no points"),
    "i766.formula.3.6c": ("chỉ tỷ lệ, không tính điểm", "ratio only, no points"),
    "i766.formula.4.1": (
        "hồ sơ có kết quả điện tử / hồ sơ của TTHC có kết quả là giấy tờ; điểm = tỷ lệ × 6",
        "applications with an electronic result / applications of procedures whose result is "
        "a document; points = ratio × 6",
    ),
    "i766.formula.4.2": (
        "hồ sơ số hóa khi tiếp nhận và có kết quả điện tử / tiếp nhận; điểm = tỷ lệ × 4",
        "applications digitised at intake and with an electronic result / received; "
        "points = ratio × 4",
    ),
    "i766.formula.4.3": (
        "hồ sơ tái sử dụng dữ liệu số hóa / tiếp nhận; đạt 80% là đủ 2 điểm, dưới đó "
        "tỷ lệ × 2 / 80%",
        "applications reusing digitised data / received; 80% earns the full 2, below it "
        "ratio × 2 / 80%",
    ),
    "i766.formula.5.4": (
        "100% − tỷ lệ quá hạn (chưa trừ tỷ lệ phản ánh, kiến nghị: chưa có dữ liệu); đạt 90% "
        "là đủ 6 điểm, dưới đó tỷ lệ × 6 / 90%",
        "100% − late rate (complaints not subtracted: no data); 90% earns the full 6, below "
        "it ratio × 6 / 90%",
    ),
    "i766.needs.publication": (
        "ngày công bố, công khai TTHC trong danh mục và trạng thái đồng bộ từng hồ sơ lên Cổng "
        "Dịch vụ công quốc gia",
        "the catalog's publication dates and each record's sync status with the national portal",
    ),
    "i766.needs.store": (
        "trường cho biết kết quả số hóa được lưu vào kho dữ liệu số và được khai thác lại "
        "(các bản xuất thường không có)",
        "fields telling whether digitised results were stored and reused (most exports lack them)",
    ),
    "i766.needs.feedback": (
        "dữ liệu phản ánh, kiến nghị và đánh giá của người dân (PAKN)",
        "citizens' feedback, complaints and ratings (PAKN data)",
    ),
    "i766.col.group": ("Nhóm", "Group"),
    "i766.col.indicator": ("Chỉ số", "Indicator"),
    "i766.col.numerator": ("Tử số", "Numerator"),
    "i766.col.denominator": ("Mẫu số", "Denominator"),
    "i766.col.ratio": ("Tỷ lệ", "Ratio"),
    "i766.col.points": ("Điểm", "Points"),
    "i766.col.max": ("Tối đa", "Maximum"),
    "i766.col.formula": ("Cách tính", "Formula"),
    "i766.col.status": ("Ghi chú", "Note"),
    "i766.col.rank": ("Hạng", "Rank"),
    "i766.col.share": ("Đạt (% tối đa)", "Earned (% of maximum)"),
    "i766.col.worst": ("Mất nhiều điểm nhất ở", "Loses most points on"),
    "i766.col.worst_loss": ("Điểm mất ở đó", "Points lost there"),
    "i766.col.cost": ("Làm thành phố mất (điểm)", "Costs the city (points)"),
    "i766.col.recovered": ("Cộng dồn nếu khắc phục", "Recovered if all fixed"),
    "i766.status.missing": (
        "thiếu dữ liệu tháng {months}: không tính",
        "data missing for {months}: left out",
    ),
    "i766.status.fallback": (
        "thiếu ngày bổ sung các tháng {months}: tính theo ngày hẹn trả trong tệp",
        "no supplement dates for {months}: judged by the exported due date",
    ),
    "i766.status.none": ("không có hồ sơ để tính", "nothing to count"),
    "i766.status.not_computable": (
        "không tính được từ dữ liệu hồ sơ; cần: {needs}",
        "not computable from the records; needs: {needs}",
    ),
    "i766.not_computable_title": (
        "Các nhóm, chỉ số không tính được từ dữ liệu hồ sơ",
        "Groups and indicators the records cannot compute",
    ),
    "i766.indicators_title": ("Các chỉ số của thành phố", "The city's indicators"),
    "i766.communes_title": ("Xếp hạng phường, xã, đặc khu", "Ranking of wards and communes"),
    "i766.agencies_title": ("Xếp hạng sở, ngành", "Ranking of agencies"),
    "i766.rank_rule": (
        "Xếp theo tỷ lệ điểm đạt được trên điểm tối đa của các chỉ số tính được; bằng nhau thì "
        "đồng hạng; chỉ xếp đơn vị có từ {min} hồ sơ cần giải quyết. Chọn một dòng để xem đơn vị.",
        "Ranked by the share of the computable maximum earned; equal shares share a rank; only "
        "units with at least {min} applications to handle are ranked. Pick a row to open the unit.",
    ),
    "i766.costly_title": (
        "Đơn vị làm thành phố mất nhiều điểm nhất",
        "Units that cost the city most",
    ),
    "i766.costly_line": (
        "Khắc phục {count} đơn vị đầu bảng (đạt đủ điểm mọi chỉ số) thì thành phố được thêm "
        "{points} điểm, từ {now} lên {after} / {max}.",
        "Fixing the top {count} units (full points on every indicator) would add {points} "
        "points to the city, from {now} to {after} / {max}.",
    ),
    "i766.unit_title": ("Chỉ số 766 của {name}", "Index 766 of {name}"),
    "i766.unit_line": (
        "{name}: {points} / {max} điểm, {rank}; mất nhiều điểm nhất ở {worst}.",
        "{name}: {points} / {max} points, {rank}; loses most points on {worst}.",
    ),
    "i766.unit_rank": ("hạng {rank} trong {total} {kind}", "rank {rank} of {total} {kind}"),
    "i766.unit_unranked": (
        "chưa xếp hạng (dưới {min} hồ sơ cần giải quyết)",
        "not ranked (fewer than {min} applications to handle)",
    ),
    "i766.kind.communes": ("phường, xã, đặc khu", "wards and communes"),
    "i766.kind.agencies": ("sở, ngành", "agencies"),
    "i766.unit_link": ("Xem chỉ số 766 của đơn vị", "See the unit's 766 index"),
    "i766.back": ("Trở lại toàn thành phố", "Back to the whole city"),
    "i766.unknown_unit": (
        "Không có đơn vị mã {code} trong phạm vi đang xem.",
        "No unit {code} in this view.",
    ),
    "i766.method_title": ("Cách tính", "How it is computed"),
    "i766.method": (
        "Đây là bản tính lại không chính thức theo cách Cổng Dịch vụ công quốc gia tính (theo "
        "các bản cài đặt công khai của cổng; chưa đối chiếu được phụ lục của Quyết định 766). "
        "Điểm mỗi chỉ số: có ngưỡng T thì tỷ lệ từ T trở lên được đủ điểm, dưới T được tỷ lệ × "
        "điểm tối đa / T; không có ngưỡng thì tỷ lệ × điểm tối đa. Điểm của thành phố (hoặc một "
        "lĩnh vực) ở mỗi chỉ số là trung bình điểm các đơn vị, trọng số là số hồ sơ của đơn vị "
        "trong mẫu số chỉ số đó; vì thế phần mất điểm của thành phố cộng đúng bằng phần mỗi đơn "
        "vị gây ra. Chưa xác nhận: trọng số các ý trong nhóm 3 và nhóm 4 (ở đây 3.3 được đủ 12 "
        "điểm của nhóm 3, 3.6a được đủ 10 điểm của nhóm 4), ngưỡng của 3.3 và 4.3. Tháng mà tệp "
        'xuất thiếu cột một chỉ số cần thì chỉ số đó ghi "thiếu dữ liệu" và không tính tháng '
        "đó. Không tính: {left_out}.",
        "An unofficial reproduction of the national portal's method (from public "
        "implementations of the portal; the decision's annex could not be checked). Each "
        "indicator: with a threshold T, a ratio of T or more earns full points, below T ratio "
        "× maximum / T; without one, ratio × maximum. The city's (or a field's) points on an "
        "indicator are its units' points averaged with each unit weighted by its applications "
        "in the indicator's denominator, so the city's lost points add up exactly to what each "
        "unit costs. Unconfirmed: the weights inside groups 3 and 4 (here 3.3 earns group 3's "
        "12 points, 3.6a group 4's 10), the thresholds of 3.3 and 4.3. A month whose exports "
        'lack a column an indicator needs reads "data missing" and is left out of it. Left '
        "out: {left_out}.",
    ),
    "i766.left_out": (
        "{code} ({points} điểm) cần {needs}",
        "{code} ({points} points) needs {needs}",
    ),
    "i766.chart.groups": (
        "Điểm các nhóm tính được / tối đa",
        "Points of the computable groups / maximum",
    ),
    "i766.chart.trend": (
        "Điểm các nhóm theo tháng (% tối đa)",
        "Group points by month (% of maximum)",
    ),
    "i766.axis.points": ("Điểm", "Points"),
    "i766.legend.points": ("Điểm đạt", "Points earned"),
    "i766.legend.max": ("Tối đa", "Maximum"),
    "i766.report_title": ("Bộ chỉ số 766 (các nhóm tính được)", "QĐ 766 index (computable groups)"),
    "i766.report_note": (
        "Tính lại không chính thức, không phải điểm chính thức; không tính {left_out} (thiếu "
        "dữ liệu đầu vào, xem trang Bộ chỉ số 766). Thanh toán trực tuyến: {coverage}. Đơn vị "
        "làm thành phố mất nhiều điểm nhất: {units}.",
        "An unofficial reproduction, not the official score; {left_out} left out (their inputs "
        "are missing, see the index page). Online payment: {coverage}. Units that cost the "
        "city most: {units}.",
    ),
    "i766.file_title": ("Bộ chỉ số 766 theo đơn vị", "QĐ 766 index by unit"),
    "i766.file_indicators": ("Bộ chỉ số 766: các chỉ số", "QĐ 766 index: indicators"),
    # Locks, months, closed (issue 12)
    "lock.section": ("Chốt số liệu", "Locked periods"),
    "lock.intro": (
        "Chốt số liệu một kỳ sau khi đã gửi báo cáo: số liệu của kỳ (chỉ tiêu, Biểu II.06a của "
        "thành phố và từng đơn vị) được giữ nguyên như lúc chốt; các lần nạp sau không làm đổi "
        "số đã chốt. Khi số liệu hiện nay khác, trang Tổng quan và Biểu II.06a của đúng kỳ đó "
        "hiện cả hai, phần chênh lệch và lần nạp đã làm đổi.",
        "Lock a period once its report is sent: its figures (KPIs, Biểu II.06a of the city and "
        "of every unit) are kept as they are now; later loads never change them. Where the "
        "current figures differ, the overview and Biểu II.06a of that exact period show both, "
        "the difference and the loads that caused it.",
    ),
    "lock.from": ("Từ ngày", "From"),
    "lock.to": ("Đến ngày", "To"),
    "lock.by": ("Người chốt", "Locked by"),
    "lock.note": ("Ghi chú (không bắt buộc)", "Note (optional)"),
    "lock.submit": ("Chốt số liệu kỳ này", "Lock this period"),
    "lock.need_name": ("Cần ghi tên người chốt.", "Say who locks the period."),
    "lock.bad_period": ("Ngày bắt đầu sau ngày kết thúc.", "The period starts after it ends."),
    "lock.done": (
        "Đã chốt số liệu kỳ {period} (số {lock_id}) lúc {at}, người chốt: {by}.",
        "Locked {period} (no. {lock_id}) at {at} by {by}.",
    ),
    "lock.none": ("Chưa chốt kỳ nào.", "No period is locked yet."),
    "lock.col_id": ("Số", "No."),
    "lock.col_period": ("Kỳ", "Period"),
    "lock.col_by": ("Người chốt", "Locked by"),
    "lock.col_at": ("Chốt lúc", "Locked at"),
    "lock.col_note": ("Ghi chú", "Note"),
    "lock.col_changes": ("Hồ sơ thay đổi sau khi chốt", "Applications changed since"),
    "lock.banner": (
        "Kỳ này đã chốt số liệu lúc {at}, người chốt: {by}{note}.",
        "This period was locked at {at} by {by}{note}.",
    ),
    "lock.same": (
        "Số liệu hiện nay trùng với số liệu đã chốt.",
        "The current figures equal the locked ones.",
    ),
    "lock.differs": (
        "Số liệu hiện nay khác số liệu đã chốt: {count} hồ sơ đã thay đổi do {loads} lần nạp "
        "sau khi chốt. Số đã chốt không đổi; bảng dưới đây ghi cả hai.",
        "The current figures differ from the locked ones: {count} applications changed by "
        "{loads} loads after the lock. The locked figures stay; the table shows both.",
    ),
    "lock.details": ("So sánh số đã chốt và số hiện nay", "Locked and current figures"),
    "lock.col_measure": ("Chỉ tiêu", "Measure"),
    "lock.col_locked": ("Đã chốt", "Locked"),
    "lock.col_current": ("Hiện nay", "Current"),
    "lock.col_difference": ("Chênh lệch", "Difference"),
    "lock.col_row": ("Dòng", "Row"),
    "lock.col_column": ("Cột", "Column"),
    "lock.col_file": ("Tệp nạp", "Loaded file"),
    "lock.col_loaded_at": ("Nạp lúc", "Loaded at"),
    "lock.col_applications": ("Số hồ sơ thay đổi", "Applications changed"),
    "lock.col_before": ("Trạng thái lúc chốt", "Status when locked"),
    "lock.col_after": ("Trạng thái hiện nay", "Status now"),
    "lock.new": ("(chưa có trong kho)", "(not yet in the warehouse)"),
    "lock.form_title": ("Biểu II.06a: các ô khác số đã chốt", "Biểu II.06a: cells that differ"),
    "lock.causes_title": (
        "Nguyên nhân: các lần nạp và hồ sơ thay đổi",
        "Cause: loads and applications",
    ),
    "lock.kpi.received": ("Tiếp nhận mới", "Received"),
    "lock.kpi.to_handle": ("Cần giải quyết", "To handle"),
    "lock.kpi.resolved": ("Đã giải quyết", "Resolved"),
    "lock.kpi.resolved_late": ("Giải quyết quá hạn", "Resolved late"),
    "lock.kpi.closed": ("Không tiếp nhận, rút, dừng xử lý", "Closed without result"),
    "lock.kpi.in_progress": ("Đang giải quyết", "In progress"),
    "lock.kpi.overdue": ("Đang giải quyết quá hạn", "In progress, overdue"),
    "lock.kpi.resolution_rate": ("Tỷ lệ giải quyết", "Resolution rate"),
    "lock.kpi.on_time_rate": ("Tỷ lệ đúng hạn (theo ngày hẹn trả)", "On-time rate (due dates)"),
    "lock.kpi.online_share": ("Tỷ lệ trực tuyến (theo kênh nộp)", "Online share (channel)"),
    "lock.subject": ("ho-so-thay-doi-sau-khi-chot", "changed-after-lock"),
    "monthly.title": ("Biểu II.06a theo tháng", "Biểu II.06a by month"),
    "monthly.caption": (
        "Mỗi dòng là Biểu II.06a (dòng tổng cộng) của một tháng trong kỳ; tháng đầu và tháng "
        "cuối tính đến ngày đầu, ngày cuối của kỳ. Tiếp nhận, đã giải quyết, không tiếp nhận, "
        "rút, dừng xử lý cộng các tháng bằng số của cả kỳ; từ kỳ trước là của tháng đầu, đang "
        "giải quyết là của tháng cuối.",
        "Each row is a month's Biểu II.06a (its total row); the first and last months run from "
        "and to the period's days. Received, resolved and closed add up over the months to the "
        "period; carried in is the first month's, in progress the last month's.",
    ),
    "closed.title_units": (
        "Không tiếp nhận, rút, dừng xử lý theo đơn vị",
        "Closed without result by unit",
    ),
    "closed.title_fields": (
        "Không tiếp nhận, rút, dừng xử lý theo lĩnh vực",
        "Closed without result by field",
    ),
    "closed.caption": (
        "Hồ sơ kết thúc trong kỳ mà không có kết quả (trạng thái 3, 7, 8), theo loại; cộng ba "
        'loại bằng thẻ "Không tiếp nhận, rút, dừng xử lý". Biểu II.06a tính chúng là đúng hạn.',
        "Applications that ended in the period without a result (status 3, 7, 8), by kind; the "
        'three add up to the "closed without result" card. Biểu II.06a counts them on time.',
    ),
    "closed.none": (
        "Không có hồ sơ không tiếp nhận, rút, dừng xử lý trong kỳ.",
        "No application closed without a result in the period.",
    ),
    "col.closed": ("Không tiếp nhận, rút, dừng xử lý", "Closed without result"),
    "col.closed_refused": ("Không được tiếp nhận", "Not accepted"),
    "col.closed_withdrawn": ("Công dân rút hồ sơ", "Withdrawn"),
    "col.closed_stopped": ("Dừng xử lý", "Stopped"),
    "col.closed_short": ("Tổng", "Total"),
    "col.closed_refused_short": ("Không nhận", "Refused"),
    "col.closed_withdrawn_short": ("Rút", "Withdrawn"),
    "col.closed_stopped_short": ("Dừng", "Stopped"),
    "col.days_late": ("Số ngày quá hạn", "Days late"),
    "unit.late": ("Hồ sơ đã giải quyết quá hạn trong kỳ", "Resolved late in the period"),
    "unit.late_note": (
        "{count} hồ sơ có kết quả sau ngày hẹn trả, từ {start} đến {end}, quá hạn nhiều nhất "
        "trước; bên cạnh là hồ sơ đang quá hạn tại {end}.",
        "{count} applications finished after their due date from {start} to {end}, latest "
        "first; beside them, those still overdue at {end}.",
    ),
    "unit.no_late": ("Không có hồ sơ giải quyết quá hạn trong kỳ.", "Nothing resolved late."),
    "chart.agencies_ranked": (
        "Sở, ngành theo {measure} ({count}/{total} sở, ngành được xếp hạng)",
        "Provincial agencies by {measure} ({count} of {total} ranked)",
    ),
    "report.agencies_title": ("Sở, ngành", "Provincial agencies"),
    "report.agencies_note": (
        "Hồ sơ do sở, ngành tự tiếp nhận (không thuộc phường, xã, đặc khu), xếp theo {measure}; "
        "chỉ xếp hạng sở, ngành có từ {min} hồ sơ ở mẫu số: {count}/{total} sở, ngành.",
        "Applications the agencies receive themselves (not the wards' and communes'), by "
        "{measure}; only agencies with at least {min} in the denominator are ranked: {count} "
        "of {total}.",
    ),
    "cli.locked": (
        "Đã chốt số liệu kỳ {period} (số {lock_id}) lúc {at}, người chốt: {by}.",
        "Locked {period} (no. {lock_id}) at {at} by {by}.",
    ),
    "cli.no_locks": ("Chưa chốt kỳ nào.", "No period is locked yet."),
    "cli.lock_line": (
        "{lock_id}. {period} · chốt lúc {at} · {by}{note} · {changes} hồ sơ thay đổi sau khi chốt",
        "{lock_id}. {period} · locked at {at} · {by}{note} · {changes} applications changed since",
    ),
    # Display round 2 (issue 13)
    "cards.group.intake": ("Tiếp nhận và giải quyết", "Received and resolved"),
    "cards.group.timeliness": ("Đúng hạn, quá hạn", "On time and overdue"),
    "cards.group.online": ("Trực tuyến, thanh toán, số hóa", "Online, payment, digitisation"),
    "cards.group.duration": ("Thời gian giải quyết", "Processing time"),
    "cards.latest_status": (
        "Theo trạng thái mới nhất của hồ sơ (dữ liệu đến {data_end}), không phải trạng thái "
        "ngày {end}: hồ sơ đã xong sau ngày {end} không còn được đếm.",
        "By each application's latest status (data up to {data_end}), not its status on "
        "{end}: applications finished after {end} are no longer counted.",
    ),
    "col.rank_short": ("Hạng", "Rank"),
    "col.on_time_rate_short": ("Đúng hạn", "On time"),
    "col.overdue_short": ("Quá hạn", "Overdue"),
    # Streamlit's own words (its frontend has no Vietnamese): ui.streamlit_vi rewrites each
    # English text or attribute to the Vietnamese one while the interface is Vietnamese.
    "streamlit.skip": ("Chuyển đến nội dung chính", "Skip to main content"),
    "streamlit.help": ("Trợ giúp", "Help"),
    "streamlit.help_for": ("Trợ giúp: ", "Help for "),
    "streamlit.pages": ("Các trang", "App pages"),
    "streamlit.sidebar": ("Thanh bên", "Sidebar"),
    "streamlit.collapse": ("Thu gọn thanh bên", "Collapse sidebar"),
    "streamlit.expand": ("Mở thanh bên", "Expand sidebar"),
    "streamlit.menu": ("Trình đơn chính", "Main menu"),
    "streamlit.running": ("Đang chạy…", "Running..."),
    "streamlit.fullscreen": ("Toàn màn hình", "Fullscreen"),
    "streamlit.close_fullscreen": ("Thoát toàn màn hình", "Close fullscreen"),
    "streamlit.csv": ("Tải về dạng CSV", "Download as CSV"),
    "streamlit.search": ("Tìm trong bảng", "Search"),
    "streamlit.columns": ("Hiện/ẩn cột", "Show/hide columns"),
    "streamlit.heading_link": ("Liên kết tới mục này", "Link to heading"),
    "streamlit.open": ("Mở danh sách", "Open"),
    "streamlit.close": ("Đóng", "Close"),
    "streamlit.clear_all": ("Xóa hết", "Clear all"),
    "streamlit.clear_value": ("Xóa giá trị", "Clear value"),
    "streamlit.remove": ("Bỏ ", "Remove "),
    "streamlit.no_results": ("Không có kết quả", "No results"),
    "streamlit.choose": ("Chọn một mục", "Choose an option"),
    "streamlit.choose_many": ("Chọn", "Choose options"),
    "streamlit.enter_apply": ("Nhấn Enter để áp dụng", "Press Enter to apply"),
    "streamlit.icon": ("biểu tượng", "icon"),
    # Upload page (app_pages/upload.py)
    "nav.upload": ("Nạp dữ liệu", "Upload data"),
    "upload.title": ("Nạp dữ liệu từ tệp xuất", "Load export files"),
    "upload.intro": (
        "Chọn một hoặc nhiều tệp xuất của hệ thống một cửa ({types}, tối đa {max_mb} MB mỗi "
        "tệp). Tệp được nạp như lệnh `python -m etl load`: dòng không dùng được được giữ lại "
        "trong trang Chất lượng dữ liệu, không mất dòng nào.",
        "Choose one or more exports of the one-stop system ({types}, at most {max_mb} MB each). "
        "They are loaded as `python -m etl load` does: rows that cannot be used are kept on the "
        "Data quality page; no row is lost.",
    ),
    "upload.files": ("Tệp xuất", "Export files"),
    "upload.start": ("Nạp vào kho dữ liệu", "Load into the warehouse"),
    "upload.admin_only": (
        "Chỉ quản trị viên được nạp dữ liệu.",
        "Only administrators can load data.",
    ),
    "upload.open_dashboard": (
        "Bảng điều khiển đang mở cho mọi người (chưa cấu hình đăng nhập) nên chức năng nạp dữ "
        "liệu từ trình duyệt bị tắt. Nạp trên máy chủ bằng lệnh `python -m etl load TỆP…`, hoặc "
        "cấu hình tài khoản quản trị (xem SECURITY.md) để nạp từ trang này.",
        "This dashboard is open to everyone (sign-in is not configured), so uploading from the "
        "browser is switched off. Load on the server with `python -m etl load FILE…`, or "
        "configure administrator accounts (see SECURITY.md) to upload from this page.",
    ),
    "upload.too_big": (
        "{name}: tệp {size} MB vượt giới hạn {max_mb} MB; không nạp.",
        "{name}: the file is {size} MB, over the {max_mb} MB limit; not loaded.",
    ),
    "upload.bad_type": (
        "{name}: loại tệp không được nhận (chỉ {types}); không nạp.",
        "{name}: this type of file is not accepted (only {types}); not loaded.",
    ),
    "upload.running": ("Đang nạp…", "Loading…"),
    "upload.done": ("Đã nạp xong", "Loaded"),
    "upload.failed_all": (
        "Không nạp được: {error}. Kho dữ liệu giữ nguyên như trước.",
        "Could not load: {error}. The warehouse is unchanged.",
    ),
    "upload.file_error": (
        "{name}: không đọc được tệp — {error}",
        "{name}: cannot read the file — {error}",
    ),
    "upload.summary": (
        "{name} ({kind}): đọc {read} · nạp {loaded} · loại {rejected}",
        "{name} ({kind}): read {read} · loaded {loaded} · rejected {rejected}",
    ),
    "upload.reasons": ("Lý do loại: {reasons}", "Rejected because: {reasons}"),
    "upload.sheet": (
        "Trang tính «{sheet}» ({kind}): đọc {read} · nạp {loaded} · loại {rejected}",
        "Sheet «{sheet}» ({kind}): read {read} · loaded {loaded} · rejected {rejected}",
    ),
    "upload.passed_over": (
        "Trang tính «{sheet}»: bỏ qua, không có bảng dữ liệu",
        "Sheet «{sheet}»: passed over, no data table",
    ),
    "upload.footer": (
        "{count} dòng cuối bảng (tổng cộng, người lập biểu, chữ ký) không được lưu",
        "{count} lines under the table (totals, signatures) not stored",
    ),
    "upload.outdated": (
        "{count} hồ sơ trong tệp cũ hơn bản kho đang có: giữ bản mới hơn",
        "{count} applications older than the warehouse's version: the newer one is kept",
    ),
    "upload.missing_fields": (
        "Tệp không có cột: {fields}",
        "The file has no column: {fields}",
    ),
    "upload.see_rejected": ("Xem các dòng bị loại", "See the rejected rows"),
    "filekind.applications": ("hồ sơ", "applications"),
    "filekind.catalog": ("danh mục TTHC", "procedure catalog"),
    "filekind.plans": ("phương án đơn giản hóa", "simplification plans"),
    "filekind.mixed": ("nhiều loại", "several kinds"),
}

_COLUMN = {"vi": 0, "en": 1}


def t(key: str, lang: Lang, **values: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled from `values`."""
    text = STRINGS[key][_COLUMN[lang]]
    return text.format(**values) if values else text


def t_or(key: str, fallback: str, lang: Lang) -> str:
    """The text for `key`, or `fallback` when the table has none (e.g. a new reason code)."""
    return t(key, lang) if key in STRINGS else fallback
