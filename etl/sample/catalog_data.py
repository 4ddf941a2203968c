"""Declared content of the sample procedure catalog, read from `reference/`.

`reference/procedures.csv` lists real procedures (PROCEDURES.md) with the attributes a
one-stop office would expect; an empty code marks a procedure whose national code is
unconfirmed and gets a generated one. `reference/fields.toml` describes every field (lĩnh
vực) of each agency and of the commune level: how many procedures it holds, how its
generated names read, and how likely they are to have a fee, be business-related,
non-boundary or online. The numbers are judgement, not statistics: they only need to look
like a real catalog.
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from pathlib import Path

REFERENCE_DIR = Path(__file__).with_name("reference")
TT, MP, KH = "toan_trinh", "mot_phan", "khong"

# Published catalog totals for Hải Phòng (seed-article-vi.txt); the sample catalog has exactly
# these counts whatever the province, since no other province's figures are at hand.
PROVINCIAL_PROCEDURES = 1915
COMMUNE_PROCEDURES = 320
NON_BOUNDARY_PROCEDURES = 1320
TOAN_TRINH_PROCEDURES = 750
MOT_PHAN_PROCEDURES = 1131
BUSINESS_PROCEDURES = 807

# Procedures per agency (sum = PROVINCIAL_PROCEDURES): roughly the size of each department's
# published list after the 2025 mergers (Nông nghiệp + Tài nguyên môi trường, Xây dựng +
# Giao thông, Tài chính + Kế hoạch đầu tư, Nội vụ + Lao động).
AGENCY_PROCEDURES: dict[str, int] = {
    "SNNMT": 340,
    "SXD": 280,
    "SYT": 260,
    "STC": 175,
    "SCT": 175,
    "SNV": 160,
    "STP": 150,
    "SVHTT": 110,
    "SGDDT": 100,
    "SKHCN": 80,
    "BQLKKT": 50,
    "SDL": 35,
}

# Name templates shared by many fields (fields.toml names them by key).
ACTION_SETS: dict[str, tuple[str, ...]] = {
    "license": ("Cấp {}", "Cấp lại {}", "Cấp điều chỉnh {}", "Gia hạn {}", "Cấp đổi {}"),
    "register": ("Đăng ký {}", "Đăng ký thay đổi {}", "Đăng ký lại {}", "Xóa đăng ký {}"),
    "approve": ("Thẩm định {}", "Phê duyệt {}", "Điều chỉnh {}", "Chấp thuận {}"),
    "benefit": ("Giải quyết {}", "Điều chỉnh {}", "Thôi hưởng {}", "Tạm dừng {}"),
    "notice": ("Thông báo {}", "Tiếp nhận {}", "Xác nhận {}"),
    "found": (
        "Cho phép thành lập {}",
        "Cho phép hoạt động {}",
        "Sáp nhập, chia, tách {}",
        "Giải thể {}",
    ),
    "as_is": ("{}",),
}
# Suffixes that make further distinct names when a field needs more than actions × objects.
NAME_SUFFIXES = (
    " đối với tổ chức",
    " đối với cá nhân",
    " (trường hợp có yếu tố nước ngoài)",
    " (trường hợp bị mất, hư hỏng)",
)


@dataclass(frozen=True)
class Head:
    """A real procedure. `weight`: its share of its level's filings, in per cent."""

    code: str | None
    name: str
    field: str
    agency: str | None  # agency abbreviation (reference/agencies.csv); None = commune level
    online: str
    non_boundary: bool
    legal_days: int  # working days; 0 = within the day (trong ngày)
    has_fee: bool
    business: bool
    weight: float


@dataclass(frozen=True)
class FieldSpec:
    """A field of one agency (or of the commune level) and how its generated tail looks.

    `share` is the field's share of its agency's (or level's) procedures; names are
    `action.format(object)` for every pair; `fee` is a probability, `business`,
    `non_boundary`, `toan_trinh`, `mot_phan` are relative weights for the exact-count draws;
    `volume` scales the filings of its generated procedures.
    """

    field: str
    agency: str | None
    share: float
    actions: tuple[str, ...]
    objects: tuple[str, ...]
    legal_days: tuple[int, ...]
    fee: float
    business: float
    non_boundary: float
    toan_trinh: float
    mot_phan: float
    volume: float


def _heads() -> tuple[Head, ...]:
    with (REFERENCE_DIR / "procedures.csv").open(encoding="utf-8") as handle:
        return tuple(
            Head(
                code=row["code"] or None,
                name=row["name"],
                field=row["field"],
                agency=row["agency"] or None,
                online=row["online"],
                non_boundary=row["non_boundary"] == "1",
                legal_days=int(row["legal_days"]),
                has_fee=row["has_fee"] == "1",
                business=row["business"] == "1",
                weight=float(row["weight"]),
            )
            for row in csv.DictReader(handle)
        )


def _fields() -> tuple[FieldSpec, ...]:
    with (REFERENCE_DIR / "fields.toml").open("rb") as handle:
        specs = tomllib.load(handle)["field"]
    return tuple(
        FieldSpec(
            field=spec["field"],
            agency=spec["agency"] or None,
            share=spec["share"],
            actions=tuple(
                ACTION_SETS[spec["actions"]]
                if isinstance(spec["actions"], str)
                else spec["actions"]
            ),
            objects=tuple(spec["objects"]),
            legal_days=tuple(spec["legal_days"]),
            fee=spec["fee"],
            **spec["weights"],
        )
        for spec in specs
    )


HEAD = _heads()
FIELDS = _fields()
