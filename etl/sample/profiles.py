"""How units and fields differ: volume, online take-up, lateness.

Urban wards (phường) are busier and file online more than rural communes (xã); special zones
(đặc khu) are islands where filing online saves a boat trip; provincial agencies serve
businesses that file online. Each unit also gets its own seeded jitter, so no two look alike.
"""

from __future__ import annotations

import random

import polars as pl

from etl.units import Unit

# Relative filing volume by kind of commune-level unit (a phường has more residents).
KIND_VOLUME = {"phuong": 1.5, "xa": 0.8, "dac_khu": 0.9}
# Log-odds of filing online, by kind of unit, before the per-procedure and weekend effects.
KIND_ONLINE = {"phuong": 0.45, "xa": -0.35, "dac_khu": 3.0, "so_nganh": 0.6}
# Per-unit jitter: volume is log-normal (sigma), online log-odds normal (sd), lateness
# log-normal (sigma) because some offices are short of staff (seed article, 25/8/2025).
VOLUME_SIGMA = 0.35
ONLINE_SD = 0.25
LATE_SIGMA = 0.5
# Units that differ from their kind, by official code. Bạch Long Vĩ (11948) is an island of
# about a thousand people with a satellite link: tiny volume, ordinary online take-up.
UNIT_OVERRIDES: dict[str, dict[str, float]] = {"11948": {"volume": 0.012, "online": 0.0}}

# QĐ 766 (issue 15): how units differ on electronic results, online payment and reused data.
# Most units keep close to the city's rates (a multiplicative jitter); a few communes are
# clearly weak on one of them, so the index page has a story to tell. Drawn from their own
# seeded stream, so the volumes and online take-up above (and the calibration) do not move.
QUALITY_SD = 0.06
WEAK_E_RESULT, WEAK_PAYMENT = 5, 5  # how many communes are weak on each
WEAK_E_RESULT_FACTOR, WEAK_PAYMENT_FACTOR = 0.35, 0.25
# Share of applications reusing digitised data: the unit's own start, growing each month.
REUSE_START, REUSE_SD = 0.55, 0.12

# Log-odds added for the procedure's online service level; "khong" can never be filed online.
SERVICE_ONLINE = {"toan_trinh": 1.2, "mot_phan": 0.0}
# On weekends and holidays offices are closed or half-open, so a larger part goes online.
OFF_DAY_ONLINE = 1.2

# Probability that an application finishes after its due date, by field; slow fields with
# site visits and several agencies involved are late more often. Others: DEFAULT_LATE_RATE.
FIELD_LATE_RATE = {
    "Đất đai": 0.07,
    "Xây dựng": 0.05,
    "Môi trường": 0.04,
    "Tôn giáo": 0.03,
    "Bảo trợ xã hội": 0.02,
    "Người có công": 0.02,
    "Khám bệnh, chữa bệnh": 0.02,
}
DEFAULT_LATE_RATE = 0.008
# Processing time as a fraction of the legal time is u^exponent: the larger the exponent, the
# earlier most applications finish. Fields with site visits and several agencies use much of
# their time (half within 40 % of it); the rest finish early (see SPEED_EXPONENT).
FIELD_SPEED_EXPONENT = {"Đất đai": 1.3, "Xây dựng": 1.3, "Môi trường": 1.3, "Tôn giáo": 1.3}


def unit_profiles(communes: list[Unit], agencies: list[Unit], seed: int) -> pl.DataFrame:
    """One row per unit: `volume` (communes only), `online_logit`, `late_factor`."""
    rng = random.Random(f"{seed}:units")
    rows = []
    for unit in communes + agencies:
        override = UNIT_OVERRIDES.get(unit.unit_code, {})
        volume = KIND_VOLUME.get(unit.kind, 0.0) * rng.lognormvariate(0.0, VOLUME_SIGMA)
        online = KIND_ONLINE[unit.kind] + rng.gauss(0.0, ONLINE_SD)
        rows.append(
            {
                "unit_code": unit.unit_code,
                "unit_kind": unit.kind,
                "volume": override.get("volume", volume),
                "online_logit": override.get("online", online),
                "late_factor": rng.lognormvariate(0.0, LATE_SIGMA),
            }
        )
    return pl.DataFrame(rows).join(
        _quality_profiles(communes, agencies, seed), on="unit_code", how="left"
    )


def _quality_profiles(communes: list[Unit], agencies: list[Unit], seed: int) -> pl.DataFrame:
    """Per unit: `e_result_factor` and `paid_factor` (multiplying the city's rates) and
    `reuse_start` (its share of reused data in July 2025)."""
    rng = random.Random(f"{seed}:units-766")
    codes = [unit.unit_code for unit in communes if unit.unit_code not in UNIT_OVERRIDES]
    weak = rng.sample(codes, min(len(codes), WEAK_E_RESULT + WEAK_PAYMENT))
    weak_e, weak_pay = set(weak[:WEAK_E_RESULT]), set(weak[WEAK_E_RESULT:])
    rows = []
    for unit in communes + agencies:
        e_result = rng.gauss(1.0, QUALITY_SD)
        paid = rng.gauss(1.0, QUALITY_SD)
        reuse = rng.gauss(REUSE_START, REUSE_SD)
        rows.append(
            {
                "unit_code": unit.unit_code,
                "e_result_factor": WEAK_E_RESULT_FACTOR if unit.unit_code in weak_e else e_result,
                "paid_factor": WEAK_PAYMENT_FACTOR if unit.unit_code in weak_pay else paid,
                "reuse_start": min(max(reuse, 0.05), 0.95),
            }
        )
    return pl.DataFrame(rows)


def speed_exponent(field: pl.Expr, default: float) -> pl.Expr:
    """Exponent of the processing-time draw for a field."""
    return field.replace_strict(FIELD_SPEED_EXPONENT, default=default, return_dtype=pl.Float64)


def late_rate(field: pl.Expr) -> pl.Expr:
    """Base lateness probability of a field."""
    return field.replace_strict(FIELD_LATE_RATE, default=DEFAULT_LATE_RATE, return_dtype=pl.Float64)
