# ruff: noqa: E501 -- prose in three languages reads better unwrapped than cut mid-sentence.
"""5th Joint Training Program: Pathways for Industrial Decarbonization (June 2022).

Source: seed 002 (the program's report, with bionotes). Facts kept; every
sentence restated. The report's inconsistencies are listed in SOURCE_NOTE,
which the loader stores on the program.
"""
from . import t

RECORDING = "https://www.youtube.com/watch?v=oHulRJPGA5c&list=PLxCR_mQcL6HbNpvOlWiWhe5boKHPEVg3U"

SOURCE_NOTE = (
    "Source: seed 002, the report of the 5th Joint Training Program. Conflicts inside the report, resolved as "
    "follows: (1) one Background paragraph names the program “Science, Technology, and Innovation (STI) Policy and "
    "Tools for Sustainable Development in the Belt and Road Countries”, while the cover and a later paragraph name "
    "“Pathways for Industrial Decarbonization in/for the Belt and Road Countries”; we keep the cover title. (2) A "
    "slide of Khalil Raza's case study is dated “June 9, 2021”; the program ran on June 8-9, 2022, so 2021 is taken "
    "as a slip and the case study is placed on June 9, 2022. (3) Moderator Di Yuna is once called “Director EU-ECOSF "
    "Joint Training Center”, a typo for BTBU-ECOSF. (4) The closing speaker, Prof. Liu Minhua, is referred to as both "
    "“he” and “her”; our texts avoid the pronoun (and, in Russian, gendered past-tense verbs). (5) The report says the earlier low-carbon training was held in "
    "June 2021, but the 2nd program ran on July 6-7, 2021 (seeds 000/001). (6) Guo Zhancheng is once spelled "
    "“Zhanchang”. The report gives no clock times: the session times (afternoons, Beijing time) are RECONSTRUCTED, "
    "not from the seed. Cui Xu, Wei Li and Peng Luhua have bionotes in the report but no talk is summarised, so they "
    "are listed as resource persons (speaker role) without a session of their own rather than in an invented panel. "
    "Participation is reported as 'over 100 participants from 20 countries' (stored as 100 and 20)."
)

