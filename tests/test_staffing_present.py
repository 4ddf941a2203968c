"""The staffing charts as drawn (present/workload.py), on the tiny warehouse: the median label
of the ranking stands above the plot area on an opaque box, not over the first bar."""

from __future__ import annotations

from pathlib import Path

from metrics.connection import snapshot
from metrics.filters import Filters
from metrics.workload import unit_workload
from present.workload import ranking_chart
from tests.tiny_warehouse import PERIOD


def test_the_median_label_sits_above_the_bars_on_a_white_box(tiny: Path) -> None:
    with snapshot(tiny) as con:
        figure = ranking_chart(unit_workload(con, Filters(*PERIOD)), "vi", "Hải Phòng")
    (label,) = [a for a in figure.layout.annotations if a.text.startswith("Trung vị")]
    assert label.text == "Trung vị 1,3"  # 4/3, the hand-worked median
    # Above the plot area (paper y = 1, anchored at its bottom), where no bar is drawn …
    assert (label.yref, label.y, label.yanchor) == ("paper", 1, "bottom")
    assert label.x == figure.layout.shapes[0].x0  # … at the median line
    # … on an opaque background, with room made for it above the plot.
    assert label.bgcolor == "white"
    assert figure.layout.margin.t > 80
