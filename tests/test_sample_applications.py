"""Filing records of the default sample: the published figures and realistic patterns.

Figures are computed from the good rows of every monthly file, loaded the way the loader
loads them (files in month order, the last copy of an application wins), with the KPI
definitions of DATA_SPEC §4. The end-to-end check through the real loader and metrics is
tests/test_calibration.py.
"""

from __future__ import annotations

from datetime import date, timedelta

import polars as pl
import pytest

from etl.sample import build_sample
from etl.sample.generate import Sample
from etl.sample.people import COMPANY_TRADES, PHONE_PREFIXES, SURNAMES
from etl.units import agency_units, commune_units

START, END = date(2025, 7, 1), date(2025, 8, 20)
FINISHED, CLOSED, OPEN = (9, 10), (3, 7, 8), (2, 4, 5, 6)
CAT_HAI, BACH_LONG_VI = "11914", "11948"


def loaded_state(sample: Sample) -> pl.DataFrame:
    """The warehouse's applications after loading every file in order (last copy wins)."""
    return (
        pl.concat(
            [file.states.with_columns(file_index=pl.lit(i)) for i, file in enumerate(sample.files)]
        )
        .sort("file_index", maintain_order=True)
        .unique("application_id", keep="last", maintain_order=True)
    )


def published_figures(apps: pl.DataFrame, d0: date, d1: date) -> dict[str, float]:
    """received, online share, carried in, resolved and resolution rate for [d0, d1]."""
    day = pl.col("received_at").dt.date()
    ended = pl.col("status").is_in(FINISHED + CLOSED)
    ended_before = ended & (pl.col("finished_at").dt.date() < d0)
    figures = apps.select(
        received=day.is_between(d0, d1).sum(),
        online=(day.is_between(d0, d1) & (pl.col("channel") == 2)).sum(),
        carried_in=((day < d0) & ~ended_before).sum(),
        resolved=(
            pl.col("status").is_in(FINISHED) & pl.col("finished_at").dt.date().is_between(d0, d1)
        ).sum(),
    ).row(0, named=True)
    figures["online_share"] = figures["online"] / figures["received"]
    figures["resolution_rate"] = figures["resolved"] / (figures["received"] + figures["carried_in"])
    return figures


@pytest.fixture(scope="module")
def sample() -> Sample:
    return build_sample()


@pytest.fixture(scope="module")
def apps(sample: Sample) -> pl.DataFrame:
    return loaded_state(sample).with_columns(day=pl.col("received_at").dt.date())


@pytest.mark.slow
def test_published_window_figures_hold_at_full_size(apps: pl.DataFrame) -> None:
    figures = published_figures(apps, START, END)
    assert 246_900 <= figures["received"] <= 246_999
    assert figures["carried_in"] == 0
    assert figures["online_share"] == pytest.approx(0.585, abs=0.001)
    assert figures["resolution_rate"] == pytest.approx(0.947, abs=0.001)
    assert figures["resolved"] == pytest.approx(233_800, abs=300)


@pytest.mark.slow
def test_published_window_figures_hold_for_another_seed() -> None:
    figures = published_figures(loaded_state(build_sample(seed=7)), START, END)
    assert 246_900 <= figures["received"] <= 246_999
    assert figures["online_share"] == pytest.approx(0.585, abs=0.001)
    assert figures["resolution_rate"] == pytest.approx(0.947, abs=0.001)


def test_scale_shrinks_volume_but_keeps_the_published_shares() -> None:
    figures = published_figures(
        loaded_state(build_sample(end=date(2025, 8, 31), scale=0.1)), START, END
    )
    assert figures["received"] == round(246_950 * 0.1)
    assert figures["online_share"] == pytest.approx(0.585, abs=0.001)
    assert figures["resolution_rate"] == pytest.approx(0.947, abs=0.001)


