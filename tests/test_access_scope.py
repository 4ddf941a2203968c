"""Roles enforced in metrics/: a restricted `Filters` cannot see beyond its access, whatever
units, kinds or agencies it names (a URL or a page may put anything there)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from metrics.access import Access
from metrics.bieu_06a import form_rows
from metrics.breakdown import counts_by
from metrics.catalog import procedure_activity
from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.kpis import period_kpis
from metrics.options import filter_options, options_for
from metrics.units_league import league_table, overdue_applications
from tests.tiny_warehouse import PERIOD, build_tiny_warehouse
from ui.auth import restrict

COMMUNE = Access("commune", unit_codes=("00001",))
AGENCY = Access("agency", agency_codes=("31.STP",))
WHOLE = (date(2025, 7, 1), date(2025, 7, 31))


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_tiny_warehouse(tmp_path_factory.mktemp("access") / "warehouse.duckdb")


def _received(db: Path, filters: Filters) -> int:
    with snapshot(db) as con:
        [kpis] = period_kpis(con, filters, [(filters.start, filters.end)])
    return kpis.count("received")


def test_a_commune_sees_its_unit_even_when_it_names_another(tiny: Path) -> None:
    mine = Filters(*WHOLE, access=COMMUNE)
    assert _received(tiny, mine) == 6  # A1 A2 A3 A8 A9 A11
    for other in (("00002",), ("00001", "00002"), ("31.STP",), ("' or 1=1 --",)):
        asked = replace(mine, unit_codes=other)
        assert _received(tiny, asked) == (6 if "00001" in other else 0), other
    assert _received(tiny, replace(mine, unit_kinds=("xa",))) == 0
    with snapshot(tiny) as con:
        units = counts_by(con, replace(mine, unit_codes=("00002",)), "unit_code")
        assert units.is_empty()
        assert set(counts_by(con, mine, "unit_code")["unit_code"]) == {"00001"}


def test_a_commune_league_lists_only_its_unit_and_no_other_overdue_list(tiny: Path) -> None:
    mine = Filters(*PERIOD, access=COMMUNE)
    with snapshot(tiny) as con:
        assert league_table(con, replace(mine, unit_codes=())).get_column(
            "unit_code"
        ).to_list() == ["00001"]
        assert league_table(con, replace(mine, unit_codes=("00002",))).is_empty()
        assert overdue_applications(con, mine, "00002").is_empty()
        assert overdue_applications(con, mine, "00001")["application_id"].to_list() == ["A3"]


def test_an_agency_sees_only_its_own_procedures(tiny: Path) -> None:
    mine = Filters(*WHOLE, access=AGENCY)
    assert _received(tiny, mine) == 2  # A7 and A8, both procedure P3 of 31.STP
    assert _received(tiny, replace(mine, agency_codes=("31.SXD",))) == 0
    with snapshot(tiny) as con:
        assert set(procedure_activity(con, mine)["procedure_code"]) == {"2.000003"}
        rows = form_rows(con, mine)
    assert rows.height >= 1


def test_city_level_sees_everything(tiny: Path) -> None:
    assert _received(tiny, Filters(*WHOLE)) == 12


def test_the_unit_picker_offers_a_commune_only_its_unit(tiny: Path) -> None:
    with snapshot(tiny) as con:
        options = filter_options(con)
    assert [u.code for u in options_for(options, COMMUNE).units] == ["00001"]
    assert options_for(options, AGENCY).agencies == (("31.STP", "Sở Tư pháp"),)
    assert options_for(options, Access()) == options


def test_restrict_keeps_the_access_and_names_the_own_unit() -> None:
    asked = Filters(*WHOLE, unit_codes=("00002",))
    narrowed = restrict(asked, COMMUNE)
    assert narrowed.access == COMMUNE and narrowed.unit_codes == ("00001",)
    assert restrict(Filters(*WHOLE, unit_codes=("00001", "00002")), COMMUNE).unit_codes == (
        "00001",
    )
    assert restrict(Filters(*WHOLE), AGENCY).agency_codes == ("31.STP",)


def test_a_restricted_role_without_its_codes_is_refused() -> None:
    with pytest.raises(ValueError):
        Access("commune")
    with pytest.raises(ValueError):
        Access("agency", agency_codes=())
    with pytest.raises(ValueError):
        Access("mayor")  # type: ignore[arg-type]
