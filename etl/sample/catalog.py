"""The sample procedure catalog (danh mục TTHC) with the published counts, exactly.

Real procedures (`catalog_data.HEAD`) come first with their own attributes; the long tail is
generated per field from `catalog_data.FIELDS`. Counts that the city published (level,
non-boundary, online service, business-related) are met exactly by drawing the remaining
quota from the tail, weighted by how likely each field is to have the attribute.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import asdict

import polars as pl

from etl.sample import catalog_data as data
from etl.sample.quotas import allocate
from etl.units import agency_units

# Share of each level's filings that goes to generated (long-tail) procedures; the named head
# procedures take the rest. Commune offices are dominated by a handful of civil-status and
# certification procedures; provincial filings are spread more widely.
TAIL_VOLUME_SHARE = {"xa": 0.10, "tinh": 0.45}
# Spread of the filing volume between generated procedures of one field (log-normal sigma).
TAIL_VOLUME_SIGMA = 1.0
# Generated codes: first digit and the range of the six digits, like the national codes seen in
# 2025 legal texts (1.000xxx–1.014xxx, 2.000xxx–2.002xxx, 3.000xxx).
CODE_RANGES = ((1, 14_999), (1, 14_999), (2, 2_999), (3, 599))
# A code the generator never uses: the bad-row generator writes it as an unknown procedure.
UNKNOWN_PROCEDURE_CODE = "9.999999"

LEVEL_LABELS = {"tinh": "Cấp tỉnh", "xa": "Cấp xã"}
ONLINE_LABELS = {"toan_trinh": "Toàn trình", "mot_phan": "Một phần", "khong": "Không"}


def _tail_names(spec: data.FieldSpec, n: int, rng: random.Random) -> list[str]:
    """n distinct names for a field's generated procedures."""
    base = [action.format(obj) for obj in spec.objects for action in spec.actions]
    rng.shuffle(base)
    extra = [name + suffix for suffix in data.NAME_SUFFIXES for name in base]
    names = (base + extra)[:n]
    assert len(names) == n, f"field {spec.field} needs more name templates"
    return names


def _codes(n: int, taken: set[str], rng: random.Random) -> list[str]:
    """n unique plausible national codes, none of them taken."""
    codes: list[str] = []
    while len(codes) < n:
        first, top = rng.choice(CODE_RANGES)
        code = f"{first}.{rng.randint(0, top):06d}"
        if code not in taken:
            taken.add(code)
            codes.append(code)
    return codes


def _draw(rows: list[dict], k: int, weight_key: str, rng: random.Random) -> set[int]:
    """Pick k row indices without replacement, with probability rising with row[weight_key].

    Efraimidis–Spirakis keys u^(1/w): exact count, weighted, and rows of weight 0 never drawn.
    """
    keyed = [
        (rng.random() ** (1.0 / row[weight_key]), i)
        for i, row in enumerate(rows)
        if row[weight_key] > 0
    ]
    assert len(keyed) >= k >= 0, f"cannot draw {k} rows by {weight_key}"
    return {i for _, i in sorted(keyed, reverse=True)[:k]}


def _tail_rows(rng: random.Random) -> list[dict]:
    """Generated procedures for every field, sized so each agency and level hits its total."""
    heads = defaultdict(int)
    for head in data.HEAD:
        heads[(head.agency, head.field)] += 1
    quotas: dict[str | None, int] = {**data.AGENCY_PROCEDURES, None: data.COMMUNE_PROCEDURES}
    rows: list[dict] = []
    for agency, quota in quotas.items():
        specs = [spec for spec in data.FIELDS if spec.agency == agency]
        head_count = sum(n for (a, _), n in heads.items() if a == agency)
        room = [max(spec.share - heads[(agency, spec.field)], 0.0) for spec in specs]
        for spec, n in zip(specs, allocate(quota - head_count, room), strict=True):
            for name in _tail_names(spec, n, rng):
                rows.append(
                    {
                        "code": None,
                        "name": name,
                        "field": spec.field,
                        "agency": agency,
                        "online": None,
                        "non_boundary": None,
                        "legal_days": rng.choice(spec.legal_days),
                        "has_fee": rng.random() < spec.fee,
                        "business": None,
                        "weight": spec.volume * rng.lognormvariate(0.0, TAIL_VOLUME_SIGMA),
                        "w_business": spec.business,
                        "w_non_boundary": spec.non_boundary,
                        "w_toan_trinh": spec.toan_trinh,
                        "w_mot_phan": spec.mot_phan,
                        "is_head": False,
                    }
                )
    return rows


