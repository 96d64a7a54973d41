"""Small charts as SVG markup, drawn on the server: no JavaScript, no network, no chart library.

The same markup goes into a web page (inline, so the page's strict
Content-Security-Policy holds: presentation attributes only, no ``style``)
and into a PDF (WeasyPrint draws inline SVG), e.g. the survey results now
and the program reports later.

- ``bar_chart(rows, ...)``: horizontal bars, one per (label, value), each
  label on its own line above its bar, so long titles (a session's) fit on
  a phone; for averages, counts per choice, anything compared across labels.
- ``distribution_chart(buckets, ...)``: vertical columns for a few short
  categories (ratings 1 to 5), with each column's count above it.

Both return a ``SafeString``: every label is escaped here. Each chart is an
``<svg role="img">`` named by its ``<title>``; a chart is a picture for
sighted readers, so put its figures in a table right after it (the
results pages do) for screen readers and for copying.
"""
import hashlib
import unicodedata

from django.utils.formats import number_format
from django.utils.html import escape
from django.utils.safestring import mark_safe

ACCENT = "#0f5e57"
TRACK = "#e3f0ed"
INK = "#1c2b2a"
INK_SOFT = "#4a5a58"
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK SC', Arial, sans-serif"
FONT_SIZE = 13
# Roughly how wide a character is at FONT_SIZE: Latin and Cyrillic letters, and Han characters (twice as wide).
NARROW_WIDTH, WIDE_WIDTH = 7.2, 13.5


def text_width(text, font_size=FONT_SIZE):
    """An estimate of the text's width in pixels (no font metrics on the server; generous on purpose)."""
    scale = font_size / FONT_SIZE
    return scale * sum(WIDE_WIDTH if unicodedata.east_asian_width(char) in "WF" else NARROW_WIDTH for char in text)


def fit(text, width, font_size=FONT_SIZE):
    """The text, cut with an ellipsis where it would be wider than ``width`` pixels."""
    text = " ".join(str(text).split())
    if text_width(text, font_size) <= width:
        return text
    cut = ""
    for char in text:
        if text_width(cut + char + "…", font_size) > width:
            break
        cut += char
    return cut.rstrip() + "…"


def format_number(value, decimals=None):
    """A number as the active language writes it: "4.25", "4,25"; whole numbers without decimals."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 2
    # Rounded here: Django's number_format cuts the digits off (66.67 would read 66.6).
    return number_format(round(float(value), decimals), decimal_pos=decimals)


def _chart_id(kind, title, rows):
    digest = hashlib.sha256(repr((kind, str(title), [tuple(map(str, row)) for row in rows])).encode()).hexdigest()
    return f"chart-{digest[:10]}"


def _open_svg(chart_id, title, width, height, css_class, description=""):
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{escape(css_class)}" role="img" '
        f'aria-labelledby="{chart_id}-title" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
        f'preserveAspectRatio="xMinYMin meet" font-family="{escape(FONT)}" font-size="{FONT_SIZE}">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
    ]
    if description:
        parts.append(f"<desc>{escape(description)}</desc>")
    return parts


def bar_chart(rows, *, title, max_value=None, value_label=None, width=640, css_class="chart chart-bars",
              description=""):
    """Horizontal bars for ``rows`` of (label, value); values from 0 to ``max_value`` (default: the largest).

    ``value_label(value)`` writes the figure shown after each bar (default:
    ``format_number``); a row whose value is None shows "–" and no bar.
    """
    value_label = value_label or format_number
    rows = [(str(label), value) for label, value in rows]
    chart_id = _chart_id("bars", title, rows)
    values = [value for _label, value in rows if value is not None]
    top = max_value if max_value is not None else max(values, default=0)
    row_height, label_height, bar_height, pad = 46, 18, 16, 4
    figure_space = 56
    track = width - figure_space
    height = max(len(rows), 1) * row_height + pad
    parts = _open_svg(chart_id, title, width, height, css_class, description)
    for index, (label, value) in enumerate(rows):
        y = pad + index * row_height
        shown = value_label(value) if value is not None else "–"
        bar = 0 if value is None or not top else max(track * min(value, top) / top, 0)
        parts.append(f"<g><title>{escape(label)}: {escape(shown)}</title>")
        parts.append(f'<text x="0" y="{y + label_height - 5}" fill="{INK}">{escape(fit(label, width))}</text>')
        bar_y = y + label_height
        parts.append(f'<rect x="0" y="{bar_y}" width="{track}" height="{bar_height}" rx="3" fill="{TRACK}"/>')
        if bar:
            parts.append(f'<rect x="0" y="{bar_y}" width="{bar:.1f}" height="{bar_height}" rx="3" fill="{ACCENT}"/>')
        parts.append(f'<text x="{track + 8}" y="{bar_y + bar_height - 3}" fill="{INK}" '
                     f'font-weight="bold">{escape(shown)}</text>')
        parts.append("</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above went through escape()


def distribution_chart(buckets, *, title, value_label=None, width=360, height=200, css_class="chart chart-columns",
                       description=""):
    """Vertical columns for ``buckets`` of (label, count), e.g. how many gave each rating from 1 to 5.

    Each column's count is written above it (``value_label(count)``, default
    ``format_number``) and its label below it.
    """
    value_label = value_label or format_number
    buckets = [(str(label), count) for label, count in buckets]
    chart_id = _chart_id("columns", title, buckets)
    top = max((count for _label, count in buckets), default=0)
    count = max(len(buckets), 1)
    label_space, figure_space, gap = 24, 20, 10
    plot = height - label_space - figure_space
    slot = width / count
    column = max(slot - gap, 4)
    parts = _open_svg(chart_id, title, width, height, css_class, description)
    baseline = figure_space + plot
    parts.append(f'<line x1="0" y1="{baseline + 0.5}" x2="{width}" y2="{baseline + 0.5}" stroke="{INK_SOFT}" '
                 f'stroke-width="1"/>')
    for index, (label, value) in enumerate(buckets):
        x = index * slot + gap / 2
        middle = x + column / 2
        bar = plot * value / top if top else 0
        shown = value_label(value)
        parts.append(f"<g><title>{escape(label)}: {escape(shown)}</title>")
        if bar:
            parts.append(f'<rect x="{x:.1f}" y="{baseline - bar:.1f}" width="{column:.1f}" height="{bar:.1f}" '
                         f'rx="2" fill="{ACCENT}"/>')
        parts.append(f'<text x="{middle:.1f}" y="{baseline - bar - 5:.1f}" text-anchor="middle" fill="{INK}" '
                     f'font-weight="bold">{escape(shown)}</text>')
        parts.append(f'<text x="{middle:.1f}" y="{baseline + 17}" text-anchor="middle" fill="{INK}">'
                     f"{escape(fit(label, slot))}</text>")
        parts.append("</g>")
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above went through escape()
