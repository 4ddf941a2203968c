"""A topic's table in the A4 report, apart from `present/report.py` so that the topic modules
of `present/` that build one (staffing, …) can be imported by it without an import loop."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReportSection:
    """A topic's table after the fields (agencies, staffing, QĐ 766 …): built by the topic's own
    module in `present/`, laid out by one renderer on the page and in the PDF."""

    title: str
    columns: tuple[str, ...]
    numeric: tuple[bool, ...]  # per column: right-aligned figures
    rows: tuple[tuple[str, ...], ...]
    note: str