def test_an_earlier_start_carries_applications_in_and_keeps_the_rate() -> None:
    sample = build_sample(start=date(2025, 6, 1), end=date(2025, 9, 30), scale=0.1)
    figures = published_figures(loaded_state(sample), START, END)
    assert figures["carried_in"] > 0
    assert figures["resolution_rate"] == pytest.approx(0.947, abs=0.001)


def test_another_province_gets_its_own_units_and_ids() -> None:
    sample = build_sample(
        start=date(2025, 9, 1), end=date(2025, 10, 15), scale=0.02, province_code=1
    )
    units = {unit.unit_code for unit in commune_units(1) + agency_units(1)}
    apps = sample.applications
    assert set(apps["unit_code"]) <= units
    assert apps["application_id"].str.starts_with("H01.").all()
    assert [f.name for f in sample.files] == ["ho-so_2025-09.csv", "ho-so_2025-10.csv"]


def test_a_year_holds_about_1_7_million_applications(sample: Sample) -> None:
    assert 1_500_000 <= sample.applications.height <= 1_900_000


def test_application_ids_are_unique_and_shaped_like_national_ids(apps: pl.DataFrame) -> None:
    assert apps["application_id"].n_unique() == apps.height
    assert apps["application_id"].str.contains(r"^H31\.(\d{5}|[A-Z]+)-\d{6}-\d{4,}$").all()


def test_dates_are_consistent(apps: pl.DataFrame) -> None:
    assert (apps["due_at"] >= apps["received_at"]).all()
    assert (apps["due_at"].dt.hour() == 17).all()
    finished = apps.filter(pl.col("finished_at").is_not_null())
    assert (finished["finished_at"] >= finished["received_at"]).all()
    returned = apps.filter(pl.col("returned_at").is_not_null())
    assert (returned["returned_at"] >= returned["finished_at"]).all()
    assert set(returned["status"]) == {10}


def test_ended_applications_have_an_end_date_and_open_ones_none(apps: pl.DataFrame) -> None:
    ended = apps["status"].is_in(FINISHED + CLOSED)
    assert apps.filter(ended)["finished_at"].null_count() == 0
    assert apps.filter(~ended)["finished_at"].null_count() == apps.filter(~ended).height
    assert set(apps["status"]) <= set(FINISHED + CLOSED + OPEN)


def test_statuses_are_mostly_finished_with_a_few_closed(apps: pl.DataFrame) -> None:
    share = apps["status"].value_counts(normalize=True)
    shares = dict(share.iter_rows())
    assert shares[10] + shares[9] > 0.95
    assert 0.003 < sum(shares.get(status, 0) for status in CLOSED) < 0.02


def test_open_applications_concentrate_at_the_end_of_the_span(apps: pl.DataFrame) -> None:
    open_apps = apps.filter(pl.col("status").is_in(OPEN))
    recent = open_apps.filter(pl.col("day") > date(2026, 6, 30) - timedelta(days=60))
    assert recent.height > 0.5 * open_apps.height


def test_channels_bcci_is_rare(apps: pl.DataFrame) -> None:
    shares = dict(apps["channel"].value_counts(normalize=True).iter_rows())
    assert set(shares) == {1, 2, 3}
    assert shares[3] < 0.02


def test_wards_file_online_more_than_rural_communes(apps: pl.DataFrame) -> None:
    kinds = {unit.unit_code: unit.kind for unit in commune_units(31)}
    by_kind = (
        apps.with_columns(kind=pl.col("unit_code").replace_strict(kinds, default="so_nganh"))
        .group_by("kind")
        .agg(online=(pl.col("channel") == 2).mean(), n=pl.len())
    )
    online = dict(by_kind.select("kind", "online").iter_rows())
    assert online["phuong"] > online["xa"] + 0.05
    per_unit = dict(by_kind.select("kind", "n").iter_rows())
    assert per_unit["phuong"] / 45 > per_unit["xa"] / 67  # a ward is busier than a commune


