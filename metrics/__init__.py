"""The read side: every count and rate declared once (`measures.py`), computed by one query
(`counts.py`) over the rows one function lets a view see (`scope.py`). No Streamlit here."""
