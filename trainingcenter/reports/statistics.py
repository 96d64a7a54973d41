"""Participation statistics, per program and for the whole centre, computed by the database.

The registrations are counted by the database in one ``GROUP BY`` over
country, sector, gender, mode and status (``values().annotate(Count())``):
what comes back is one count per combination that occurs, a few thousand
rows at most however many registrations there are, and the breakdowns only
add those up. The number of SQL queries does not grow with the number of
registrations, and no Python loop walks over registrations.

Which registrations count:

- ``registrations`` and every ``by_…`` breakdown except ``by_status`` count
  the *active* registrations (confirmed, waitlisted, awaiting approval);
  cancelled and rejected ones are left out.
- ``by_status`` counts every registration, cancelled and rejected too.
- ``participants`` is the number of confirmed registrations.

The public figures (``public_program_statistics``, ``public_centre_statistics``)
have the same shape, but every group of fewer than ``MIN_GROUP_SIZE`` people is
folded into ``"other"`` (and when "other" itself would be that small, the
next smallest groups go into it too), so that no person can be singled out.
"""
import csv
import datetime as dt
import io
from collections import Counter
from zoneinfo import ZoneInfo

from django.db import connection
from django.db.models import Avg, Count, F, Q
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.translation import gettext as _
from django_countries import countries as country_names

from trainingcenter.attendance.rules import program_results
from trainingcenter.center.models import CountryGroup
from trainingcenter.certificates.models import Certificate
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration
from trainingcenter.surveys.models import Answer

MIN_GROUP_SIZE = 5
OTHER = "other"
NOT_GIVEN = ""

# The breakdowns: their name in the answer, the key of each item, the model field.
BREAKDOWNS = (
    ("by_country", "country", "country"),
    ("by_mode", "mode", "mode"),
    ("by_sector", "sector", "sector"),
    ("by_gender", "gender", "gender"),
)


CUBE_FIELDS = ("country", "sector", "gender", "mode", "status")


def _sorted(counter, key):
    items = [{key: value if value is not None else NOT_GIVEN, "count": count}
             for value, count in counter.items() if count]
    return sorted(items, key=lambda item: (-item["count"], str(item[key])))


def _cube(registrations):
    """One GROUP BY over country, sector, gender, mode and status: the database counts every registration.

    What comes back is the counts of each combination that occurs (a few
    thousand rows at most, whatever the number of registrations), which the
    breakdowns below only add up.
    """
    return list(registrations.order_by().values_list(*CUBE_FIELDS).annotate(count=Count("pk")))


def _country_groups():
    return list(CountryGroup.objects.order_by("name").only("pk", "slug", "name", "countries"))


def _by_country_group(by_country, groups):
    """Each group's registrations, from the country counts; and those from no group at all."""
    if not groups:
        return [], None
    items = []
    members = set()
    for group in groups:
        codes = {str(code) for code in group.countries}
        members |= codes
        items.append({"group": group.name, "slug": group.slug,
                      "count": sum(count for code, count in by_country.items() if code in codes)})
    outside = sum(count for code, count in by_country.items() if code not in members)
    return items, outside


def _statistics(registrations, groups):
    """The figures common to a program and the centre, from one GROUP BY over the registrations."""
    by = {field: Counter() for field in CUBE_FIELDS}
    statuses = Counter()
    for country, sector, gender, mode, status, count in _cube(registrations):
        statuses[status] += count
        if status in Registration.INACTIVE_STATUSES:
            continue
        for field, value in zip(CUBE_FIELDS, (country, sector, gender, mode, status), strict=True):
            by[field][value] += count
    result = {
        "registrations": sum(by["status"].values()),
        "participants": statuses[Registration.Status.CONFIRMED],
        "countries": len([code for code, count in by["country"].items() if count]),
        "by_status": _sorted(statuses, "status"),
    }
    for name, key, field in BREAKDOWNS:
        result[name] = _sorted(by[field], key)
    result["by_country_group"], result["outside_country_groups"] = _by_country_group(by["country"], groups)
    return result


def _certificates(program_filter):
    """Valid certificates (revoked and replaced ones do not count)."""
    return Certificate.objects.filter(program_filter, status=Certificate.Status.VALID).count()


