"""Fake personal data for the columns real exports carry (owner, ID number, address, phone).

Every value is synthetic, drawn from common Vietnamese name parts and random digits, so the
reader's job of dropping personal data can be tested without any real person in the sample.
"""

from __future__ import annotations

import polars as pl

from etl.sample.rng import uniforms
from etl.units import Unit

# Family names with rough national frequencies (per cent).
SURNAMES = {
    "Nguyễn": 38.0,
    "Trần": 11.0,
    "Lê": 9.5,
    "Phạm": 7.0,
    "Hoàng": 5.0,
    "Vũ": 4.0,
    "Phan": 4.5,
    "Đặng": 2.0,
    "Bùi": 2.0,
    "Đỗ": 1.5,
    "Hồ": 1.3,
    "Ngô": 1.3,
    "Dương": 1.0,
    "Lý": 0.5,
}
MIDDLE = {
    "male": ("Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Xuân", "Ngọc", "Công", "Tiến"),
    "female": ("Thị", "Ngọc", "Thu", "Thanh", "Minh", "Phương", "Hồng", "Kim", "Thùy", "Mai"),
}
GIVEN = {
    "male": (
        "An",
        "Bình",
        "Cường",
        "Dũng",
        "Hải",
        "Hùng",
        "Khánh",
        "Long",
        "Nam",
        "Phong",
        "Quân",
        "Sơn",
        "Thắng",
        "Tuấn",
        "Việt",
        "Đạt",
        "Hiếu",
        "Toàn",
        "Trung",
        "Vinh",
    ),  # fmt: skip
    "female": (
        "Anh",
        "Chi",
        "Dung",
        "Hà",
        "Hạnh",
        "Hoa",
        "Hương",
        "Lan",
        "Linh",
        "Mai",
        "Ngân",
        "Nhung",
        "Phương",
        "Thảo",
        "Trang",
        "Yến",
        "Huyền",
        "Loan",
        "Quỳnh",
        "Vân",
    ),  # fmt: skip
}
COMPANY_TRADES = ("Thương mại", "Dịch vụ", "Xây dựng", "Vận tải", "Thực phẩm", "Công nghệ")
COMPANY_BRANDS = (
    "Minh Phát", "Hải Long", "An Khang", "Thành Công", "Hưng Thịnh", "Phú Gia",
    "Đại Dương", "Sao Biển", "Tân Cảng", "Bảo Ngọc", "Việt Tiến", "Hòa Bình",
)  # fmt: skip
# Mobile prefixes of Vietnamese carriers.
PHONE_PREFIXES = (
    "090", "091", "093", "094", "096", "097", "098", "086", "088", "089",
    "032", "033", "035", "036", "037", "038", "039", "070", "077", "083",
)  # fmt: skip
# Share of business-related filings made by a company rather than a person.
COMPANY_SHARE = 0.6
# Share of people born in the province itself (the first digits of the ID number).
BORN_HERE = 0.85
# Fake people and companies are drawn once into pools and each application picks from them:
# formatting a million names is the slow part, picking is cheap.
PEOPLE_POOL, COMPANY_POOL, ADDRESSES_PER_UNIT = 100_000, 5_000, 400
PERSON_STREAMS = ["sur", "male", "mid", "given", "born", "birth", "serial", "phone", "digits"]


def _pick(values: tuple[str, ...], u: pl.Expr) -> pl.Expr:
    """One of `values`, uniformly."""
    return pl.lit(pl.Series(values)).gather((u * len(values)).floor().cast(pl.UInt32))


def _digits(u: pl.Expr, width: int) -> pl.Expr:
    return (u * 10**width).floor().cast(pl.Int64).cast(pl.String).str.zfill(width)


