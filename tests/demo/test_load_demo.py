import datetime as dt
import re
import zoneinfo

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone, translation

from tests.factories.programs import ProgramFactory
from trainingcenter.center.models import Center, CountryGroup, Partner
from trainingcenter.demo.services import load_demo_content
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
from trainingcenter.registrations.models import Question, Registration

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
DEMO_SLUGS = {
    "2021-low-carbon-nev",
    "2022-industrial-decarbonization",
    "2022-lithium-ion-batteries",
    "example-battery-storage-2027",
}


def local(moment):
    return timezone.localtime(moment, SHANGHAI)


def snapshot():
    """Everything the demo writes, as counts and stable keys."""
    return {
        "centers": Center.objects.count(),
        "partners": sorted(Partner.objects.values_list("abbreviation", flat=True)),
        "groups": CountryGroup.objects.count(),
        "themes": Theme.objects.count(),
        "programs": sorted(Program.objects.values_list("pk", "slug")),
        "people": Person.objects.count(),
        "roles": ProgramRole.objects.count(),
        "sessions": sorted(Session.objects.values_list("pk", "starts")),
        "speakers": Session.speakers.through.objects.count(),
        "focus_areas": FocusArea.objects.count(),
        "takeaways": Takeaway.objects.count(),
        "faqs": sorted(FrequentlyAskedQuestion.objects.values_list("pk", "question_en")),
        "meetings": OnlineMeeting.objects.count(),
        "questions": Question.objects.count(),
        "users": get_user_model().objects.count(),
        "registrations": sorted(Registration.objects.values_list("pk", "email", "status")),
    }


def test_load_demo_loads_the_programs_and_prints_working_passwords(run_load_demo):
    output = run_load_demo()

    assert set(Program.objects.values_list("slug", flat=True)) == DEMO_SLUGS
    assert "Demo content loaded" in output
    admin_password = re.search(r"Created user 'admin' with password: (\S+)", output).group(1)
    organiser_password = re.search(r"Created user 'organiser' with password: (\S+)", output).group(1)
    admin = authenticate(username="admin", password=admin_password)
    organiser = authenticate(username="organiser", password=organiser_password)
    assert admin is not None and admin.is_superuser and admin.is_staff
    assert organiser is not None and organiser.is_staff and not organiser.is_superuser
    assert admin_password != organiser_password


def test_running_twice_changes_nothing_and_keeps_passwords(run_load_demo):
    run_load_demo()
    first = snapshot()
    password_hash = get_user_model().objects.get(username="admin").password

    output = run_load_demo()

    assert snapshot() == first
    assert get_user_model().objects.get(username="admin").password == password_hash
    assert "password:" not in output
    assert "User 'admin' already exists" in output


def test_if_empty_skips_when_a_program_exists(run_load_demo):
    ProgramFactory(slug="someone-elses-program")

    output = run_load_demo("--if-empty")

    assert "skipped" in output
    assert list(Program.objects.values_list("slug", flat=True)) == ["someone-elses-program"]
    assert not Center.objects.exists()
    assert not get_user_model().objects.filter(username="admin").exists()


def test_if_empty_loads_into_an_empty_database(run_load_demo):
    output = run_load_demo("--if-empty")

    assert "Demo content loaded" in output
    assert Program.objects.count() == len(DEMO_SLUGS)


def test_centre_partners_and_eco_group(run_load_demo):
    run_load_demo()

    center = Center.current()
    assert center.name_en.startswith("BTBU-ECOSF Joint Training Center")
    assert "联合培训中心" in center.name_zh_hans
    assert center.founded == dt.date(2020, 9, 1)
    roles = {partner.abbreviation: partner.role for partner in center.partners.all()}
    assert roles == {"BTBU": "host", "ECOSF": "partner", "CAST": "sponsor"}
    eco = CountryGroup.objects.get(slug="eco-member-states")
    assert sorted(country.code for country in eco.countries) == sorted(
        ["AF", "AZ", "IR", "KZ", "KG", "PK", "TJ", "TR", "TM", "UZ"]
    )


