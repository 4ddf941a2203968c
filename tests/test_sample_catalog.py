"""The sample catalog and simplification plans have the published counts (DATA_SPEC §5)."""

from __future__ import annotations

import re
from datetime import date

import polars as pl
import pytest

from etl.aliases import (
    CATALOG_FIELDS,
    CATALOG_REQUIRED,
    PLAN_FIELDS,
    PLAN_REQUIRED,
    PLAN_STATUSES,
    alias_index,
)
from etl.sample.catalog import UNKNOWN_PROCEDURE_CODE, build_catalog, catalog_export
from etl.sample.catalog_data import HEAD
from etl.sample.plans import build_plans, plans_export
from etl.text import header_key, strip_accents
from etl.units import agency_units


@pytest.fixture(scope="module", params=[2025, 7], ids=["seed2025", "seed7"])
def catalog(request: pytest.FixtureRequest) -> pl.DataFrame:
    return build_catalog(31, request.param)


@pytest.fixture(scope="module")
def plans(catalog: pl.DataFrame) -> pl.DataFrame:
    return build_plans(catalog, seed=2025)


def test_catalog_has_1915_provincial_and_320_commune_procedures(catalog: pl.DataFrame) -> None:
    assert catalog.height == 2235
    assert (catalog["level"] == "tinh").sum() == 1915
    assert (catalog["level"] == "xa").sum() == 320


def test_catalog_has_1320_non_boundary_procedures(catalog: pl.DataFrame) -> None:
    assert catalog["non_boundary"].sum() == 1320


def test_catalog_has_750_full_online_1131_partial_and_354_without(catalog: pl.DataFrame) -> None:
    counts = dict(catalog["online_service"].value_counts().iter_rows())
    assert counts == {"toan_trinh": 750, "mot_phan": 1131, "khong": 354}


def test_catalog_has_807_business_related_procedures(catalog: pl.DataFrame) -> None:
    assert catalog["business_related"].sum() == 807


def test_codes_are_unique_national_codes_never_the_unknown_one(catalog: pl.DataFrame) -> None:
    codes = catalog["procedure_code"]
    assert codes.n_unique() == catalog.height
    assert codes.str.contains(r"^[123]\.\d{6}$").all()
    assert UNKNOWN_PROCEDURE_CODE not in codes.to_list()


def test_confirmed_real_procedures_keep_their_codes_and_names(catalog: pl.DataFrame) -> None:
    names = dict(catalog.select("procedure_code", "name").iter_rows())
    confirmed = [head for head in HEAD if head.code]
    assert len(confirmed) > 80
    for head in confirmed:
        assert names[head.code] == head.name


def test_provincial_procedures_belong_to_the_12_agencies_commune_ones_to_none(
    catalog: pl.DataFrame,
) -> None:
    agencies = {unit.unit_code: unit.name for unit in agency_units(31)}
    provincial = catalog.filter(pl.col("level") == "tinh")
    assert set(provincial["agency_code"]) == set(agencies)
    assert all(
        agencies[code] == name
        for code, name in provincial.select("agency_code", "agency_name").iter_rows()
    )
    assert catalog.filter(pl.col("level") == "xa")["agency_code"].null_count() == 320


def test_catalog_has_the_main_fields(catalog: pl.DataFrame) -> None:
    expected = {
        "Hộ tịch",
        "Chứng thực",
        "Đất đai",
        "Xây dựng",
        "Hộ kinh doanh",
        "Doanh nghiệp",
        "An toàn thực phẩm",
        "Người có công",
        "Bảo trợ xã hội",
        "Công Thương",
        "Du lịch",
        "Tôn giáo",
    }
    assert expected <= set(catalog["field"])


def test_legal_days_are_realistic(catalog: pl.DataFrame) -> None:
    days = dict(catalog.select("procedure_code", "legal_days").iter_rows())
    assert days["2.000815"] == 0  # chứng thực bản sao: within the day
    assert days["1.013225"] >= 10  # building permit for a house
    assert catalog["legal_days"].is_between(0, 45).all()


def test_catalog_file_labels_are_catalog_aliases(catalog: pl.DataFrame) -> None:
    index = alias_index(CATALOG_FIELDS)
    fields = [index[header_key(label)] for label in catalog_export(catalog).columns]
    assert len(set(fields)) == len(fields)
    assert set(CATALOG_REQUIRED) <= set(fields)


def test_95_plans_all_on_business_related_procedures(
    catalog: pl.DataFrame, plans: pl.DataFrame
) -> None:
    business = set(catalog.filter("business_related")["procedure_code"])
    assert plans.height == 95
    assert plans["procedure_code"].n_unique() == 95
    assert set(plans["procedure_code"]) <= business


def test_every_plan_cuts_processing_time_by_at_least_half(plans: pl.DataFrame) -> None:
    assert (plans["days_after"] <= 0.5 * plans["days_before"]).all()
    assert (plans["days_after"] >= 1).all()


def test_all_12_agencies_have_a_plan(plans: pl.DataFrame) -> None:
    assert set(plans["agency_code"]) == {unit.unit_code for unit in agency_units(31)}


def test_plans_have_decisions_statuses_and_2025_dates(plans: pl.DataFrame) -> None:
    assert all(re.fullmatch(r"\d{4}/QĐ-UBND", plan) for plan in plans["plan"])
    assert all(strip_accents(status).lower() in PLAN_STATUSES for status in plans["status"])
    assert plans["decided_on"].is_between(date(2025, 1, 1), date(2025, 12, 31)).all()


def test_plan_file_labels_are_plan_aliases(plans: pl.DataFrame) -> None:
    index = alias_index(PLAN_FIELDS)
    fields = [index[header_key(label)] for label in plans_export(plans).columns]
    assert len(set(fields)) == len(fields)
    assert set(PLAN_REQUIRED) <= set(fields)
