"""Text from data files (procedure, field, unit and file names) shown as text, never as markup.

Two renderers in this app interpret markup inside strings:
- Streamlit's Markdown (st.markdown, st.caption, st.title, st.success, …): `*`, `_`, `[..](..)`,
  `:material/…:`, `$…$`. Raw HTML is not rendered there, but a name still must not turn into
  a link or bold text;
- Plotly's text (titles, ticks, hovers, annotations), which renders a subset of HTML
  (`<b>`, `<br>`, `<a href>`) and decodes entities such as `&lt;`.
The pages use `markdown_text` for Markdown and `ui.charts.show_chart` applies `plotly_text`
to every figure's data, so a procedure named `<b>x</b>` reads `<b>x</b>` everywhere.
"""

from __future__ import annotations

import re

import plotly.graph_objects as go

# CommonMark lets any ASCII punctuation be escaped with a backslash; Streamlit's extensions
# (`:icon:`, `$math$`, `~~strike~~`) use characters from the same set.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|:$~=\"'&])")


def markdown_text(text: str) -> str:
    """`text` for a Markdown element, every special character escaped."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text).replace("\n", " ")


def plotly_text(text: str) -> str:
    """`text` for Plotly: `&`, `<`, `>` as entities, which Plotly shows as the characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Trace properties that carry values from the data (category names, labels, bar texts); the
# app's own hover markup lives in hovertemplate/customdata, which builders escape themselves.
_TRACE_TEXT = ("x", "y", "labels", "text", "hovertext")


def _escaped(value: object) -> object:
    return plotly_text(value) if isinstance(value, str) else value


def plain_figure(figure: go.Figure) -> go.Figure:
    """Escape, in place, the title, subtitle and every data text of `figure` for Plotly.
    Call it once per figure, before adding markup of one's own (ui.charts.stamp does)."""
    title = figure.layout.title
    if title.text:
        title.text = plotly_text(title.text)
    if title.subtitle.text:
        title.subtitle.text = plotly_text(title.subtitle.text)
    for trace in figure.data:
        for prop in _TRACE_TEXT:
            if prop not in trace:
                continue
            values = trace[prop]
            if isinstance(values, str):
                trace[prop] = plotly_text(values)
            elif isinstance(values, list | tuple):
                trace[prop] = [_escaped(value) for value in values]
    return figure
