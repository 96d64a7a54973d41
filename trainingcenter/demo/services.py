"""Writing the demo content into the database.

Seed data, like a data migration: it writes through the models directly
because it owns every row it touches and runs in one transaction, so a failure
leaves the database as it was. Rows are keyed on natural keys (slugs, the
English session title, list position), so loading again updates in place and
never duplicates. The demo programs belong to the demo: loading again resets
their agenda, roles, focus areas and takeaways to the content here.
"""
import datetime as dt
import secrets
import zoneinfo
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone, translation

from trainingcenter.center.models import Center, CountryGroup, Partner
from trainingcenter.meetings.models import OnlineMeeting
from trainingcenter.programs.models import (
    FocusArea,
    FrequentlyAskedQuestion,
    Person,
    Program,
    ProgramRole,
    Session,
    Takeaway,
    Theme,
)
from trainingcenter.registrations import services as registration_services
from trainingcenter.registrations.models import Question, Registration

from .certificates import issue_demo_certificates
from .content import center as center_content
from .content import example_participants, example_program, people, program_2nd, program_5th, program_6th
from .generated import load_generated_participants
from .news import load_news
from .reports import load_reports

LANGUAGE_SUFFIXES = ("en", "zh_hans", "ru")
PROGRAMS = [program_2nd.PROGRAM, program_5th.PROGRAM, program_6th.PROGRAM, example_program.PROGRAM]
ORGANISER_GROUP = "Program organiser"
# The example must still be bookable when the demo is loaded: registration
# stays open at least this long, or the example moves on by whole years.
EXAMPLE_MIN_OPEN_DAYS = 14


@dataclass
class DemoUser:
    username: str
    password: str | None  # None when the user already existed: nothing to show.


@dataclass
class DemoResult:
    programs: list[str] = field(default_factory=list)
    people: int = 0
    users: list[DemoUser] = field(default_factory=list)
    registrations: int = 0
    generated_registrations: int = 0  # sample participants of past programs (generated.example)


def demo_needed():
    """True when no program exists yet, so ``--if-empty`` never overwrites real data."""
    return not Program.objects.exists()


def load_demo_content(now=None):
    """Create or update the whole demo in one transaction and report what was done.

    Passwords of newly created users are returned once, for the command to
    print; they are generated with ``secrets`` and never stored in clear.
    """
    now = now or timezone.now()
    result = DemoResult()
    # Plain field names must not be rerouted to the active language by
    # modeltranslation; every text is written per language explicitly.
    with translation.override("en"), transaction.atomic():
        center = _load_center()
        _load_partners(center)
        _load_country_groups()
        themes = _load_themes()
        persons = _load_people()
        result.people = len(persons)
        programs = {}
        for data in PROGRAMS:
            programs[data["slug"]] = _load_program(data, themes, persons, now)
            result.programs.append(data["slug"])
        load_reports(programs)
        load_news(programs)
        example = programs[example_program.PROGRAM["slug"]]
        result.users = _load_users(example)
        result.registrations = _load_example_registrations(example, now)
        result.generated_registrations = load_generated_participants(programs)
        issue_demo_certificates(programs, now)
    return result


def _translated(name, value):
    """Spread one ``t()`` value over the per-language columns."""
    value = value or {}
    return {f"{name}_{suffix}": value.get(suffix, "") for suffix in LANGUAGE_SUFFIXES}


def _many_translated(data, names):
    fields = {}
    for name in names:
        fields.update(_translated(name, data.get(name)))
    return fields


def _load_center():
    data = center_content.CENTER
    fields = _many_translated(data, ("name", "short_name", "tagline", "about", "mission", "address"))
    fields.update(founded=data["founded"], website=data["website"], email=data["email"], phone=data["phone"])
    center = Center.current()
    if center is None:
        return Center.objects.create(**fields)
    for name, value in fields.items():
        setattr(center, name, value)
    center.save()
    return center


