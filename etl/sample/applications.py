"""Filing records as they finally stand: who filed what, where, when, and how it ended.

Everything is vectorised over all applications at once (no Python loop per application).
The order of work matters for calibration:
1. exact daily counts (the calibration window's total is exact),
2. procedure, unit, channel (the window's online count is exact: a logistic model whose
   intercept is set by ranking, so exactly K applications go online),
3. natural processing times, a few forced late / overdue applications per unit,
4. an exact fix-up of the window's resolved count (a few applications finish a little
   earlier or later than drawn), then returns, payments, digitisation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import polars as pl

from etl.sample import profiles
from etl.sample.quotas import allocate
from etl.sample.rng import uniforms
from etl.sample.workdays import Calendar, day_weights, is_workday

# The city's published figures for 1 July – 20 August 2025 (seed-article-vi.txt, DATA_SPEC §5).
CALIBRATION_PROVINCE = 31
CALIBRATION_START = date(2025, 7, 1)
CALIBRATION_END = date(2025, 8, 20)
CALIBRATION_RECEIVED = 246_950  # "hơn 246.900": the middle of the allowed 246,900–246,999
CALIBRATION_ONLINE_SHARE = 0.585
CALIBRATION_RESOLUTION_RATE = 0.947
# The units the calibrated volume is spread over (Hải Phòng: 114 communes + 12 agencies);
# other provinces get the same volume per unit.
CALIBRATION_UNITS = 126

# Share of filings made at provincial agencies; the rest go to commune one-stop offices.
PROVINCIAL_SHARE = 0.2
# Online share outside the window drifts up month by month (national push for online filing),
# kept within plausible bounds for spans far from 2025.
ONLINE_SHARE_GROWTH = 0.007
ONLINE_SHARE_BOUNDS = (0.2, 0.9)
# Block key of the calibration window in the online draw (months use their first day).
WINDOW_BLOCK = date(1, 1, 1)
# Of applications not filed online, the share sent by public postal service (BCCI).
BCCI_SHARE = 0.015
# Office hours in minutes after midnight: 7:30–11:30 and 13:30–17:00; Saturday morning only.
MORNING_OPEN, MORNING_CLOSE, AFTERNOON_OPEN, AFTERNOON_CLOSE = 450, 690, 810, 1020
# Online filings arrive from 6:00 to 23:00.
ONLINE_FIRST_MINUTE, ONLINE_LAST_MINUTE = 360, 1380
# Filed after 15:00, a same-day procedure is due the next working day; after 16:30 nothing
# is finished the same day.
SAME_DAY_DUE_CUTOFF, SAME_DAY_FINISH_CUTOFF = 900, 990
# Due dates and results: 17:00 on the day; results are signed between 7:45 and 17:15.
DUE_MINUTE, WORK_FIRST_MINUTE, WORK_SPAN_MINUTES = 1020, 465, 570
# How many applications end closed without a result: refused at reception (3), withdrawn by
# the citizen (7), stopped (8).
CLOSED_RATES = {3: 0.004, 7: 0.003, 8: 0.002}
# Processing time as a fraction of the legal time is u^SPEED_EXPONENT (slow fields: see
# profiles.FIELD_SPEED_EXPONENT): half finish within 6 % of it, mostly the same day. Fitted
# so the natural draw resolves about the published 94.7 % in the window, which leaves only a
# few hundred applications at most for the exact fix-up.
SPEED_EXPONENT = 4.0
# A late application is late by 1..LATE_MAX_EXTRA working days (most by one or two).
LATE_MAX_EXTRA = 12
# A few applications get stuck for STUCK_MIN + up to STUCK_SPREAD working days.
STUCK_RATE, STUCK_MIN, STUCK_SPREAD = 0.002, 20, 80
# Every unit shows a few late and a few overdue-in-progress applications, however small.
FORCED_LATE_PER_UNIT, FORCED_OVERDUE_PER_UNIT = 2, 2
# Overdue-in-progress applications are picked among those filed in the span's last days.
FORCED_OVERDUE_RECENT_DAYS = 30
# Results never marked as returned (status stays 9); the rest are returned within 0–2 days.
NEVER_RETURNED = 0.03
# Electronic result: nearly always for online filings, sometimes for in-person ones; times each
# unit's factor (etl.sample.profiles: a few communes are weak), which lowers the city's mean,
# so the online rate is 0.94 and the strict QĐ 766 online share of 1/7–20/8/2025 stays 52.9 %.
E_RESULT_ONLINE, E_RESULT_OFFLINE = 0.94, 0.35
# Online payment among fee-paying applications, by channel.
PAID_ONLINE_ONLINE, PAID_ONLINE_OFFLINE = 0.78, 0.12
# Digitised documents: 80 % in July 2025, +1 point a month (QĐ 766's digitisation push).
DIGITIZED_START, DIGITIZED_GROWTH, DIGITIZED_MAX = 0.80, 0.01, 0.95
# Reused digitised data (QĐ 766 4.3): each unit's start (etl.sample.profiles), +2 points a month.
REUSE_GROWTH, REUSE_MAX = 0.02, 0.97
# Supplement requests (yêu cầu bổ sung): two for 1 %, one for 5 %; a late application was
# asked for documents more often (one in six of the late resolutions had a request).
TWO_SUPPLEMENTS, ONE_SUPPLEMENT, LATE_SUPPLEMENT = 0.01, 0.06, 0.16
# The request comes within the first REQUEST_SHARE of the processing time (from receipt to the
# end); the applicant then takes PAUSE_MIN..PAUSE_MIN + PAUSE_SPREAD of what is left, and the
# office finishes in the rest. The pause is what QĐ 766 does not count against the office.
REQUEST_MIN, REQUEST_SPREAD = 0.05, 0.30
PAUSE_MIN, PAUSE_SPREAD = 0.30, 0.60
# While open: waiting for documents (5), for a fee (6, fee procedures only), else in progress (4).
OPEN_WAITING_DOCUMENTS, OPEN_WAITING_FEE = 0.12, 0.20
# When the resolved count must move, pushed-out applications are picked among those filed in
# the window's last days, where finishing just after the window is natural.
PUSH_RECENT_DAYS = 14

STREAMS = [
    "u_level",
    "u_proc",
    "u_unit",
    "u_channel",
    "u_bcci",
    "u_time",
    "u_close",
    "u_dur",
    "u_late",
    "u_extra",
    "u_fmin",
    "u_force",
    "u_fix",
    "u_ret",
    "u_ret_day",
    "u_e",
    "u_pay",
    "u_dig",
    "u_sup",
    "u_open",
    "u_sup_at",
    "u_sup_len",
    "u_reuse",
]


@dataclass(frozen=True)
class Window:
    """The calibration window and its exact targets (None when the span does not cover it)."""

    start: date
    end: date
    received: int
    online_share: float
    resolution_rate: float


def calibration_window(start: date, end: date, scale: float, province_code: int) -> Window | None:
    if province_code != CALIBRATION_PROVINCE or start > CALIBRATION_START or end < CALIBRATION_END:
        return None
    return Window(
        CALIBRATION_START,
        CALIBRATION_END,
        round(CALIBRATION_RECEIVED * scale),
        CALIBRATION_ONLINE_SHARE,
        CALIBRATION_RESOLUTION_RATE,
    )


def daily_counts(
    start: date,
    end: date,
    scale: float,
    seed: int,
    units: int,
    window: Window | None,
    total: int | None = None,
) -> pl.DataFrame:
    """Applications received per day: the weight rhythm × a rate fitted to the window, or
    exactly `total` spread by the rhythm (how a national sample meets its `records`)."""
    days = day_weights(start, end, seed)
    if total is not None:
        assert window is None, "an exact total and the calibration window exclude each other"
        return days.with_columns(
            n=pl.Series(allocate(total, days["weight"].to_list()), dtype=pl.Int64)
        )
    window_weight = day_weights(CALIBRATION_START, CALIBRATION_END, seed)["weight"].sum()
    rate = CALIBRATION_RECEIVED / window_weight * scale * units / CALIBRATION_UNITS
    counts = [round(weight * rate) for weight in days["weight"]]
    if window is not None:
        inside = [i for i, day in enumerate(days["day"]) if window.start <= day <= window.end]
        exact = allocate(window.received, [days["weight"][i] for i in inside])
        for i, n in zip(inside, exact, strict=True):
            counts[i] = n
    return days.with_columns(n=pl.Series(counts, dtype=pl.Int64))


def _choose(u: pl.Series, table: pl.DataFrame) -> pl.Series:
    """Row index into `table` drawn with probability ∝ table['weight'] (inverse CDF)."""
    cumulative = table["weight"].cum_sum() / table["weight"].sum()
    return cumulative.search_sorted(u, side="right").clip(0, table.height - 1)


def _who_and_what(frame: pl.DataFrame, catalog: pl.DataFrame, units: pl.DataFrame) -> pl.DataFrame:
    """Procedure (by volume weight within its level) and the unit that received it."""
    provincial = catalog.filter(pl.col("level") == "tinh")
    communal = catalog.filter(pl.col("level") == "xa")
    communes = units.filter(pl.col("unit_kind") != "so_nganh").rename({"volume": "weight"})
    is_provincial = frame["u_level"] < PROVINCIAL_SHARE
    procedure = (
        provincial["procedure_code"]
        .gather(_choose(frame["u_proc"], provincial))
        .zip_with(
            is_provincial, communal["procedure_code"].gather(_choose(frame["u_proc"], communal))
        )
    )
    commune = communes["unit_code"].gather(_choose(frame["u_unit"], communes))
    frame = frame.with_columns(procedure_code=procedure, commune=commune).join(
        catalog.select(
            "procedure_code",
            "level",
            "field",
            "agency_code",
            "online_service",
            "legal_days",
            "has_fee",
            "business_related",
        ),
        on="procedure_code",
        how="left",
        maintain_order="left",
    )
    frame = frame.with_columns(
        unit_code=pl.when(pl.col("level") == "tinh")
        .then(pl.col("agency_code"))
        .otherwise(pl.col("commune"))
    ).drop("commune", "agency_code")
    return frame.join(
        units.select(
            "unit_code",
            "unit_kind",
            "online_logit",
            "late_factor",
            "e_result_factor",
            "paid_factor",
            "reuse_start",
        ),
        on="unit_code",
        how="left",
        maintain_order="left",
    )


def online_share(month_start: date) -> float:
    """Target online share for a month outside the window: the window's share plus a drift."""
    months = (month_start.year - CALIBRATION_START.year) * 12 + month_start.month - 7
    low, high = ONLINE_SHARE_BOUNDS
    return min(max(CALIBRATION_ONLINE_SHARE + ONLINE_SHARE_GROWTH * months, low), high)


