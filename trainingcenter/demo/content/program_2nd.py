# ruff: noqa: E501 -- prose in three languages reads better unwrapped than cut mid-sentence.
"""2nd Joint Training Program: Low Carbon Development and New Energy Vehicles (July 2021).

Sources: seed 001 (the centre's web report) and seed 000 (the same report in
ECOSF's newsletter). Facts kept; every sentence restated.
"""
from . import t

PROGRAM = {
    "slug": "2021-low-carbon-nev",
    "number": 2,
    "title": t("Low Carbon Development and New Energy Vehicles", "低碳发展与新能源汽车",
               "Низкоуглеродное развитие и автомобили на новых источниках энергии"),
    # The seeds give no subtitle; this one names the three focus areas.
    "subtitle": t("Renewable energy, smart grids and electric mobility", "可再生能源、智能电网与电动交通",
                  "Возобновляемая энергетика, умные сети и электромобильность"),
    "summary": t(
        "Two afternoons, in Beijing and on Zoom, on how renewable energy, smarter grids and electric mobility can "
        "carry low-carbon development, drawing on China's experience with new energy vehicles. Over 200 people from "
        "about 20 countries, mostly ECO member states, took part.",
        "在北京现场与Zoom线上同步举行的两天培训，结合中国新能源汽车的经验，探讨可再生能源、智能电网和电动交通如何推动低碳发展。"
        "来自约20个国家（主要是经济合作组织成员国）的200余人参加。",
        "Две послеобеденные сессии в Пекине и в Zoom о том, как возобновляемая энергетика, более умные сети и "
        "электромобильность могут обеспечить низкоуглеродное развитие, — на примере опыта Китая с автомобилями "
        "на новых источниках энергии. Участвовали более 200 человек примерно из 20 стран, в основном из "
        "государств — членов ОЭС.",
    ),
    "background": t(
        "Climate change is among the gravest global problems of this century and can only be met through "
        "international cooperation for sustainable development; many countries have committed to net-zero emissions "
        "around mid-century. In 2020 China announced that it would aim for carbon neutrality before 2060, joining the "
        "European Union, the United Kingdom and dozens of other countries in setting mid-century goals in the spirit "
        "of the Paris Agreement.\n\n"
        "China is already by far the largest investor in, producer and user of renewable energy. About one in three "
        "of the world's solar panels and wind turbines stands in China, which also has close to half of the world's "
        "electric passenger cars, 98% of its electric buses and 99% of its electric two-wheelers. It leads the "
        "production of batteries for vehicles and for grid storage, and its battery plants were expected to have "
        "almost twice the capacity of the rest of the world combined by 2025.\n\n"
        "Sharing that experience among countries is therefore worthwhile. The training took a transdisciplinary "
        "approach, spreading knowledge that supports policies and programmes through joint research and engagement. "
        "Greening the Belt and Road needs effort on both sides: from China, finance and overseas investment in green "
        "projects; from partner countries, clean-energy and environmental policies that make investment in clean "
        "energy and sustainable transport attractive.\n\n"
        "References cited in the report: B. Finamore, “What China's plan for net-zero emissions by 2060 means for "
        "the climate”, The Guardian, 2020; Yang Fuqiang, “China Has Every Reason to Promote a Green and Low-Carbon "
        "BRI”, NRDC, 2018.",
        "气候变化是本世纪最严峻的全球性挑战之一，只有在可持续发展框架下通过国际合作才能应对；许多国家已承诺在本世纪中叶前后实现净零排放。"
        "2020年，中国宣布力争在2060年前实现碳中和，与欧盟、英国及数十个国家一道，按照《巴黎协定》的精神设定了中长期目标。\n\n"
        "中国已是全球最大的可再生能源投资国、生产国和消费国：全球约三分之一的太阳能电池板和风电机组在中国，"
        "中国还拥有全球近一半的电动乘用车、98%的电动公交车和99%的电动两轮车。中国在动力电池和电网储能电池生产方面领先，"
        "预计到2025年其电池产能将接近世界其他地区总和的两倍。\n\n"
        "因此，各国分享低碳发展的经验十分必要。本次培训采用跨学科方式，通过合作研究与交流传播知识，为政策和项目提供支持。"
        "推动绿色“一带一路”需要双方共同努力：中国方面提供绿色项目融资和海外投资，合作国家方面完善清洁能源和环境政策，为清洁能源和可持续交通投资创造良好环境。\n\n"
        "报告引用的文献：B. Finamore，《中国2060年净零排放计划对气候意味着什么》，《卫报》，2020年；"
        "杨富强，《中国完全有理由推动绿色低碳的“一带一路”》，NRDC，2018年。",
        "Изменение климата — одна из самых серьёзных глобальных проблем нашего века, и справиться с ней можно "
        "только через международное сотрудничество ради устойчивого развития; многие страны обязались выйти на "
        "нулевые чистые выбросы примерно к середине века. В 2020 году Китай объявил, что будет стремиться к "
        "углеродной нейтральности до 2060 года, и тем самым вслед за Европейским союзом, Великобританией и "
        "десятками других стран поставил цели на середину века в духе Парижского соглашения.\n\n"
        "Китай уже сейчас с большим отрывом крупнейший в мире инвестор, производитель и потребитель "
        "возобновляемой энергии. В Китае установлена примерно каждая третья солнечная панель и ветряная "
        "турбина в мире; здесь же почти половина мировых электрических легковых автомобилей, 98% электробусов и "
        "99% электрических двухколёсных транспортных средств. Китай лидирует в производстве аккумуляторов для "
        "транспорта и для накопителей в энергосистеме, и ожидалось, что к 2025 году мощности его аккумуляторных "
        "заводов почти вдвое превысят мощности всего остального мира вместе взятого.\n\n"
        "Поэтому обмен этим опытом между странами имеет смысл. Обучение было построено на "
        "междисциплинарном подходе: знания, которые поддерживают политику и программы, распространялись через "
        "совместные исследования и взаимодействие. Озеленение «Пояса и пути» требует усилий обеих сторон: от "
        "Китая — финансирования и зарубежных инвестиций в зелёные проекты, от стран-партнёров — политики в "
        "области чистой энергетики и охраны окружающей среды, которая делает привлекательными инвестиции в "
        "чистую энергетику и устойчивый транспорт.\n\n"
        "Источники, на которые ссылается отчёт: B. Finamore, «What China's plan for net-zero emissions by 2060 "
        "means for the climate», The Guardian, 2020; Yang Fuqiang, «China Has Every Reason to Promote a Green and "
        "Low-Carbon BRI», NRDC, 2018.",
    ),
    "objectives": t(
        "Support policy development that helps South-South cooperation.\n"
        "Create relevant knowledge and build capacity in the Belt and Road countries.\n"
        "Share best practice on low-carbon development among the participating countries.",
        "支持有助于南南合作的政策制定。\n"
        "在“一带一路”国家创造相关知识并开展能力建设。\n"
        "在参与国之间分享低碳发展的最佳实践。",
        "Поддержать разработку политики, которая помогает сотрудничеству по линии Юг — Юг.\n"
        "Создавать нужные знания и наращивать потенциал в странах «Пояса и пути».\n"
        "Обмениваться лучшими практиками низкоуглеродного развития между странами-участницами.",
    ),
    "conclusion": t(
        "China's experience with new energy vehicles and low-carbon development can help the energy and transport "
        "sectors of the ECO member states, and of other Belt and Road countries, to integrate, to link upstream and "
        "downstream industries more closely, and to drive infrastructure and related industries as the initiative "
        "turns greener. Because the ECO member states lie close to China and are developing special economic zones, "
        "notably in Pakistan, Iran and Kazakhstan, they and China have a real chance to build a manufacturing base "
        "for electric vehicles together.",
        "中国在新能源汽车和低碳发展方面的经验，能够帮助经济合作组织成员国及其他“一带一路”国家的能源和交通行业走向一体化，"
        "加强上下游产业的衔接，并在绿色“一带一路”建设中带动基础设施及相关产业发展。经济合作组织成员国与中国地理相近，"
        "巴基斯坦、伊朗和哈萨克斯坦等国正在建设经济特区，这为成员国与中国共同打造电动汽车制造基地提供了重要机遇。",
        "Опыт Китая в области автомобилей на новых источниках энергии и низкоуглеродного развития может помочь "
        "энергетике и транспорту государств — членов ОЭС и других стран «Пояса и пути» интегрироваться, теснее "
        "связать смежные отрасли по всей производственной цепочке и, по мере того как инициатива становится "
        "всё более зелёной, дать импульс инфраструктуре и связанным с ней отраслям. Государства — члены ОЭС "
        "расположены недалеко от Китая и развивают особые экономические зоны, прежде всего в Пакистане, Иране "
        "и Казахстане, поэтому у них и Китая есть реальная возможность вместе создать производственную базу "
        "электромобилей.",
    ),
    "venue": t("BTBU campus, Beijing, and online (Zoom)", "北京工商大学校园（北京）及线上（Zoom）",
               "Кампус BTBU, Пекин, и онлайн (Zoom)"),
    "themes": ["low-carbon-development", "new-energy-vehicles"],
    "time_zone": "Asia/Shanghai",
    "starts": "2021-07-06 14:00",
    "ends": "2021-07-07 17:40",
    "mode": "hybrid",
    "status": "completed",
    "participants_reported": 200,
    "countries_reported": 20,
    "source_note": (
        "Sources: seed 001 (the centre's web report) and seed 000 (the same report in the ECOSF newsletter). "
        "The seeds give the dates, hybrid mode, moderators, officials, focus areas, resource persons, key takeaways "
        "and conclusion, but no agenda: the session times (afternoons, Beijing time), the order of the lectures and "
        "the lecture titles are RECONSTRUCTED from the focus areas and each speaker's affiliation; they are not in "
        "the seeds. Nor do the seeds say who closed the program; the closing session is given to the two moderators. "
        "Participation is reported as 'over 200 participants from about 20 countries' (stored as 200 and 20). "
        "Small differences between the two versions: the newsletter words the conclusion slightly differently; the "
        "web version calls Li Yanze 'General Manager, Global Business' (the newsletter only 'Global Business') and "
        "swaps its two footnotes."
    ),
    "focus_areas": [
        t("Renewable and clean energy development", "可再生能源与清洁能源发展", "Развитие возобновляемой и чистой энергетики"),
        t("Smart and resilient power transmission and distribution grids", "智能、韧性的输配电网基础设施",
          "Умные и устойчивые сети передачи и распределения электроэнергии"),
        t("Latest electric mobility practice in emerging markets, including China", "新兴市场（包括中国）电动交通的最新实践",
          "Новейшая практика электромобильности на развивающихся рынках, включая Китай"),
    ],
    "takeaways": [
        (
            t("Policy support drives electric mobility", "政策支持是电动交通的关键驱动力",
              "Политическая поддержка — главный двигатель электромобильности"),
            [
                t("Policy makers shape how electric vehicles spread. Backed by its new energy vehicle policy, China has "
                  "moved far ahead of the rest of the world in adoption.",
                  "政策制定者决定着电动汽车的普及进程。在新能源汽车政策的有力支持下，中国的电动汽车推广已远远领先世界其他地区。",
                  "Политики определяют, как распространяются электромобили. Опираясь на свою политику в области автомобилей на новых источниках энергии, Китай далеко опередил остальной мир по их внедрению."),
                t("Promoting new energy vehicles is one of China's main levers for cutting carbon in the car industry.",
                  "大力推广新能源汽车是中国汽车产业低碳发展的重要举措。",
                  "Продвижение автомобилей на новых источниках энергии — один из главных рычагов Китая для сокращения углеродных выбросов автомобильной отрасли."),
                t("Elsewhere, climate goals motivate support for e-mobility, mostly through money that makes EVs "
                  "affordable: help with capital costs, tax and permit exemptions, and protection of local manufacturers.",
                  "其他国家出于应对气候变化的目的支持电动交通，主要以资金手段改善电动汽车的经济性，例如资本支出补助、税费和许可减免以及保护本国制造商。",
                  "В других странах поддержку электромобильности мотивируют климатические цели; в основном это деньги, которые делают электромобили доступнее: помощь с капитальными затратами, освобождение от налогов и разрешительных сборов, защита местных производителей."),
                t("As long as EVs cost more than conventional cars, adoption stalls. Subsidies narrow the gap, but other "
                  "levers are needed at the same time.",
                  "电动汽车与传统汽车缺乏价格平价是当前推广的主要障碍。补贴可以缩小差距，但还需同时运用其他政策手段。",
                  "Пока электромобили дороже обычных автомобилей, их внедрение буксует. Субсидии сокращают разрыв, но одновременно нужны и другие рычаги."),
                t("For developing countries the key levers are mandatory adoption targets, local production of key "
                  "components, clear rules and standards, and electric public transport.",
                  "对发展中国家而言，关键手段包括强制性推广目标、关键零部件本地化、清晰的法规与标准，以及公共交通电动化。",
                  "Для развивающихся стран ключевые рычаги — обязательные целевые показатели внедрения, местное производство ключевых компонентов, ясные правила и стандарты и электрический общественный транспорт."),
            ],
        ),
        (
            t("China has built a strong manufacturing base for new energy vehicles", "中国已建立强大的新能源汽车制造基地",
              "Китай создал мощную производственную базу автомобилей на новых источниках энергии"),
            [
                t("China is the world's largest maker and buyer of electric vehicles: in 2020 it accounted for more than "
                  "half of the electric cars built and sold worldwide.",
                  "中国是全球最大的电动汽车生产国和消费国，2020年占全球电动汽车产销量的一半以上。",
                  "Китай — крупнейший в мире производитель и покупатель электромобилей: в 2020 году на него пришлось больше половины электромобилей, произведённых и проданных в мире."),
                t("From 2011 to 2015 China promoted new energy city buses, hybrids and small EVs; from 2016 to 2020 it "
                  "widened this to plug-in, multi-energy hybrid and hydrogen fuel-cell cars.",
                  "2011至2015年，中国推广新能源城市公交车、混合动力汽车和小型电动车；2016至2020年进一步普及插电式、多能源混合动力和氢燃料电池汽车。",
                  "В 2011–2015 годах Китай продвигал городские автобусы на новых источниках энергии, гибриды и небольшие электромобили; в 2016–2020 годах он расширил это на подключаемые гибриды, многотопливные гибриды и автомобили на водородных топливных элементах."),
                t("In 2021 newcomers from other industries started building cars, and battery-electric vehicles moved "
                  "into the mainstream.",
                  "2021年，跨界造车的新企业不断涌现，纯电动汽车逐渐成为主流。",
                  "В 2021 году автомобили начали выпускать новички из других отраслей, а полностью электрические автомобили вошли в мейнстрим."),
                t("Of the three core EV technologies (battery, motor and electronic control) the battery is the hardest "
                  "to crack: its safety, its cost and the range it gives.",
                  "在电池、电机、电控三大核心技术中，最难突破的是电池：安全性、成本和续航里程。",
                  "Из трёх ключевых технологий электромобиля (аккумулятор, двигатель и электронное управление) труднее всего даётся аккумулятор: его безопасность, стоимость и запас хода, который он обеспечивает."),
                t("On the supply side, China keeps improving production technology and green building materials to cut "
                  "material use and emissions at source.",
                  "在供给侧，中国持续改进生产技术、提供优质绿色建材，从源头减少材料消耗和碳排放。",
                  "Со стороны предложения Китай постоянно совершенствует производственные технологии и зелёные строительные материалы, чтобы сокращать расход материалов и выбросы у самого источника."),
                t("Electric vehicles have reshaped the lithium-ion battery industry: in 2020 global manufacturing "
                  "capacity was about 500 GWh a year, much of it in China.",
                  "电动汽车的兴起重塑了锂离子电池产业：2020年全球锂电池产能约为每年500吉瓦时，其中很大一部分集中在中国。",
                  "Электромобили изменили отрасль литий-ионных аккумуляторов: в 2020 году мировые производственные мощности составляли около 500 ГВт·ч в год, и значительная их часть находилась в Китае."),
                t("China leads the production of all four main battery components (cathode, anode, electrolyte and "
                  "separator); its share of each has grown since 2015 and passed 60% in 2020.",
                  "中国在正极、负极、电解液和隔膜四大锂电池关键材料的生产上均居主导地位，2015年以来份额持续上升，2020年各类材料的供应份额均超过60%。",
                  "Китай лидирует в производстве всех четырёх основных компонентов аккумулятора (катода, анода, электролита и сепаратора); его доля по каждому из них растёт с 2015 года и в 2020 году превысила 60%."),
            ],
        ),
        (
            t("Grid expansion and charging infrastructure are critical for EV uptake", "电网扩容和充电基础设施布局是电动汽车普及的关键",
              "Расширение сетей и зарядная инфраструктура критически важны для распространения электромобилей"),
            [
                t("Charging infrastructure is what makes faster EV adoption possible.",
                  "充电基础设施是加快电动汽车普及的关键条件。",
                  "Именно зарядная инфраструктура делает возможным более быстрое внедрение электромобилей."),
                t("Adoption and charging are a chicken-and-egg problem: without chargers, drivers wait; without drivers, "
                  "public charging projects do not pay.",
                  "电动汽车普及与充电设施是“先有鸡还是先有蛋”的问题：没有充电设施，用户不愿购车；用户太少，公共充电项目又难以盈利。",
                  "Внедрение электромобилей и зарядка — проблема курицы и яйца: без зарядных станций водители выжидают, а без водителей общественные зарядные проекты не окупаются."),
                t("Governments therefore need to back the build-out of charging networks; China's network is now denser "
                  "than that of any other major EV market.",
                  "因此需要政府大力支持充电网络建设；中国的充电设施密度已超过其他主要电动汽车市场。",
                  "Поэтому правительствам нужно поддерживать строительство зарядных сетей; сеть Китая сейчас плотнее, чем на любом другом крупном рынке электромобилей."),
                t("Grid, load and storage must be developed together, with load, transmission and distribution planned "
                  "in step with charging needs.",
                  "需要推进“源网荷储”一体化发展，负荷、输电和配电网络须与充电需求同步规划。",
                  "Сеть, нагрузку и накопители нужно развивать вместе, планируя нагрузку, передачу и распределение в ногу с потребностями в зарядке."),
                t("EV range still trails that of petrol and diesel cars, which holds the industry back. Shorter ranges "
                  "call for more chargers to ease range anxiety, until larger batteries remove the problem.",
                  "电动汽车续航里程仍不及燃油车，这是制约行业快速发展的核心问题。续航较短需要更多充电设施缓解里程焦虑，未来大容量电池有望解决这一痛点。",
                  "Запас хода электромобилей всё ещё уступает бензиновым и дизельным автомобилям, и это сдерживает отрасль. Меньший запас хода требует больше зарядных станций, чтобы снять страх остаться без заряда, пока более ёмкие аккумуляторы не решат проблему."),
            ],
        ),
    ],
    "roles": [
        ("di-yuna", "moderator", t("Head of the BTBU-ECOSF Joint Training Center", "联合培训中心负责人", "Руководитель совместного учебного центра BTBU-ECOSF")),
        ("khalil-raza", "moderator", t("Scientific Officer, ECOSF", "经济合作组织科学基金会科学官员", "Научный сотрудник ECOSF")),
        ("zheng-wenhong", "official", t("Vice President, BTBU", "北京工商大学副校长", "Проректор BTBU")),
        ("manzoor-hussain-soomro", "official", t("President, ECOSF", "经济合作组织科学基金会主席", "Президент ECOSF")),
        ("zhang-xuming", "speaker", t("")),
        ("xiang-jin", "speaker", t("")),
        ("zheng-junyi", "speaker", t("")),
        ("li-yanze", "speaker", t("")),
        ("xiong-wanpeng", "speaker", t("")),
        ("qin-yuyi", "speaker", t("")),
        ("liu-wei", "speaker", t("")),
        ("liu-daizong", "speaker", t("")),
        ("zeng-tao", "speaker", t("")),
    ],
    "sessions": [
        {
            "kind": "opening_remarks", "start": "2021-07-06 14:00", "end": "2021-07-06 14:15",
            "speakers": ["zheng-wenhong"],
            "title": t("Opening remarks", "开幕致辞", "Вступительное слово"),
            "summary": t(
                "Prof. Zheng Wenhong noted that China had written its “dual carbon” targets into the outline of its "
                "14th Five-Year Plan that year and was working with other countries on climate change. He described a "
                "green Belt and Road built on joint consultation, joint construction and shared benefits, and on "
                "openness, greenness and integrity, and observed that many countries facing climate risks want to learn "
                "from China's experience. He expected the program to deepen exchange and cooperation, contribute to a "
                "community with a shared future for mankind and advance global sustainable development.",
                "Zheng Wenhong副校长指出，中国政府已于当年将“双碳”目标纳入“十四五”规划纲要，并积极与世界各国合作应对气候变化。"
                "他介绍了中国坚持共商共建共享原则、秉持开放绿色廉洁理念、与相关国家共建绿色“一带一路”的做法，"
                "并表示面临气候危机的各国希望借鉴中国的发展经验。他相信本项目将促进各国交流合作，推动构建人类命运共同体，实现全球可持续发展。",
                "Проф. Чжэн Вэньхун отметил, что в том году Китай включил свои цели «двойного углерода» в основные "
                "положения 14-го пятилетнего плана и вместе с другими странами работает над проблемой изменения "
                "климата. Он рассказал о зелёном «Поясе и пути», который строится на принципах совместных "
                "консультаций, совместного строительства и общей выгоды, а также открытости, экологичности и "
                "честности, и заметил, что многие страны, сталкивающиеся с климатическими рисками, хотят перенять "
                "опыт Китая. Он выразил надежду, что программа углубит обмен и сотрудничество, внесёт вклад в "
                "создание сообщества единой судьбы человечества и продвинет глобальное устойчивое развитие.",
            ),
        },
        {
            "kind": "welcome_remarks", "start": "2021-07-06 14:15", "end": "2021-07-06 14:35",
            "speakers": ["manzoor-hussain-soomro"],
            "title": t("Welcome remarks", "欢迎致辞", "Приветственное слово"),
            "summary": t(
                "Prof. Manzoor Hussain Soomro said that science, engineering, technology and innovation give countries "
                "the policy tools to cope with climate change and to grow sustainably. The Belt and Road Initiative "
                "promises technical cooperation in sustainable energy, infrastructure, emerging technologies and smart "
                "cities and transport, which calls for lasting support to science and engineering, capacity building "
                "and human resources. To make the most of the initiative, he said, partner countries need a capable "
                "technical workforce and alliances for cross-border cooperation in science, technology and innovation.",
                "Manzoor Hussain Soomro教授表示，科学、工程、技术与创新为各国应对气候变化、实现可持续增长提供了必要的政策工具。"
                "“一带一路”倡议致力于在可持续能源、基础设施、新兴技术和智慧城市与交通等领域开展技术合作，"
                "这需要对科学与工程、能力建设和人力资源开发给予长期支持。他指出，合作国家需要培养足够的技术人才，"
                "并结成联盟推动科技创新领域的跨境合作，才能充分受益于该倡议。",
                "Проф. Манзур Хуссейн Сумро сказал, что наука, инженерное дело, технологии и инновации дают странам "
                "политические инструменты, чтобы справляться с изменением климата и расти устойчиво. Инициатива "
                "«Пояс и путь» обещает техническое сотрудничество в устойчивой энергетике, инфраструктуре, новых "
                "технологиях, умных городах и транспорте, а это требует долгосрочной поддержки науки и инженерного "
                "дела, наращивания потенциала и развития человеческих ресурсов. Чтобы извлечь из инициативы "
                "наибольшую пользу, отметил он, странам-партнёрам нужны квалифицированные технические кадры и "
                "альянсы для трансграничного сотрудничества в науке, технологиях и инновациях.",
            ),
        },
        {
            "kind": "lecture", "start": "2021-07-06 14:35", "end": "2021-07-06 15:15", "speakers": ["xiong-wanpeng"],
            "title": t("Investing in clean energy along the Belt and Road", "“一带一路”沿线的清洁能源投资",
                       "Инвестиции в чистую энергетику в странах «Пояса и пути»"),
            "abstract": t("Focus area: renewable and clean energy development.", "重点领域：可再生能源与清洁能源发展。",
                          "Направление: развитие возобновляемой и чистой энергетики."),
        },
        {
            "kind": "lecture", "start": "2021-07-06 15:15", "end": "2021-07-06 15:55", "speakers": ["zeng-tao"],
            "title": t("New energy markets: an analyst's view", "新能源市场：分析师视角", "Рынки новой энергетики: взгляд аналитика"),
            "abstract": t("Focus area: renewable and clean energy development.", "重点领域：可再生能源与清洁能源发展。",
                          "Направление: развитие возобновляемой и чистой энергетики."),
        },
        {
            "kind": "lecture", "start": "2021-07-06 16:00", "end": "2021-07-06 16:40", "speakers": ["qin-yuyi"],
            "title": t("Integrated energy services and smart grids", "综合能源服务与智能电网",
                       "Комплексные энергетические услуги и умные сети"),
            "abstract": t("Focus area: smart and resilient power grids.", "重点领域：智能、韧性的输配电网。",
                          "Направление: умные и устойчивые электросети."),
        },
        {
            "kind": "lecture", "start": "2021-07-06 16:40", "end": "2021-07-06 17:20", "speakers": ["liu-wei"],
            "title": t("Running a power grid abroad: experience from Oman", "海外电网运营：阿曼的经验",
                       "Управление электросетью за рубежом: опыт Омана"),
            "abstract": t("Focus area: smart and resilient power grids.", "重点领域：智能、韧性的输配电网。",
                          "Направление: умные и устойчивые электросети."),
        },
        {
            "kind": "lecture", "start": "2021-07-07 14:00", "end": "2021-07-07 14:40", "speakers": ["zhang-xuming"],
            "title": t("New energy vehicles in China: development and outlook", "中国新能源汽车：发展与展望",
                       "Автомобили на новых источниках энергии в Китае: развитие и перспективы"),
            "abstract": t("Focus area: electric mobility in emerging markets.", "重点领域：新兴市场的电动交通。",
                          "Направление: электромобильность на развивающихся рынках."),
        },
        {
            "kind": "lecture", "start": "2021-07-07 14:40", "end": "2021-07-07 15:20", "speakers": ["xiang-jin"],
            "title": t("Batteries for new energy vehicles", "新能源汽车动力电池", "Тяговые аккумуляторы для автомобилей на новых источниках энергии"),
            "abstract": t("Focus area: electric mobility in emerging markets.", "重点领域：新兴市场的电动交通。",
                          "Направление: электромобильность на развивающихся рынках."),
        },
        {
            "kind": "lecture", "start": "2021-07-07 15:20", "end": "2021-07-07 16:00", "speakers": ["zheng-junyi"],
            "title": t("Charging infrastructure and its standards", "充电基础设施及其标准", "Зарядная инфраструктура и её стандарты"),
            "abstract": t("Focus areas: power grids and electric mobility.", "重点领域：电网与电动交通。",
                          "Направления: электросети и электромобильность."),
        },
        {
            "kind": "lecture", "start": "2021-07-07 16:00", "end": "2021-07-07 16:40", "speakers": ["li-yanze"],
            "title": t("Battery swapping for electric mobility", "电动交通的换电模式", "Замена аккумуляторов для электромобильности"),
            "abstract": t("Focus area: electric mobility in emerging markets.", "重点领域：新兴市场的电动交通。",
                          "Направление: электромобильность на развивающихся рынках."),
        },
        {
            "kind": "lecture", "start": "2021-07-07 16:40", "end": "2021-07-07 17:20", "speakers": ["liu-daizong"],
            "title": t("Low-carbon transport in Chinese cities", "中国城市的低碳交通", "Низкоуглеродный транспорт в городах Китая"),
            "abstract": t("Focus area: electric mobility in emerging markets.", "重点领域：新兴市场的电动交通。",
                          "Направление: электромобильность на развивающихся рынках."),
        },
        {
            "kind": "closing_remarks", "start": "2021-07-07 17:20", "end": "2021-07-07 17:40",
            "speakers": ["di-yuna", "khalil-raza"],
            "title": t("Closing and wrap-up", "闭幕与总结", "Закрытие и подведение итогов"),
        },
    ],
}
