"""SVG charts for the statistics, drawn on the server: the same markup in the page and in the PDF.

No script, no ``style`` attribute, no network: presentation attributes
(``fill``, ``font-size``) only, so the pages stay within the CSP and WeasyPrint
draws them as they are. Each chart is an ``<svg role="img">`` with a
``<title>`` and ``<desc>``; the table under it (in the templates) carries
the same figures for screen readers and for copying.
"""
import json
from functools import lru_cache
from pathlib import Path

from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from . import statistics

BAR_COLOUR = "#1f6f8b"
TEXT_COLOUR = "#1b1b1b"
MUTED_COLOUR = "#5a5a5a"
NO_DATA_COLOUR = "#e4e7ea"
BORDER_COLOUR = "#ffffff"
# Five steps of one blue, light to dark (ColorBrewer "Blues", readable in grey too).
MAP_COLOURS = ("#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c")
FONT = "DejaVu Sans, Noto Sans CJK SC, sans-serif"
MAP_FILE = Path(__file__).resolve().parent / "data" / "world_map.json"

_counter = iter(range(10**12))


def _join(parts):
    """Safe markup from safe parts (each made by ``format_html``, so already escaped)."""
    return format_html("{}" * len(parts), *parts)


def _chart_id(prefix):
    return f"{prefix}-{next(_counter)}"


def _svg_open(view_width, view_height, title, description, chart_id, css_class):
    return format_html(
        '<svg class="{}" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-title {}-desc" '
        'xmlns="http://www.w3.org/2000/svg" font-family="{}" width="100%">'
        '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
        css_class, view_width, view_height, chart_id, chart_id, FONT, chart_id, title, chart_id, description,
    )


def _shorten(text, length):
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def horizontal_bars(rows, title, description="", *, width=560, label_width=210, bar_height=22, gap=6):
    """One bar per ``(label, count)``, longest scale at the largest count, the count at the bar's end."""
    rows = [(str(label), int(count)) for label, count in rows]
    chart_id = _chart_id("bars")
    height = max(1, len(rows)) * (bar_height + gap) + gap
    largest = max((count for _label, count in rows), default=0) or 1
    room = width - label_width - 60
    parts = [_svg_open(width, height, title, description or title, chart_id, "tc-chart tc-chart-bars")]
    if not rows:
        parts.append(format_html('<text x="0" y="{}" font-size="13" fill="{}">{}</text>',
                                 bar_height, MUTED_COLOUR, _("No data yet.")))
    for index, (label, count) in enumerate(rows):
        top = gap + index * (bar_height + gap)
        bar = max(1, round(room * count / largest)) if count else 0
        parts.append(format_html(
            '<g><text x="{}" y="{}" font-size="13" text-anchor="end" fill="{}">{}</text>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" rx="2"><title>{}: {}</title></rect>'
            '<text x="{}" y="{}" font-size="13" fill="{}">{}</text></g>',
            label_width - 8, top + bar_height * 0.7, TEXT_COLOUR, _shorten(label, 30),
            label_width, top, bar, bar_height, BAR_COLOUR, label, count,
            label_width + bar + 6, top + bar_height * 0.7, TEXT_COLOUR, count,
        ))
    parts.append(mark_safe("</svg>"))
    return _join(parts)


def columns(rows, title, description="", *, width=640, height=220):
    """One column per ``(label, count)`` in order (a series over time), labels under every few columns."""
    rows = [(str(label), int(count)) for label, count in rows]
    chart_id = _chart_id("columns")
    left, bottom, top = 44, 36, 12
    plot_height = height - bottom - top
    largest = max((count for _label, count in rows), default=0) or 1
    slot = min(90, (width - left - 8) / max(1, len(rows)))
    parts = [_svg_open(width, height, title, description or title, chart_id, "tc-chart tc-chart-columns")]
    parts.append(format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"/>'
        '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="{}">{}</text>'
        '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="{}">0</text>',
        left, top + plot_height, width - 8, top + plot_height, MUTED_COLOUR,
        left - 6, top + 10, MUTED_COLOUR, largest, left - 6, top + plot_height, MUTED_COLOUR,
    ))
    if not rows:
        parts.append(format_html('<text x="{}" y="{}" font-size="13" fill="{}">{}</text>',
                                 left + 8, top + plot_height / 2, MUTED_COLOUR, _("No data yet.")))
    every = max(1, round(len(rows) / 8))
    for index, (label, count) in enumerate(rows):
        bar_height = round(plot_height * count / largest, 1)
        x = round(left + index * slot + slot * 0.1, 1)
        parts.append(format_html(
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {}</title></rect>',
            x, round(top + plot_height - bar_height, 1), round(max(1.0, slot * 0.8), 1), bar_height,
            BAR_COLOUR, label, count,
        ))
        if index % every == 0:
            parts.append(format_html('<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="{}">{}</text>',
                                     round(x + slot * 0.4, 1), height - bottom + 16, MUTED_COLOUR, label))
    parts.append(mark_safe("</svg>"))
    return _join(parts)


@lru_cache(maxsize=1)
def _world():
    return json.loads(MAP_FILE.read_text())


def map_buckets(largest):
    """Upper bounds of the five colour steps for counts from 1 to ``largest``: 1–5, 6–20... roughly even."""
    if largest <= 0:
        return []
    bounds = []
    for step in range(1, len(MAP_COLOURS) + 1):
        bound = max(1, round(largest * step / len(MAP_COLOURS)))
        if not bounds or bound > bounds[-1]:
            bounds.append(bound)
    return bounds