def _channel(frame: pl.DataFrame, window: Window | None) -> pl.DataFrame:
    """Channel 2 for exactly round(share × n) applications per block, the most online-minded.

    Score = unit + service + off-day log-odds + logistic noise; taking the top K of a block is
    the logistic model with the intercept that yields K. Blocks: the calibration window, and
    each calendar month outside it. Procedures without online service never go online.
    """
    in_window = pl.col("day").is_between(window.start, window.end) if window else pl.lit(False)
    month = pl.col("day").dt.truncate("1mo")
    frame = frame.with_columns(
        block=pl.when(in_window).then(pl.lit(WINDOW_BLOCK)).otherwise(month),
        score=pl.when(pl.col("online_service") == "khong")
        .then(float("-inf"))
        .otherwise(
            pl.col("online_logit")
            + pl.col("online_service").replace_strict(
                profiles.SERVICE_ONLINE, default=0.0, return_dtype=pl.Float64
            )
            + pl.when(pl.col("workday")).then(0.0).otherwise(profiles.OFF_DAY_ONLINE)
            + (pl.col("u_channel") / (1 - pl.col("u_channel"))).log()
        ),
    )
    blocks = frame.group_by("block").agg(
        n=pl.len(), eligible=(pl.col("score") > float("-inf")).sum()
    )
    shares = [
        window.online_share if window and block == WINDOW_BLOCK else online_share(block)
        for block in blocks["block"]
    ]
    blocks = blocks.with_columns(
        k=pl.min_horizontal(
            (pl.Series(shares) * pl.col("n")).round().cast(pl.UInt32), pl.col("eligible")
        )
    )
    if window:
        target = blocks.filter(pl.col("block") == WINDOW_BLOCK)
        assert target.height == 0 or target["k"][0] == round(window.online_share * window.received)
    online = pl.col("score").rank("ordinal", descending=True).over("block") <= pl.col("k")
    channel = (
        pl.when(online)
        .then(2)
        .when(pl.col("u_bcci") < BCCI_SHARE)
        .then(3)
        .otherwise(1)
        .cast(pl.Int8)
    )
    return (
        frame.join(blocks.select("block", "k"), on="block", how="left", maintain_order="left")
        .with_columns(channel=channel)
        .drop("block", "score", "k")
    )