PROGRAM = {
    "slug": "2022-industrial-decarbonization",
    "number": 5,
    "title": t(
        "Pathways for Industrial Decarbonization in the Belt and Road Countries",
        "“一带一路”国家工业脱碳路径",
        "Пути декарбонизации промышленности в странах «Пояса и пути»",
    ),
    "subtitle": t(
        "Accelerating transition to low-carbon and climate-resilient development",
        "加快向低碳和气候韧性发展转型",
        "Ускорение перехода к низкоуглеродному и климатически устойчивому развитию",
    ),
    "summary": t(
        "Two online days on how the coal power, cement, steel and chemical industries can cut their emissions, with a "
        "case study on electric mobility in Pakistan. Over 100 participants from 20 countries joined on Zoom.",
        "为期两天的线上培训，探讨煤电、水泥、钢铁和化工行业的减排路径，并以巴基斯坦电动交通为案例。来自20个国家的100余名学员通过Zoom参加。",
        "Два онлайн-дня о том, как угольная энергетика, цементная, сталелитейная и химическая промышленность "
        "могут сократить выбросы, с кейсом об электромобильности в Пакистане. Более 100 участников из 20 стран "
        "подключились через Zoom.",
    ),
    "background": t(
        "Climate change is the greatest risk facing humanity and one of this century's defining global challenges, to "
        "be met through international cooperation for sustainable development. In 2020 China announced it would aim "
        "for carbon neutrality by 2060; it already leads the world in clean-energy technology and is by far the "
        "largest investor in, producer and consumer of renewable energy.\n\n"
        "Efforts against climate change have rightly concentrated on today's big emitters. Looking ahead, however, "
        "the largest risk and the largest opportunity lie in helping the countries that joined the Belt and Road "
        "Initiative follow a low-carbon path. The center therefore devoted its 5th program to bringing China's "
        "expertise and practice in low-carbon development to the other Belt and Road countries, with special "
        "attention to key industrial sectors.\n\n"
        "It was the center's second program on low-carbon development, after the 2021 program on low carbon "
        "development and new energy vehicles. Industrial experts, business leaders and researchers from China and "
        "Pakistan served as resource persons, and the moderators led a lively discussion with participants.",
        "气候变化是人类面临的最大风险，也是本世纪最重大的全球挑战之一，需要在可持续发展框架下通过国际合作应对。"
        "2020年中国宣布力争2060年前实现碳中和；中国在清洁能源技术方面已居世界领先，是全球最大的可再生能源投资国、生产国和消费国。\n\n"
        "应对气候变化的努力理所当然地集中在当前的排放大国。但从长远看，最大的风险和机遇在于帮助加入“一带一路”倡议的国家走上低碳发展道路。"
        "因此，中心第五期培训项目致力于将中国在低碳发展方面的专长和实践分享给其他“一带一路”国家，并重点关注关键工业部门。\n\n"
        "这是继2021年“低碳发展与新能源汽车”项目之后，中心第二次举办低碳发展主题培训。来自中国和巴基斯坦的行业专家、企业领导和研究学者担任授课专家，主持人与学员进行了深入交流。",
        "Изменение климата — величайший риск для человечества и одна из определяющих глобальных проблем нашего "
        "века, и ответить на него можно через международное сотрудничество ради устойчивого развития. В 2020 "
        "году Китай объявил о цели достичь углеродной нейтральности к 2060 году; он уже лидирует в мире в "
        "технологиях чистой энергетики и с большим отрывом является крупнейшим инвестором, производителем и "
        "потребителем возобновляемой энергии.\n\n"
        "Усилия по борьбе с изменением климата вполне обоснованно сосредоточены на нынешних крупных "
        "источниках выбросов. Однако в перспективе самый большой риск и самая большая возможность — помочь "
        "странам, присоединившимся к инициативе «Пояс и путь», пойти по низкоуглеродному пути. Поэтому центр "
        "посвятил свою 5-ю программу тому, чтобы донести экспертизу и практику Китая в области "
        "низкоуглеродного развития до других стран «Пояса и пути», уделив особое внимание ключевым отраслям "
        "промышленности.\n\n"
        "Это была вторая программа центра о низкоуглеродном развитии — после программы 2021 года о "
        "низкоуглеродном развитии и автомобилях на новых источниках энергии. Эксперты отрасли, руководители "
        "компаний и исследователи из Китая и Пакистана выступили в роли приглашённых экспертов, а модераторы "
        "провели с участниками оживлённую дискуссию.",
    ),
    "objectives": t(
        "Speed up the move to low-carbon, climate-resilient development, with special attention to key industrial "
        "sectors.\n"
        "Understand viable options for the low-carbon transition, best practice, success stories and the barriers met "
        "in carrying out low-carbon policies and programmes.\n"
        "Identify potential cooperation among Belt and Road countries in clean energy, charging stations and new energy "
        "vehicles.",
        "加快向低碳、气候韧性发展转型，重点关注关键工业部门。\n"
        "了解低碳转型的可行方案、最佳实践、成功案例以及实施低碳政策和项目中遇到的障碍。\n"
        "促成“一带一路”国家在清洁能源、充电站和新能源汽车领域的潜在合作。",
        "Ускорить переход к низкоуглеродному, климатически устойчивому развитию, уделяя особое внимание ключевым "
        "отраслям промышленности.\n"
        "Понять реалистичные варианты низкоуглеродного перехода, лучшие практики, истории успеха и препятствия, "
        "возникающие при реализации низкоуглеродной политики и программ.\n"
        "Выявить возможности сотрудничества стран «Пояса и пути» в области чистой энергетики, зарядных станций и "
        "автомобилей на новых источниках энергии.",
    ),
    "conclusion": t(
        "Science, technology and innovation will be at the heart of industrial decarbonization in the Belt and Road "
        "region. A successful low-carbon transition depends on public-private partnerships that speed up the "
        "deployment of technology, on research and development, and on building people's skills. The central task is "
        "to reach national development goals through low-carbon, climate-resilient plans and strategies in which "
        "science and technology play a decisive part. The Joint Training Center will keep up its cooperation towards "
        "these goals and to promote new trends in industrial development and STI in the region.",
        "科学、技术与创新将是“一带一路”地区工业脱碳的核心。低碳转型的成功取决于能够加快技术部署的公私合作、研究开发以及人才技能培养。"
        "关键在于通过低碳、气候韧性的发展规划和战略实现国家发展目标，而科学技术在其中发挥着决定性作用。"
        "联合培训中心将继续加强合作，实现既定目标，推动本地区工业发展和科技创新的新趋势。",
        "Наука, технологии и инновации будут в центре декарбонизации промышленности в регионе «Пояса и пути». "
        "Успех низкоуглеродного перехода зависит от государственно-частных партнёрств, ускоряющих внедрение "
        "технологий, от научных исследований и разработок и от развития навыков людей. Главная задача — "
        "достичь национальных целей развития с помощью низкоуглеродных, климатически устойчивых планов и "
        "стратегий, в которых решающую роль играют наука и технологии. Совместный учебный центр продолжит "
        "сотрудничество ради этих целей и ради новых тенденций в промышленном развитии и в сфере науки, "
        "технологий и инноваций в регионе.",
    ),
    "venue": t("Online (Zoom)", "线上（Zoom）", "Онлайн (Zoom)"),
    "themes": ["low-carbon-development", "industrial-decarbonization"],
    "time_zone": "Asia/Shanghai",
    "starts": "2022-06-08 14:00",
    "ends": "2022-06-09 16:00",
    "mode": "online",
    "status": "completed",
    "participants_reported": 100,
    "countries_reported": 20,
    "recording_url": RECORDING,
    "source_note": SOURCE_NOTE,
    "focus_areas": [
        t("Low-carbon transition of the coal power industry", "煤电行业低碳转型", "Низкоуглеродный переход угольной энергетики"),
        t("Low-carbon transition of the cement industry", "水泥行业低碳转型", "Низкоуглеродный переход цементной промышленности"),
        t("Low-carbon transition of the steel industry", "钢铁行业低碳转型", "Низкоуглеродный переход сталелитейной промышленности"),
        t("Low-carbon transition of the chemical industry", "化工行业低碳转型", "Низкоуглеродный переход химической промышленности"),
        t("Low-carbon transport and electric mobility", "低碳交通与电动交通", "Низкоуглеродный транспорт и электромобильность"),
    ],
    "takeaways": [],
    "roles": [
        ("khalil-raza", "moderator", t("Scientific Officer, ECOSF", "经济合作组织科学基金会科学官员", "Научный сотрудник ECOSF")),
        ("di-yuna", "moderator", t("Head of the BTBU-ECOSF Joint Training Center", "联合培训中心负责人", "Руководитель совместного учебного центра BTBU-ECOSF")),
        ("manzoor-hussain-soomro", "official", t("President, ECOSF", "经济合作组织科学基金会主席", "Президент ECOSF")),
        ("liu-minhua", "official", t("Vice President, BTBU", "北京工商大学副校长", "Проректор BTBU")),
        ("zhu-fahua", "speaker", t("")),
        ("li-yeqing", "speaker", t("")),
        ("guo-zhancheng", "speaker", t("")),
        ("zhang-hua", "speaker", t("")),
        ("khalil-raza", "speaker", t("")),
        ("cui-xu", "speaker", t("Resource person", "授课专家", "Приглашённый эксперт")),
        ("wei-li", "speaker", t("Resource person", "授课专家", "Приглашённый эксперт")),
        ("peng-luhua", "speaker", t("Resource person", "授课专家", "Приглашённый эксперт")),
    ],
    "sessions": [
        {
            "kind": "welcome_remarks", "start": "2022-06-08 14:00", "end": "2022-06-08 14:20",
            "speakers": ["manzoor-hussain-soomro"],
            "title": t("Welcome remarks", "欢迎致辞", "Приветственное слово"),
            "summary": t(
                "Prof. Manzoor Hussain Soomro said that science, engineering, technology and innovation supply the "
                "policy instruments on which countries build a strong base, and that well-designed STI policies can "
                "steer the Belt and Road countries towards high growth. Reaching the initiative's goals for technical "
                "cooperation in energy, infrastructure, emerging technologies and smart cities and transport needs firm "
                "support for science, engineering, capacity building and human resources.\n\n"
                "Climate impacts are growing in severity and frequency. Developing countries are the most exposed and "
                "have the fewest means for mitigation and adaptation, so investment in climate-smart technologies and "
                "processes is urgent. Low-carbon industrial development is therefore a timely subject: adopting it "
                "quickly is a precondition for the region to move towards deeper emission cuts and limit warming.",
                "Manzoor Hussain Soomro教授表示，科学、工程、技术与创新为各国夯实发展基础提供了政策工具，设计完善的科技创新政策能够引导"
                "“一带一路”国家走上高增长轨道。实现倡议在能源、基础设施、新兴技术和智慧城市与交通等领域的技术合作目标，"
                "需要坚定支持科学与工程、能力建设和人力资源开发。\n\n"
                "气候变化影响日益严重和频繁，发展中国家最为脆弱，减缓和适应的资源也最少，因此迫切需要加大对气候智能型技术和工艺的投资。"
                "他认为讨论低碳工业发展恰逢其时：加快采用相关技术是本地区迈向更大幅度减排、控制温升的前提。",
                "Проф. Манзур Хуссейн Сумро сказал, что наука, инженерное дело, технологии и инновации дают "
                "политические инструменты, на которых страны строят прочную основу, а хорошо продуманная политика в "
                "сфере науки, технологий и инноваций может вывести страны «Пояса и пути» на траекторию высокого роста. "
                "Чтобы достичь целей инициативы в техническом сотрудничестве в энергетике, инфраструктуре, новых "
                "технологиях, умных городах и транспорте, нужна твёрдая поддержка науки, инженерного дела, "
                "наращивания потенциала и человеческих ресурсов.\n\n"
                "Последствия изменения климата становятся всё тяжелее и случаются всё чаще. Развивающиеся страны "
                "наиболее уязвимы и располагают наименьшими средствами для смягчения последствий и адаптации, "
                "поэтому инвестиции в климатически разумные технологии и процессы не терпят отлагательства. Вот почему "
                "низкоуглеродное промышленное развитие — своевременная тема: его быстрое внедрение — условие того, "
                "чтобы регион перешёл к более глубокому сокращению выбросов и ограничил потепление.",
            ),
        },
        {
            "kind": "lecture", "start": "2022-06-08 14:20", "end": "2022-06-08 15:10", "speakers": ["zhu-fahua"],
            "title": t("Policies and practices for the low-carbon transition of the coal power industry",
                       "煤电行业低碳转型的政策与实践",
                       "Политика и практика низкоуглеродного перехода в угольной энергетике"),
            "summary": t(
                "Zhu Fahua outlined China's approach: cap the total use of fossil energy, raise efficiency, substitute "
                "renewables and reform the power system. For now coal power remains irreplaceable for a secure national "
                "supply and a stable grid, so the transition has to keep supply guaranteed, letting renewables grow at "
                "scale without abrupt emission cuts or blanket limits on electricity use.\n\n"
                "The 14th Five-Year Plan (2021-2025) lays the groundwork for China's dual carbon goals, peaking before "
                "2030 and neutrality before 2060, and maps out a green, low-carbon energy transition in which coal "
                "provides a stronger energy guarantee, coal power plays a supporting role and coal is used cleanly and "
                "efficiently. Within China's emissions trading scheme, province-by-province transition paths for coal "
                "power are decisive. His conclusion: fossil fuels should be replaced only once renewable supply is "
                "reliable.",
                "朱法华介绍了中国的做法：控制化石能源消费总量、提高利用效率、实施可再生能源替代、深化电力体制改革。"
                "当前煤电对保障国家电力供应安全和电网稳定仍不可替代，因此低碳转型必须在保障供应的前提下推进，"
                "使可再生能源得以大规模发展，同时避免“运动式”减排或不加区分地限电。\n\n"
                "“十四五”时期（2021—2025年）为实现2030年前碳达峰、2060年前碳中和的“双碳”目标奠定基础，"
                "明确了绿色低碳能源转型路线：煤炭发挥兜底保障作用，煤电发挥支撑作用，鼓励煤炭清洁高效利用。"
                "在全国碳排放权交易体系下，各省煤电的低碳转型路径至关重要。他总结说，只有在可再生能源供应可靠之后才能替代化石能源。",
                "Чжу Фахуа рассказал о подходе Китая: ограничить общее потребление ископаемой энергии, повысить "
                "эффективность, заменять её возобновляемой и реформировать энергосистему. Пока угольная генерация "
                "остаётся незаменимой для надёжного энергоснабжения страны и стабильности сети, поэтому переход "
                "должен сохранять гарантированное снабжение, позволяя возобновляемой энергетике расти в больших "
                "масштабах без резких сокращений выбросов и без повсеместных ограничений потребления "
                "электроэнергии.\n\n"
                "14-й пятилетний план (2021–2025) закладывает основу для целей Китая «двойного углерода» — пика "
                "выбросов до 2030 года и нейтральности до 2060 года — и намечает зелёный, низкоуглеродный "
                "энергопереход, в котором уголь служит более надёжной гарантией энергоснабжения, угольная генерация "
                "играет опорную роль, а уголь используется чисто и эффективно. В рамках китайской системы торговли "
                "выбросами решающее значение имеют пути перехода угольной энергетики в каждой провинции. Его вывод: "
                "ископаемое топливо следует замещать только тогда, когда поставки возобновляемой энергии станут "
                "надёжными.",
            ),
        },
        {
            "kind": "lecture", "start": "2022-06-08 15:10", "end": "2022-06-08 16:00", "speakers": ["li-yeqing"],
            "title": t("Policies and practices for the low-carbon transition of the cement industry",
                       "水泥行业低碳转型的政策与实践",
                       "Политика и практика низкоуглеродного перехода в цементной промышленности"),
            "summary": t(
                "Li Yeqing explained that cement is one of the most energy-intensive industries: it consumes limestone, "
                "coal and other non-renewable resources and releases greenhouse gases and pollutants, and worldwide it "
                "accounts for about 7% of CO₂ emissions. The NDRC's action plan for energy saving and carbon reduction "
                "in metallurgy and building materials (2021-2025) requires more than 30% of capacity in key industries, "
                "cement among them, to reach the advanced level by 2025.\n\n"
                "Cement can be decarbonized by combining carbon capture and storage with substitute fuels and "
                "intermediate products. Burning alternative fuels such as municipal solid waste in clinker production "
                "cuts fossil fuel use and CO₂, reduces landfill and its methane (about 60% of landfill gas is methane, "
                "with 21 times the warming potential of CO₂), and saves money and land.",
                "李叶青指出，水泥是能耗最高的行业之一，消耗大量石灰石、煤炭等不可再生资源，排放温室气体和污染物，约占全球二氧化碳排放的7%。"
                "国家发展改革委发布的冶金、建材重点行业节能降碳行动方案（2021—2025年）要求，到2025年包括水泥在内的重点行业能效达到标杆水平的产能比例超过30%。\n\n"
                "水泥行业可以结合碳捕集与封存以及燃料和中间产品替代实现脱碳。在熟料生产中使用城市生活垃圾等替代燃料，"
                "可减少化石燃料消耗和二氧化碳排放，减少填埋及其产生的甲烷（填埋气中约60%为甲烷，其温室效应是二氧化碳的21倍），并节约土地和投资。",
                "Ли Ецин объяснил, что цементная промышленность — одна из самых энергоёмких отраслей: она потребляет "
                "известняк, уголь и другие невозобновляемые ресурсы, выбрасывает парниковые газы и загрязняющие "
                "вещества и даёт около 7% мировых выбросов CO₂. План действий Государственного комитета по развитию и "
                "реформе (NDRC) по энергосбережению и сокращению выбросов углерода в металлургии и производстве "
                "строительных материалов (2021–2025) требует, чтобы к 2025 году более 30% мощностей ключевых "
                "отраслей, в том числе цементной, достигли передового уровня.\n\n"
                "Декарбонизировать цементное производство можно, сочетая улавливание и хранение углерода с "
                "заменой топлива и промежуточных продуктов. Сжигание альтернативного топлива, например твёрдых "
                "бытовых отходов, при производстве клинкера сокращает расход ископаемого топлива и выбросы CO₂, "
                "уменьшает захоронение отходов и образующийся при этом метан (около 60% свалочного газа — метан, "
                "парниковый потенциал которого в 21 раз выше, чем у CO₂), а также экономит деньги и землю.",
            ),
        },
        {
            "kind": "lecture", "start": "2022-06-08 16:00", "end": "2022-06-08 16:50", "speakers": ["guo-zhancheng"],
            "title": t("Policies and practices for the low-carbon transition of the steel industry",
                       "钢铁行业低碳转型的政策与实践",
                       "Политика и практика низкоуглеродного перехода в сталелитейной промышленности"),
            "summary": t(
                "Guo Zhancheng noted that steel, one of the most important engineering and construction materials, is "
                "also highly carbon-intensive: each tonne produced emits 1.8 tonnes of CO₂ on average, and the industry "
                "accounts for about 8% of global CO₂ emissions. It is among the three largest industrial sources of "
                "CO₂, and because its emissions come from relatively few sites, steel plants are good candidates for "
                "decarbonization. Under environmental and economic pressure, the industry can use decarbonization to "
                "secure its long-term licence to operate; almost all Chinese steelmakers are drawing up decarbonization "
                "strategies and running pilot plants to test new production routes.",
                "郭占成指出，钢铁是最重要的工程和建筑材料之一，同时也是高碳排放行业：平均每生产1吨钢排放1.8吨二氧化碳，"
                "钢铁生产约占全球二氧化碳排放的8%。钢铁业是三大二氧化碳排放行业之一，且排放集中在数量有限的厂址，因此非常适合实施脱碳。"
                "面对环境和经济双重压力，行业可以借脱碳保障长期经营的资格；几乎所有中国钢铁企业都在制定脱碳战略，并建设中试装置评估不同的生产工艺。",
                "Го Чжаньчэн отметил, что сталь — один из важнейших конструкционных и строительных материалов — "
                "отличается и высокой углеродоёмкостью: на каждую произведённую тонну приходится в среднем 1,8 тонны "
                "CO₂, а на отрасль — около 8% мировых выбросов CO₂. Она входит в тройку крупнейших промышленных "
                "источников CO₂, и поскольку её выбросы сосредоточены на сравнительно небольшом числе площадок, "
                "металлургические заводы хорошо подходят для декарбонизации. Под экологическим и экономическим "
                "давлением отрасль может с помощью декарбонизации обеспечить себе право работать в долгосрочной "
                "перспективе; почти все китайские производители стали разрабатывают стратегии декарбонизации и "
                "запускают пилотные установки, чтобы испытать новые технологические маршруты.",
            ),
        },
        {
            "kind": "lecture", "start": "2022-06-09 14:00", "end": "2022-06-09 14:50", "speakers": ["zhang-hua"],
            "title": t("Policies and practices for the low-carbon transition of the chemical industry",
                       "化工行业低碳转型的政策与实践",
                       "Политика и практика низкоуглеродного перехода в химической промышленности"),
            "summary": t(
                "Zhang Hua said that the Chinese government gives high priority to decarbonizing the main chemical "
                "industries in order to meet its carbon neutrality targets. The authorities are steering petrochemicals "
                "and chemicals towards their carbon peak by optimising the scale and location of production capacity "
                "and retiring outdated capacity faster. For energy-hungry emerging industries, industry associations and "
                "government bodies help companies adopt green, low-carbon technologies that raise energy efficiency, "
                "and a national action plan sets strict efficiency targets and priority areas for energy saving and "
                "carbon reduction in the sector up to 2025.",
                "Zhang Hua表示，为实现碳中和目标，中国政府高度重视主要化工行业的脱碳，正推动石化化工行业碳达峰："
                "优化产能规模和布局，加快淘汰落后产能。对于能耗较高的新兴产业，行业协会和政府机构支持和引导企业应用绿色低碳技术，提高能效；"
                "国家行动方案为石化化工行业设定了严格的能效目标，并明确了到2025年节能降碳的重点领域。",
                "Чжан Хуа сказала, что правительство Китая придаёт большое значение декарбонизации основных "
                "химических отраслей ради достижения целей углеродной нейтральности. Власти подводят нефтехимию и "
                "химию к пику выбросов, оптимизируя масштаб и размещение производственных мощностей и быстрее выводя "
                "из эксплуатации устаревшие. В энергоёмких новых отраслях отраслевые ассоциации и государственные "
                "органы помогают компаниям внедрять зелёные низкоуглеродные технологии, повышающие "
                "энергоэффективность, а национальный план действий устанавливает для отрасли строгие целевые "
                "показатели эффективности и приоритетные направления энергосбережения и сокращения выбросов углерода "
                "до 2025 года.",
            ),
        },
        {
            "kind": "case_study", "start": "2022-06-09 14:50", "end": "2022-06-09 15:40", "speakers": ["khalil-raza"],
            "title": t("Case study: low-carbon transport in Belt and Road countries", "案例研究：“一带一路”国家的低碳交通",
                       "Кейс: низкоуглеродный транспорт в странах «Пояса и пути»"),
            "abstract": t("Slides: “Decarbonizing the Road Transport Sector”.", "演示文稿：《道路交通部门脱碳》。",
                          "Презентация: «Декарбонизация автомобильного транспорта»."),
            "summary": t(
                "Khalil Raza set out a policy framework for scaling up electric mobility in Pakistan and the other ECO "
                "member states. Pakistan's transport runs almost entirely on imported fuel, which weighs on the trade "
                "balance: the deficit reached 24.79 billion US dollars in the first half of the fiscal year (to January "
                "2022), 63% more than a year before; oil imports cost over 13.3 billion dollars in 2019 and could exceed "
                "30.7 billion by 2025. Electric vehicles would cut that dependence and carry decarbonization beyond the "
                "power sector. Pakistan's first Electric Vehicles Policy (2019) aims for EVs to make up 30% of sales by "
                "2030.\n\n"
                "To reach its targets, he concluded, stakeholders must act in four areas: a robust strategy, financial "
                "incentives, a plan to bring down the cost of lithium-ion batteries, and a reliable charging network.",
                "Khalil Raza介绍了在巴基斯坦及其他经济合作组织成员国推广电动交通的政策框架。巴基斯坦交通几乎完全依赖进口燃料，"
                "加重了贸易逆差：截至2022年1月的上半财年逆差达247.9亿美元，同比增长63%；2019年石油进口花费超过133亿美元，"
                "预计到2025年将超过307亿美元。电动汽车可以降低对石油产品的依赖，并使脱碳从电力部门延伸到交通领域。"
                "巴基斯坦2019年出台首部电动汽车政策，目标是到2030年电动汽车占新车销量的30%。\n\n"
                "他总结说，要实现目标，相关各方须在四个方面加强政策干预：完善的战略、财政激励、降低锂离子电池成本的计划以及可靠的充电网络。",
                "Халил Раза представил рамочную политику для масштабирования электромобильности в Пакистане и "
                "других государствах — членах ОЭС. Транспорт Пакистана почти полностью работает на импортном "
                "топливе, что тяжело сказывается на торговом балансе: дефицит в первой половине финансового года "
                "(по январь 2022 года) достиг 24,79 млрд долларов США, на 63% больше, чем годом ранее; импорт нефти "
                "обошёлся в 2019 году более чем в 13,3 млрд долларов и к 2025 году может превысить 30,7 млрд. "
                "Электромобили сократили бы эту зависимость и распространили бы декарбонизацию за пределы "
                "электроэнергетики. Первая политика Пакистана в области электромобилей (2019) ставит цель, чтобы к "
                "2030 году на электромобили приходилось 30% продаж.\n\n"
                "Чтобы достичь своих целей, заключил он, заинтересованным сторонам нужно действовать в четырёх "
                "направлениях: надёжная стратегия, финансовые стимулы, план по снижению стоимости литий-ионных "
                "аккумуляторов и надёжная зарядная сеть.",
            ),
        },
        {
            "kind": "closing_remarks", "start": "2022-06-09 15:40", "end": "2022-06-09 16:00", "speakers": ["liu-minhua"],
            "title": t("Closing remarks", "闭幕致辞", "Заключительное слово"),
            "summary": t(
                "Prof. Liu Minhua thanked the trainers from China and Pakistan and stressed that science, technology and "
                "innovation will be central to industrial decarbonization in the Belt and Road region. The transition "
                "will rely on public-private partnerships that speed up the deployment of technology, on research and "
                "development, and on skills; the key challenge is to deliver national development goals through "
                "low-carbon, climate-resilient plans in which science and technology play an overriding role. The Joint "
                "Training Center, Prof. Liu assured participants, will keep up its cooperation towards these goals.",
                "Liu Minhua教授感谢来自中国和巴基斯坦的授课专家，强调科学、技术与创新将是“一带一路”地区工业脱碳的核心。"
                "低碳转型有赖于加快技术部署的公私合作、研究开发和技能培养；关键挑战是通过低碳、气候韧性的发展规划实现国家发展目标，"
                "科学技术在其中发挥着举足轻重的作用。Liu教授表示，联合培训中心将继续加强合作，实现这些目标。",
                "В заключительном слове проф. Лю Миньхуа — благодарность преподавателям из Китая и Пакистана и "
                "мысль о том, что наука, технологии и инновации будут в центре декарбонизации промышленности в "
                "регионе «Пояса и пути». Переход будет опираться на государственно-частные партнёрства, ускоряющие "
                "внедрение технологий, на научные исследования и разработки и на навыки; ключевая задача — достичь "
                "национальных целей развития с помощью низкоуглеродных, климатически устойчивых планов, в которых "
                "науке и технологиям принадлежит первостепенная роль. По словам проф. Лю, Совместный учебный центр "
                "продолжит сотрудничество ради этих целей.",
            ),
        },
    ],
}
