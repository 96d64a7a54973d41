"""A finished program with a report: written sections in English and Chinese, speakers, registrations."""
import datetime as dt

from django.utils import timezone

from trainingcenter.programs.models import Program, ProgramRole, Session
from trainingcenter.registrations.models import Registration
from trainingcenter.reports import services

from .center import CenterFactory, PartnerFactory
from .programs import PersonFactory, ProgramFactory, ProgramRoleFactory, SessionFactory, TakeawayFactory
from .registrations import RegistrationFactory


def report_program(*, published=True, registrations=True, **fields):
    """A completed two-day program in Beijing and its report; returns (program, report, people)."""
    center = CenterFactory(name="Example Joint Training Center", name_zh_hans="示例联合培训中心")
    PartnerFactory(center=center, name="Beijing Technology and Business University", abbreviation="BTBU")
    starts = timezone.now().replace(microsecond=0, second=0, minute=0) - dt.timedelta(days=60)
    program = ProgramFactory(
        title=fields.pop("title", "Pathways for Industrial Decarbonization"),
        title_zh_hans=fields.pop("title_zh_hans", "工业脱碳路径"),
        subtitle="Accelerating the low-carbon transition",
        background="Heavy industry emits much of the world's carbon dioxide.",
        conclusion="Science and technology will drive the transition.",
        starts=starts, ends=starts + dt.timedelta(days=1, hours=3), status=Program.Status.COMPLETED,
        registration_opens=None, registration_closes=None, participants_reported=100, countries_reported=20,
        recording_url="https://video.example.org/5th", **fields,
    )
    zhu = PersonFactory(given_name="Fahua", family_name="Zhu", honorific="Prof.",
                        bionote="Zhu Fahua works on ultra-low emissions of coal power.",
                        bionote_zh_hans="朱法华长期从事煤电超低排放研究。")
    raza = PersonFactory(given_name="Khalil", family_name="Raza", honorific="Engr.",
                         bionote="Khalil Raza is Scientific Officer at ECOSF.")
    moderator = PersonFactory(given_name="Yuna", family_name="Di", bionote="Di Yuna heads the centre.")
    ProgramRoleFactory(program=program, person=moderator, role=ProgramRole.Role.MODERATOR)
    coal = SessionFactory(program=program, title="Coal power in transition", title_zh_hans="煤电低碳转型",
                          starts=starts, ends=starts + dt.timedelta(minutes=50), speakers=[zhu],
                          summary="Coal keeps the grid stable while renewables grow.",
                          summary_zh_hans="在可再生能源增长的同时，煤电保障电网稳定。")
    case = SessionFactory(program=program, kind=Session.Kind.CASE_STUDY, title="Electric mobility in Pakistan",
                          starts=starts + dt.timedelta(days=1), ends=starts + dt.timedelta(days=1, minutes=50),
                          speakers=[raza], summary="Four levers for electric vehicles.")
    TakeawayFactory(program=program, heading="Policy drives adoption", heading_zh_hans="政策推动普及",
                    text="Subsidies close the price gap.", text_zh_hans="补贴缩小价格差距。")
    report = services.report_for(program)
    services.add_section(report, kind="introduction",
                         heading={"en": "The program in brief", "zh_hans": "培训概览"},
                         body={"en": "<p>Over <strong>100</strong> people joined.</p>",
                               "zh_hans": "<p>100余人参加了培训。</p>"})
    services.add_section(report, kind="lecture_summary", session=coal)
    services.add_section(report, kind="case_study", session=case,
                         body={"en": "<p>Khalil Raza named four levers.</p>"})
    services.add_reference(report, title="Finamore, China's net-zero plan, The Guardian (2020)",
                           url="https://www.theguardian.com/example")
    if registrations:
        for _ in range(6):
            RegistrationFactory(program=program, country="KZ")
        for _ in range(5):
            RegistrationFactory(program=program, country="PK", mode=Registration.Mode.ONLINE)
        for _ in range(3):
            RegistrationFactory(program=program, country="UZ")
        for _ in range(2):
            RegistrationFactory(program=program, country="TJ")
        RegistrationFactory(program=program, country="AF", status=Registration.Status.CANCELLED)
    if published:
        report = services.publish_report(report)
    return program, report, {"zhu": zhu, "raza": raza, "moderator": moderator}