def _received_at(frame: pl.DataFrame) -> pl.DataFrame:
    """Time of day: office hours in person (Saturday and holidays: morning), 6–23h online."""
    office = pl.col("u_time") * (
        MORNING_CLOSE - MORNING_OPEN + AFTERNOON_CLOSE - AFTERNOON_OPEN
    ) + pl.lit(MORNING_OPEN)
    office = (
        pl.when(office < MORNING_CLOSE)
        .then(office)
        .otherwise(office + (AFTERNOON_OPEN - MORNING_CLOSE))
    )
    morning = pl.col("u_time") * (MORNING_CLOSE - MORNING_OPEN) + MORNING_OPEN
    online = pl.col("u_time") * (ONLINE_LAST_MINUTE - ONLINE_FIRST_MINUTE) + ONLINE_FIRST_MINUTE
    minute = (
        pl.when(pl.col("channel") == 2)
        .then(online)
        .when(pl.col("workday"))
        .then(office)
        .otherwise(morning)
        .floor()
        .cast(pl.Int32)
    )
    return frame.with_columns(minute=minute).with_columns(
        received_at=pl.col("day").cast(pl.Datetime("us")) + pl.duration(minutes=pl.col("minute"))
    )


def _at(cal: Calendar, index: pl.Expr, minute: pl.Expr) -> pl.Expr:
    """Timestamp of working day `index` at `minute` after midnight."""
    return cal.workday_at(index).cast(pl.Datetime("us")) + pl.duration(minutes=minute)


