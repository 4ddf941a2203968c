"""Seeded random numbers for whole columns at once.

Each named stream is a random permutation of 0..n-1 (Polars `shuffle`, a seeded ChaCha
generator, so it is the same on every machine), turned into n evenly spaced uniforms in
(0, 1). Evenly spaced on purpose: "1 % of rows" then means exactly 1 %, which keeps the
sample's proportions stable at small scales. Streams with different names are independent.
"""

from __future__ import annotations

import zlib

import polars as pl


def stream_seed(seed: int, name: str) -> int:
    """A 32-bit seed for the stream `name`, stable across runs and Python versions."""
    return zlib.crc32(f"{seed}:{name}".encode())


def uniform(n: int, seed: int, name: str) -> pl.Series:
    """n uniforms in (0, 1), one per row, in a random order fixed by (seed, name)."""
    permutation = pl.int_range(0, n, eager=True, dtype=pl.Int64).shuffle(
        seed=stream_seed(seed, name)
    )
    return ((permutation.cast(pl.Float64) + 0.5) / max(n, 1)).alias(name)


def uniforms(n: int, seed: int, names: list[str]) -> pl.DataFrame:
    """Several independent streams as columns named after them."""
    return pl.DataFrame([uniform(n, seed, name) for name in names])
