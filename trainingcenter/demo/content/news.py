# ruff: noqa: E501 -- prose in three languages reads better unwrapped than cut mid-sentence.
"""News posts for the demo: the items of the centre's newsletter (seed 000) and the
announcement of the 6th program (seed 004), restated in our own words.

Bodies are simple HTML (paragraphs); the loader saves them through
``news.services.save_post``, which sanitises them like any organiser's post.
"""
from . import t

TAGS = {
    "electric-mobility": t("Electric mobility", "电动交通", "Электромобильность"),
    "water": t("Water", "水资源", "Водные ресурсы"),
    "open-science": t("Open science", "开放科学", "Открытая наука"),
    "economics": t("Economics", "经济", "Экономика"),
    "batteries": t("Batteries", "电池", "Аккумуляторы"),
    "announcements": t("Announcements", "公告", "Объявления"),
}

POSTS = [
    {
        "slug": "2022-lithium-ion-batteries-announced",
        "published": "2022-08-20T09:00:00+08:00",
        "program": "2022-lithium-ion-batteries",
        "tags": ["announcements", "batteries"],
        "title": t(
            "Sixth program announced: lithium-ion batteries for the Belt and Road",
            "第六期培训项目公布：服务“一带一路”的锂离子电池",
            "Объявлена шестая программа: литий-ионные аккумуляторы для «Пояса и пути»",
        ),
        "summary": t(
            "On 28 September 2022 the centre holds a one-day online program for entrepreneurs who want to build lithium-ion battery manufacturing in the region.",
            "2022年9月28日，中心将举办为期一天的线上培训，面向希望在本地区发展锂离子电池制造的企业家。",
            "28 сентября 2022 года центр проводит однодневную онлайн-программу для предпринимателей, которые хотят развивать производство литий-ионных аккумуляторов в регионе.",
        ),
        "body": t(
            "<p>Storage is what makes renewable power and electric vehicles practical, and lithium-ion cells have become the default choice for grids, vehicles and electronics alike.</p>"
            "<p>China has been the largest market for these batteries for five years running and holds roughly seventy per cent of the world's production capacity. The program asks what Belt and Road and ECO member countries can learn from that experience to start a regional manufacturing base: viable options, good practice and examples that worked.</p>"
            "<p>The program runs as a Zoom webinar. Registration closes on 26 September 2022; registered participants receive their webinar link by e-mail.</p>",
            "<p>储能让可再生能源和电动汽车真正可用，而锂离子电池已成为电网、车辆和电子产品的首选。</p>"
            "<p>中国已连续五年成为全球最大的锂电池市场，约占全球产能的七成。本期培训探讨“一带一路”和经济合作组织成员国如何借鉴这一经验，在本地区建立电池制造基地。</p>"
            "<p>培训以Zoom网络研讨会形式举行，报名截止日期为2022年9月26日，报名成功者将通过电子邮件收到参会链接。</p>",
            "<p>Накопители энергии делают возобновляемую энергетику и электромобили практичными, а литий-ионные элементы стали основным выбором для сетей, транспорта и электроники.</p>"
            "<p>Китай пять лет подряд остаётся крупнейшим рынком таких аккумуляторов и располагает примерно семьюдесятью процентами мировых мощностей. Программа рассматривает, чему страны «Пояса и пути» и ОЭС могут научиться у этого опыта, чтобы создать региональную производственную базу.</p>"
            "<p>Программа проходит в формате вебинара Zoom. Регистрация открыта до 26 сентября 2022 года; участники получат ссылку по электронной почте.</p>",
        ),
    },
    {
        "slug": "2021-scaling-up-electric-mobility-pakistan",
        "published": "2021-08-05T10:00:00+05:00",
        "tags": ["electric-mobility"],
        "title": t(
            "Workshop on scaling up electric mobility in Pakistan",
            "巴基斯坦扩大电动交通规模研讨会",
            "Семинар о развитии электромобильности в Пакистане",
        ),
        "summary": t(
            "UNDP and NEECA, with ECOSF, brought policy makers and industry together on 29 July 2021 to discuss what a local e-mobility market needs.",
            "2021年7月29日，联合国开发计划署和巴基斯坦国家能效与节能局与ECOSF合作，召集政策制定者和企业探讨本地电动交通市场的发展需求。",
            "29 июля 2021 года ПРООН и NEECA совместно с ECOSF собрали политиков и представителей отрасли, чтобы обсудить, что нужно местному рынку электромобильности.",
        ),
        "body": t(
            "<p>The consultative workshop looked at global trends in electric mobility and at the steps Pakistan could take to grow its own market. Pakistan's energy minister, the meeting's chief guest, pointed to the new electric vehicle policy and its tax incentives, and asked for rules, standards and licensing for charging stations to follow quickly.</p>"
            "<p>UNDP called transport and energy priority sectors, and NEECA stressed the role of energy efficiency in road transport. ECOSF's scientific officer, the study's lead technical expert, presented its findings to the participants.</p>",
            "<p>研讨会回顾了电动交通的全球趋势，以及巴基斯坦发展本国市场可以采取的措施。作为主宾的巴基斯坦能源部长介绍了新的电动汽车政策和税收优惠，并呼吁尽快制定充电站的法规、标准和许可制度。</p>"
            "<p>开发计划署表示交通和能源是其优先领域；国家能效与节能局强调了道路交通能效的作用。ECOSF科学官员作为该研究的首席技术专家介绍了研究成果。</p>",
            "<p>Консультативный семинар рассмотрел мировые тенденции электромобильности и шаги, которые Пакистан может предпринять для развития собственного рынка. Министр энергетики, главный гость встречи, рассказал о новой политике в области электромобилей и налоговых льготах и призвал быстрее принять правила, стандарты и лицензирование зарядных станций.</p>"
            "<p>ПРООН назвала транспорт и энергетику приоритетными секторами, NEECA подчеркнула роль энергоэффективности на дорожном транспорте. Научный сотрудник ECOSF, ведущий технический эксперт исследования, представил его выводы.</p>",
        ),
    },
    {
        "slug": "2021-pakistan-water-conference",
        "published": "2021-07-20T10:00:00+05:00",
        "tags": ["water"],
        "title": t(
            "ECOSF at Pakistan's conference on emerging water challenges",
            "ECOSF参加巴基斯坦新兴水资源挑战会议",
            "ECOSF на конференции Пакистана о новых водных вызовах",
        ),
        "summary": t(
            "On 15 July 2021 PCRWR, IWMI and UNESCO Pakistan held a national conference on water scarcity and climate change; ECOSF took part online.",
            "2021年7月15日，巴基斯坦水资源研究委员会、国际水资源管理研究所和联合国教科文组织巴基斯坦办事处举办全国水资源会议，ECOSF线上参会。",
            "15 июля 2021 года PCRWR, IWMI и ЮНЕСКО в Пакистане провели национальную конференцию о нехватке воды и изменении климата; ECOSF участвовал онлайн.",
        ),
        "body": t(
            "<p>Speakers described a country that has moved from plenty of water to water stress. The science minister asked that the conference's conclusions reach international partners; UNESCO spoke of pilot projects and the effort that Sustainable Development Goal 6 still needs; IWMI and PCRWR called for a shared national database so that water policy rests on evidence.</p>",
            "<p>与会者指出，巴基斯坦已从水资源丰富转为水资源紧张。科技部长希望会议成果传达给国际伙伴；教科文组织介绍了试点项目以及实现可持续发展目标6仍需的努力；国际水资源管理研究所和水资源研究委员会呼吁建立全国共享数据库，使水政策以证据为基础。</p>",
            "<p>Выступавшие говорили о стране, перешедшей от изобилия воды к её нехватке. Министр науки призвал донести выводы конференции до международных партнёров; ЮНЕСКО рассказала о пилотных проектах и об усилиях, которых ещё требует Цель устойчивого развития 6; IWMI и PCRWR предложили создать общую национальную базу данных, чтобы водная политика опиралась на факты.</p>",
        ),
    },
    {
        "slug": "2021-open-science-conference",
        "published": "2021-07-26T10:00:00+05:00",
        "tags": ["open-science"],
        "title": t(
            "The 2nd Open Science Conference at the United Nations",
            "联合国第二届开放科学大会",
            "Вторая конференция по открытой науке в ООН",
        ),
        "summary": t(
            "From 21 to 23 July 2021 the UN discussed what open science learnt from the pandemic and how it can help climate action; the President of ECOSF took part.",
            "2021年7月21日至23日，联合国讨论了开放科学从疫情中得到的经验及其如何助力气候行动，ECOSF主席参会。",
            "С 21 по 23 июля 2021 года в ООН обсуждали уроки пандемии для открытой науки и её вклад в борьбу с изменением климата; в конференции участвовал президент ECOSF.",
        ),
        "body": t(
            "<p>The Dag Hammarskjöld Library, the Department of Global Communications and UN-DESA held three days of discussion: policy makers on the first, the science-policy interface and equity in scholarship on the second, infrastructure and scholarly communication on the third. A recurring example: the web was never patented, and everyone gained from that.</p>",
            "<p>会议由达格·哈马舍尔德图书馆、全球传播部和联合国经济和社会事务部主办，为期三天：第一天讨论政策制定者的作用，第二天讨论科学—政策接口与学术公平，第三天讨论基础设施与学术交流。会上多次提到：万维网从未申请专利，所有人都从中受益。</p>",
            "<p>Библиотека имени Дага Хаммаршёльда, Департамент глобальных коммуникаций и ДЭСВ ООН провели три дня обсуждений: в первый день — о политиках, во второй — о связи науки и политики и о равенстве в науке, в третий — об инфраструктуре и научной коммуникации. Часто звучал пример: веб так и не запатентовали, и от этого выиграли все.</p>",
        ),
    },
    {
        "slug": "2021-pide-carec-webinar",
        "published": "2021-08-02T10:00:00+05:00",
        "tags": ["economics"],
        "title": t(
            "Webinar on economic growth with PIDE and CAREC (Azerbaijan)",
            "与巴基斯坦发展经济研究所和阿塞拜疆经济改革分析与传播中心联合举办的经济增长网络研讨会",
            "Вебинар об экономическом росте с PIDE и CAREC (Азербайджан)",
        ),
        "summary": t(
            "On 28 July 2021 a joint webinar launched a book on economic growth; the President of ECOSF joined the discussion on ECO cooperation.",
            "2021年7月28日，一场联合网络研讨会发布了一本关于经济增长的新书，ECOSF主席参与了关于经济合作组织合作的讨论。",
            "28 июля 2021 года на совместном вебинаре представили книгу об экономическом росте; президент ECOSF участвовал в обсуждении сотрудничества в рамках ОЭС.",
        ),
        "body": t(
            "<p>The author compared growth before and after Covid-19 in countries of low, middle and high income. Speakers from PIDE argued that growth is local and should be led by governments that know their own context rather than by outside consultants.</p>",
            "<p>作者比较了新冠疫情前后低、中、高收入国家的经济增长。巴基斯坦发展经济研究所的发言者认为，增长是本地现象，应由了解本国情况的政府而非外部顾问来主导。</p>",
            "<p>Автор сравнил рост до и после Covid-19 в странах с низким, средним и высоким доходом. Выступавшие из PIDE считают, что рост — явление местное и им должны руководить правительства, знающие свою страну, а не внешние консультанты.</p>",
        ),
    },
]