def _end_minute(same_day: pl.Expr, u: pl.Expr) -> pl.Expr:
    """Minute a result is signed: soon after receipt on the same day, else within work hours."""
    begin = pl.max_horizontal(pl.col("minute"), pl.lit(WORK_FIRST_MINUTE)) + 10
    later_same_day = begin + u * (SAME_DAY_FINISH_CUTOFF + 60 - begin)
    any_time = WORK_FIRST_MINUTE + u * WORK_SPAN_MINUTES
    return pl.when(same_day).then(later_same_day).otherwise(any_time).floor().cast(pl.Int32)


def _deadlines_and_outcomes(frame: pl.DataFrame, cal: Calendar) -> pl.DataFrame:
    """Due date from the legal time in working days; a natural end for every application.

    `outcome` is 10 (finished) or 3/7/8 (closed); `end_idx` is the working day it ended.
    """
    legal = pl.col("legal_days")
    same_day_due = pl.col("workday") & (pl.col("minute") < SAME_DAY_DUE_CUTOFF)
    frame = frame.with_columns(
        wd_r=cal.index_of(pl.col("day")),
        first_ok=pl.when(pl.col("workday") & (pl.col("minute") < SAME_DAY_FINISH_CUTOFF))
        .then(0)
        .otherwise(1),
        legal_eff=pl.when(legal >= 1).then(legal).when(same_day_due).then(0).otherwise(1),
    ).with_columns(due_idx=pl.col("wd_r") + pl.col("legal_eff"))

    late_p = profiles.late_rate(pl.col("field")) * pl.col("late_factor")
    speed = profiles.speed_exponent(pl.col("field"), SPEED_EXPONENT)
    on_time_k = pl.min_horizontal(
        ((pl.col("legal_eff") + 1) * pl.col("u_dur") ** speed).floor(), pl.col("legal_eff")
    )
    k = (
        pl.when(pl.col("u_late") > 1 - STUCK_RATE)
        .then(pl.col("legal_eff") + STUCK_MIN + (pl.col("u_extra") * STUCK_SPREAD).floor())
        .when(pl.col("u_late") < late_p)
        .then(pl.col("legal_eff") + 1 + (pl.col("u_extra") ** 2 * LATE_MAX_EXTRA).floor())
        .otherwise(on_time_k)
    )
    closed_k = (
        pl.when(pl.col("outcome") == 3)
        .then(0)
        .when(pl.col("outcome") == 7)
        .then(1 + (pl.col("u_extra") * 5).floor())
        .otherwise(2 + (pl.col("u_extra") * 9).floor())
    )
    refused, withdrawn, stopped = CLOSED_RATES[3], CLOSED_RATES[7], CLOSED_RATES[8]
    outcome = (
        pl.when(pl.col("u_close") < refused)
        .then(3)
        .when(pl.col("u_close") < refused + withdrawn)
        .then(7)
        .when(pl.col("u_close") < refused + withdrawn + stopped)
        .then(8)
        .otherwise(10)
    )
    frame = frame.with_columns(outcome=outcome.cast(pl.Int8))
    k_final = pl.max_horizontal(
        pl.when(pl.col("outcome") == 10).then(k).otherwise(closed_k), pl.col("first_ok")
    ).cast(pl.Int32)
    return frame.with_columns(end_idx=pl.col("wd_r") + k_final)


