"""Streamlit widgets and their state: the shell, the filter bar, sign-in, KPI cards and tables
drawn on screen, charts shown with their stamp, downloads and the cached loaders. What they
show (words, formats, figures, card definitions) comes from `present/`."""
