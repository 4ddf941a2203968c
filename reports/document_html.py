"""The report as one A4 portrait HTML document, ready for Chromium's print to PDF.

Page 1: header, summary, KPI cards, trend. Page 2: top and bottom units, fields. Charts are
inline SVG (vector, text stays text, so the PDF is crisp and searchable). Every page's
footer carries the source line and "Trang n/N" through CSS page-margin boxes.

Fonts: Liberation Sans 2 (Debian `fonts-liberation2`, Arial's metrics, full Vietnamese),
then DejaVu Sans (`fonts-dejavu-core`); nothing is fetched at run time.
"""

from __future__ import annotations

from html import escape

import plotly.graph_objects as go

from present.report import KpiLine, Report, ReportSection, UnitTable
from present.strings import t
from present.theme import PRINT_TEMPLATE
from reports.render import figures_to_svg, html_to_pdf

FONT_STACK = "'Liberation Sans', 'DejaVu Sans', Arial, sans-serif"
# A4 (210 mm) minus 13 mm margins each side = 184 mm ≈ 695 CSS px at 96 px per inch.
CONTENT_WIDTH_PX = 695
# The trend is a little shorter than on screen so page 1 holds header, summary, cards and it.
TREND_HEIGHT_PX = 330
# Room for a right-hand axis: "100,0%" ticks and a rotated title.
RIGHT_AXIS_MARGIN_PX = 80
TONE_COLORS = {"green": "#1B7F3B", "red": "#B3261E", "gray": "#555555"}

_CSS = """
@page {
  size: A4 portrait;
  margin: 13mm 13mm 16mm 13mm;
  @bottom-left { content: "%(source)s"; font: 7.5pt %(font)s; color: #555; }
  @bottom-right {
    content: "%(page)s " counter(page) "/" counter(pages); font: 7.5pt %(font)s; color: #555;
  }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 9.5pt/1.35 %(font)s; color: #1A1A1A; }
h1 { font-size: 15pt; margin: 0 0 2mm; }
h2 { font-size: 11pt; margin: 4mm 0 1.5mm; break-after: avoid; }
.header { border-bottom: 1.5pt solid #0072B2; padding-bottom: 2mm; }
.header p { margin: 0.3mm 0; color: #333; font-size: 8.5pt; }
.header p.place { font-size: 10.5pt; font-weight: bold; color: #1A1A1A; }
.summary p { margin: 0 0 1.2mm; text-align: justify; }
.note { color: #555; font-size: 8pt; margin: 0 0 1.5mm; }
.kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2mm; }
.kpi { border: 0.75pt solid #C8C8C8; border-radius: 1.5mm; padding: 1.5mm 2.5mm; }
.kpi .label { font-size: 8pt; color: #444; }
.kpi .value { font-size: 14pt; font-weight: bold; }
.kpi .delta { font-size: 8pt; }
.chart svg { width: 100%%; height: auto; display: block; }
section { break-inside: avoid; }
.page-break { break-before: page; }
.units { display: flex; gap: 4mm; }
.units > div { flex: 1; }
table { border-collapse: collapse; width: 100%%; font-size: 8pt; }
th, td { border-bottom: 0.5pt solid #D0D0D0; padding: 0.8mm 1.2mm; text-align: left; }
th { background: #EEF3F8; }
th.num { text-align: right; }
td.num { text-align: right; white-space: nowrap; }
td.name { white-space: nowrap; }
h3 { font-size: 9pt; margin: 0 0 1mm; }
"""


def _css_string(text: str) -> str:
    """Text for a CSS `content: "…"` value."""
    return text.replace("\\", "\\\\").replace('"', '\\"')


def _kpi(line: KpiLine) -> str:
    delta = (
        f'<div class="delta" style="color:{TONE_COLORS.get(line.tone, "#555555")}">'
        f"{escape(line.delta)}</div>"
        if line.delta
        else '<div class="delta">&nbsp;</div>'
    )
    return (
        f'<div class="kpi"><div class="label">{escape(line.label)}</div>'
        f'<div class="value">{escape(line.value)}</div>{delta}</div>'
    )


