"""Build `basemap.json`, the People Development Map's base map, from Natural Earth outlines.

Run once when the outlines or the frame change; the result is committed, so the portal needs
neither this script nor the internet at run time:

    npm install --prefix /tmp/atlas world-atlas@2.0.2
    .venv/bin/python -m contacts.data.build_basemap \
        /tmp/atlas/node_modules/world-atlas/countries-50m.json

The input is Natural Earth's 1:50m admin-0 countries (public domain) as TopoJSON from the
`world-atlas` package (ISC licence); see `README.md` beside this file. Shared borders are
simplified once per TopoJSON arc, so neighbouring countries still meet exactly.
"""

import json
import sys
from pathlib import Path

from contacts.geo import BASEMAP, Projection

# The member administrations' countries by ISO 3166-1 numeric code (the European Union has no
# outline of its own).
MEMBERS = {
    "008": "AL", "020": "AD", "051": "AM", "040": "AT", "031": "AZ", "112": "BY", "056": "BE",
    "070": "BA", "100": "BG", "191": "HR", "196": "CY", "203": "CZ", "208": "DK", "233": "EE",
    "246": "FI", "250": "FR", "268": "GE", "276": "DE", "300": "GR", "348": "HU", "352": "IS",
    "372": "IE", "376": "IL", "380": "IT", "398": "KZ", "417": "KG", "428": "LV", "440": "LT",
    "442": "LU", "470": "MT", "498": "MD", "499": "ME", "528": "NL", "807": "MK", "578": "NO",
    "616": "PL", "620": "PT", "642": "RO", "643": "RU", "688": "RS", "703": "SK", "705": "SI",
    "724": "ES", "752": "SE", "756": "CH", "762": "TJ", "792": "TR", "795": "TM", "804": "UA",
    "826": "GB", "860": "UZ",
}  # fmt: skip

WIDTH = 1000
CENTRE = (33.0, 52.0)  # longitude, latitude the projection is centred on
# Places that must be inside the frame: Iceland, the Iberian west, Israel's south, the
# Turkmen south, the Kazakh and Kyrgyz east, the North Cape.
FRAME_POINTS = [
    (-24.5, 66.6), (-9.5, 36.8), (-24.5, 63.3), (34.9, 29.4), (61.0, 35.1),
    (87.4, 49.2), (80.3, 42.8), (25.8, 71.2), (60.0, 70.0),
]  # fmt: skip
MARGIN = 12  # drawing units around the frame points
TOLERANCE = 0.8  # drawing units: detail smaller than this is dropped


