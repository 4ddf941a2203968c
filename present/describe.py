"""A chart's takeaway in one sentence, for screen readers: what the chart shows and its
highest and lowest (or latest) values, read off the figure itself, so every chart of every
page has one without a description written per chart. No Streamlit."""

from __future__ import annotations

from collections.abc import Sequence

import plotly.graph_objects as go

from present import format as fmt
from present.format import Lang
from present.strings import t


def _value_text(trace, index: int, value: object, lang: Lang) -> str:
    """The value as the chart writes it: its own label when it has one, else the number."""
    text = trace.text
    if isinstance(text, Sequence) and not isinstance(text, str) and index < len(text):
        return str(text[index])
    return fmt.decimal(float(value), lang) if isinstance(value, float) else fmt.number(value, lang)


def _label(category: object) -> str:
    """A bar's category as people read it: a day as 15/07/2025, anything else as text."""
    return fmt.day(category) if hasattr(category, "strftime") else str(category)


def takeaway(figure: go.Figure, lang: Lang) -> str:
    """ "Tỷ lệ đúng hạn …: cao nhất Phường A (99,1%), thấp nhất Xã B (91,5%)." """
    title = figure.layout.title.text or ""
    for trace in figure.data:
        if isinstance(trace, go.Pie) and trace.values is not None and len(trace.values):
            values = list(trace.values)
            top = values.index(max(values))
            return t(
                "describe.largest",
                lang,
                title=title,
                label=trace.labels[top],
                value=_value_text(trace, top, values[top], lang),
            )
        if isinstance(trace, go.Histogram) and trace.x is not None and len(trace.x):
            size, start = trace.xbins.size or 10, trace.xbins.start or 0
            bins: dict[int, int] = {}
            for value in trace.x:
                step = int((value - start) // size)
                bins[step] = bins.get(step, 0) + 1
            step, count = max(bins.items(), key=lambda item: item[1])
            low = fmt.decimal(start + step * size, lang, 0)
            high = fmt.decimal(start + (step + 1) * size, lang, 0)
            return t(
                "describe.largest",
                lang,
                title=title,
                label=f"{low}–{high}",
                value=fmt.number(count, lang),
            )
        if not isinstance(trace, go.Bar | go.Scatter) or trace.hoverinfo == "skip":
            continue  # (a connecting line carries no values of its own)
        # Categories on the vertical axis: horizontal bars, and dot rows (y holds names).
        horizontal = trace.orientation == "h" or (
            trace.y is not None and len(trace.y) > 0 and isinstance(trace.y[0], str)
        )
        labels, values = (trace.y, trace.x) if horizontal else (trace.x, trace.y)
        pairs = [
            (i, label, value)
            for i, (label, value) in enumerate(zip(labels or (), values or (), strict=False))
            if value is not None and label is not None
        ]
        if len(pairs) < 1 or not isinstance(pairs[0][2], int | float):
            continue
        high = max(pairs, key=lambda pair: pair[2])
        low = min(pairs, key=lambda pair: pair[2])
        return t(
            "describe.range",
            lang,
            title=title,
            series=trace.name or "",
            high=_label(high[1]),
            high_value=_value_text(trace, high[0], high[2], lang),
            low=_label(low[1]),
            low_value=_value_text(trace, low[0], low[2], lang),
        )
    return t("describe.empty", lang, title=title)
