"""How long a filter change takes to re-render the overview, in server time.

Two measurements on the warehouse at `WAREHOUSE_PATH` (default `data/warehouse.duckdb`;
built from the sample first if missing):
- compute: the overview's metrics queries plus its figure building, uncached, per view;
- app: a full AppTest re-run of app.py after a filter change (queries, figures, Streamlit),
  each view new to the cache, as a person clicking a filter would cause.
The issue's budget is 300 ms per filter change on 2 cores.

    python -m benchmarks.bench_render [--rounds 3] [--page index_766]
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import replace
from datetime import date

from etl.settings import PROJECT_ROOT, warehouse_path
from metrics import activity, breakdown, freshness, kpis, rankings, units_league
from metrics.connection import snapshot
from metrics.filters import Filters
from present import overview_charts as charts

BUDGET_MS = 300.0


def views(data_end: date) -> list[Filters]:
    """A default-like view and the filter changes a person makes from it."""
    month = Filters(data_end.replace(day=1), data_end)
    return [
        month,
        replace(month, channels=(2,)),
        replace(month, unit_kinds=("xa",)),
        replace(month, levels=("xa",), fields=()),
        Filters(date(2025, 7, 1), date(2025, 8, 20)),
        Filters(date(2025, 7, 1), data_end),
        replace(month, start=data_end.replace(month=1, day=1)),
    ]


def render_overview(con, filters: Filters, data_start: date) -> None:
    """Everything the overview computes for one view, without Streamlit or caches."""
    scope, lang = "Thành phố Hải Phòng, 01/07–20/08/2025", "vi"
    comparison = kpis.compare_periods(con, filters, data_start)
    grain = activity.default_grain(filters.days)
    charts.trend_figure(activity.trend(con, filters, grain), grain, lang, scope).to_json()
    charts.channel_figure(activity.channel_mix(con, filters), lang, scope).to_json()
    charts.status_figure(comparison.current, lang, scope).to_json()
    league = units_league.league_table(con, filters)
    best, worst = rankings.best_and_worst(league, "on_time_rate")
    charts.ranking_figure(best, "on_time_rate", lang, "best", scope, "#009E73").to_json()
    charts.ranking_figure(worst, "on_time_rate", lang, "worst", scope, "#D55E00").to_json()
    charts.fields_figure(breakdown.field_activity(con, filters), lang, scope).to_json()


def bench_compute(rounds: int) -> list[float]:
    with snapshot() as con:
        fresh = freshness.freshness(con)
        assert fresh.data_start and fresh.data_end
        render_overview(con, views(fresh.data_end)[0], fresh.data_start)  # warm the file cache
        timings = []
        for _ in range(rounds):
            for filters in views(fresh.data_end):
                started = time.perf_counter()
                render_overview(con, filters, fresh.data_start)
                timings.append((time.perf_counter() - started) * 1000)
    return timings


def bench_app() -> list[float]:
    """Re-runs of the whole app after filter changes, each view not yet in the cache."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    st.cache_data.clear()
    app = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=120).run()
    assert not app.exception, app.exception
    changes = [
        lambda a: a.pills(key="channel").set_value([2]),
        lambda a: a.pills(key="kind").set_value(["xa"]),
        lambda a: a.pills(key="level").set_value(["xa"]),
        lambda a: a.selectbox(key="period").set_value("last_month"),
        lambda a: a.selectbox(key="period").set_value("since_reform"),
        lambda a: a.multiselect(key="unit").set_value([a.multiselect(key="unit").options[0]]),
    ]
    timings = []
    for change in changes:
        change(app)
        started = time.perf_counter()
        app.run()
        timings.append((time.perf_counter() - started) * 1000)
        assert not app.exception, app.exception
    return timings


# The analyst pages (issue 4): each re-run after a filter change, in server time.
ANALYST_PAGES = (
    "app_pages/units.py",
    "app_pages/unit.py",
    "app_pages/procedures.py",
    "app_pages/simplification.py",
    "app_pages/bieu_06a.py",
    "app_pages/data_quality.py",
    "app_pages/index_766.py",
)


def bench_pages(pages: tuple[str, ...] = ANALYST_PAGES) -> dict[str, list[float]]:
    """Per analyst page: re-runs after the same filter changes as `bench_app`, cache cold."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    timings: dict[str, list[float]] = {}
    for page in pages:
        st.cache_data.clear()
        app = AppTest.from_file(str(PROJECT_ROOT / "app.py"), default_timeout=120).run()
        app.switch_page(page)
        if page == "app_pages/unit.py":
            app.query_params["ma"] = _busiest_unit()
        app.run()
        assert not app.exception, (page, app.exception)
        timings[page] = []
        for change in (
            lambda a: a.pills(key="channel").set_value([2]),
            lambda a: a.pills(key="kind").set_value(["xa"]),
            lambda a: a.selectbox(key="period").set_value("last_month"),
            lambda a: a.selectbox(key="period").set_value("since_reform"),
        ):
            change(app)
            started = time.perf_counter()
            app.run()
            timings[page].append((time.perf_counter() - started) * 1000)
            assert not app.exception, (page, app.exception)
    return timings


def _busiest_unit() -> str:
    from metrics.units_league import league_table

    with snapshot() as con:
        fresh = freshness.freshness(con)
        assert fresh.data_end
        return league_table(con, Filters(fresh.data_end.replace(day=1), fresh.data_end))[
            "unit_code"
        ][0]


def _report(name: str, timings: list[float]) -> None:
    print(
        f"{name:8s} n={len(timings):3d}  median {statistics.median(timings):6.1f} ms  "
        f"max {max(timings):6.1f} ms  (budget {BUDGET_MS:.0f} ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--page", help="only this analyst page's re-runs, e.g. index_766 (skips the overview)"
    )
    args = parser.parse_args()
    if not warehouse_path().exists():
        from etl.build import build_warehouse

        print(f"building the sample warehouse at {warehouse_path()} …")
        build_warehouse()
    pages = ANALYST_PAGES
    if args.page:
        pages = tuple(page for page in ANALYST_PAGES if page == f"app_pages/{args.page}.py")
    else:
        _report("compute", bench_compute(args.rounds))
        _report("app", bench_app())
    for page, timings in bench_pages(pages).items():
        _report(page.removeprefix("app_pages/").removesuffix(".py"), timings)


if __name__ == "__main__":
    main()
