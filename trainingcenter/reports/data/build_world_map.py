"""Turn world-atlas's countries-110m.json (TopoJSON) into world_map.json: one SVG path per ISO country code.

Run once, by hand, when the map should change:

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    python trainingcenter/reports/data/build_world_map.py package/countries-110m.json

Equirectangular projection, 1 unit per degree scaled to a 1000 × 500 view
box, cropped to 84°N – 58°S (Antarctica is left out), coordinates rounded to
one decimal. The result is served from the disk: the map needs no network.
"""
import json
import sys
from pathlib import Path

import django
from django.conf import settings

WIDTH, TOP, BOTTOM = 1000, 84, -58
SCALE = WIDTH / 360
HERE = Path(__file__).resolve().parent


def decode_arcs(topology):
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def ring_points(arcs, indexes):
    points = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def project(lon, lat):
    return round((lon + 180) * SCALE, 1), round((TOP - lat) * SCALE, 1)


def unwrap(points):
    """Longitudes made continuous across the antimeridian (Chukotka, Fiji): 179 then 181, not -179."""
    out = []
    for lon, lat in points:
        if out:
            while lon - out[-1][0] > 180:
                lon -= 360
            while out[-1][0] - lon > 180:
                lon += 360
        out.append((lon, lat))
    return out


def ring_paths(points):
    """The ring, and a copy shifted by a whole turn when part of it lies beyond ±180° (the view clips both)."""
    points = unwrap(points)
    paths = [ring_path(points)]
    if max(lon for lon, _lat in points) > 180:
        paths.append(ring_path([(lon - 360, lat) for lon, lat in points]))
    if min(lon for lon, _lat in points) < -180:
        paths.append(ring_path([(lon + 360, lat) for lon, lat in points]))
    return "".join(paths)


def ring_path(points):
    out = []
    last = None
    for lon, lat in points:
        point = project(lon, lat)
        if point == last:
            continue
        out.append(f"{point[0]:g} {point[1]:g}")
        last = point
    if len(out) < 3:
        return ""
    return "M" + "L".join(out) + "Z"


def main(source):
    if not settings.configured:
        settings.configure()
        django.setup()
    from django_countries import countries  # noqa: PLC0415 - needs settings first

    topology = json.loads(Path(source).read_text())
    arcs = decode_arcs(topology)
    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        if not numeric or geometry.get("type") is None:
            continue
        code = countries.alpha2(int(numeric))
        if not code or code == "AQ":
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        path = "".join(ring_paths(ring_points(arcs, ring)) for polygon in polygons for ring in polygon)
        if path:
            shapes[code] = shapes.get(code, "") + path
    height = round((TOP - BOTTOM) * SCALE, 1)
    result = {
        "source": "world-atlas 2.0.2 countries-110m.json (Natural Earth 1:110m, public domain; "
                  "world-atlas ISC licence, Copyright 2013-2019 Michael Bostock)",
        "view_box": f"0 0 {WIDTH} {height:g}",
        "countries": dict(sorted(shapes.items())),
    }
    (HERE / "world_map.json").write_text(json.dumps(result, separators=(",", ":")) + "\n")
    print(len(shapes), "countries")


if __name__ == "__main__":
    main(sys.argv[1])
