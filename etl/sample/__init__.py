"""Deterministic sample exports of a one-stop system, calibrated to published figures.

`generate_sample` writes the catalog, the simplification plans and one filing-record export
per month, in several layouts, with a few bad rows of every kind (DATA_SPEC §5).
"""

from etl.sample.generate import build_sample, generate_sample

__all__ = ["build_sample", "generate_sample"]
