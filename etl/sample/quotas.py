"""Exact integer quotas: the tool that makes the sample's published figures exact."""

from __future__ import annotations

import math


def allocate(total: int, weights: list[float]) -> list[int]:
    """Split `total` into integers proportional to `weights` (largest remainder, ties by order).

    The parts always sum to `total`, which is what lets the generator promise exact counts.
    """
    norm = sum(weights)
    raw = [total * w / norm for w in weights]
    counts = [math.floor(r) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: (counts[i] - raw[i], i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts
