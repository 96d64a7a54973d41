"""The certificate PDF: one landscape page in the participant's language, names as real text, fonts embedded."""
import datetime as dt
import io
import re
from decimal import Decimal

import pytest
from pypdf import PdfReader

from tests.factories import CenterFactory, PartnerFactory
from tests.factories.certificates import NAMES, CertificateSettingsFactory, past_program
from trainingcenter.certificates import codes, pdf

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "zh-hans", "ru"]
PEOPLE = [f"{given} {family}" for given, family in NAMES.values()] + ["王小明", "Elif Yılmaz", "Nguyễn Thị Hương"]


@pytest.fixture
def program():
    center = CenterFactory(
        name="BTBU-ECOSF Joint Training Center", name_zh_hans="北京工商大学—经济合作组织科学基金会联合培训中心",
        short_name="BTBU-ECOSF Joint Training Center",
    )
    PartnerFactory(center=center, name="Beijing Technology and Business University", name_zh_hans="北京工商大学",
                   name_ru="Пекинский технолого-экономический университет", order=1)
    PartnerFactory(center=center, name="ECO Science Foundation", order=2)
    return past_program(title="Low-Carbon Development", title_zh_hans="低碳发展", title_ru="Низкоуглеродное развитие")


def face(program, language, kind="participation", signatories=()):
    title = {"en": program.title_en, "zh-hans": program.title_zh_hans, "ru": program.title_ru}[language]
    return pdf.Face(language=language, kind=kind, program_title=title, starts_on=dt.date(2026, 6, 8),
                    ends_on=dt.date(2026, 6, 9), hours=Decimal(12), signatories=signatories)


def person(name):
    return pdf.Person(name=name, code=codes.new_code(), issued_on=dt.date(2026, 6, 20))


def text_of(data):
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


def squeezed(text):
    """Text without spaces and in one case: letter-spaced headings come out of PDFs with gaps."""
    return re.sub(r"\s+", "", text).casefold()


EXPECTED = {
    "en": ["Certificate of Participation", "This is to certify that", "has participated in the training program",
           "Low-Carbon Development", "8–9 June 2026", "Online", "12 hours", "Issued on 20 June 2026",
           "5th Joint Training Program"],
    "zh-hans": ["参训证书", "兹证明", "参加了培训项目", "低碳发展", "2026年6月8日至9日", "线上", "12学时", "颁发日期",
                "2026年6月20日"],
    "ru": ["Сертификат участника", "Настоящим удостоверяется, что", "принял(-а) участие в учебной программе",
           "Низкоуглеродное развитие", "8–9 июня 2026 г.", "Онлайн", "12 часов", "Дата выдачи"],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_certificate_is_a_standalone_landscape_page_in_its_language(program, language):
    people = [person(name) for name in PEOPLE]

    made = pdf.render_batch(face(program, language), program, people)

    assert len(made) == len(people)
    for data, someone in zip(made, people, strict=True):
        reader = PdfReader(io.BytesIO(data))
        assert len(reader.pages) == 1
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
        text = reader.pages[0].extract_text()
        # The name exactly as registered, as text a PDF search finds.
        assert someone.name in text
        assert codes.grouped(someone.code) in text
        for words in EXPECTED[language]:
            assert squeezed(words) in squeezed(text), words
        # The centre, its Chinese name and its partners.
        assert "北京工商大学—经济合作组织科学基金会联合培训中心" in text
        assert squeezed("ECO Science Foundation") in squeezed(text)
        # Nobody else's name is in it.
        for other in people:
            if other is not someone and other.name not in someone.name:
                assert other.name not in text


def test_arabic_script_names_are_joined_and_searchable(program):
    # The Allah ligature is off in names: with it, the name would come out of the PDF scrambled.
    [data] = pdf.render_batch(face(program, "en"), program, [person("عبد الله الراشدي")])
    assert "عبد الله الراشدي" in text_of(data)


def test_fonts_are_embedded(program):
    [data] = pdf.render_batch(face(program, "zh-hans"), program, [person("王小明"), person("Айгерим")])[:1]
    reader = PdfReader(io.BytesIO(data))
    fonts = []

    def walk(resources):
        for font in (resources.get("/Font") or {}).values():
            fonts.append(font.get_object())
        for xobject in (resources.get("/XObject") or {}).values():
            xobject = xobject.get_object()
            if "/Resources" in xobject:
                walk(xobject["/Resources"].get_object())

    walk(reader.pages[0]["/Resources"].get_object())
    assert len(fonts) >= 4
    for font in fonts:
        descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.keys()), font["/BaseFont"]


