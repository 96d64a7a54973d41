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
    """The ring as an SVG path: its first point, then each step from the one before (relative lines)."""
    tenths = []
    for lon, lat in points:
        x, y = project(lon, lat)
        point = (round(x * 10), round(y * 10))
        if not tenths or point != tenths[-1]:
            tenths.append(point)
    if len(tenths) < 3:
        return ""
    return compact_path(tenths)


def compact_path(tenths):
    """A closed path through points given in tenths of a unit, written as briefly as SVG allows.

    Relative steps are shorter than absolute points and, in whole tenths, just
    as exact; numbers drop leading zeros and separators where a sign or a
    second decimal point already separates them ("l.5-.1.2.3"), as the SVG
    path grammar permits and browsers and WeasyPrint read.
    """
    if tenths[-1] == tenths[0]:
        tenths = tenths[:-1]  # "z" draws the last line back to the start
    (x0, y0), steps = tenths[0], []
    for (x1, y1), (x2, y2) in zip(tenths, tenths[1:], strict=False):
        steps += [x2 - x1, y2 - y1]
    return f"M{number(x0)} {number(y0)}l{numbers(steps)}z"


def number(value):
    """A length in tenths as SVG's shortest number: 5 is '.5', -12 is '-1.2', 30 is '3'."""
    whole, tenth = divmod(abs(value), 10)
    text = (str(whole) if whole else "") + (f".{tenth}" if tenth else "")
    return ("-" if value < 0 else "") + (text or "0")


def numbers(values):
    out, previous = [], ""
    for value in values:
        text = number(value)
        # "1-2" and "1.5.5" read as two numbers each; "1 2" and "1 .5" need the space.
        joined = text.startswith("-") or (text.startswith(".") and "." in previous)
        out.append(text if joined or not previous else " " + text)
        previous = text
    return "".join(out)


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