def _load_partners(center):
    for data in center_content.PARTNERS:
        defaults = _many_translated(data, ("name", "description"))
        defaults.update(role=data["role"], country=data["country"], website=data["website"], order=data["order"])
        Partner.objects.update_or_create(center=center, abbreviation=data["abbreviation"], defaults=defaults)


def _load_country_groups():
    for data in center_content.COUNTRY_GROUPS:
        defaults = _many_translated(data, ("name", "description"))
        defaults["countries"] = data["countries"]
        CountryGroup.objects.update_or_create(slug=data["slug"], defaults=defaults)


def _load_themes():
    themes = {}
    for data in center_content.THEMES:
        themes[data["slug"]], _ = Theme.objects.update_or_create(
            slug=data["slug"], defaults=_translated("name", data["name"])
        )
    return themes


def _load_people():
    persons = {}
    for data in people.PEOPLE:
        defaults = _many_translated(data, ("display_name", "honorific", "position", "affiliation", "bionote"))
        defaults.update(
            given_name=data["given_name"],
            family_name=data["family_name"],
            name_order=data["name_order"],
            native_name=data.get("native_name", ""),
            country=data["country"],
        )
        persons[data["slug"]], _ = Person.objects.update_or_create(slug=data["slug"], defaults=defaults)
    return persons


def _parse_local(value, tz):
    """'2022-06-08 14:00' in the program's zone, as an aware datetime."""
    if not value:
        return None
    return dt.datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=tz)


def _years_to_keep_open(data, tz, now):
    """Whole years to move the example by so that its registration is still open now."""
    closes = _parse_local(data["registration_closes"], tz)
    years = 0
    while closes.replace(year=closes.year + years) < now + dt.timedelta(days=EXAMPLE_MIN_OPEN_DAYS):
        years += 1
    return years


def _timing(data, now):
    """The program's local times turned into aware datetimes, moved on for the example."""
    tz = zoneinfo.ZoneInfo(data["time_zone"])
    years = _years_to_keep_open(data, tz, now) if data.get("is_example") else 0

    def when(value):
        moment = _parse_local(value, tz)
        return moment.replace(year=moment.year + years) if moment else None

    opens = when(data.get("registration_opens"))
    if data.get("is_example") and opens and opens > now:
        # A clock earlier than the content's dates: open from the start of this month.
        opens = timezone.localtime(now, tz).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return when, {
        "starts": when(data["starts"]),
        "ends": when(data["ends"]),
        "registration_opens": opens,
        "registration_closes": when(data.get("registration_closes")),
    }


def _load_program(data, themes, persons, now):
    when, timing = _timing(data, now)
    defaults = _many_translated(
        data, ("title", "subtitle", "summary", "background", "objectives", "conclusion", "venue", "contact_name")
    )
    defaults.update(timing)
    defaults.update(
        number=data.get("number"),
        time_zone=data["time_zone"],
        mode=data["mode"],
        status=data["status"],
        is_example=data.get("is_example", False),
        capacity_onsite=data.get("capacity_onsite"),
        capacity_online=data.get("capacity_online"),
        visa_letters_offered=data.get("visa_letters_offered", False),
        personal_data_retention_days=data.get("personal_data_retention_days"),
        recording_url=data.get("recording_url", ""),
        contact_email=data.get("contact_email", ""),
        participants_reported=data.get("participants_reported"),
        countries_reported=data.get("countries_reported"),
        source_note=data["source_note"],
    )
    program, _ = Program.objects.update_or_create(slug=data["slug"], defaults=defaults)
    program.themes.set([themes[slug] for slug in data["themes"]])
    _load_focus_areas(program, data["focus_areas"])
    _load_takeaways(program, data["takeaways"])
    _load_faqs(program, data.get("faqs", []))
    _load_roles(program, data["roles"], persons)
    _load_sessions(program, data["sessions"], persons, when)
    _load_online_meeting(program, data.get("online_meeting"))
    _load_questions(program, data.get("questions", []))
    return program


def _load_focus_areas(program, focus_areas):
    for order, title in enumerate(focus_areas):
        FocusArea.objects.update_or_create(program=program, order=order, defaults=_translated("title", title))
    FocusArea.objects.filter(program=program, order__gte=len(focus_areas)).delete()


