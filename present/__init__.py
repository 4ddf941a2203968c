"""What a screen and a file both show, without Streamlit: strings (vi, en), Babel formats,
places and periods in words, the chart theme and every chart builder, provenance lines, table
columns, the KPI cards' definitions and the report's content. `ui/` draws these with Streamlit;
`reports/` writes them to files; both read the same words and numbers from here."""