def test_the_fast_way_says_what_the_whole_page_says(program):
    people = [person(name) for name in PEOPLE[:4]]
    signatories = (("Prof. Li Wei", "Director"),)
    fast = pdf.render_batch(face(program, "ru", "completion", signatories), program, people)
    whole = pdf.render_whole(face(program, "ru", "completion", signatories), program, people)
    for quick, slow in zip(fast, whole, strict=True):
        # The same lines; the order in which a reader meets them differs (background first, or person first).
        assert sorted(map(squeezed, text_of(quick).splitlines())) == sorted(map(squeezed, text_of(slow).splitlines()))
    assert "Prof. Li Wei" in text_of(fast[0])
    assert squeezed("Сертификат о прохождении обучения") in squeezed(text_of(fast[0]))


def test_a_layer_that_cannot_be_cut_falls_back_to_whole_pages(program, monkeypatch):
    def refuse(*args, **kwargs):
        raise pdf.LayerError("unexpected operator")

    monkeypatch.setattr(pdf, "cut_bands", refuse)
    people = [person("Zoë Ñúñez-Çelik"), person("王小明")]
    made = pdf.render_batch(face(program, "en"), program, people)
    assert [someone.name in text_of(data) for someone, data in zip(people, made, strict=True)] == [True, True]


def test_the_qr_code_opens_the_verification_page_of_its_code(program, settings):
    settings.SITE_URL = "https://training.example.org"
    someone = person("Elif Yılmaz")
    url = pdf.verify_url("ru", someone.code)
    assert url == f"https://training.example.org/ru/certificates/verify/{someone.code}/"
    context = pdf.person_context(someone, "ru")
    assert context["qr_matrix"] == pdf.qr_matrix(url)
    operators = pdf.qr_operators(context["qr_matrix"])
    assert operators.startswith(b"q ") and operators.endswith(b"f Q") and operators.count(b" re") > 100


def test_signatories_from_the_settings_are_printed(program):
    CertificateSettingsFactory(program=program)
    [data] = pdf.render_batch(
        face(program, "en", signatories=(("Prof. Li Wei", "Director, Joint Training Center"),
                                         ("Dr. Aisha Khan", "ECO Science Foundation"))),
        program, [person("Zoë Ñúñez-Çelik")],
    )
    text = text_of(data)
    assert "Prof. Li Wei" in text and "Dr. Aisha Khan" in text


@pytest.mark.parametrize(("language", "starts", "ends", "expected"), [
    ("en", dt.date(2026, 6, 8), dt.date(2026, 6, 8), "8 June 2026"),
    ("en", dt.date(2026, 6, 30), dt.date(2026, 7, 2), "30 June – 2 July 2026"),
    ("en", dt.date(2026, 12, 30), dt.date(2027, 1, 2), "30 December 2026 – 2 January 2027"),
    ("zh-hans", dt.date(2026, 6, 30), dt.date(2026, 7, 2), "2026年6月30日至7月2日"),
    ("ru", dt.date(2026, 6, 30), dt.date(2026, 7, 2), "30 июня – 2 июля 2026 г."),
])
def test_dates_are_written_as_each_language_writes_them(language, starts, ends, expected):
    from django.utils import translation

    with translation.override(language):
        assert pdf.date_span(starts, ends) == expected


def test_names_get_the_largest_size_that_fits():
    assert pdf.name_fit("王小明") == (36, 1)
    assert pdf.name_fit("Elif Yılmaz") == (34, 1)
    size, lines = pdf.name_fit("Muhammad Abdullah Al-Rashidi bin Khalid Al-Farsi")
    assert 15 <= size < 34 and lines == 1
    assert pdf.name_fit("A" * 200)[1] >= 2