def decode_arcs(topology: dict, project) -> list[list[tuple[float, float]]]:
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append(project(x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def simplify(points: list, tolerance: float) -> list:
    """Douglas-Peucker, iteratively; the end points stay."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5
        worst, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            else:
                distance = ((px - ax) ** 2 + (py - ay) ** 2) ** 0.5
            if distance > worst:
                worst, index = distance, i
        if index is not None and worst > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def ring_points(ring: list[int], arcs: list) -> list:
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def clip(ring: list, left: float, top: float, right: float, bottom: float) -> list:
    """Sutherland-Hodgman: the part of a ring inside the rectangle."""
    edges = [
        (lambda p: p[0] >= left, lambda a, b: _cross_x(a, b, left)),
        (lambda p: p[0] <= right, lambda a, b: _cross_x(a, b, right)),
        (lambda p: p[1] >= top, lambda a, b: _cross_y(a, b, top)),
        (lambda p: p[1] <= bottom, lambda a, b: _cross_y(a, b, bottom)),
    ]
    for inside, cross in edges:
        if not ring:
            break
        result = []
        previous = ring[-1]
        for point in ring:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        ring = result
    return ring


def _cross_x(a, b, x):
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _cross_y(a, b, y):
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def path_data(rings: list, *, closed: bool = True) -> str:
    """Rings (or open lines) as compact SVG path data: relative moves, one decimal."""
    parts = []
    cursor = (0, 0)
    for ring in rings:
        points = [(round(x * 10), round(y * 10)) for x, y in ring]
        deduplicated = [points[0]]
        for point in points[1:]:
            if point != deduplicated[-1]:
                deduplicated.append(point)
        if len(deduplicated) < (3 if closed else 2):
            continue
        (x, y), rest = deduplicated[0], deduplicated[1:]
        parts.append(f"m{_number(x - cursor[0])} {_number(y - cursor[1])}")
        steps = []
        for nx, ny in rest:
            steps.append(f"{_number(nx - x)} {_number(ny - y)}")
            x, y = nx, ny
        parts.append("l" + " ".join(steps) + ("z" if closed else ""))
        cursor = deduplicated[0] if closed else deduplicated[-1]  # where "z" or the line ends
    return "".join(parts)


def _number(tenths: int) -> str:
    text = f"{tenths / 10:.1f}".rstrip("0").rstrip(".")
    return text.replace("0.", ".", 1) if text.startswith(("0.", "-0.")) else text


def build(source: Path) -> dict:
    topology = json.loads(source.read_text(encoding="utf-8"))
    unit = Projection(lon0=CENTRE[0], lat0=CENTRE[1])
    corners = [unit.raw(lon, lat) for lon, lat in FRAME_POINTS]
    min_x, max_x = min(x for x, _ in corners), max(x for x, _ in corners)
    min_y, max_y = min(-y for _, y in corners), max(-y for _, y in corners)
    scale = (WIDTH - 2 * MARGIN) / (max_x - min_x)
    height = round((max_y - min_y) * scale + 2 * MARGIN)
    projection = Projection(
        lon0=CENTRE[0],
        lat0=CENTRE[1],
        scale=round(scale, 4),
        x0=round(min_x * round(scale, 4) - MARGIN, 4),
        y0=round(min_y * round(scale, 4) - MARGIN, 4),
    )

    def project(lon, lat):
        x, y = projection.raw(lon, lat)
        return x * projection.scale - projection.x0, -y * projection.scale - projection.y0

    arcs = [simplify(arc, TOLERANCE) for arc in decode_arcs(topology, project)]
    box = (-20, -20, WIDTH + 20, height + 20)  # a little beyond the frame: no visible seams
    countries = assign_countries(topology, arcs, project)

    members, land = [], []
    for country, polygons in countries.items():
        rings = []
        for polygon in polygons:
            for ring in polygon:
                clipped = clip(ring_points(ring, arcs), *box)
                if len(clipped) >= 3:
                    rings.append(clipped)
        if not rings:
            continue
        if country in MEMBERS.values():
            members.append({"code": country, "d": path_data(rings)})
        else:
            land.extend(rings)
    missing = set(MEMBERS.values()) - {member["code"] for member in members}
    if missing:
        raise SystemExit(f"No outline for {sorted(missing)}")
    borders = [arcs[index] for index in border_arcs(countries)]
    return {
        "source": "Natural Earth 1:50m admin-0 countries (public domain), via world-atlas 2.0.2",
        "width": WIDTH,
        "height": height,
        "projection": {
            "lon0": projection.lon0,
            "lat0": projection.lat0,
            "scale": projection.scale,
            "x0": projection.x0,
            "y0": projection.y0,
        },
        "members": sorted(members, key=lambda member: member["code"]),
        "land": path_data(land),
        "borders": line_data(borders, box),
    }


def assign_countries(topology: dict, arcs: list, project) -> dict[str, list]:
    """Polygons (lists of rings of arc indexes) by country: the ISO alpha-2 code for members,
    the Natural Earth name for the others.

    Two departures from Natural Earth's de facto view, following the United Nations: Crimea is
    drawn as part of Ukraine (General Assembly resolution 68/262) and Northern Cyprus as part of
    Cyprus.
    """
    countries: dict[str, list] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        elif geometry["type"] != "MultiPolygon":
            continue
        name = MEMBERS.get(geometry.get("id")) or geometry["properties"]["name"]
        if name == "N. Cyprus":
            name = "CY"
        countries.setdefault(name, []).extend(polygons)
    simferopol = project(34.10, 44.95)
    crimea = [
        polygon for polygon in countries["RU"] if inside(simferopol, ring_points(polygon[0], arcs))
    ]
    if len(crimea) != 1:
        raise SystemExit("Crimea not found in the outlines")
    countries["RU"].remove(crimea[0])
    countries["UA"].append(crimea[0])
    return countries


def border_arcs(countries: dict[str, list]) -> list[int]:
    """Arcs between two different countries (a coastline is drawn by the fill alone)."""
    users: dict[int, set] = {}
    for country, polygons in countries.items():
        for polygon in polygons:
            for ring in polygon:
                for index in ring:
                    users.setdefault(index if index >= 0 else ~index, set()).add(country)
    return sorted(index for index, names in users.items() if len(names) > 1)


def inside(point, ring) -> bool:
    """Even-odd test of a point against a ring."""
    x, y = point
    result = False
    previous = ring[-1]
    for current in ring:
        (x1, y1), (x2, y2) = previous, current
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            result = not result
        previous = current
    return result


def line_data(lines: list, box) -> str:
    """Open polylines as path data, keeping the runs of points inside the box."""
    left, top, right, bottom = box
    runs = []
    for line in lines:
        run = []
        for x, y in line:
            if left <= x <= right and top <= y <= bottom:
                run.append((x, y))
            else:
                if len(run) > 1:
                    runs.append(run)
                run = []
        if len(run) > 1:
            runs.append(run)
    return path_data(runs, closed=False)


if __name__ == "__main__":
    result = build(Path(sys.argv[1]))
    BASEMAP.write_text(json.dumps(result, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{BASEMAP}: {BASEMAP.stat().st_size:,} bytes, {result['width']}x{result['height']}")