def _fill_exact(tail: list[dict], heads: list[dict], rng: random.Random) -> None:
    """Set the tail's yes/no and online attributes so the whole catalog has the exact totals."""

    def remaining(target: int, key: str, value: object = True) -> int:
        return target - sum(1 for head in heads if head[key] == value)

    business = _draw(tail, remaining(data.BUSINESS_PROCEDURES, "business"), "w_business", rng)
    non_boundary = _draw(
        tail, remaining(data.NON_BOUNDARY_PROCEDURES, "non_boundary"), "w_non_boundary", rng
    )
    toan_trinh = _draw(
        tail, remaining(data.TOAN_TRINH_PROCEDURES, "online", data.TT), "w_toan_trinh", rng
    )
    rest = [dict(row, w_mot_phan=0.0) if i in toan_trinh else row for i, row in enumerate(tail)]
    mot_phan = _draw(
        rest, remaining(data.MOT_PHAN_PROCEDURES, "online", data.MP), "w_mot_phan", rng
    )
    for i, row in enumerate(tail):
        row["business"] = i in business
        row["non_boundary"] = i in non_boundary
        row["online"] = data.TT if i in toan_trinh else data.MP if i in mot_phan else data.KH


def build_catalog(province_code: int, seed: int) -> pl.DataFrame:
    """The catalog as a frame: one row per procedure, with `weight` = share of its level's
    filings (used by the application generator, not written to the catalog file)."""
    rng = random.Random(f"{seed}:catalog")
    heads = [dict(asdict(head), is_head=True) for head in data.HEAD]
    tail = _tail_rows(rng)
    _fill_exact(tail, heads, rng)

    taken = {head["code"] for head in heads if head["code"]} | {UNKNOWN_PROCEDURE_CODE}
    rows = heads + tail
    new_codes = iter(_codes(sum(1 for row in rows if not row["code"]), taken, rng))
    for row in rows:
        row["code"] = row["code"] or next(new_codes)
        row["level"] = "xa" if row["agency"] is None else "tinh"

    agencies = {unit.unit_code.split(".", 1)[1]: unit for unit in agency_units(province_code)}
    frame = pl.DataFrame(
        {
            "procedure_code": [row["code"] for row in rows],
            "name": [row["name"] for row in rows],
            "field": [row["field"] for row in rows],
            "level": [row["level"] for row in rows],
            "agency_code": [
                agencies[row["agency"]].unit_code if row["agency"] else None for row in rows
            ],
            "agency_name": [
                agencies[row["agency"]].name if row["agency"] else None for row in rows
            ],
            "online_service": [row["online"] for row in rows],
            "non_boundary": [row["non_boundary"] for row in rows],
            "legal_days": [row["legal_days"] for row in rows],
            "has_fee": [row["has_fee"] for row in rows],
            "business_related": [row["business"] for row in rows],
            "is_head": [row["is_head"] for row in rows],
            "raw_weight": [float(row["weight"]) for row in rows],
        }
    )
    frame = frame.with_columns(
        weight=pl.col("raw_weight")
        / pl.col("raw_weight").sum().over("level", "is_head")
        * pl.when(pl.col("is_head"))
        .then(1 - pl.col("level").replace_strict(TAIL_VOLUME_SHARE, return_dtype=pl.Float64))
        .otherwise(pl.col("level").replace_strict(TAIL_VOLUME_SHARE, return_dtype=pl.Float64))
    ).drop("raw_weight", "is_head")
    _check(frame)
    return frame


def _check(frame: pl.DataFrame) -> None:
    """The published totals, asserted where they are made."""
    assert frame["procedure_code"].n_unique() == frame.height
    assert (frame["level"] == "tinh").sum() == data.PROVINCIAL_PROCEDURES
    assert (frame["level"] == "xa").sum() == data.COMMUNE_PROCEDURES
    assert frame["non_boundary"].sum() == data.NON_BOUNDARY_PROCEDURES
    assert (frame["online_service"] == data.TT).sum() == data.TOAN_TRINH_PROCEDURES
    assert (frame["online_service"] == data.MP).sum() == data.MOT_PHAN_PROCEDURES
    assert frame["business_related"].sum() == data.BUSINESS_PROCEDURES


def catalog_export(catalog: pl.DataFrame) -> pl.DataFrame:
    """The catalog as the file shows it: Vietnamese labels and values."""
    yes_no = {True: "Có", False: "Không"}
    return catalog.select(
        pl.col("procedure_code").alias("Mã TTHC"),
        pl.col("name").alias("Tên thủ tục"),
        pl.col("field").alias("Lĩnh vực"),
        pl.col("level").replace_strict(LEVEL_LABELS).alias("Cấp thực hiện"),
        pl.col("agency_name").alias("Cơ quan thực hiện"),
        pl.col("online_service").replace_strict(ONLINE_LABELS).alias("Mức độ DVC"),
        pl.col("non_boundary")
        .replace_strict(yes_no, return_dtype=pl.String)
        .alias("Thực hiện phi địa giới hành chính"),
        pl.col("legal_days").alias("Thời hạn giải quyết (ngày)"),
        pl.col("has_fee").replace_strict(yes_no, return_dtype=pl.String).alias("Có phí, lệ phí"),
        pl.col("business_related")
        .replace_strict(yes_no, return_dtype=pl.String)
        .alias("Liên quan hoạt động kinh doanh"),
    )
