"""Loads the demo's program reports (content/report_*.py) through the reports services.

Run inside ``load_demo_content``'s transaction after the programs exist; a
second run replaces the written parts and keeps the report published.
"""
import datetime as dt

from trainingcenter.reports import services as report_services

from .content import report_2nd, report_5th

REPORTS = [report_2nd.REPORT, report_5th.REPORT]


def load_reports(programs):
    """``programs``: slug -> Program, as the loader made them. Returns the slugs of the reports loaded."""
    loaded = []
    for data in REPORTS:
        program = programs.get(data["program"])
        if program is None:
            continue
        report = report_services.report_for(program)
        for section in list(report.sections.all()):
            report_services.delete_section(section)
        for reference in list(report.references.all()):
            report_services.delete_reference(reference)
        sessions = {session.title_en: session for session in program.sessions.all()}
        for order, section in enumerate(data["sections"]):
            report_services.add_section(
                report,
                kind=section["kind"],
                heading=section.get("heading"),
                body=section.get("body"),
                session=sessions[section["session"]] if "session" in section else None,
                order=order,
            )
        for order, reference in enumerate(data["references"]):
            report_services.add_reference(report, title=reference["title"], url=reference.get("url", ""), order=order)
        published = dt.datetime.fromisoformat(data["published"]).replace(tzinfo=program.tz)
        report_services.publish_report(report, when=published.astimezone(dt.UTC))
        loaded.append(program.slug)
    return loaded
