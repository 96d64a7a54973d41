import pytest
from django.urls import reverse

from tests.factories import PersonFactory, ProgramFactory, ProgramRoleFactory, SessionFactory
from trainingcenter.programs.models import Program, Session

from .admin_form_data import existing_program_data, program_form_data

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:programs_program_changelist"


def change_url(program):
    return reverse("admin:programs_program_change", args=[program.pk])


def test_centre_admin_sees_every_program(client, centre_admin):
    first = ProgramFactory(title="Industrial Decarbonization")
    second = ProgramFactory(title="Lithium-ion Batteries")
    client.force_login(centre_admin)

    response = client.get(reverse(CHANGELIST))

    assert response.status_code == 200
    assert set(response.context["cl"].result_list) == {first, second}


def test_organiser_sees_only_their_programs(client, organiser):
    mine = ProgramFactory(title="Industrial Decarbonization")
    mine.organisers.add(organiser)
    ProgramFactory(title="Lithium-ion Batteries")
    client.force_login(organiser)

    response = client.get(reverse(CHANGELIST))

    assert response.status_code == 200
    assert list(response.context["cl"].result_list) == [mine]
    assert "Lithium-ion Batteries" not in response.content.decode()


def test_organiser_cannot_open_or_change_another_program(client, organiser):
    other = ProgramFactory(title="Lithium-ion Batteries")
    client.force_login(organiser)

    opened = client.get(change_url(other))
    posted = client.post(change_url(other), existing_program_data(other, title_en="Taken over"))

    assert opened.status_code in (302, 403)
    assert posted.status_code in (302, 403)
    other.refresh_from_db()
    assert other.title == "Lithium-ion Batteries"


def test_organiser_can_change_their_own_program(client, organiser):
    mine = ProgramFactory(title="Draft title")
    mine.organisers.add(organiser)
    client.force_login(organiser)

    response = client.post(change_url(mine), existing_program_data(mine, title_en="Final title"))

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    mine.refresh_from_db()
    assert mine.title == "Final title"
    assert list(mine.organisers.all()) == [organiser]


def test_a_program_an_organiser_creates_is_theirs(client, organiser):
    client.force_login(organiser)

    response = client.post(reverse("admin:programs_program_add"), program_form_data())

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    program = Program.objects.get(slug="green-hydrogen-for-industry")
    assert list(program.organisers.all()) == [organiser]
    assert client.get(change_url(program)).status_code == 200


def test_organiser_cannot_change_who_organises(client, organiser, django_user_model):
    colleague = django_user_model.objects.create_user("colleague", is_staff=True)
    mine = ProgramFactory()
    mine.organisers.add(organiser)
    client.force_login(organiser)

    client.post(change_url(mine), existing_program_data(mine, organisers=[colleague.pk]))

    assert list(mine.organisers.all()) == [organiser]


def test_checkin_staff_can_view_but_not_change_their_program(client, checkin_staff):
    program = ProgramFactory(title="Lithium-ion Batteries")
    program.organisers.add(checkin_staff)
    client.force_login(checkin_staff)

    viewed = client.get(change_url(program))
    posted = client.post(change_url(program), existing_program_data(program, title_en="Changed"))

    assert viewed.status_code == 200
    assert 'name="_save"' not in viewed.content.decode()
    assert posted.status_code == 403
    program.refresh_from_db()
    assert program.title == "Lithium-ion Batteries"


def test_checkin_staff_cannot_add_programs(client, checkin_staff):
    client.force_login(checkin_staff)

    response = client.post(reverse("admin:programs_program_add"), program_form_data())

    assert response.status_code == 403
    assert not Program.objects.exists()


