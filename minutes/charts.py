"""Small bar charts drawn on the server as SVG: no JavaScript, no image files.

`bar_chart` only computes the geometry; the template `minutes/browse/_bar_chart.html`
draws it, so every label goes through the template engine's escaping.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

# Room around the plot for the value above each bar and the label below it.
_TOP = 22
_BOTTOM = 26
_SIDE = 8
_GAP = 0.25  # the share of each slot left empty between bars


@dataclass(frozen=True)
class Bar:
    """One bar: its label and value and where it is drawn."""

    label: str
    value: int
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> float:
        """The x of the bar's middle, where its label and value are written."""
        return round(self.x + self.width / 2, 1)

    @property
    def value_y(self) -> float:
        """The baseline of the value written just above the bar."""
        return round(self.y - 6, 1)


@dataclass(frozen=True)
class BarChart:
    """A bar chart's geometry, ready for the template."""

    title: str
    width: int
    height: int
    baseline: float
    bars: list[Bar]

    @property
    def label_y(self) -> float:
        """The baseline of the labels under the bars."""
        return self.height - 8


def bar_chart(
    rows: Sequence[tuple[str, int]], *, title: str, width: int = 640, height: int = 220
) -> BarChart | None:
    """Lay out one bar per (label, value) row, scaled to the largest value; None if no rows."""
    if not rows:
        return None
    largest = max(value for _, value in rows) or 1
    plot_height = height - _TOP - _BOTTOM
    slot = (width - 2 * _SIDE) / len(rows)
    bar_width = round(slot * (1 - _GAP), 1)
    baseline = height - _BOTTOM
    bars = []
    for index, (label, value) in enumerate(rows):
        bar_height = round(plot_height * value / largest, 1)
        bars.append(
            Bar(
                label=str(label),
                value=value,
                x=round(_SIDE + index * slot + (slot - bar_width) / 2, 1),
                y=round(baseline - bar_height, 1),
                width=bar_width,
                height=bar_height,
            )
        )
    return BarChart(title=title, width=width, height=height, baseline=baseline, bars=bars)
