"""Badges: a participant's own A6 badge and the organisers' A4 sheets, names in their own scripts."""
import datetime as dt
import io
import unicodedata
import zoneinfo
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.factories import ProgramFactory, RegistrationFactory
from trainingcenter.attendance import badges
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "badges"
MM = 72 / 25.4

PEOPLE = [
    # given, family, organisation, country
    ("小明", "王", "北京工商大学", "CN"),
    ("Алёна", "Смирнова", "Казахский национальный университет", "KZ"),
    ("محمد", "رضایی", "دانشگاه تهران", "IR"),
    ("Bakhtiyor", "Abdurakhmonov", "Tashkent State Technical University", "UZ"),
    ("Ayşe", "Yılmaz", "Istanbul Technical University", "TR"),
]


@pytest.fixture
def program():
    return ProgramFactory(
        number=5, title="Low-Carbon Development and New Energy Vehicles", title_zh_hans="低碳发展与新能源汽车",
        mode=Program.Mode.HYBRID, capacity_onsite=30, venue="BTBU Liangxiang campus, Beijing",
        starts=dt.datetime(2031, 5, 10, 9, 0, tzinfo=SHANGHAI), ends=dt.datetime(2031, 5, 12, 17, 0, tzinfo=SHANGHAI),
        registration_closes=dt.datetime(2031, 5, 1, tzinfo=SHANGHAI),
    )


@pytest.fixture
def participants(program):
    return [
        RegistrationFactory(program=program, mode="onsite", given_name=given, family_name=family,
                            organization=organization, country=country)
        for given, family, organization, country in PEOPLE
    ]


def keep(name, pdf):
    """Keep the PDF for people to look at (test-artifacts/, git-ignored)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / name).write_bytes(pdf)


def text_of(page):
    # Arabic may come out in presentation forms; NFKC gives the letters typed.
    return unicodedata.normalize("NFKC", page.extract_text())


def test_one_badge_is_an_a6_page_with_the_name_in_its_own_script_and_the_qr_code(participants):
    wang = participants[0]

    pdf = badges.render_badge(wang)
    keep("badge-chinese.pdf", pdf)

    reader = PdfReader(io.BytesIO(pdf))
    [page] = reader.pages
    width, height = float(page.mediabox.width) / MM, float(page.mediabox.height) / MM
    assert (round(width, 1), round(height, 1)) == (105, 148.5)  # A6
    text = text_of(page)
    assert "王小明" in text  # family name first, no space, as Chinese names are written
    assert "Low-Carbon Development and New Energy Vehicles" in text
    assert "低碳发展与新能源汽车" in text
    assert "5th Joint Training Program" in text
    assert "Onsite participant" in text
    assert "10–12 May 2031" in text
    code = wang.checkin_code
    assert f"{code[:4]}-{code[4:8]}-{code[8:]}" in text
    # The QR code is vector paths, not a picture: it stays sharp at any printing size.
    assert "/Image" not in str(page.get("/Resources", {}).get("/XObject", {}))


@pytest.mark.parametrize("index", [1, 2])
def test_cyrillic_and_arabic_names_render(participants, index):
    person = participants[index]

    pdf = badges.render_badge(person)
    keep(f"badge-{person.country.code.lower()}.pdf", pdf)

    text = text_of(PdfReader(io.BytesIO(pdf)).pages[0])
    for word in (person.given_name, person.family_name, person.organization.split()[0]):
        # Right-to-left text may be extracted in visual order.
        assert word in text or word[::-1] in text, (word, text)


def test_the_fonts_for_every_script_are_embedded(participants, program):
    reader = PdfReader(io.BytesIO(badges.render_badges(program)))

    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert any("CJK" in name for name in fonts), fonts
    assert any("Arabic" in name for name in fonts), fonts
    assert any("Noto-Sans" in name and "CJK" not in name and "Arabic" not in name for name in fonts), fonts


def test_organisers_get_four_badges_per_a4_sheet_for_confirmed_onsite_participants_only(participants, program):
    RegistrationFactory(program=program, mode="online", given_name="Online", family_name="Only")
    RegistrationFactory(program=program, mode="onsite", given_name="Waiting", family_name="Person",
                        status=Registration.Status.WAITLISTED)
    RegistrationFactory(program=program, mode="onsite", given_name="Gone", family_name="Away",
                        status=Registration.Status.CANCELLED)
    RegistrationFactory(mode="onsite", given_name="Other", family_name="Program")

    pdf = badges.render_badges(program)
    keep("badge-sheets.pdf", pdf)

    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 2  # five badges: four on the first sheet, one on the second
    for page in reader.pages:
        assert (round(float(page.mediabox.width) / MM), round(float(page.mediabox.height) / MM)) == (210, 297)
    text = "\n".join(text_of(page) for page in reader.pages)
    assert text.count("Onsite participant") == 5
    for name in ("王小明", "Алёна", "Bakhtiyor", "Ayşe"):
        assert name in text
    assert "محمد" in text or "محمد"[::-1] in text
    for absent in ("Online", "Waiting", "Gone", "Other"):
        assert absent not in text


def test_badge_names_are_sized_to_fit():
    short = Registration(given_name="Li", family_name="Na")
    long = Registration(given_name="Bakhtiyorjon", family_name="Abdurakhmonov-Khodjaev")
    assert badges.name_lines(short) == ["Li", "Na"]
    assert badges._font_size(badges.name_lines(long), badges.LATIN_NAME_MAX_PT) < badges.LATIN_NAME_MAX_PT
    assert badges.name_lines(Registration(given_name="小明", family_name="王")) == ["王小明"]
    # A name mixing scripts is kept as written.
    assert badges.name_lines(Registration(given_name="Xiaoming", family_name="王")) == ["Xiaoming", "王"]


def test_who_may_have_a_badge(program):
    onsite = RegistrationFactory(program=program, mode="onsite")
    online = RegistrationFactory(program=program, mode="online")
    waiting = RegistrationFactory(program=program, mode="onsite", status=Registration.Status.WAITLISTED)

    assert [badges.may_have_badge(r) for r in (onsite, online, waiting)] == [True, False, False]