@pytest.mark.parametrize("url_name", ["admin:index", CHANGELIST, "admin:programs_session_changelist"])
def test_non_staff_are_sent_to_the_login_page(client, django_user_model, url_name):
    participant = django_user_model.objects.create_user("participant", password="a-long-test-password")
    client.force_login(participant)

    response = client.get(reverse(url_name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get(reverse(CHANGELIST))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_organiser_sees_only_sessions_of_their_programs(client, organiser):
    mine = ProgramFactory()
    mine.organisers.add(organiser)
    own_session = SessionFactory(program=mine, title="Opening")
    foreign_session = SessionFactory(title="Someone else's lecture")
    client.force_login(organiser)

    listed = client.get(reverse("admin:programs_session_changelist"))
    foreign = client.get(reverse("admin:programs_session_change", args=[foreign_session.pk]))

    assert list(listed.context["cl"].result_list) == [own_session]
    assert foreign.status_code in (302, 403)


def test_organiser_cannot_attach_a_session_to_another_program(client, organiser):
    mine = ProgramFactory()
    mine.organisers.add(organiser)
    other = ProgramFactory()
    client.force_login(organiser)

    response = client.post(
        reverse("admin:programs_session_add"),
        {
            "program": other.pk,
            "kind": "lecture",
            "title_en": "Smuggled in",
            "starts_0": "2022-06-08",
            "starts_1": "09:00",
            "ends_0": "2022-06-08",
            "ends_1": "10:00",
        },
    )

    assert response.status_code == 200
    assert "program" in response.context["adminform"].form.errors
    assert not Session.objects.filter(title="Smuggled in").exists()


def test_people_are_shared_but_their_roles_are_shown_only_for_own_programs(client, organiser):
    mine = ProgramFactory(title="Industrial Decarbonization")
    mine.organisers.add(organiser)
    person = PersonFactory(family_name="Wang")
    ProgramRoleFactory(program=mine, person=person)
    ProgramRoleFactory(person=person, program=ProgramFactory(title="Lithium-ion Batteries"))
    client.force_login(organiser)

    listed = client.get(reverse("admin:programs_person_changelist"))
    page = client.get(reverse("admin:programs_person_change", args=[person.pk]))

    assert person in listed.context["cl"].result_list
    assert page.status_code == 200
    roles_formset = next(f for f in page.context["inline_admin_formsets"] if f.formset.prefix == "roles")
    assert [form.instance.program for form in roles_formset.formset.forms] == [mine]


def person_change_url(person):
    return reverse("admin:programs_person_change", args=[person.pk])


def test_organiser_may_edit_speakers_of_their_programs_only(client, organiser):
    mine = ProgramFactory()
    mine.organisers.add(organiser)
    my_speaker = ProgramRoleFactory(program=mine).person
    shared = ProgramRoleFactory(program=mine).person
    ProgramRoleFactory(person=shared)  # also speaks in someone else's program
    theirs = ProgramRoleFactory().person
    client.force_login(organiser)

    edit = {"given_name": "Changed", "family_name": "By Organiser", "name_order": "western", "slug": "x"}
    refused = client.post(person_change_url(theirs), {**edit, "slug": theirs.slug})
    deleted = client.post(reverse("admin:programs_person_delete", args=[theirs.pk]), {"post": "yes"})

    assert (refused.status_code, deleted.status_code) == (403, 403)
    theirs.refresh_from_db()
    assert theirs.given_name != "Changed"
    # Still readable: profiles are public and may be picked as speakers.
    assert client.get(person_change_url(theirs)).status_code == 200
    page = client.get(person_change_url(my_speaker)).content.decode()
    assert 'name="given_name"' in page
    assert 'name="given_name"' in client.get(person_change_url(shared)).content.decode()
    assert 'name="given_name"' not in client.get(person_change_url(theirs)).content.decode()


def test_a_persons_name_is_edited_per_language(client, centre_admin):
    person = PersonFactory(slug="zhu-fahua", given_name="Fahua", family_name="Zhu", name_order="family_first")
    client.force_login(centre_admin)
    page = client.get(person_change_url(person)).content.decode()
    assert all(f'name="display_name_{suffix}"' in page for suffix in ("en", "zh_hans", "ru"))

    response = client.post(person_change_url(person), {
        "given_name": "Fahua", "family_name": "Zhu", "name_order": "family_first", "slug": "zhu-fahua",
        "native_name": "朱法华", "display_name_zh_hans": "朱法华", "display_name_ru": "Чжу Фахуа",
        "roles-TOTAL_FORMS": "0", "roles-INITIAL_FORMS": "0",
        "roles-MIN_NUM_FORMS": "0", "roles-MAX_NUM_FORMS": "1000",
    })

    assert response.status_code == 302, response.content.decode()[:2000]
    person.refresh_from_db()
    assert (person.display_name_zh_hans, person.display_name_ru) == ("朱法华", "Чжу Фахуа")
    assert not person.display_name_en and person.name == "Zhu Fahua"  # English pages keep the Latin name
    searched = client.get(reverse("admin:programs_person_changelist"), {"q": "Чжу"})
    assert list(searched.context["cl"].result_list) == [person]
