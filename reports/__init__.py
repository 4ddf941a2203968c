"""Files for people: tables as CSV / XLSX with the view written in them, and Biểu II.06a.

Shared by the pages' download buttons and by `python -m reports` (scheduled runs), so a file
made from the browser and one made by the command line are the same file. No Streamlit here.
"""
