"""Who may see what: the part of a `Filters` that a signed-in person cannot widen.

The filter bar narrows a view by choice; an `Access` narrows it by right. It travels inside
`Filters` (so every cached loader, report and download carries it) and `metrics.scope` ANDs
it into every query beside the chosen filters. Pages and the URL may replace `unit_codes`
freely (a click on a bar, `?unit=…`, the unit view's `ma=`): the access restriction is a
separate field and still applies, so a commune user who edits the URL sees only their commune.

Roles (DATA_SPEC has no roles; these follow the one-stop offices' own hierarchy):
- city: everything (the city's office, the People's Committee);
- agency: the applications of its own procedures (`procedures.agency_code`);
- commune: the applications received by its own unit (`applications.unit_code`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Role = Literal["city", "agency", "commune"]
ROLES: tuple[Role, ...] = ("city", "agency", "commune")


@dataclass(frozen=True)
class Access:
    """A role and the codes it is limited to (empty for the city level)."""

    role: Role = "city"
    unit_codes: tuple[str, ...] = ()  # commune: its unit(s)
    agency_codes: tuple[str, ...] = ()  # agency: its agency code(s)

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"unknown role: {self.role!r}")
        object.__setattr__(self, "unit_codes", tuple(sorted(set(self.unit_codes))))
        object.__setattr__(self, "agency_codes", tuple(sorted(set(self.agency_codes))))
        # A restricted role without its codes would see nothing or, worse, be read as "all".
        if self.role == "commune" and not self.unit_codes:
            raise ValueError("a commune account needs its unit code")
        if self.role == "agency" and not self.agency_codes:
            raise ValueError("an agency account needs its agency code")

    @property
    def is_city(self) -> bool:
        return self.role == "city"


CITY = Access()
