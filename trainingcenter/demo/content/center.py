# ruff: noqa: E501 -- prose in three languages reads better unwrapped than cut mid-sentence.
"""The centre, its partners, the ECO country group and the themes of its programs.

Sources: seed 002 (cover and "About" page of the 5th program's report: the
Chinese name, CAST's platform program), seed 003 (the centre's web page) and
seed 004 (announcement of the 6th program).

Seed conflict: the reports write "Beijing Technological and Business
University"; the university's own English name is "Beijing Technology and
Business University", which we use.

Contact details: the seeds give no e-mail address, telephone number or street
address for the centre. The e-mail address is a placeholder under the reserved
``.example`` domain (it reaches no one) and the postal address says only what
the seeds do: the centre is hosted by BTBU in Beijing. Replace both in the
admin (Centre › Contact) before going live.
"""
import datetime as dt

from . import t

CENTER = {
    "name": t(
        "BTBU-ECOSF Joint Training Center on Scientific, Technological and Economic Cooperation "
        "under the Belt and Road Initiative",
        "北京工商大学——经济合作组织科学基金会“一带一路”科技与经济合作联合培训中心",
        "Совместный учебный центр BTBU-ECOSF по научно-техническому и экономическому "
        "сотрудничеству в рамках инициативы «Пояс и путь»",
    ),
    "short_name": t(
        "BTBU-ECOSF Joint Training Center",
        "北京工商大学—经济合作组织科学基金会联合培训中心",
        "Совместный учебный центр BTBU-ECOSF",
    ),
    "tagline": t(
        "Training for science, technology and economic cooperation among the Belt and Road countries",
        "面向“一带一路”国家的科技与经济合作培训",
        "Обучение для научно-технического и экономического сотрудничества стран «Пояса и пути»",
    ),
    "about": t(
        "The Belt and Road Initiative links trading partners across Asia and beyond, and could open a new "
        "period of trade, economic and industrial growth for the countries taking part. To gain from it, "
        "those countries need a skilled technical workforce and closer cross-border cooperation in "
        "science, technology and innovation.\n\n"
        "To help build those skills, Beijing Technology and Business University (BTBU) and the ECO Science "
        "Foundation (ECOSF) set up this joint training center in September 2020. The China Association for "
        "Science and Technology (CAST) supports it through its Program of International Collaboration "
        "Platform for Science and Technology Organizations in Belt and Road Countries.\n\n"
        "BTBU is one of Beijing's leading research universities, with long-standing exchanges with "
        "universities and academic institutions abroad. ECOSF is the specialised agency of the Economic "
        "Cooperation Organization (ECO) for cooperation in science and technology among its ten member "
        "states, and works with scientific organisations in Asia, Africa, Europe and elsewhere.\n\n"
        "The center's training programs bring Chinese experience and practice to participants from the "
        "Belt and Road countries, in particular the ECO member states, and are delivered on the BTBU "
        "campus in Beijing, online, or both.",
        "“一带一路”倡议连接亚洲及其他地区的贸易伙伴，有望为参与国带来贸易、经济和产业增长的新阶段。"
        "要充分受益，这些国家需要培养足够的技术人才，并在科技创新领域加强跨境合作。\n\n"
        "为此，北京工商大学与经济合作组织科学基金会（ECOSF）于2020年9月共同成立了本联合培训中心。"
        "中心获得中国科学技术协会（中国科协）“一带一路”国际科技组织合作平台建设项目的资助。\n\n"
        "北京工商大学是北京重要的高水平研究型大学之一，长期与海外高校和学术机构开展交流。"
        "经济合作组织科学基金会是经济合作组织（ECO）负责科技合作的专门机构，服务其十个成员国，"
        "并与亚洲、非洲、欧洲等地区的科技组织保持广泛合作。\n\n"
        "中心的培训项目向“一带一路”国家、特别是经济合作组织成员国的学员分享中国的经验与实践，"
        "以北京工商大学校园现场、线上或线上线下结合的方式举办。",
        "Инициатива «Пояс и путь» связывает торговых партнёров в Азии и за её пределами и может открыть "
        "для участвующих стран новый этап роста торговли, экономики и промышленности. Чтобы воспользоваться "
        "этой возможностью, им нужны квалифицированные технические кадры и более тесное трансграничное "
        "сотрудничество в области науки, технологий и инноваций.\n\n"
        "Чтобы помочь в подготовке таких кадров, Пекинский технолого-экономический университет (BTBU) и "
        "Научный фонд ОЭС (ECOSF) в сентябре 2020 года создали этот совместный учебный центр. Его поддерживает "
        "Китайская ассоциация науки и техники (CAST) в рамках своей программы платформы международного "
        "сотрудничества научно-технических организаций стран «Пояса и пути».\n\n"
        "BTBU — один из ведущих исследовательских университетов Пекина с давними связями с зарубежными "
        "университетами и научными учреждениями. ECOSF — специализированное учреждение Организации "
        "экономического сотрудничества (ОЭС) по научно-техническому сотрудничеству десяти её государств-членов; "
        "фонд работает с научными организациями Азии, Африки, Европы и других регионов.\n\n"
        "Учебные программы центра знакомят участников из стран «Пояса и пути», прежде всего из государств — "
        "членов ОЭС, с опытом и практикой Китая. Они проходят в кампусе BTBU в Пекине, онлайн или в обоих "
        "форматах сразу.",
    ),
    "mission": t(
        "The center promotes sustainable economic and social development in the Belt and Road countries "
        "through training in four fields: technology application, industrial economics, science and "
        "technology standards, and science communication.",
        "中心通过技术应用、产业经济、科技标准和科学传播四个领域的培训，促进“一带一路”国家经济社会的可持续发展。",
        "Центр содействует устойчивому социально-экономическому развитию стран «Пояса и пути», "
        "проводя обучение в четырёх областях: применение технологий, промышленная экономика, "
        "научно-технические стандарты и научная коммуникация.",
    ),
    "founded": dt.date(2020, 9, 1),
    "website": "",
    # Placeholder (see the module's docstring): the seeds give no contact details.
    "email": "training@btbu.example",
    "phone": "",
    "address": t(
        "BTBU-ECOSF Joint Training Center\nBeijing Technology and Business University\nBeijing, China",
        "北京工商大学—经济合作组织科学基金会联合培训中心\n北京工商大学\n中国 北京",
        "Совместный учебный центр BTBU-ECOSF\nПекинский технолого-экономический университет\nПекин, Китай",
    ),
}

