"""Simplification plans (phương án đơn giản hóa): 95 of the 807 business-related procedures.

The city reported 95/807 business-related procedures with a plan, each cutting processing
time by at least half, and all 12 agencies cutting. So every agency gets one plan first, the
rest are drawn from the remaining business-related provincial procedures.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta

import polars as pl

# Published figures (seed-article-vi.txt).
PLANS = 95
MAX_KEPT_SHARE = 0.5  # "cắt giảm tối thiểu 50 % thời gian": days_after ≤ half of days_before
# The deepest cut drawn: days_after down to 30 % of days_before.
MIN_KEPT_SHARE = 0.3
# Plans are approved in a handful of decisions of the city's People's Committee in 2025.
DECISIONS = 6
DECISION_PERIOD = (date(2025, 7, 15), date(2025, 12, 15))
# Plan status by decision age: older decisions are already carried out.
STATUS_BY_AGE = ("Đã thực hiện", "Đã thực hiện", "Đã phê duyệt", "Đã phê duyệt", "Đề xuất")


def build_plans(catalog: pl.DataFrame, seed: int) -> pl.DataFrame:
    """One row per plan: procedure, decision, agency, days before/after, status, date."""
    rng = random.Random(f"{seed}:plans")
    # A plan needs at least two legal days to cut to half and keep a whole day.
    eligible = catalog.filter(
        pl.col("business_related") & (pl.col("level") == "tinh") & (pl.col("legal_days") >= 2)
    ).sort("procedure_code")
    by_agency: dict[str, list[dict]] = {}
    for row in eligible.iter_rows(named=True):
        by_agency.setdefault(row["agency_code"], []).append(row)
    agencies = sorted(catalog["agency_code"].drop_nulls().unique())
    missing = set(agencies) - set(by_agency)
    assert not missing, f"agencies without a business-related procedure to simplify: {missing}"

    chosen = [rng.choice(by_agency[agency]) for agency in agencies]
    taken = {row["procedure_code"] for row in chosen}
    rest = [row for row in eligible.iter_rows(named=True) if row["procedure_code"] not in taken]
    chosen += rng.sample(rest, PLANS - len(chosen))

    span = (DECISION_PERIOD[1] - DECISION_PERIOD[0]).days
    days = sorted(rng.sample(range(span), DECISIONS))
    numbers = rng.sample(range(1000, 4000), DECISIONS)
    decisions = [
        (f"{number}/QĐ-UBND", DECISION_PERIOD[0] + timedelta(days=d))
        for number, d in zip(numbers, days, strict=True)
    ]
    rows = []
    for row in chosen:
        index = rng.randrange(DECISIONS)
        number, decided_on = decisions[index]
        before = row["legal_days"]
        after = max(1, math.floor(before * rng.uniform(MIN_KEPT_SHARE, MAX_KEPT_SHARE)))
        assert after <= MAX_KEPT_SHARE * before
        rows.append(
            {
                "procedure_code": row["procedure_code"],
                "plan": number,
                "agency_code": row["agency_code"],
                "agency_name": row["agency_name"],
                "days_before": before,
                "days_after": after,
                "status": STATUS_BY_AGE[index * len(STATUS_BY_AGE) // DECISIONS],
                "decided_on": decided_on,
            }
        )
    return pl.DataFrame(rows).sort("decided_on", "procedure_code")


def plans_export(plans: pl.DataFrame) -> pl.DataFrame:
    """The plans as the file shows them: Vietnamese labels, dd/mm/yyyy dates."""
    return plans.select(
        pl.col("procedure_code").alias("Mã TTHC"),
        pl.col("plan").alias("Số quyết định"),
        pl.col("agency_name").alias("Cơ quan thực hiện"),
        pl.col("days_before").alias("Thời gian trước cắt giảm"),
        pl.col("days_after").alias("Thời gian sau cắt giảm"),
        pl.col("status").alias("Trạng thái"),
        pl.col("decided_on").dt.strftime("%d/%m/%Y").alias("Ngày quyết định"),
    )