def _pick_per_unit(candidate: pl.Expr, per_unit: int) -> pl.Expr:
    """True for `per_unit` random candidates of each unit (fewer if a unit has fewer)."""
    ranked = pl.when(candidate).then(pl.col("u_force")).rank("ordinal").over("unit_code")
    return candidate & (ranked <= per_unit)


def _force_unit_exceptions(
    frame: pl.DataFrame, cal: Calendar, end: date, window: Window | None
) -> pl.DataFrame:
    """A few late and a few overdue-in-progress applications in every unit.

    Picked outside the calibration window so its exact figures are untouched.
    """
    free = pl.col("day") > window.end if window else pl.lit(True)
    finished = (pl.col("outcome") == 10) & free
    # Late by at most 5 working days, so the late result still lands inside the span.
    room = pl.col("due_idx") + 5 < cal.index_of_date(end)
    late = _pick_per_unit(
        finished & room & (pl.col("end_idx") <= pl.col("due_idx")), FORCED_LATE_PER_UNIT
    )
    frame = frame.with_columns(
        end_idx=pl.when(late)
        .then(pl.col("due_idx") + 1 + (pl.col("u_extra") * 4).floor().cast(pl.Int32))
        .otherwise(pl.col("end_idx"))
    )
    recent = pl.col("day") >= end - timedelta(days=FORCED_OVERDUE_RECENT_DAYS)
    due_before_end = cal.workday_at(pl.col("due_idx")) < end
    on_time = pl.col("end_idx") <= pl.col("due_idx")
    overdue = _pick_per_unit(finished & on_time & recent & due_before_end, FORCED_OVERDUE_PER_UNIT)
    after_end = cal.index_of_date(end) + 1 + (pl.col("u_extra") * STUCK_SPREAD).floor()
    return frame.with_columns(
        end_idx=pl.when(overdue).then(after_end.cast(pl.Int32)).otherwise(pl.col("end_idx"))
    )


def _end_at(frame: pl.DataFrame, cal: Calendar) -> pl.DataFrame:
    same_day = pl.col("end_idx") == pl.col("wd_r")
    return frame.with_columns(
        end_at=_at(cal, pl.col("end_idx"), _end_minute(same_day, pl.col("u_fmin")))
    )


def _calibrate_resolution(frame: pl.DataFrame, cal: Calendar, window: Window) -> pl.DataFrame:
    """Make the window's resolved count exactly round(rate × to handle), by construction.

    Resolved = finished with end date in the window. If the natural draw resolved M and the
    target is K, move |M − K| applications: either a few filed in the window's last days
    finish just after it, or the few that would have finished soonest after it finish
    inside it. Nothing that ended before the window moves, so "carried in" is unchanged.
    """
    end_day = cal.workday_at(pl.col("end_idx"))
    ended_before = end_day < window.start
    received_in = pl.col("day").is_between(window.start, window.end)
    carried_in = (pl.col("day") < window.start) & ~ended_before
    pool = (pl.col("outcome") == 10) & (pl.col("day") <= window.end) & ~ended_before
    resolved = pool & (end_day <= window.end)
    counts = frame.select(handle=(received_in | carried_in).sum(), resolved=resolved.sum()).row(
        0, named=True
    )
    target = round(window.resolution_rate * counts["handle"])
    gap = counts["resolved"] - target

    last_idx = cal.index_of_date(window.end)
    first_idx = cal.index_of_date(window.start) + (0 if is_workday(window.start) else 1)
    if gap > 0:
        candidate = resolved & (pl.col("day") >= window.end - timedelta(days=PUSH_RECENT_DAYS))
        if frame.select(candidate.sum()).item() < gap:  # tiny scales: any resolved one will do
            candidate = resolved
        order = pl.when(candidate).then(pl.col("u_fix"))
        new_idx = last_idx + 1 + (pl.col("u_extra") * 5).floor().cast(pl.Int32)
    else:
        lo = pl.max_horizontal(pl.col("wd_r") + pl.col("first_ok"), pl.lit(first_idx))
        candidate = pool & ~resolved & (lo <= last_idx)
        order = pl.when(candidate).then(pl.col("end_idx") + pl.col("u_fix"))
        new_idx = lo + (pl.col("u_fix") * (last_idx - lo + 1)).floor().cast(pl.Int32)
    move = candidate & (order.rank("ordinal") <= abs(gap))
    available = frame.select(candidate.sum()).item()
    assert available >= abs(gap), f"calibration needs {abs(gap)} moves, has {available}"
    frame = frame.with_columns(end_idx=pl.when(move).then(new_idx).otherwise(pl.col("end_idx")))
    assert frame.select(resolved.sum()).item() == target
    return frame


