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


def province_code() -> int:
    """The province whose units the warehouse describes (`PROVINCE_CODE`, default Hải Phòng)."""
    return int(os.environ.get("PROVINCE_CODE", DEFAULT_PROVINCE_CODE))
