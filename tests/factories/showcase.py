"""A small, complete public site for page and browser tests: a centre with
partners, one upcoming program with a two-day agenda in three languages, one
past program, and the people who speak in them."""
import datetime as dt
from types import SimpleNamespace

from django.utils import timezone

from trainingcenter.center.models import Partner
from trainingcenter.programs.models import Person, Program, ProgramRole, Session

from .center import CenterFactory, CountryGroupFactory, PartnerFactory
from .programs import (
    FocusAreaFactory,
    PersonFactory,
    ProgramFactory,
    ProgramRoleFactory,
    SessionFactory,
    TakeawayFactory,
    ThemeFactory,
)


def showcase_site():
    center = CenterFactory(
        name="Joint Training Center for Low-Carbon Development",
        name_zh_hans="低碳发展联合培训中心",
        name_ru="Совместный учебный центр низкоуглеродного развития",
        short_name="Joint Training Center",
        short_name_zh_hans="联合培训中心",
        short_name_ru="Учебный центр",
        tagline="Training for a low-carbon future along the Belt and Road",
        tagline_zh_hans="为一带一路的低碳未来开展培训",
        about="The centre trains officials and researchers.\n\nIt runs programs online and in Beijing.",
        mission="Share knowledge on clean energy.",
        email="training@example.org",
    )
    host = PartnerFactory(center=center, name="Example University", abbreviation="EU", role=Partner.Role.HOST, order=1)
    sponsor = PartnerFactory(
        center=center, name="Example Science Association", abbreviation="ESA", role=Partner.Role.SPONSOR, order=2
    )
    group = CountryGroupFactory(name="Member states", countries=["KZ", "PK", "UZ"])
    theme = ThemeFactory(slug="decarbonization", name="Decarbonization", name_zh_hans="脱碳")

    # 01:00 UTC is 09:00 in Beijing: agenda times are easy to read in assertions.
    first_day = (timezone.now() + dt.timedelta(days=60)).replace(hour=1, minute=0, second=0, microsecond=0)
    program = ProgramFactory(
        slug="industrial-decarbonization",
        number=5,
        title="Pathways for Industrial Decarbonization",
        title_zh_hans="工业脱碳路径",
        title_ru="Пути декарбонизации промышленности",
        subtitle="Clean industry in the Belt and Road countries",
        subtitle_zh_hans="一带一路国家的清洁工业",
        background="Industry emits a large share of greenhouse gases.",
        objectives="Share policies and technologies.",
        conclusion="Cooperation speeds up the transition.",
        starts=first_day,
        ends=first_day + dt.timedelta(days=1, hours=8),
        time_zone="Asia/Shanghai",
        mode=Program.Mode.HYBRID,
        venue="Beijing and online",
    )
    program.themes.add(theme)
    speaker = PersonFactory(
        slug="wang-wei",
        honorific="Prof.",
        given_name="Wei",
        family_name="Wang",
        name_order=Person.NameOrder.FAMILY_FIRST,
        native_name="王伟",
        position="Professor of Energy Economics",
        affiliation="Example University",
        country="CN",
        bionote="Works on carbon markets.\n\nAdvises several ministries.",
    )
    moderator = PersonFactory(slug="aigerim-sadykova", given_name="Aigerim", family_name="Sadykova", country="KZ")
    ProgramRoleFactory(program=program, person=moderator, role=ProgramRole.Role.MODERATOR, note="Moderator of day one")
    ProgramRoleFactory(program=program, person=speaker, role=ProgramRole.Role.SPEAKER)
    opening = SessionFactory(
        program=program,
        kind=Session.Kind.OPENING_REMARKS,
        title="Opening remarks",
        title_zh_hans="开幕致辞",
        starts=first_day,
        ends=first_day + dt.timedelta(minutes=45),
        speakers=[moderator],
    )
    lecture = SessionFactory(
        program=program,
        kind=Session.Kind.LECTURE,
        title="Carbon markets for heavy industry",
        title_zh_hans="重工业碳市场",
        starts=first_day + dt.timedelta(days=1),
        ends=first_day + dt.timedelta(days=1, hours=1),
        abstract="How prices on carbon change investment.",
        slides_url="https://example.org/slides.pdf",
        speakers=[speaker],
    )
    FocusAreaFactory(program=program, title="Green hydrogen")
    TakeawayFactory(program=program, heading="Policy", text="Stable carbon prices attract investment.")

    past = ProgramFactory(
        slug="low-carbon-development",
        number=2,
        title="Low Carbon Development and New Energy Vehicles",
        title_zh_hans="低碳发展与新能源汽车",
        starts=first_day - dt.timedelta(days=400),
        ends=first_day - dt.timedelta(days=399),
        status=Program.Status.COMPLETED,
        registration_opens=None,
        registration_closes=None,
    )
    SessionFactory(program=past, title="Electric buses in cities", speakers=[speaker])
    draft = ProgramFactory(slug="secret-draft", title="Unannounced draft", status=Program.Status.DRAFT)
    return SimpleNamespace(
        center=center,
        partners=[host, sponsor],
        group=group,
        theme=theme,
        program=program,
        past=past,
        draft=draft,
        speaker=speaker,
        moderator=moderator,
        sessions=[opening, lecture],
    )