def _table(table: UnitTable) -> str:
    rank, unit, rate, ratio = (escape(c) for c in table.columns)
    head = f'<tr><th class="num">{rank}</th><th>{unit}</th><th class="num">{rate}</th>'
    head += f'<th class="num">{ratio}</th></tr>'
    body = "".join(
        f'<tr><td class="num">{escape(r)}</td><td class="name">{escape(n)}</td>'
        f'<td class="num">{escape(v)}</td><td class="num">{escape(q)}</td></tr>'
        for r, n, v, q in table.rows
    )
    return f"<div><h3>{escape(table.title)}</h3><table>{head}{body}</table></div>"


def _section(section: ReportSection) -> str:
    def cells(tag: str, values: tuple[str, ...]) -> str:
        classes = (' class="num"' if num else "" for num in section.numeric)
        return "".join(
            f"<{tag}{c}>{escape(v)}</{tag}>" for v, c in zip(values, classes, strict=True)
        )

    body = "".join(f"<tr>{cells('td', row)}</tr>" for row in section.rows)
    return (
        f"<section><h2>{escape(section.title)}</h2><table><tr>{cells('th', section.columns)}</tr>"
        f'{body}</table><p class="note">{escape(section.note)}</p></section>'
    )


def _for_print(figure: go.Figure, height: int | None = None) -> go.Figure:
    """A copy drawn for paper: the print template, the document's font, no subtitle (the
    header gives the scope).

    A right-hand axis gets a fixed margin: in a static export Plotly's automargin leaves
    no room for its tick labels and title."""
    copy = go.Figure(figure)
    copy.update_layout(
        template=PRINT_TEMPLATE,
        font_family=FONT_STACK,
        title_subtitle_text=None,
        margin_t=50,
        height=height or figure.layout.height,
    )
    if "yaxis2" in copy.layout and copy.layout["yaxis2"].overlaying:
        copy.update_layout(margin_r=RIGHT_AXIS_MARGIN_PX)
    return copy


def report_html(report: Report) -> str:
    """The whole document; draws the figures (kaleido) on the way."""
    lang = report.lang
    trend_svg, fields_svg = figures_to_svg(
        [_for_print(report.trend, TREND_HEIGHT_PX), _for_print(report.fields)],
        CONTENT_WIDTH_PX,
    )
    css = _CSS % {
        "font": FONT_STACK,
        "source": _css_string(report.source),
        "page": _css_string(t("report.page", lang)),
    }
    place, *lines = report.header
    header = f'<p class="place">{escape(place)}</p>' + "".join(
        f"<p>{escape(line)}</p>" for line in lines
    )
    summary = "".join(f"<p>{escape(s)}</p>" for s in report.summary)
    units = ""
    if report.units:
        tables = "".join(_table(table) for table in report.units)
        units = f'<section><h2>{escape(t("section.units", lang))}</h2><div class="units">'
        units += f'{tables}</div><p class="note">{escape(report.units_note)}</p></section>'
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{escape(report.title)}</title>
<style>{css}</style></head>
<body>
<div class="header"><h1>{escape(report.title)}</h1>{header}</div>
<section class="summary"><h2>{escape(t("report.section.summary", lang))}</h2>{summary}</section>
<section><h2>{escape(t("report.section.kpis", lang))}</h2>
<p class="note">{escape(report.kpi_note)}</p>
<div class="kpis">{"".join(_kpi(k) for k in report.kpis)}</div></section>
<section><h2>{escape(t("section.trend", lang))}</h2><div class="chart">{trend_svg}</div></section>
<div class="page-break"></div>
{units}
<section><h2>{escape(t("section.fields", lang))}</h2><div class="chart">{fields_svg}</div>
<p class="note">{escape(report.fields_note)}</p></section>
{"".join(_section(section) for section in report.sections)}
</body></html>
"""


def report_pdf(report: Report) -> bytes:
    """The report as an A4 PDF (raises render.ChromiumMissing without a browser)."""
    return html_to_pdf(report_html(report))
