"""One chart theme for every page: a colour-blind-safe palette (Okabe & Ito), Vietnamese
number separators on axes and hovers, dd/mm/yyyy dates, and a PNG export at print scale.

Colours carry meaning and keep it everywhere: a late application is always vermilion.
"""

from __future__ import annotations

import plotly.graph_objects as go

from present.format import PERCENT_SUFFIX, PLOTLY_SEPARATORS, Lang

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermilion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#000000",  # black
)
COLORS = {
    "received": "#0072B2",
    "resolved": "#009E73",
    "online": "#E69F00",
    "early": "#009E73",
    "on_time": "#56B4E9",
    "late": "#D55E00",
    "within_deadline": "#0072B2",
    "overdue": "#CC79A7",
    "good": "#009E73",
    "bad": "#D55E00",
}
CHANNEL_COLORS = {1: "#0072B2", 2: "#E69F00", 3: "#CC79A7"}

# The template figures are drawn with on paper: Plotly's own defaults, scatter markers without
# an outline. Streamlit replaces Plotly's default template when it is imported, so a figure
# printed without it (`python -m reports pdf`) names its template, and prints the same in both.
PRINT_TEMPLATE = go.layout.Template(data={"scatter": [go.Scatter(marker={"line": {"width": 0}})]})

CHART_HEIGHT = 380
# A chart of one bar per row (fields, agencies): title, subtitle, axis and margins take
# about ROWS_CHROME px, each row ROW px, and the plot keeps at least MIN_ROWS_PLOT px, so one
# chosen field is a bar, not a one-pixel line under its labels.
ROWS_CHROME, ROW, MIN_ROWS_PLOT = 140, 26, 120
RANKING_HEIGHT = 420
FONT = "Inter, 'Segoe UI', Roboto, Arial, sans-serif"
COUNT_FORMAT = ",.0f"  # without it Plotly abbreviates ("4M") and ignores the separators
RATE_FORMAT = ",.1f"  # rates are plotted in percent points with a "%" suffix


def base_figure(title: str, scope: str, lang: Lang, height: int = CHART_HEIGHT) -> go.Figure:
    """An empty figure with the house layout; traces are added by the caller.

    The title says what is shown; the subtitle under it says where and when (the scope),
    so a chart pasted alone into a report still says all three."""
    return go.Figure(
        layout={
            "title": {
                "text": title,
                "subtitle": {"text": scope, "font": {"size": 12, "color": "#555555"}},
                "x": 0,
                "xanchor": "left",
                "font": {"size": 15},
            },
            "separators": PLOTLY_SEPARATORS[lang],
            "colorway": OKABE_ITO,
            "font": {"family": FONT, "size": 12},
            "height": height,
            "margin": {"l": 10, "r": 10, "t": 80, "b": 50},
            "plot_bgcolor": "white",
            "paper_bgcolor": "white",
            "legend": {"orientation": "h", "yanchor": "top", "y": -0.12, "x": 0},
            "hoverlabel": {"font": {"family": FONT}},
            "xaxis": {"gridcolor": "#E5E5E5", "automargin": True},
            "yaxis": {"gridcolor": "#E5E5E5", "automargin": True},
        }
    )


def rows_height(rows: int) -> int:
    """The height of a chart with one horizontal bar per row."""
    return ROWS_CHROME + max(MIN_ROWS_PLOT, ROW * rows)


def count_axis(title: str = "") -> dict:
    return {"tickformat": COUNT_FORMAT, "title": {"text": title}, "rangemode": "tozero"}


def rate_axis(lang: Lang, title: str = "") -> dict:
    return {
        "tickformat": RATE_FORMAT,
        "ticksuffix": PERCENT_SUFFIX,
        "title": {"text": title},
        "rangemode": "tozero",
    }


# Plotly's toolbar and hover texts in Vietnamese. Streamlit bundles only Plotly's English
# locales and the app downloads nothing at run time, so the dictionary travels in each chart's
# config (`locales`, a Plotly config key) with `locale: "vi"`.
PLOTLY_VI = {
    "Autoscale": "Tự co giãn",
    "Box Select": "Chọn vùng",
    "Compare data on hover": "So sánh số liệu khi rê chuột",
    "Double-click to zoom back out": "Nhấp đúp để thu nhỏ lại",
    "Download plot": "Tải biểu đồ",
    "Download plot as a PNG": "Tải biểu đồ dạng ảnh PNG",
    "Lasso Select": "Chọn tự do",
    "Pan": "Kéo",
    "Reset": "Đặt lại",
    "Reset axes": "Đặt lại trục",
    "Reset view": "Đặt lại khung nhìn",
    "Reset views": "Đặt lại khung nhìn",
    "Show closest data on hover": "Hiện số liệu gần nhất khi rê chuột",
    "Snapshot succeeded": "Đã lưu ảnh",
    "Sorry, there was a problem downloading your snapshot!": "Không tải được ảnh, xin thử lại.",
    "Taking snapshot - this may take a few seconds": "Đang tạo ảnh, xin chờ vài giây",
    "Toggle Spike Lines": "Bật/tắt đường gióng",
    "Toggle show closest data on hover": "Bật/tắt hiện số liệu gần nhất",
    "Zoom": "Phóng to vùng chọn",
    "Zoom in": "Phóng to",
    "Zoom out": "Thu nhỏ",
    "Produced with Plotly.js": "Vẽ bằng Plotly.js",
}


def chart_config(filename: str, lang: Lang) -> dict:
    """Plotly config for st.plotly_chart: a sharp PNG for reports, no Plotly logo, the
    toolbar in the interface language.

    Pages do not call this directly: `ui.charts.show_chart` does, with a file name that says
    what and when, after stamping the filters and the source line into the figure."""
    config: dict = {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "scale": 3, "filename": filename},
        "modeBarButtonsToRemove": ["lasso2d", "select2d"],
    }
    if lang == "vi":
        config |= {"locale": "vi", "locales": {"vi": {"dictionary": PLOTLY_VI}}}
    return config
