"""The block under a report's data: totals, signatures, place and date, names.

Report exports end with lines such as "Tổng cộng", "Người lập biểu … Thủ trưởng đơn vị",
"Hải Phòng, ngày 05 tháng 8 năm 2025", "(Ký, ghi rõ họ tên)" and the signers' names, in one
cell or spread over several, with blank lines between. None of it is an application, and the
names are personal data: the block is recognised as the end of the table and dropped whole.

The block is found from the bottom up: it starts at the highest marker line (one of the
phrases above) below the last line that looks like a record (a procedure code, or more cells
than a signature line has). Lines without a marker (the names) belong to the block only when
a marker stands above them.
"""

from __future__ import annotations

import re

import polars as pl

from etl import codes

# Signature blocks are a dozen lines at most; blank lines are already gone.
FOOTER_SEARCH_ROWS = 30
# Signatures side by side fill a few cells of a line; a record fills many.
MAX_FOOTER_CELLS = 4
# Markers, matched on the cell folded to lowercase ASCII words (`codes.value_key`).
_MARKER = re.compile(
    r"""
    ^(?:tong\ cong|tong\ so|tong|cong|total|grand\ total)$          # total lines
    | ^nguoi\ (?:lap|ky|duyet|kiem\ tra|tong\ hop|bao\ cao)\b        # người lập biểu, …
    | ^thu\ truong\b | ^(?:tm|kt|tl|tuq)\b                           # thủ trưởng, TM. UBND
    | ^(?:pho\ )?(?:giam\ doc|chu\ tich|truong\ phong|truong\ ban)\b
    | ^ke\ toan\b | ^lanh\ dao\b | ^xac\ nhan\b | ^noi\ nhan\b | ^ghi\ chu\b
    | \bngay\b.*\bthang\b.*\bnam\b                  # Hải Phòng, ngày … tháng … năm …
    | ^ky\b | \bky\ ten\b | \bghi\ ro\ ho\ ten\b | \bdong\ dau\b  # (Ký, ghi rõ họ tên)
    """,
    re.VERBOSE,
)


def _is_marker(cell: str) -> bool:
    return bool(_MARKER.search(codes.value_key(cell)))


def footer_rows(frame: pl.DataFrame, cells: list[str], code_cells: list[str], row: str) -> list:
    """The `row` labels of the footer block at the end of `frame` (empty when there is none)."""
    tail = frame.tail(FOOTER_SEARCH_ROWS)
    start: int | None = None
    lines = tail.select(row, *cells).rows()
    codes_at = [cells.index(c) + 1 for c in code_cells]
    for index in range(len(lines) - 1, -1, -1):
        values = [v for v in lines[index][1:] if v is not None and v.strip()]
        has_code = any(
            lines[index][i] is not None and codes.procedure_code(lines[index][i]) for i in codes_at
        )
        if not has_code and any(_is_marker(v) for v in values):
            start = index
        elif has_code or len(values) > MAX_FOOTER_CELLS:
            break
    return [] if start is None else [line[0] for line in lines[start:]]
