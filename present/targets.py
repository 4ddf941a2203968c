"""Targets for the KPI cards, read from `present/targets.toml`, and the red / amber / green
verdict."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Literal

TARGETS_FILE = Path(__file__).with_name("targets.toml")

Light = Literal["green", "amber", "red"]


@dataclass(frozen=True)
class Target:
    value: float
    direction: Literal["at_least", "at_most"]
    amber_within: float

    def light(self, actual: float) -> Light:
        """Green when the target is met, amber when within `amber_within` of it, else red."""
        shortfall = self.value - actual if self.direction == "at_least" else actual - self.value
        if shortfall <= 0:
            return "green"
        return "amber" if shortfall <= self.amber_within else "red"


@cache
def targets(path: Path = TARGETS_FILE) -> dict[str, Target]:
    """Targets by KPI id. Read once per process: edit the file, then restart the app."""
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    return {
        kpi: Target(float(spec["target"]), spec["direction"], float(spec["amber_within"]))
        for kpi, spec in raw.items()
    }