def test_second_program_facts(run_load_demo):
    run_load_demo()

    program = Program.objects.get(slug="2021-low-carbon-nev")
    assert program.number == 2
    assert program.time_zone == "Asia/Shanghai"
    assert local(program.starts).date() == dt.date(2021, 7, 6)
    assert local(program.ends).date() == dt.date(2021, 7, 7)
    assert program.mode == Program.Mode.HYBRID
    assert program.status == Program.Status.COMPLETED
    assert (program.participants_reported, program.countries_reported) == (200, 20)
    assert program.focus_areas.count() == 3
    assert program.takeaways.values("heading_en").distinct().count() == 3
    moderators = set(program.roles.filter(role="moderator").values_list("person__slug", flat=True))
    assert moderators == {"di-yuna", "khalil-raza"}
    assert program.sessions.filter(kind="lecture").count() == 9
    assert "reconstructed" in program.source_note.lower()


def test_fifth_program_facts(run_load_demo):
    run_load_demo()

    program = Program.objects.get(slug="2022-industrial-decarbonization")
    assert program.title_en == "Pathways for Industrial Decarbonization in the Belt and Road Countries"
    assert program.subtitle_en == "Accelerating transition to low-carbon and climate-resilient development"
    assert re.search(r"[\u4e00-\u9fff]", program.title_zh_hans)
    with translation.override("zh-hans"):
        assert program.title == program.title_zh_hans
    assert local(program.starts).date() == dt.date(2022, 6, 8)
    assert local(program.ends).date() == dt.date(2022, 6, 9)
    assert program.mode == Program.Mode.ONLINE
    assert program.recording_url.startswith("https://www.youtube.com/watch?v=oHulRJPGA5c")
    lecturers = set(program.sessions.filter(kind="lecture").values_list("speakers__slug", flat=True))
    assert lecturers == {"zhu-fahua", "li-yeqing", "guo-zhancheng", "zhang-hua"}
    assert program.sessions.get(kind="case_study").speakers.get().slug == "khalil-raza"
    speakers = set(program.roles.filter(role="speaker").values_list("person__slug", flat=True))
    assert {"cui-xu", "wei-li", "peng-luhua"} <= speakers
    assert "STI" in program.source_note and "2021" in program.source_note


def test_sixth_program_registration_closed_on_september_26(run_load_demo):
    run_load_demo()

    program = Program.objects.get(slug="2022-lithium-ion-batteries")
    assert local(program.starts).date() == dt.date(2022, 9, 28)
    assert local(program.registration_closes) == dt.datetime(2022, 9, 26, 23, 59, tzinfo=SHANGHAI)
    assert program.registration_window_state() == "closed"
    assert "545 GWh" in program.background_en


def test_people_write_chinese_names_family_name_first(run_load_demo):
    run_load_demo()

    zhu = Person.objects.get(slug="zhu-fahua")
    assert zhu.name == "Zhu Fahua"
    assert zhu.family_name == "Zhu"
    assert zhu.bionote_en and zhu.bionote_zh_hans
    assert Person.objects.get(slug="manzoor-hussain-soomro").name == "Manzoor Hussain Soomro"
    assert Person.objects.get(slug="khalil-raza").full_name == "Engr. Khalil Raza"


def test_example_program_is_labelled_and_open_for_registration(run_load_demo):
    run_load_demo()

    program = Program.objects.get(slug="example-battery-storage-2027")
    assert program.is_example
    assert program.title_en.startswith("Example:")
    assert program.registration_window_state() == "open"
    assert program.status == Program.Status.REGISTRATION_OPEN
    assert program.mode == Program.Mode.HYBRID
    assert (program.capacity_onsite, program.capacity_online) == (40, 300)
    assert program.online_meeting.join_url == "https://meet.jit.si/example-training-center-demo"
    assert program.questions.get().kind == Question.Kind.YES_NO
    assert list(program.organisers.values_list("username", flat=True)) == ["organiser"]