def _feedback(survey_filter):
    """The mean of every 1–5 rating given, and how many ratings: one aggregate."""
    totals = Answer.objects.filter(survey_filter, rating__isnull=False).aggregate(
        mean=Avg("rating"), ratings=Count("pk"),
    )
    mean = totals["mean"]
    return {"mean_rating": round(float(mean), 2) if mean is not None else None, "ratings": totals["ratings"]}


def _attendance(program):
    """Attended under the program's rule, of the confirmed: the rule's five queries."""
    results = program_results(program)
    attended = sum(1 for result in results if result.attended)
    confirmed = len(results)
    return {
        "confirmed": confirmed,
        "attended": attended,
        "rate": round(attended / confirmed, 3) if confirmed else None,
    }


def program_statistics(program, *, attendance=True):
    """Every figure of one program, for its organisers (no folding).

    A fixed number of queries whatever the number of registrations
    (``attendance=True`` adds the attendance rule's own, which walks the
    confirmed participants in Python: it judges each one).
    """
    every = Registration.objects.filter(program=program)
    active = every.exclude(status__in=Registration.INACTIVE_STATUSES)
    result = {"program": program.slug}
    result.update(_statistics(every, _country_groups()))
    zone = ZoneInfo(program.time_zone)
    rows = (active.order_by().annotate(day=TruncDate("created_at", tzinfo=zone))
            .values("day").annotate(count=Count("pk")).values_list("day", "count").order_by("day"))
    result["over_time"] = [{"date": day.isoformat() if isinstance(day, dt.date) else str(day), "count": count}
                           for day, count in rows]
    result["certificates"] = _certificates(Q(program=program))
    result["feedback"] = _feedback(Q(response__survey__program=program))
    result["attendance"] = _attendance(program) if attendance else None
    return result


def centre_programs():
    """The programs the centre's statistics are about: every public one."""
    return Program.objects.public()


def centre_statistics(year=None, theme=None):
    """The whole centre's figures, optionally for one year (of the programs' start) or one theme (its slug).

    Registrations over time are counted by the programs' year (``by_year``).
    """
    programs = centre_programs()
    if year:
        programs = programs.filter(starts__year=year)
    if theme:
        programs = programs.filter(themes__slug=theme)
    program_ids = programs.values("pk")
    if year or theme or connection.vendor != "sqlite":
        every = Registration.objects.filter(program__in=program_ids)
    else:
        # Most of the table: reading it through in order beats an index lookup per row, which SQLite's
        # planner would otherwise choose; ``+ 0`` keeps it from the index. PostgreSQL's chooses well.
        every = Registration.objects.alias(program_number=F("program_id") + 0).filter(program_number__in=program_ids)
    result = _statistics(every, _country_groups())
    # Per program, from the (program, status, mode) index alone; years and themes come from the programs.
    per_program = dict(
        every.exclude(status__in=Registration.INACTIVE_STATUSES).order_by().values("program_id")
        .annotate(count=Count("pk")).values_list("program_id", "count")
    )
    years = Counter()
    program_rows = list(programs.order_by().values_list("pk", "starts").distinct())
    for pk, starts in program_rows:
        years[timezone.localtime(starts, dt.UTC).year] += per_program.get(pk, 0)
    result["programs"] = len(program_rows)
    result["by_year"] = [{"year": year_, "count": count} for year_, count in sorted(years.items())]
    themes = Counter()
    names = {}
    for pk, slug, name in Program.themes.through.objects.filter(program__in=program_ids).values_list(
        "program_id", "theme__slug", "theme__name"
    ):
        themes[slug] += per_program.get(pk, 0)
        names[slug] = name
    result["by_theme"] = sorted(
        ({"theme": names[slug], "slug": slug, "count": count} for slug, count in themes.items() if count),
        key=lambda item: (-item["count"], item["theme"]),
    )
    result["certificates"] = _certificates(Q(program__in=program_ids))
    result["feedback"] = _feedback(Q(response__survey__program__in=program_ids))
    return result


# Folding small groups, for everything the public sees.