def test_cat_hai_has_the_highest_online_share_of_all_units(apps: pl.DataFrame) -> None:
    shares = apps.group_by("unit_code").agg(online=(pl.col("channel") == 2).mean())
    top = shares.sort("online", descending=True)["unit_code"][0]
    assert top == CAT_HAI


def test_bach_long_vi_is_tiny(apps: pl.DataFrame) -> None:
    counts = apps.group_by("unit_code").len()
    commune_mean = counts.filter(pl.col("unit_code").str.len_chars() == 5)["len"].mean()
    tiny = counts.filter(pl.col("unit_code") == BACH_LONG_VI)["len"][0]
    assert 0 < tiny < 0.05 * commune_mean


def test_weekends_are_quieter_and_holidays_near_empty(apps: pl.DataFrame) -> None:
    per_day = apps.group_by("day").len().with_columns(weekday=pl.col("day").dt.weekday())
    mean = dict(per_day.group_by("weekday").agg(pl.col("len").mean()).iter_rows())
    weekday = sum(mean[d] for d in range(1, 6)) / 5
    assert mean[7] < mean[6] < 0.6 * weekday
    counts = dict(per_day.select("day", "len").iter_rows())
    for holiday in (date(2025, 9, 2), date(2026, 1, 1), date(2026, 2, 17), date(2026, 4, 30)):
        assert counts.get(holiday, 0) < 0.1 * weekday


def test_every_unit_has_late_and_overdue_in_progress_applications(apps: pl.DataFrame) -> None:
    end = date(2026, 6, 30)
    late = apps.filter(
        pl.col("status").is_in(FINISHED)
        & (pl.col("finished_at").dt.date() > pl.col("due_at").dt.date())
    )
    overdue = apps.filter(pl.col("status").is_in(OPEN) & (pl.col("due_at").dt.date() < end))
    units = apps["unit_code"].n_unique()
    assert units == 126
    assert late["unit_code"].n_unique() == units
    assert overdue["unit_code"].n_unique() == units


def test_land_and_building_are_slower_and_later_than_civil_status(apps: pl.DataFrame) -> None:
    finished = apps.filter(pl.col("status").is_in(FINISHED)).with_columns(
        days=(pl.col("finished_at") - pl.col("received_at")).dt.total_hours() / 24,
        late=pl.col("finished_at").dt.date() > pl.col("due_at").dt.date(),
    )
    by_field = finished.group_by("field").agg(pl.col("days").median(), pl.col("late").mean())
    days = dict(by_field.select("field", "days").iter_rows())
    late = dict(by_field.select("field", "late").iter_rows())
    assert days["Chứng thực"] < 1 < 4 < days["Đất đai"]
    assert days["Hộ tịch"] < days["Xây dựng"]
    assert late["Đất đai"] > 2 * late["Chứng thực"]


def test_online_payment_only_for_procedures_with_a_fee(apps: pl.DataFrame) -> None:
    assert set(apps.filter(~pl.col("has_fee"))["paid_online"]) == {0}
    assert set(apps.filter(pl.col("has_fee"))["paid_online"]) == {1, 2}
    assert apps["digitized"].mean() > 0.75


def test_personal_columns_hold_fake_values(apps: pl.DataFrame) -> None:
    people = apps.filter(~pl.col("owner").str.starts_with("Công ty"))
    assert people["owner"].str.split(" ").list.first().is_in(list(SURNAMES)).all()
    assert people["id_number"].str.contains(r"^0\d{11}$").all()
    companies = apps.filter(pl.col("owner").str.starts_with("Công ty"))
    trades = "|".join(COMPANY_TRADES)
    assert companies["owner"].str.contains(f"^Công ty TNHH ({trades}) ").all()
    assert companies["id_number"].str.contains(r"^0\d{9}$").all()
    assert apps["phone"].str.slice(0, 3).is_in(list(PHONE_PREFIXES)).all()
    assert apps["address"].str.ends_with("Thành phố Hải Phòng").all()
