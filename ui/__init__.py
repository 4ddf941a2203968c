"""Shared render helpers: filter bar, KPI cards, chart theme, formatting, UI strings."""