def fold_small(items, key, minimum=MIN_GROUP_SIZE, ordered=False):
    """Fold every group under ``minimum`` into ``{key: "other"}``, so that no person can be singled out.

    When "other" would itself hold fewer than ``minimum`` people (but some),
    the smallest remaining groups join it until it does not, or nothing is
    left to fold. Groups of 0 are dropped. "other" comes last; the others
    keep their order when ``ordered`` (a series over time), else largest first.
    """
    kept = [item for item in items if item["count"] >= minimum and item[key] != OTHER]
    other = sum(item["count"] for item in items if 0 < item["count"] < minimum or item[key] == OTHER)
    while 0 < other < minimum and kept:
        smallest = min(kept, key=lambda item: (item["count"], str(item[key])))
        kept.remove(smallest)
        other += smallest["count"]
    if not ordered:
        kept.sort(key=lambda item: (-item["count"], str(item[key])))
    folded = [dict(item) for item in kept]
    if other:
        folded.append({key: OTHER, "count": other})
    return folded


def fold_statistics(result, minimum=MIN_GROUP_SIZE):
    """A copy of ``program_statistics``/``centre_statistics``'s answer fit for the public."""
    public = dict(result)
    public["by_status"] = fold_small(result["by_status"], "status", minimum)
    for name, key, _field in BREAKDOWNS:
        public[name] = fold_small([item for item in result[name] if item[key] != NOT_GIVEN], key, minimum)
    groups = [{"group": item["group"], "count": item["count"]} for item in result["by_country_group"]]
    public["by_country_group"] = fold_small(groups, "group", minimum)
    outside = result.get("outside_country_groups")
    public["outside_country_groups"] = outside if outside is None or outside >= minimum else None
    for name, key, ordered in (("by_year", "year", True), ("by_theme", "theme", False), ("over_time", "date", True)):
        if name in result:
            public[name] = fold_small(result[name], key, minimum, ordered=ordered)
    if public.get("certificates") is not None and public["certificates"] < minimum:
        public["certificates"] = None
    feedback = result.get("feedback")
    if feedback and feedback["ratings"] < minimum:
        public["feedback"] = {"mean_rating": None, "ratings": feedback["ratings"]}
    attendance = result.get("attendance")
    if attendance and attendance["confirmed"] < minimum:
        public["attendance"] = None
    return public


def public_program_statistics(program):
    return fold_statistics(program_statistics(program, attendance=True))


def public_centre_statistics(year=None, theme=None):
    return fold_statistics(centre_statistics(year=year, theme=theme))


# Labels, for pages and the PDF.

def label(key, value):
    """The reader's words for one group's value (a country code, a mode, a status...)."""
    if value == OTHER:
        return _("Other (groups under %(n)d people)") % {"n": MIN_GROUP_SIZE}
    if value == NOT_GIVEN:
        return _("Not given")
    if key == "country":
        return str(country_names.name(value)) or value
    choices = {
        "status": Registration.Status, "mode": Registration.Mode,
        "sector": Registration.Sector, "gender": Registration.Gender,
    }.get(key)
    if choices is not None:
        try:
            return str(choices(value).label)
        except ValueError:
            return str(value)
    return str(value)


CSV_BREAKDOWNS = (
    ("by_status", "status"), ("by_mode", "mode"), ("by_country", "country"), ("by_country_group", "group"),
    ("by_sector", "sector"), ("by_gender", "gender"), ("over_time", "date"), ("by_year", "year"),
    ("by_theme", "theme"),
)


def statistics_csv(stats):
    """One table of every figure: ``breakdown,key,label,count``; totals first. Open data, for the public."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["breakdown", "key", "label", "count"])
    for name in ("registrations", "participants", "countries", "certificates"):
        if stats.get(name) is not None:
            writer.writerow(["total", name, "", stats[name]])
    for name, key in CSV_BREAKDOWNS:
        for item in stats.get(name) or ():
            writer.writerow([name, item[key], _csv_safe(label(key, item[key])), item["count"]])
    return out.getvalue()


def _csv_safe(text):
    """Cells a spreadsheet would read as a formula get a leading apostrophe."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