def _load_takeaways(program, groups):
    order = 0
    for heading, texts in groups:
        for text in texts:
            defaults = {**_translated("heading", heading), **_translated("text", text)}
            Takeaway.objects.update_or_create(program=program, order=order, defaults=defaults)
            order += 1
    Takeaway.objects.filter(program=program, order__gte=order).delete()


def _load_faqs(program, faqs):
    for order, data in enumerate(faqs):
        defaults = _many_translated(data, ("question", "answer"))
        FrequentlyAskedQuestion.objects.update_or_create(program=program, order=order, defaults=defaults)
    FrequentlyAskedQuestion.objects.filter(program=program, order__gte=len(faqs)).delete()


def _load_roles(program, roles, persons):
    kept = []
    for order, (slug, role, note) in enumerate(roles):
        row, _ = ProgramRole.objects.update_or_create(
            program=program, person=persons[slug], role=role,
            defaults={**_translated("note", note), "order": order},
        )
        kept.append(row.pk)
    ProgramRole.objects.filter(program=program).exclude(pk__in=kept).delete()


def _load_sessions(program, sessions, persons, when):
    kept = []
    for data in sessions:
        defaults = _many_translated(data, ("title", "abstract", "summary"))
        defaults.update(
            kind=data["kind"],
            starts=when(data["start"]),
            ends=when(data["end"]),
            recording_url=data.get("recording_url", ""),
        )
        session, _ = Session.objects.update_or_create(
            program=program, title_en=data["title"]["en"], defaults=defaults
        )
        session.speakers.set([persons[slug] for slug in data["speakers"]])
        kept.append(session.pk)
    Session.objects.filter(program=program).exclude(pk__in=kept).delete()


def _load_online_meeting(program, meeting):
    if meeting is None:
        return
    OnlineMeeting.objects.update_or_create(
        program=program, defaults={"provider": meeting["provider"], "join_url": meeting["join_url"]}
    )


def _load_questions(program, questions):
    for order, data in enumerate(questions):
        defaults = _many_translated(data, ("label", "help_text"))
        defaults.update(kind=data["kind"], required=data["required"], order=order)
        Question.objects.update_or_create(program=program, label_en=data["label"]["en"], defaults=defaults)


def _load_users(example):
    """The demo's superuser and an organiser of the example program.

    Existing accounts are left as they are: their passwords are never reset.
    """
    admin = _ensure_user("admin", "admin@example.org", superuser=True)
    organiser = _ensure_user("organiser", "organiser@example.org", superuser=False)
    user = get_user_model().objects.get(username="organiser")
    # Groups are created by another app's data migration; use it only if present.
    group = Group.objects.filter(name=ORGANISER_GROUP).first()
    if group is not None:
        user.groups.add(group)
    example.organisers.add(user)
    return [admin, organiser]


def _ensure_user(username, email, superuser):
    User = get_user_model()
    if User.objects.filter(username=username).exists():
        return DemoUser(username, None)
    password = secrets.token_urlsafe(12)
    if superuser:
        User.objects.create_superuser(username, email, password)
    else:
        User.objects.create_user(username, email, password, is_staff=True)
    return DemoUser(username, password)


def _load_example_registrations(program, now):
    """Register the invented participants of the example program; returns how many were new.

    They go through the registration service like any visitor, so seats,
    history and e-mails (to example.org, which reaches no one) are real.
    People already registered, or cancelled by an organiser, are left alone.
    """
    created = 0
    for given, family, country, organization, position, sector, mode, language in example_participants.PARTICIPANTS:
        email = example_participants.email_of(given, family)
        if Registration.objects.filter(program=program, email=email).exists():
            continue
        data = registration_services.RegistrationData(
            given_name=given, family_name=family, email=email, country=country, organization=organization,
            position=position, sector=sector, mode=mode, language=language, consent=True,
        )
        registration = registration_services.register(program, data, now=now)
        if email in example_participants.CANCELLED:
            registration_services.cancel_registration(registration)
        created += 1
    return created
