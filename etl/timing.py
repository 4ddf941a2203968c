"""Where a load's time goes, phase by phase (issue 17: "measure first").

Off unless the environment variable ETL_PHASE_TIMES names a file: then `python -m etl load`
(`etl.load.load_files`) records the seconds of each phase and writes them there as JSON when
the load has been published. `benchmarks/bench_etl.py` sets it and prints the breakdown; an
operator can too. Nothing is printed and nothing changes in what a load does: switched off, a
phase is an empty context manager.

Time is exclusive: a phase that starts inside another (the unit matching inside validation,
the summary touch-up inside the upsert) is taken out of the outer one, so the phases add up to
the time spent in `load_files` (the rest of a command is interpreter start and imports).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from contextvars import ContextVar
from pathlib import Path
from time import perf_counter
from typing import TypeVar

ENV = "ETL_PHASE_TIMES"
# In the order a load runs them; "copy" is the private copy of the warehouse a load works on.
PHASES = (
    "copy",
    "read",
    "validate",
    "match_units",
    "upsert",
    "rejections",
    "summaries",
    "publish",
)
T = TypeVar("T")


class PhaseTimes:
    """Seconds per phase of one load, each counted once (see the module docstring)."""

    def __init__(self, clock: Callable[[], float] = perf_counter) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(PHASES, 0.0)
        self._clock = clock
        self._open: list[tuple[str, float]] = []  # the phases running, innermost last

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        if name not in self.seconds:
            raise ValueError(f"unknown phase: {name}")
        now = self._clock()
        if self._open:  # the outer phase stops counting while this one runs
            outer, since = self._open[-1]
            self.seconds[outer] += now - since
        self._open.append((name, now))
        try:
            yield
        finally:
            now = self._clock()
            _, since = self._open.pop()
            self.seconds[name] += now - since
            if self._open:
                outer, _ = self._open[-1]
                self._open[-1] = (outer, now)


_active: ContextVar[PhaseTimes | None] = ContextVar("etl_phase_times", default=None)


@contextmanager
def recording() -> Iterator[PhaseTimes | None]:
    """Record the phases of the load run inside, if ETL_PHASE_TIMES names a file, and write
    them there once the load has finished without an error."""
    target = os.environ.get(ENV)
    if not target:
        yield None
        return
    times = PhaseTimes()
    token = _active.set(times)
    try:
        yield times
    finally:
        _active.reset(token)
    Path(target).write_text(json.dumps(times.seconds, indent=2), encoding="utf-8")


def phase(name: str) -> AbstractContextManager[None]:
    """Count the time of the block as phase `name` of the load being recorded, if any."""
    times = _active.get()
    return times.phase(name) if times is not None else nullcontext()


def timed(function: Callable[..., T], name: str) -> Callable[..., T]:
    """`function`, its calls counted as phase `name` when a load is being recorded (the unit
    matcher: called once per distinct unit name, from inside the validation)."""
    if _active.get() is None:
        return function

    def counted(*args: object, **kwargs: object) -> T:
        with phase(name):
            return function(*args, **kwargs)

    return counted