# Keyed on the abbreviation: it is how the reports name each organisation.
PARTNERS = [
    {
        "abbreviation": "BTBU",
        "role": "host",
        "country": "CN",
        "website": "https://www.btbu.edu.cn/",
        "order": 1,
        "name": t("Beijing Technology and Business University", "北京工商大学", "Пекинский технолого-экономический университет"),
        "description": t(
            "A research university in Beijing and the center's host; the programs' onsite sessions take place on its campus.",
            "位于北京的研究型大学，中心的主办单位；现场培训在其校园举行。",
            "Исследовательский университет в Пекине и принимающая сторона центра; очные занятия программ проходят в его кампусе.",
        ),
    },
    {
        "abbreviation": "ECOSF",
        "role": "partner",
        "country": "PK",
        "website": "http://ecosf.org/",
        "order": 2,
        "name": t("ECO Science Foundation", "经济合作组织科学基金会", "Научный фонд ОЭС"),
        "description": t(
            "The specialised agency of the Economic Cooperation Organization (ECO) for cooperation in science "
            "and technology among its ten member states; co-founder of the center.",
            "经济合作组织（ECO）负责十个成员国科技合作的专门机构，中心的共同创办方。",
            "Специализированное учреждение Организации экономического сотрудничества (ОЭС) по научно-техническому "
            "сотрудничеству десяти её государств-членов; соучредитель центра.",
        ),
    },
    {
        "abbreviation": "CAST",
        "role": "sponsor",
        "country": "CN",
        "website": "https://www.cast.org.cn/",
        "order": 3,
        "name": t("China Association for Science and Technology", "中国科学技术协会", "Китайская ассоциация науки и техники"),
        "description": t(
            "Funds the center through its Program of International Collaboration Platform for Science and "
            "Technology Organizations in Belt and Road Countries.",
            "通过“一带一路”国际科技组织合作平台建设项目资助中心。",
            "Финансирует центр через свою программу платформы международного сотрудничества научно-технических организаций стран «Пояса и пути».",
        ),
    },
]

COUNTRY_GROUPS = [
    {
        "slug": "eco-member-states",
        "name": t("ECO member states", "经济合作组织成员国", "Государства — члены ОЭС"),
        "description": t(
            "The ten member states of the Economic Cooperation Organization, whose participants the center's programs particularly serve.",
            "经济合作组织的十个成员国，中心的培训项目尤其面向这些国家的学员。",
            "Десять государств — членов Организации экономического сотрудничества; программы центра прежде всего ориентированы на их участников.",
        ),
        "countries": ["AF", "AZ", "IR", "KZ", "KG", "PK", "TJ", "TR", "TM", "UZ"],
    },
]

THEMES = [
    {"slug": "low-carbon-development", "name": t("Low-carbon development", "低碳发展", "Низкоуглеродное развитие")},
    {"slug": "new-energy-vehicles", "name": t("New energy vehicles", "新能源汽车", "Автомобили на новых источниках энергии")},
    {"slug": "industrial-decarbonization", "name": t("Industrial decarbonization", "工业脱碳", "Декарбонизация промышленности")},
    {"slug": "lithium-ion-batteries", "name": t("Lithium-ion batteries", "锂离子电池", "Литий-ионные аккумуляторы")},
    {"slug": "energy-storage", "name": t("Energy storage", "储能", "Накопление энергии")},
]
