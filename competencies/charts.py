"""Geometry of the gap-profile chart, drawn by the template as SVG on the server (no script, no
inline style: the page's CSS colours it through classes)."""

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 420
SIDE = 10  # room for the first and last tick labels
AXIS = 26  # the level numbers above the bars
ROW = 54  # one competency: its name, the required bar, the member's bar
BAR = 12


@dataclass(frozen=True)
class Tick:
    x: float
    number: int


@dataclass(frozen=True)
class Bar:
    code: str
    name: str
    label_y: int
    required_y: int
    required_width: float
    required_number: int
    own_y: int
    own_width: float
    own_number: int
    gap: int
    gap_y: int  # the gap's figure, right of the member's (shorter) bar


@dataclass(frozen=True)
class GapChart:
    width: int
    height: int
    top_level: int
    left: int
    right: int
    top: int
    bar_height: int
    ticks: list[Tick]
    bars: list[Bar]


def gap_chart(rows: Sequence, *, levels: Sequence) -> GapChart:
    """Bars of required and own levels, one pair per competency, on a 0..top-level scale.

    `rows` have `.requirement.competency`, `.required_number`, `.own_number` and `.gap`.
    """
    top_level = max(
        [level.number for level in levels] + [row.required_number for row in rows] + [1]
    )
    plot_width = WIDTH - 2 * SIDE

    def x(number: int) -> float:
        return round(plot_width * number / top_level, 1)

    bars = []
    for index, row in enumerate(rows):
        top = AXIS + index * ROW
        competency = row.requirement.competency
        bars.append(
            Bar(
                code=competency.code,
                name=competency.name,
                label_y=top + 15,
                required_y=top + 21,
                required_width=x(row.required_number),
                required_number=row.required_number,
                own_y=top + 21 + BAR + 3,
                own_width=x(row.own_number),
                own_number=row.own_number,
                gap=row.gap,
                gap_y=top + 21 + BAR + 3 + BAR - 1,
            )
        )
    return GapChart(
        width=WIDTH,
        height=AXIS + len(rows) * ROW + 4,
        top_level=top_level,
        left=SIDE,
        right=WIDTH - SIDE,
        top=AXIS - 6,
        bar_height=BAR,
        ticks=[Tick(SIDE + x(number), number) for number in range(top_level + 1)],
        bars=bars,
    )