def _finishing_touches(frame: pl.DataFrame, cal: Calendar) -> pl.DataFrame:
    """Returned date, electronic result, online payment, digitisation, supplements."""
    online = pl.col("channel") == 2
    e_result = (
        pl.when(online)
        .then(pl.col("u_e") < E_RESULT_ONLINE * pl.col("e_result_factor"))
        .otherwise(pl.col("u_e") < E_RESULT_OFFLINE * pl.col("e_result_factor"))
    )
    ret_days = (pl.col("u_ret_day") * 3).floor().cast(pl.Int32)
    ret_same_day = pl.col("end_at") + pl.duration(
        minutes=(5 + pl.col("u_ret_day") * 115).floor().cast(pl.Int32)
    )
    returned = (
        pl.when((pl.col("outcome") != 10) | (pl.col("u_ret") < NEVER_RETURNED))
        .then(pl.lit(None, dtype=pl.Datetime("us")))
        .when((ret_days == 0) | (online & pl.col("e_result")))
        .then(ret_same_day)
        .otherwise(
            _at(
                cal,
                pl.col("end_idx") + ret_days,
                (WORK_FIRST_MINUTE + pl.col("u_ret") * WORK_SPAN_MINUTES).floor().cast(pl.Int32),
            )
        )
    )
    months = (pl.col("day").dt.year() - CALIBRATION_START.year) * 12 + pl.col("day").dt.month() - 7
    digitized_share = (DIGITIZED_START + DIGITIZED_GROWTH * months).clip(0.5, DIGITIZED_MAX)
    paid = (
        pl.when(online)
        .then(pl.col("u_pay") < PAID_ONLINE_ONLINE * pl.col("paid_factor"))
        .otherwise(pl.col("u_pay") < PAID_ONLINE_OFFLINE * pl.col("paid_factor"))
    )
    open_status = (
        pl.when(pl.col("u_open") < OPEN_WAITING_DOCUMENTS)
        .then(5)
        .when(pl.col("has_fee") & (pl.col("u_open") < OPEN_WAITING_FEE))
        .then(6)
        .otherwise(4)
    )
    late = (pl.col("outcome") == 10) & (pl.col("end_idx") > pl.col("due_idx"))
    supplements = (
        pl.when(pl.col("u_sup") < TWO_SUPPLEMENTS)
        .then(2)
        .when((pl.col("u_sup") < ONE_SUPPLEMENT) | (late & (pl.col("u_sup") < LATE_SUPPLEMENT)))
        .then(1)
        .otherwise(0)
    )
    return frame.with_columns(
        e_result=e_result, open_status=open_status.cast(pl.Int8)
    ).with_columns(
        returned_at=returned,
        paid_online=pl.when(~pl.col("has_fee"))
        .then(0)
        .when(paid)
        .then(1)
        .otherwise(2)
        .cast(pl.Int8),
        digitized=pl.col("u_dig") < digitized_share,
        reused_data=pl.col("u_reuse")
        < (pl.col("reuse_start") + REUSE_GROWTH * months).clip(0.0, REUSE_MAX),
        supplement_count=supplements.cast(pl.Int16),
        due_at=_at(cal, pl.col("due_idx"), pl.lit(DUE_MINUTE)),
    )


