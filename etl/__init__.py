"""ETL: one-stop system exports (CSV / XLSX / Parquet) into the DuckDB warehouse."""
