"""The read side: every KPI and table defined once, as parameterised SQL over the warehouse."""