def _supplement_dates(frame: pl.DataFrame, end: date) -> pl.DataFrame:
    """When the last supplement was requested and when the applicant brought it.

    Both lie between receipt and the end, so the export's due date and end are untouched (the
    calibration holds). An application still open after the span and waiting for documents
    (open status 5) is asked within the span and brings them only when it ends, after it, so
    the last export shows it waiting (status 5 while requested and not done)."""
    span_end = pl.lit(end + timedelta(days=1)).cast(pl.Datetime("us"))
    waiting = (pl.col("open_status") == 5) & (pl.col("end_at") >= span_end)
    horizon = pl.when(waiting).then(span_end).otherwise(pl.col("end_at"))
    requested = pl.col("received_at") + (horizon - pl.col("received_at")) * (
        REQUEST_MIN + REQUEST_SPREAD * pl.col("u_sup_at")
    )
    done = pl.col("supplement_requested_at") + (
        pl.col("end_at") - pl.col("supplement_requested_at")
    ) * (PAUSE_MIN + PAUSE_SPREAD * pl.col("u_sup_len"))
    frame = frame.with_columns(
        supplement_count=pl.when(waiting)
        .then(pl.max_horizontal(pl.col("supplement_count"), 1))
        .otherwise(pl.col("supplement_count"))
        .cast(pl.Int16)
    )
    asked = pl.col("supplement_count") > 0
    return frame.with_columns(
        supplement_requested_at=pl.when(asked).then(requested.dt.truncate("1m"))
    ).with_columns(
        supplement_done_at=pl.when(asked & ~waiting)
        .then(done.dt.truncate("1m"))
        .when(asked)
        .then(pl.col("end_at"))
    )


def _application_ids(frame: pl.DataFrame, province_code: int, units: pl.DataFrame) -> pl.DataFrame:
    """`H<province>.<unit e-ID>-yymmdd-nnnn`: the receiving unit's daily sequence number."""
    e_ids = {code: f"H{province_code:02d}.{code.split('.')[-1]}" for code in units["unit_code"]}
    # Order within a unit's day by minute; u_fix (distinct per row) breaks ties.
    number = (pl.col("minute") + pl.col("u_fix")).rank("ordinal").over("unit_code", "day")
    return frame.with_columns(
        application_id=pl.concat_str(
            pl.col("unit_code").replace_strict(e_ids, return_dtype=pl.String),
            pl.col("day").dt.strftime("-%y%m%d-"),
            number.cast(pl.String).str.zfill(4),
        )
    )


def build_applications(
    start: date,
    end: date,
    scale: float,
    seed: int,
    province_code: int,
    catalog: pl.DataFrame,
    units: pl.DataFrame,
    cal: Calendar,
    total: int | None = None,
) -> pl.DataFrame:
    """Every application of the span in its final state (as of the end of `end`); exactly
    `total` of them when given (then `scale` is unused and nothing is calibrated)."""
    window = None if total is not None else calibration_window(start, end, scale, province_code)
    counts = daily_counts(start, end, scale, seed, units.height, window, total)
    frame = (
        counts.filter(pl.col("n") > 0)
        .select(pl.col("day").repeat_by("n"))
        .explode("day")
        .join(cal.frame.select("day", "workday"), on="day", how="left", maintain_order="left")
    )
    frame = frame.hstack(uniforms(frame.height, seed, STREAMS))
    frame = _who_and_what(frame, catalog, units)
    frame = _received_at(_channel(frame, window))
    frame = _deadlines_and_outcomes(frame, cal)
    frame = _force_unit_exceptions(frame, cal, end, window)
    if window:
        frame = _calibrate_resolution(frame, cal, window)
    frame = _supplement_dates(_finishing_touches(_end_at(frame, cal), cal), end)
    frame = _application_ids(frame, province_code, units)
    return frame.select(
        "application_id",
        "procedure_code",
        "unit_code",
        "unit_kind",
        "level",
        "field",
        "has_fee",
        "business_related",
        "day",
        "received_at",
        "due_at",
        "end_at",
        "outcome",
        "returned_at",
        "open_status",
        "channel",
        "paid_online",
        "digitized",
        "e_result",
        "reused_data",
        "supplement_count",
        "supplement_requested_at",
        "supplement_done_at",
    )
