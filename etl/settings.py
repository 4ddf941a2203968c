"""Where the warehouse lives: one setting shared by the CLI, the app and the tests."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_WAREHOUSE = PROJECT_ROOT / "data" / "warehouse.duckdb"
# Where `build` writes the generated sample exports before loading them.
DEFAULT_RAW_DIR = PROJECT_ROOT / "data" / "raw"
# The province the sample and the reference units describe unless told otherwise (Hải Phòng).
DEFAULT_PROVINCE_CODE = 31


def warehouse_path() -> Path:
    """The live warehouse file: `WAREHOUSE_PATH` when set, else `data/warehouse.duckdb`."""
    configured = os.environ.get("WAREHOUSE_PATH", "").strip()
    return Path(configured).expanduser().resolve() if configured else DEFAULT_WAREHOUSE


def province_codes() -> list[int]:
    """The provinces whose units a new warehouse knows: `PROVINCES` as "31", "31,01,79" or
    "all"; Hải Phòng by default. Exports name units without their province, so a warehouse
    holds only the provinces it serves: a bare commune name is then rarely ambiguous."""
    configured = os.environ.get("PROVINCES", "").strip()
    return parse_provinces(configured) if configured else [DEFAULT_PROVINCE_CODE]


def parse_provinces(text: str) -> list[int]:
    """ "31", "31,01,79" or "all" as province codes (the PROVINCES setting and the CLI's
    `--provinces`); a code that is no province is an error, not an empty warehouse."""
    from vietnam_provinces import Province

    known = sorted(int(province.code) for province in Province.iter_all())
    if text.strip().lower() == "all":
        return known
    not_a_list = f"'{text}' không phải danh sách mã tỉnh (ví dụ 31,01,79 hoặc all)"
    try:
        codes = [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise ValueError(not_a_list) from None
    if not codes:
        raise ValueError(not_a_list)
    unknown = [str(code) for code in codes if code not in known]
    if unknown:
        raise ValueError(f"không có tỉnh mã {', '.join(unknown)}")
    return list(dict.fromkeys(codes))


def province_code() -> int:
    """The first configured province: the one a single-province deployment serves."""
    return province_codes()[0]