def test_example_program_has_invented_registrations_organisers_can_work_with(run_load_demo):
    output = run_load_demo()

    program = Program.objects.get(slug="example-battery-storage-2027")
    registrations = Registration.objects.filter(program=program)
    assert "16 new example registrations" in output
    assert registrations.count() == 16
    assert all(r.email.endswith("@example.org") for r in registrations)
    assert registrations.filter(status=Registration.Status.CANCELLED).count() == 1
    assert registrations.filter(status=Registration.Status.CONFIRMED, mode="onsite").count() == 5
    assert len(set(registrations.values_list("country", flat=True))) >= 10
    # Past programs hold only generated sample participants, clearly marked as such.
    others = Registration.objects.exclude(program=program)
    assert not others.exclude(email__endswith="@generated.example").exists()


def test_example_program_stays_bookable_when_loaded_later(db):
    later = dt.datetime(2027, 6, 1, tzinfo=dt.UTC)

    load_demo_content(now=later)

    program = Program.objects.get(slug="example-battery-storage-2027")
    assert program.registration_window_state(now=later) == "open"
    assert local(program.starts).date() == dt.date(2028, 3, 16)


def test_organiser_joins_the_program_organiser_group_when_it_exists(run_load_demo):
    group, _ = Group.objects.get_or_create(name="Program organiser")

    run_load_demo()

    assert group.user_set.filter(username="organiser").exists()


@pytest.mark.parametrize("slug", sorted(DEMO_SLUGS))
def test_sessions_end_after_they_start_within_the_program(run_load_demo, slug):
    run_load_demo()

    program = Program.objects.get(slug=slug)
    for session in program.sessions.all():
        assert session.ends > session.starts, session.title
        assert program.starts <= session.starts and session.ends <= program.ends, session.title
    assert program.ends > program.starts


CYRILLIC = re.compile(r"[\u0400-\u04ff]")
HAN = re.compile(r"[\u4e00-\u9fff]")
MAIN_PROGRAMS = ["2021-low-carbon-nev", "2022-industrial-decarbonization"]


@pytest.mark.parametrize("slug", MAIN_PROGRAMS)
def test_main_programs_are_written_in_russian(run_load_demo, slug):
    run_load_demo()

    program = Program.objects.get(slug=slug)
    for name in ("title", "subtitle", "summary", "background", "objectives", "conclusion", "venue"):
        assert CYRILLIC.search(getattr(program, f"{name}_ru")), name
    # As many paragraphs and objectives as the English: a translation, not a digest.
    for name in ("background", "objectives"):
        english, russian = getattr(program, f"{name}_en"), getattr(program, f"{name}_ru")
        assert russian.count("\n") == english.count("\n"), name
    assert all(CYRILLIC.search(area.title_ru) for area in program.focus_areas.all())
    assert all(CYRILLIC.search(t.heading_ru) and CYRILLIC.search(t.text_ru) for t in program.takeaways.all())
    for session in program.sessions.all():
        for name in ("title", "abstract", "summary"):
            if getattr(session, f"{name}_en"):
                assert CYRILLIC.search(getattr(session, f"{name}_ru")), (session.title_en, name)
    for role in program.roles.select_related("person"):
        assert not role.note_en or CYRILLIC.search(role.note_ru)
        assert CYRILLIC.search(role.person.position_ru), role.person.slug
        assert not role.person.bionote_en or CYRILLIC.search(role.person.bionote_ru), role.person.slug


