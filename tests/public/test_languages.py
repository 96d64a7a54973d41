"""Pages in each language: content shown in English for want of a translation says so, and names per language."""
import re

import pytest
from django.utils import translation

from tests.factories import (
    CenterFactory,
    PartnerFactory,
    PersonFactory,
    ProgramFactory,
    ProgramRoleFactory,
    SessionFactory,
    TakeawayFactory,
)
from trainingcenter.programs.models import Person, ProgramRole

pytestmark = pytest.mark.django_db

ONLY_ENGLISH = "This text is only available in English for now."
PARTLY_ENGLISH = "Parts of this section are only available in English for now."


def note_in(language, msgid):
    """The note as a page in that language writes it (from the catalogue, once it has the translation)."""
    with translation.override(language):
        return translation.gettext(msgid)


def notes(html):
    return re.findall(r'<p class="fallback-note">([^<]*)</p>', html)


def section(html, heading_id):
    """The markup of the <section> labelled by the heading with this id."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start:html.index("</section>", start)]


def english_only_background_program():
    return ProgramFactory(
        title="Industrial decarbonization", title_zh_hans="工业脱碳", title_ru="Декарбонизация промышленности",
        subtitle="", background="Industry emits a large share of greenhouse gases.",
        objectives="Share policies.", objectives_zh_hans="分享政策。", objectives_ru="Обмен политиками.",
    )


@pytest.mark.parametrize("language", ["ru", "zh-hans"])
def test_background_only_in_english_says_so_in_the_pages_language(client, language):
    program = english_only_background_program()

    html = client.get(f"/{language}/programs/{program.slug}/").content.decode()

    background = section(html, "background-heading")
    assert notes(background) == [note_in(language, ONLY_ENGLISH)]
    # The note comes first, in the page's language; the text itself is marked as English.
    assert background.index('class="fallback-note"') < background.index(
        '<div lang="en"><p>Industry emits a large share of greenhouse gases.</p></div>'
    )
    assert 'lang="en"' not in background.split('class="fallback-note"')[0]
    # Translated sections say nothing.
    assert notes(section(html, "objectives-heading")) == []
    assert len(notes(html)) == 1


def test_english_pages_never_show_the_note(client):
    program = english_only_background_program()
    person = PersonFactory(bionote="Works on batteries.")

    for url in [f"/en/programs/{program.slug}/", f"/en/people/{person.slug}/", "/en/programs/", "/en/"]:
        html = client.get(url).content.decode()
        assert 'class="fallback-note"' not in html, url


def test_a_fully_translated_program_shows_no_note(client):
    program = ProgramFactory(
        title="Batteries", title_ru="Аккумуляторы", subtitle="Storage", subtitle_ru="Накопители",
        background="Why.", background_ru="Зачем.", venue="Online", venue_ru="Онлайн",
    )
    SessionFactory(program=program, title="Opening", title_ru="Открытие")

    html = client.get(f"/ru/programs/{program.slug}/").content.decode()

    assert notes(html) == []
    assert "<h1>Аккумуляторы</h1>" in html
    assert '<h4 class="session-title">Открытие</h4>' in html


def test_a_section_partly_in_english_says_so_once(client):
    program = ProgramFactory(title_ru="Программа")
    SessionFactory(program=program, title="Opening", title_ru="Открытие")
    SessionFactory(program=program, title="Lecture on storage", abstract="About storage.", abstract_ru="О хранении.")
    SessionFactory(program=program, title="Closing", title_ru="Закрытие", summary="Thanks.")
    TakeawayFactory(program=program, heading="Policy", heading_ru="Политика", text="Prices matter.",
                    text_ru="Цены важны.")

    html = client.get(f"/ru/programs/{program.slug}/").content.decode()

    agenda = section(html, "agenda-heading")
    assert notes(agenda) == [note_in("ru", PARTLY_ENGLISH)]
    assert '<h4 class="session-title" lang="en">Lecture on storage</h4>' in agenda
    assert '<h4 class="session-title">Открытие</h4>' in agenda
    assert notes(section(html, "takeaways-heading")) == []


def test_people_and_their_notes_falling_back_are_noted_per_section(client):
    program = ProgramFactory(title_ru="Программа")
    person = PersonFactory(position="Professor", position_ru="", affiliation="Example University",
                           affiliation_ru="Пример университета")
    ProgramRoleFactory(program=program, person=person, role=ProgramRole.Role.MODERATOR, note="")

    html = client.get(f"/ru/programs/{program.slug}/").content.decode()

    people = section(html, "people-heading")
    assert notes(people) == [note_in("ru", PARTLY_ENGLISH)]
    assert '<span lang="en">Professor</span>' in people


def test_person_page_notes_the_bionote_in_english(client):
    person = PersonFactory(position="Professor", position_zh_hans="教授", affiliation="", bionote="Works on batteries.")

    html = client.get(f"/zh-hans/people/{person.slug}/").content.decode()

    assert notes(section(html, "bio-heading")) == [note_in("zh-hans", ONLY_ENGLISH)]
    assert '<div lang="en"><p>Works on batteries.</p></div>' in html
    assert len(notes(html)) == 1  # the header's position is in Chinese


def test_about_page_and_partners_note_what_falls_back(client):
    center = CenterFactory(about="The centre trains people.", about_ru="Центр обучает людей.", tagline="")
    PartnerFactory(center=center, name="Example University", name_ru="Пример университета",
                   description="Hosts the centre.")

    html = client.get("/ru/about/").content.decode()

    assert notes(section(html, "partners-heading")) == [note_in("ru", PARTLY_ENGLISH)]
    assert '<p class="partner-description" lang="en">Hosts the centre.</p>' in html
    assert "<div><p>Центр обучает людей.</p></div>" in html
    assert len(notes(html)) == 1


def test_program_list_notes_cards_in_english_once(client):
    ProgramFactory(title="English only")
    ProgramFactory(title="Translated", title_ru="Переведено")

    html = client.get("/ru/programs/").content.decode()

    assert notes(html) == [note_in("ru", PARTLY_ENGLISH)]
    assert '<h3 class="card-title" lang="en">' in html


# --- names per language ---------------------------------------------------------------


@pytest.fixture
def chinese_speaker():
    program = ProgramFactory(title_zh_hans="项目", title_ru="Программа")
    person = PersonFactory(
        slug="zhu-fahua", honorific="Prof.", honorific_zh_hans="教授", honorific_ru="проф.",
        given_name="Fahua", family_name="Zhu", name_order=Person.NameOrder.FAMILY_FIRST, native_name="朱法华",
        display_name_zh_hans="朱法华", display_name_ru="Чжу Фахуа",
        affiliation="China Energy", affiliation_zh_hans="国家能源集团", affiliation_ru="China Energy",
    )
    SessionFactory(program=program, title="Coal power", speakers=[person])
    ProgramRoleFactory(program=program, person=person, role=ProgramRole.Role.MODERATOR)
    return program, person


def test_a_chinese_name_in_characters_on_chinese_pages_and_in_latin_on_english_ones(client, chinese_speaker):
    program, person = chinese_speaker

    chinese = client.get(f"/zh-hans/programs/{program.slug}/").content.decode()
    english = client.get(f"/en/programs/{program.slug}/").content.decode()
    russian = client.get(f"/ru/programs/{program.slug}/").content.decode()

    # Agenda and the list of moderators; Chinese puts the title after the name.
    assert chinese.count(f'<a href="/zh-hans/people/{person.slug}/">朱法华教授</a>') == 2
    assert "Zhu Fahua" not in chinese
    assert english.count(f'<a href="/en/people/{person.slug}/">Prof. Zhu Fahua</a>') == 2
    assert "朱法华" not in english
    assert russian.count(f'<a href="/ru/people/{person.slug}/">проф. Чжу Фахуа</a>') == 2


def test_person_page_shows_the_name_of_the_pages_language_and_the_other_beside_it(client, chinese_speaker):
    _program, person = chinese_speaker

    chinese = client.get(f"/zh-hans/people/{person.slug}/").content.decode()
    english = client.get(f"/en/people/{person.slug}/").content.decode()

    assert '<h1>朱法华 <span class="native-name">Zhu Fahua</span></h1>' in chinese
    assert "<title>朱法华" in chinese
    assert '<h1>Zhu Fahua <span class="native-name" lang="zh">朱法华</span></h1>' in english


def test_a_name_without_a_translation_is_the_latin_name_everywhere(client):
    person = PersonFactory(given_name="Khalil", family_name="Raza", honorific="Engr.", honorific_zh_hans="工程师")

    with translation.override("zh-hans"):
        assert person.name == "Khalil Raza"
        assert person.full_name == "Khalil Raza 工程师"
        assert person.other_name == ""
    with translation.override("ru"):
        assert person.name == "Khalil Raza"
    html = client.get(f"/zh-hans/people/{person.slug}/").content.decode()
    assert "<h1>Khalil Raza</h1>" in html


def test_the_english_display_name_is_every_languages_fallback():
    person = PersonFactory(given_name="Yuna", family_name="Di", name_order=Person.NameOrder.FAMILY_FIRST,
                           display_name_en="Yuna Di", display_name_zh_hans="")

    for language in ["en", "zh-hans", "ru"]:
        with translation.override(language):
            assert person.name == "Yuna Di"
    assert person.latin_name == "Di Yuna"


def test_an_english_honorific_shown_on_a_chinese_page_stays_in_front():
    person = PersonFactory(given_name="Wei", family_name="Wang", name_order=Person.NameOrder.FAMILY_FIRST,
                           honorific="Prof.", display_name_zh_hans="王伟")

    with translation.override("zh-hans"):
        assert person.full_name == "Prof. 王伟"
