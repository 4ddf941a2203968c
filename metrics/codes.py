"""The warehouse's codes as the read side lists them (DATA_SPEC §3), in the order people see
them: pickers, labels and the rows of Biểu II.06a. Status and channel codes come from
`etl.schema`, which writes them."""

from __future__ import annotations

# units.kind: the commune-level units (ranked together) and the provincial agencies.
COMMUNE_KINDS = ("phuong", "xa", "dac_khu")
AGENCY_KIND = "so_nganh"
# procedures.level: cấp tỉnh, then cấp xã (the form's order).
LEVELS = ("tinh", "xa")
# procedures.online_service: toàn trình, một phần, none.
ONLINE_SERVICES = ("toan_trinh", "mot_phan", "khong")
# simplifications.status: proposed, approved, carried out.
PLAN_STATUSES = ("de_xuat", "da_phe_duyet", "da_thuc_hien")
