"""Draw every Plotly chart of the app through `show_chart`, so that each one can leave the
dashboard as a self-explaining image.

Pages call `show_chart(figure, "ty-le-truc-tuyen")` instead of `st.plotly_chart`. It
- writes the active filters and the source line ("Nguồn: …, dữ liệu đến 20/08/2025") under
  the figure's title and subtitle, so the image says what, where, when and from where;
- sets the camera button to a PNG at 3× scale named by what and when
  (`ty-le-truc-tuyen_2025-07-01_2025-08-20.png`), crisp when pasted into a Word report.
The figure's own title and subtitle come from `present.theme.base_figure`.
"""

from __future__ import annotations

import html
from typing import Any

import plotly.graph_objects as go
import streamlit as st

from present.describe import takeaway
from present.provenance import file_stem, filters_detail, source_line
from present.safe_text import plain_figure, plotly_text
from present.theme import CHART_HEIGHT, chart_config
from ui.shell import current_view

# Extra top margin per line added under the subtitle (12 px text with its line gap), and a
# gap so the last line does not touch the top of the plot.
LINE_HEIGHT = 17
GAP = 8
SOURCE_FONT_SIZE = 11


def stamp(figure: go.Figure, filters_line: str, source: str) -> go.Figure:
    """Add the filters line (when any) and the source line under the subtitle, in place.
    The figure grows by the lines' height: taken from the plot instead, a short chart (one
    field chosen) would shrink to a line whose labels overlap the source line."""
    lines = [line for line in (filters_line,) if line]
    lines.append(f'<span style="font-size:{SOURCE_FONT_SIZE}px">{source}</span>')
    subtitle = figure.layout.title.subtitle.text
    added = LINE_HEIGHT * len(lines) + GAP
    figure.update_layout(
        title_subtitle_text="<br>".join([subtitle, *lines] if subtitle else lines),
        margin_t=(figure.layout.margin.t or 80) + added,
        height=(figure.layout.height or CHART_HEIGHT) + added,
    )
    return figure


def show_chart(figure: go.Figure, name: str, **kwargs: Any) -> Any:
    """`st.plotly_chart` with the filters and source stamped in and the report-ready PNG
    export; `name` (Vietnamese, any accents) becomes the saved file's name. Other keyword
    arguments (key, on_select, …) go to `st.plotly_chart`, whose value is returned."""
    view = current_view()
    # Names from data files are text, never Plotly markup; the stamp adds the only markup.
    plain_figure(figure)
    stamp(figure, plotly_text(filters_detail(view)), plotly_text(source_line(view)))
    described = takeaway(figure, view.lang)
    with st.container(gap=None):
        drawn = st.plotly_chart(
            figure, config=chart_config(file_stem(name, view.filters), view.lang), **kwargs
        )
        # For screen readers only (class "sr-only", ui.report_view): the chart's takeaway.
        st.html(f'<p class="sr-only chart-takeaway">{html.escape(described)}</p>')
    return drawn
