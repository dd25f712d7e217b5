"""Where things are on the People Development Map: the projection and the shipped base map.

The base map (`data/basemap.json`) holds country outlines already projected and simplified by
`data/build_basemap.py`; points (training centres) go through the same projection here, so
they land on the same spot of the same drawing.
"""

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

BASEMAP = Path(__file__).resolve().parent / "data" / "basemap.json"


@dataclass(frozen=True)
class Projection:
    """Lambert azimuthal equal-area on a sphere, then scaled and shifted into the drawing."""

    lon0: float
    lat0: float
    scale: float = 1.0
    x0: float = 0.0
    y0: float = 0.0

    def raw(self, lon: float, lat: float) -> tuple[float, float]:
        """Unit-sphere coordinates, y pointing north."""
        lam, phi = math.radians(lon - self.lon0), math.radians(lat)
        phi0 = math.radians(self.lat0)
        cos_c = math.sin(phi0) * math.sin(phi) + math.cos(phi0) * math.cos(phi) * math.cos(lam)
        k = math.sqrt(2 / max(1 + cos_c, 1e-12))
        x = k * math.cos(phi) * math.sin(lam)
        y = k * (math.cos(phi0) * math.sin(phi) - math.sin(phi0) * math.cos(phi) * math.cos(lam))
        return x, y

    def __call__(self, lon: float, lat: float) -> tuple[float, float]:
        """Drawing coordinates (SVG user units, y pointing down)."""
        x, y = self.raw(lon, lat)
        return round(x * self.scale - self.x0, 1), round(-y * self.scale - self.y0, 1)


@dataclass(frozen=True)
class Basemap:
    width: int
    height: int
    projection: Projection
    members: list[dict]  # {"code": "AZ", "d": "m…z"}: the outline of each member country
    land: str  # every other country, one path
    borders: str  # the lines between countries, one path

    def contains(self, x: float, y: float) -> bool:
        return 0 <= x <= self.width and 0 <= y <= self.height


@cache
def basemap() -> Basemap:
    data = json.loads(BASEMAP.read_text(encoding="utf-8"))
    return Basemap(
        width=data["width"],
        height=data["height"],
        projection=Projection(**data["projection"]),
        members=data["members"],
        land=data["land"],
        borders=data["borders"],
    )
