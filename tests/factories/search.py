"""Searchable content in English, Chinese and Russian, made by factories, for the search tests."""
import datetime as dt

from django.utils import timezone

from tests.factories.programs import (
    PersonFactory,
    ProgramFactory,
    ProgramRoleFactory,
    SessionFactory,
    TakeawayFactory,
    ThemeFactory,
)
from trainingcenter.center.models import CountryGroup
from trainingcenter.programs.models import Program


def make_archive():
    """Two past programs, one in three languages, with a session, a takeaway, a person and a draft."""
    batteries = ThemeFactory(slug="batteries", name="Batteries")
    transport = ThemeFactory(slug="transport", name="Transport")
    eco = CountryGroup.objects.create(slug="eco", name="ECO member states", countries=["KZ", "PK"])
    past = timezone.now().replace(microsecond=0) - dt.timedelta(days=400)
    battery = ProgramFactory(
        slug="batteries-2025", title="Lithium-ion batteries for storage",
        title_zh_hans="锂电池储能技术", title_ru="Литий-ионные аккумуляторы",
        summary="Cells, packs and recycling.", summary_zh_hans="电芯、电池包与回收利用。",
        starts=past, ends=past + dt.timedelta(days=3), status=Program.Status.COMPLETED,
        registration_opens=None, registration_closes=None,
    )
    battery.themes.set([batteries])
    buses = ProgramFactory(
        slug="buses-2026", title="New energy vehicles", summary="Electric buses in cities of Central Asia.",
        summary_ru="Электрические автобусы и декарбонизация городского транспорта.",
        starts=past + dt.timedelta(days=200), ends=past + dt.timedelta(days=202),
        registration_opens=None, registration_closes=None,
    )
    buses.themes.set([transport])
    SessionFactory(
        program=buses, title="Electric buses in Almaty", title_zh_hans="阿拉木图的电动公交车",
        abstract="How <b>Almaty</b> ran electric buses through the winter.",
        starts=buses.starts, ends=buses.starts + dt.timedelta(hours=1),
    )
    TakeawayFactory(
        program=battery, heading="Recycling", heading_ru="Переработка",
        text="Recycling lithium batteries keeps cobalt in use.", text_ru="Декарбонизация начинается с переработки.",
    )
    expert = PersonFactory(
        slug="zhu-fahua", given_name="Fahua", family_name="Zhu", display_name_zh_hans="朱法华",
        bionote="Expert on flue gas treatment and batteries.", country="KZ",
    )
    ProgramRoleFactory(program=battery, person=expert)
    ProgramFactory(slug="draft", title="Secret lithium plans", status=Program.Status.DRAFT)
    return {"battery": battery, "buses": buses, "eco": eco, "batteries": batteries, "expert": expert}
