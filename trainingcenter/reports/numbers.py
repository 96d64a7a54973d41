"""Participation figures for a program's public report.

The figures come from the statistics module (``statistics.public_program_statistics``:
counted by the database, groups under five people folded into "other") and its
charts (``charts``: the same SVG in the page and in the PDF); the report shows
each chart with its table under it.
"""
from dataclasses import dataclass, field

from . import charts, statistics

# The charts a report shows, in this order (ids from charts.statistics_sections; "map" is the world map).
REPORT_CHARTS = ("map", "by-country-group", "by-country", "by-mode", "by-sector")


@dataclass
class Participation:
    registrations: int = 0
    countries: int = 0
    participants: int | None = None
    charts: list = field(default_factory=list)  # [{"id", "title", "key_header", "rows", "chart", "total"}]
    reported_participants: int | None = None
    reported_countries: int | None = None


def participation(program):
    """The program's public figures and the report's charts (none when nobody registered on the platform)."""
    stats = statistics.public_program_statistics(program)
    result = Participation(
        registrations=stats.get("registrations") or 0,
        countries=stats.get("countries") or 0,
        participants=stats.get("participants"),
        reported_participants=program.participants_reported,
        reported_countries=program.countries_reported,
    )
    if result.registrations:
        sections = {section["id"]: section for section in charts.statistics_sections(stats)}
        sections["map"] = charts.participants_map(stats)
        result.charts = [sections[name] for name in REPORT_CHARTS if name in sections and sections[name]["rows"]]
    return result