def world_map(counts, title, description="", names=None, *, other_label=""):
    """A choropleth of ``{ISO code: count}``: each country filled by its count's step, with a legend.

    Every country with a count has a ``<title>`` (its name and count) that
    browsers and screen readers show; ``names`` maps codes to the reader's
    country names. Countries not on the 1:110m map (small islands) are in the
    table under the map only.
    """
    names = names or {}
    world = _world()
    chart_id = _chart_id("map")
    _x, _y, map_width, map_height = (float(part) for part in world["view_box"].split())
    legend_height = 40
    bounds = map_buckets(max(counts.values(), default=0))
    parts = [_svg_open(int(map_width), int(map_height + legend_height), title, description or title, chart_id,
                       "tc-chart tc-chart-map")]
    # Most countries have no participants: the group's fill is theirs, and only the others carry one.
    parts.append(format_html('<g stroke="{}" stroke-width="0.4" fill="{}">', BORDER_COLOUR, NO_DATA_COLOUR))
    for code, path in world["countries"].items():
        count = counts.get(code, 0)
        if count:
            step = next(index for index, bound in enumerate(bounds) if count <= bound)
            colour = MAP_COLOURS[step + len(MAP_COLOURS) - len(bounds)]
            parts.append(format_html('<path d="{}" fill="{}"><title>{}: {}</title></path>',
                                     path, colour, names.get(code, code), count))
        else:
            parts.append(format_html('<path d="{}"/>', path))
    parts.append(mark_safe("</g>"))
    # The legend: one swatch per step, with its range.
    y = map_height + 12
    x = 10
    low = 1
    legend = [(NO_DATA_COLOUR, _("none"))]
    for index, bound in enumerate(bounds):
        colour = MAP_COLOURS[index + len(MAP_COLOURS) - len(bounds)]
        legend.append((colour, str(bound) if low == bound else f"{low}–{bound}"))
        low = bound + 1
    if other_label:
        legend.append((None, other_label))
    for colour, text in legend:
        if colour:
            parts.append(format_html('<rect x="{}" y="{}" width="18" height="14" fill="{}" stroke="{}"/>',
                                     x, y, colour, MUTED_COLOUR))
            x += 24
        parts.append(format_html('<text x="{}" y="{}" font-size="13" fill="{}">{}</text>',
                                 x, y + 12, TEXT_COLOUR, text))
        x += 14 + 8 * len(text)
    parts.append(mark_safe("</svg>"))
    return _join(parts)


def _section(section_id, title, key_header, rows, chart):
    return {"id": section_id, "title": title, "key_header": key_header, "rows": rows, "chart": chart,
            "total": sum(count for _label, count in rows)}


def statistics_sections(stats):
    """The charts of one statistics answer (program or centre, folded or not), each with its table's rows.

    One list for every place that shows statistics: the organisers' page, the
    public page and the report PDF draw the same sections.
    """
    sections = []

    def bars(section_id, title, key_header, name, key, description=""):
        if name not in stats:
            return
        rows = [(statistics.label(key, item[key]), item["count"]) for item in stats[name]]
        sections.append(_section(section_id, title, key_header, rows, horizontal_bars(rows, title, description)))

    def series(section_id, title, key_header, name, key):
        if name not in stats:
            return
        rows = [(statistics.label(key, item[key]), item["count"]) for item in stats[name]]
        sections.append(_section(section_id, title, key_header, rows, columns(rows, title)))

    series("over-time", _("Registrations over time"), _("Day"), "over_time", "date")
    series("by-year", _("Registrations by year"), _("Year"), "by_year", "year")
    bars("by-theme", _("Registrations by theme"), _("Theme"), "by_theme", "theme")
    bars("by-status", _("Registrations by status"), _("Status"), "by_status", "status")
    bars("by-mode", _("Registrations by attendance mode"), _("Mode"), "by_mode", "mode")
    groups = [{"group": item["group"], "count": item["count"]} for item in stats.get("by_country_group", [])]
    if stats.get("outside_country_groups"):
        groups.append({"group": _("No country group"), "count": stats["outside_country_groups"]})
    rows = [(statistics.label("group", item["group"]), item["count"]) for item in groups]
    title = _("Registrations by country group")
    sections.append(_section("by-country-group", title, _("Country group"), rows, horizontal_bars(rows, title)))
    bars("by-country", _("Registrations by country"), _("Country"), "by_country", "country")
    bars("by-sector", _("Registrations by sector"), _("Sector"), "by_sector", "sector")
    bars("by-gender", _("Registrations by gender (where given)"), _("Gender"), "by_gender", "gender")
    return sections


def participants_map(stats):
    """The world map of ``stats["by_country"]`` and its table's rows."""
    counts = {item["country"]: item["count"] for item in stats["by_country"] if item["country"] != statistics.OTHER}
    names = {code: statistics.label("country", code) for code in counts}
    other = next((item["count"] for item in stats["by_country"] if item["country"] == statistics.OTHER), 0)
    title = _("Registrations by country, on a map")
    description = _("%(countries)d countries; darker means more people.") % {"countries": stats.get("countries") or 0}
    chart = world_map(counts, title, description, names,
                      other_label=_("Other: %(n)d") % {"n": other} if other else "")
    rows = [(statistics.label("country", item["country"]), item["count"]) for item in stats["by_country"]]
    return _section("map", title, _("Country"), rows, chart)