def test_every_demo_text_in_english_has_a_russian_version(run_load_demo):
    from modeltranslation.translator import translator

    run_load_demo()

    missing = []
    for model in translator.get_registered_models():
        fields = translator.get_options_for_model(model).fields
        for row in model.objects.all():
            missing += [(model.__name__, row.pk, name) for name in fields
                        if getattr(row, f"{name}_en", None) and not getattr(row, f"{name}_ru", None)]
    assert missing == []


@pytest.mark.parametrize("slug", sorted(DEMO_SLUGS))
def test_russian_demo_pages_need_no_fallback_note(run_load_demo, client, slug):
    run_load_demo()

    html = client.get(f"/ru/programs/{slug}/").content.decode()

    assert 'class="fallback-note"' not in html
    assert "<h1>" in html


def test_russian_person_pages_need_no_fallback_note(run_load_demo, client):
    run_load_demo()

    for slug in Person.objects.values_list("slug", flat=True):
        html = client.get(f"/ru/people/{slug}/").content.decode()
        assert 'class="fallback-note"' not in html, slug


def test_people_have_names_per_language(run_load_demo):
    run_load_demo()

    zhu = Person.objects.get(slug="zhu-fahua")
    with translation.override("zh-hans"):
        assert zhu.name == "朱法华"
        assert zhu.full_name == "朱法华院士"
    with translation.override("ru"):
        assert zhu.full_name == "академик Чжу Фахуа"
    with translation.override("en"):
        assert zhu.full_name == "Academician Zhu Fahua"
    # Characters only where the person's public name in characters is known; the rest stay in pinyin.
    for person in Person.objects.all():
        with translation.override("zh-hans"):
            if person.native_name:
                assert person.name == person.native_name and HAN.search(person.name), person.slug
            else:
                assert person.name == person.latin_name, person.slug
        with translation.override("ru"):
            assert CYRILLIC.search(person.name), person.slug
    with translation.override("zh-hans"):
        assert Person.objects.get(slug="zhang-hua").name == "Zhang Hua"


def test_the_centre_can_be_reached(run_load_demo):
    run_load_demo()

    center = Center.current()
    # The seeds give no address: a placeholder under the reserved .example domain, and only what the seeds say.
    assert center.email == "training@btbu.example"
    assert "Beijing Technology and Business University" in center.address_en
    assert HAN.search(center.address_zh_hans) and CYRILLIC.search(center.address_ru)


@pytest.mark.parametrize("slug", ["example-battery-storage-2027", "2022-lithium-ion-batteries"])
def test_programs_answer_the_usual_questions_in_three_languages(run_load_demo, slug):
    run_load_demo()

    faqs = list(Program.objects.get(slug=slug).faqs.all())
    questions = " ".join(faq.question_en.lower() for faq in faqs)
    for topic in ("visa", "certificate", "record", "language"):
        assert topic in questions, topic
    for faq in faqs:
        assert HAN.search(faq.question_zh_hans) and HAN.search(faq.answer_zh_hans), faq.question_en
        assert CYRILLIC.search(faq.question_ru) and CYRILLIC.search(faq.answer_ru), faq.question_en


def test_the_example_program_names_a_contact_and_the_pages_show_the_questions(run_load_demo, client):
    run_load_demo()

    program = Program.objects.get(slug="example-battery-storage-2027")
    assert program.contact_email.endswith(".example")
    assert HAN.search(program.contact_name_zh_hans) and CYRILLIC.search(program.contact_name_ru)
    for lang, question in [("en", "Do I need a visa?"), ("zh-hans", "需要办理签证吗？"), ("ru", "Нужна ли мне виза?")]:
        html = client.get(f"/{lang}/programs/{program.slug}/").content.decode()
        assert question in html, lang
        assert f'href="mailto:{program.contact_email}"' in html


def test_loading_twice_keeps_one_set_of_questions(run_load_demo):
    run_load_demo()
    count = FrequentlyAskedQuestion.objects.count()
    run_load_demo()

    assert FrequentlyAskedQuestion.objects.count() == count == 8