def _people(province_code: int, seed: int) -> pl.DataFrame:
    """A pool of fake people: full name, 12-digit citizen ID, mobile number."""
    frame = uniforms(PEOPLE_POOL, seed, [f"person_{name}" for name in PERSON_STREAMS])
    frame = frame.rename(lambda name: name.removeprefix("person_"))
    cumulative = pl.Series(list(SURNAMES.values())).cum_sum() / sum(SURNAMES.values())
    surname = pl.Series(list(SURNAMES)).gather(cumulative.search_sorted(frame["sur"], side="right"))
    male = pl.col("male") < 0.5
    name = pl.concat_str(
        pl.lit(surname),
        pl.when(male)
        .then(_pick(MIDDLE["male"], pl.col("mid")))
        .otherwise(_pick(MIDDLE["female"], pl.col("mid"))),
        pl.when(male)
        .then(_pick(GIVEN["male"], pl.col("given")))
        .otherwise(_pick(GIVEN["female"], pl.col("given"))),
        separator=" ",
    )
    birth_year = 1945 + (pl.col("birth") * 62).floor().cast(pl.Int32)
    century_sex = (birth_year >= 2000).cast(pl.Int32) * 2 + (~male).cast(pl.Int32)
    born = (
        pl.when(pl.col("born") < BORN_HERE)
        .then(pl.lit(province_code))
        .otherwise(1 + (pl.col("born") * 96).floor().cast(pl.Int32))
    )
    citizen_id = pl.concat_str(
        pl.lit("0"),
        born.cast(pl.String).str.zfill(2),
        century_sex.cast(pl.String),
        (birth_year % 100).cast(pl.String).str.zfill(2),
        _digits(pl.col("serial"), 6),
    )
    phone = pl.concat_str(_pick(PHONE_PREFIXES, pl.col("phone")), _digits(pl.col("digits"), 7))
    return frame.select(owner=name, id_number=citizen_id, phone=phone)


def _companies(seed: int) -> pl.DataFrame:
    """A pool of fake companies: name and 10-digit tax code."""
    frame = uniforms(COMPANY_POOL, seed, ["company_trade", "company_brand", "company_tax"])
    return frame.select(
        owner=pl.format(
            "Công ty TNHH {} {}",
            _pick(COMPANY_TRADES, pl.col("company_trade")),
            _pick(COMPANY_BRANDS, pl.col("company_brand")),
        ),
        id_number=pl.concat_str(pl.lit("0"), _digits(pl.col("company_tax"), 9)),
    )


def _addresses(communes: list[Unit], province: str, seed: int) -> pl.DataFrame:
    """ADDRESSES_PER_UNIT fake addresses in each commune, commune after commune."""
    n = len(communes) * ADDRESSES_PER_UNIT
    frame = uniforms(n, seed, ["address_house", "address_hamlet"]).with_columns(
        unit=pl.int_range(0, n) // ADDRESSES_PER_UNIT
    )
    names = pl.Series([unit.name for unit in communes])
    hamlets = pl.Series(["Tổ dân phố" if u.kind == "phuong" else "Thôn" for u in communes])
    return frame.select(
        address=pl.format(
            "Số {}, {} {}, {}, {}",
            1 + (pl.col("address_house") * 300).floor().cast(pl.Int32),
            pl.lit(hamlets).gather(pl.col("unit")),
            1 + (pl.col("address_hamlet") * 15).floor().cast(pl.Int32),
            pl.lit(names).gather(pl.col("unit")),
            pl.lit(province),
        )
    )


def fake_people(
    apps: pl.DataFrame, communes: list[Unit], province_code: int, province: str, seed: int
) -> pl.DataFrame:
    """Owner, ID number, address and phone for each application, aligned with `apps`.

    Companies file some business-related procedures; people live in the commune where they
    file, or anywhere in the province when they file at a provincial agency.
    """
    people, companies = _people(province_code, seed), _companies(seed)
    addresses = _addresses(communes, province, seed)
    picks = uniforms(
        apps.height, seed, ["pick_person", "pick_company", "pick_kind", "pick_home", "pick_address"]
    )
    index = {unit.unit_code: i for i, unit in enumerate(communes)}
    home = (
        apps["unit_code"]
        .replace_strict(index, default=None, return_dtype=pl.Int64)
        .fill_null((picks["pick_home"] * len(communes)).floor().cast(pl.Int64))
    )
    person = (picks["pick_person"] * PEOPLE_POOL).floor().cast(pl.Int64)
    company = (picks["pick_company"] * COMPANY_POOL).floor().cast(pl.Int64)
    is_company = apps["business_related"] & (picks["pick_kind"] < COMPANY_SHARE)
    slot = home * ADDRESSES_PER_UNIT + (picks["pick_address"] * ADDRESSES_PER_UNIT).floor().cast(
        pl.Int64
    )
    return pl.DataFrame(
        {
            "owner": companies["owner"]
            .gather(company)
            .zip_with(is_company, people["owner"].gather(person)),
            "id_number": companies["id_number"]
            .gather(company)
            .zip_with(is_company, people["id_number"].gather(person)),
            "address": addresses["address"].gather(slot),
            "phone": people["phone"].gather(person),
        }
    )
