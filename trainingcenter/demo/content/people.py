# ruff: noqa: E501 -- prose in three languages reads better unwrapped than cut mid-sentence.
"""Officials, moderators and resource persons of the centre's programs.

Sources: seeds 000/001 (2nd program: names, positions, affiliations; no
bionotes), seed 002 (5th program: bionotes of eight resource persons).
Bionotes are shortened and restated in our own words.

Chinese names are written family name first (``family_first``). Where the
seeds give no Chinese form of an organisation's name and we are not sure of
it, the Chinese field is left empty and the English one is shown instead.

Names per language (``display_name``): the seeds write every name in Latin
letters only. Chinese pages show a name in characters where the person's
public name in characters is known for certain (Zhu Fahua, Li Yeqing, Guo
Zhancheng, Wei Li, Liu Daizong, Zeng Tao: each in that role in public Chinese
sources); ``native_name`` holds the same, for pages in other languages. For
everyone else no characters are guessed, so Chinese pages keep the pinyin.
Russian pages write every name in Cyrillic: Chinese names in the Palladius
system, the others as Russian usually transliterates them.

Seed quirks: the reports sometimes treat the given name as the surname
("Prof. Wenhong", "Mr. Fahua", "Prof. Minhua", "Ms. Hua"); Guo Zhancheng is
once spelled "Zhanchang". We keep the correct family names.
"""
from . import t

FAMILY_FIRST = "family_first"
GIVEN_FIRST = "given_first"

PROF = t("Prof.", "教授", "проф.")
PROF_DR = t("Prof. Dr.", "教授", "проф. д-р")
DR = t("Dr.", "博士", "д-р")
ENGR = t("Engr.", "工程师", "инж.")
ACADEMICIAN = t("Academician", "院士", "академик")
NONE = t("")

BTBU = t("Beijing Technology and Business University (BTBU)", "北京工商大学", "Пекинский технолого-экономический университет (BTBU)")
ECOSF = t("ECO Science Foundation (ECOSF)", "经济合作组织科学基金会", "Научный фонд ОЭС (ECOSF)")


def name(zh="", ru=""):
    """A name per language; English pages show the given and family names."""
    return t("", zh, ru)


PEOPLE = [
    # Centre officials and moderators.
    {
        "slug": "di-yuna", "honorific": DR, "family_name": "Di", "given_name": "Yuna",
        "name_order": FAMILY_FIRST, "country": "CN", "display_name": name(ru="Ди Юна"),
        "position": t("Head of the BTBU-ECOSF Joint Training Center", "北京工商大学—经济合作组织科学基金会联合培训中心负责人",
                      "Руководитель совместного учебного центра BTBU-ECOSF"),
        "affiliation": BTBU,
        "bionote": t(
            "Di Yuna leads the BTBU-ECOSF Joint Training Center at Beijing Technology and Business University and "
            "has co-moderated its training programs with ECOSF.",
            "Di Yuna博士负责北京工商大学的联合培训中心，并与经济合作组织科学基金会共同主持中心的培训项目。",
            "Ди Юна руководит совместным учебным центром BTBU-ECOSF в Пекинском технолого-экономическом "
            "университете и вместе с ECOSF ведёт его учебные программы.",
        ),
    },
    {
        "slug": "khalil-raza", "honorific": ENGR, "family_name": "Raza", "given_name": "Khalil",
        "name_order": GIVEN_FIRST, "country": "PK", "display_name": name(ru="Халил Раза"),
        "position": t("Scientific Officer", "科学官员", "Научный сотрудник"),
        "affiliation": ECOSF,
        "bionote": t(
            "Khalil Raza is Scientific Officer at the ECO Science Foundation, where he plans and runs its research "
            "programs on global environmental challenges, above all sustainable energy, water and climate change. "
            "He advises ECO member states on science, technology and innovation policy, energy roadmaps and "
            "sustainable transport, and consults for the World Bank on energy efficiency to help decarbonise "
            "Pakistan's heavy industry.\n\n"
            "Earlier he worked with UNDP and Pakistan's Planning Commission on renewable energy, energy planning, "
            "electric mobility and Sustainable Energy for All. A Fulbright scholar, he holds a master's degree in "
            "renewable and clean energy from Wright State University, Ohio, USA.",
            "Khalil Raza是经济合作组织科学基金会的科学官员，负责规划和实施基金会在全球环境挑战方面的研究项目，"
            "重点是可持续能源、水资源和气候变化。他为经济合作组织成员国提供科技创新政策、能源路线图和可持续交通方面的咨询，"
            "并担任世界银行能效顾问，协助巴基斯坦重工业脱碳。\n\n"
            "此前他曾与联合国开发计划署和巴基斯坦计划委员会合作，参与可再生能源、能源规划、电动交通及“人人享有可持续能源”等项目。"
            "他是富布赖特学者，获美国俄亥俄州赖特州立大学可再生与清洁能源硕士学位。",
            "Халил Раза — научный сотрудник Научного фонда ОЭС. Он планирует и ведёт исследовательские программы "
            "фонда по глобальным экологическим проблемам, прежде всего по устойчивой энергетике, водным ресурсам и "
            "изменению климата. Он консультирует государства — члены ОЭС по политике в области науки, технологий и "
            "инноваций, энергетическим дорожным картам и устойчивому транспорту, а как консультант Всемирного банка "
            "по энергоэффективности помогает декарбонизировать тяжёлую промышленность Пакистана.\n\n"
            "Ранее он работал с ПРООН и Плановой комиссией Пакистана над проектами в области возобновляемой "
            "энергетики, энергетического планирования, электромобильности и инициативы «Устойчивая энергетика для "
            "всех». Стипендиат программы Фулбрайта, он получил степень магистра по возобновляемой и чистой "
            "энергетике в Университете Райта (штат Огайо, США).",
        ),
    },
    {
        "slug": "manzoor-hussain-soomro", "honorific": PROF_DR, "family_name": "Soomro", "given_name": "Manzoor Hussain",
        "name_order": GIVEN_FIRST, "country": "PK", "display_name": name(ru="Манзур Хуссейн Сумро"),
        "position": t("President", "主席", "Президент"),
        "affiliation": ECOSF,
        "bionote": t(
            "Manzoor Hussain Soomro is President of the ECO Science Foundation and has opened the center's programs "
            "with welcome remarks on the role of science and engineering in development.",
            "Manzoor Hussain Soomro教授是经济合作组织科学基金会主席，曾在中心多期培训项目上致欢迎辞，阐述科学与工程在发展中的作用。",
            "Манзур Хуссейн Сумро — президент Научного фонда ОЭС. Он открывал программы центра приветственным "
            "словом о роли науки и инженерного дела в развитии.",
        ),
    },
    {
        "slug": "zheng-wenhong", "honorific": PROF_DR, "family_name": "Zheng", "given_name": "Wenhong",
        "name_order": FAMILY_FIRST, "country": "CN", "display_name": name(ru="Чжэн Вэньхун"),
        "position": t("Vice President", "副校长", "Проректор"),
        "affiliation": BTBU,
    },
    {
        "slug": "liu-minhua", "honorific": PROF, "family_name": "Liu", "given_name": "Minhua",
        "name_order": FAMILY_FIRST, "country": "CN", "display_name": name(ru="Лю Миньхуа"),
        "position": t("Vice President", "副校长", "Проректор"),
        "affiliation": BTBU,
    },
    # Resource persons of the 2nd program (seed 001 list).
    {
        "slug": "zhang-xuming", "honorific": NONE, "family_name": "Zhang", "given_name": "Xuming",
        "name_order": FAMILY_FIRST, "country": "CN", "display_name": name(ru="Чжан Сюймин"),
        "position": t("Deputy Secretary General", "副秘书长", "Заместитель генерального секретаря"),
        "affiliation": t("Society of Automotive Engineers of China (SAE-China)", "中国汽车工程学会",
                         "Общество автомобильных инженеров Китая (SAE-China)"),
    },
    {
        "slug": "xiang-jin", "honorific": NONE, "family_name": "Xiang", "given_name": "Jin",
        "name_order": FAMILY_FIRST, "country": "CN", "display_name": name(ru="Сян Цзинь"),
        "position": t("Deputy General Manager", "副总经理", "Заместитель генерального директора"),
        "affiliation": t("Beijing WeiLion New Energy Technology Co., Ltd.", "北京卫蓝新能源科技有限公司",
                         "Пекинская компания новых энергетических технологий WeiLion"),
    },
    {
        "slug": "zheng-junyi", "honorific": NONE, "family_name": "Zheng", "given_name": "Junyi",
        "name_order": FAMILY_FIRST, "country": "CN", "display_name": name(ru="Чжэн Цзюньи"),
        "position": t(
            "Vice President; expert of the National Standard Committee on Electric Vehicle Charging Facilities in the Energy Industry",
            "副总裁；能源行业电动汽车充电设施国家标准委员会专家",
            "Вице-президент; эксперт национального комитета по стандартам зарядной инфраструктуры электромобилей в энергетической отрасли",
        ),
        "affiliation": t("Wanbang New Energy Investment Group Co., Ltd.", "万帮新能源投资集团有限公司",
                         "Инвестиционная группа новой энергетики Wanbang"),
    },
    {
        "slug": "li-yanze", "honorific": NONE, "family_name": "Li", "given_name": "Yanze",
        "name_order": FAMILY_FIRST, "country": "", "display_name": name(ru="Ли Яньцзэ"),
        "position": t("General Manager, Global Business", "全球业务总经理", "Генеральный директор по глобальному бизнесу"),
        "affiliation": t(
            "INFRAMOBILITY-Dianba GmbH, a joint venture of Aulton NEV Technology Corporation Limited",
            "INFRAMOBILITY-Dianba GmbH（奥动新能源汽车科技有限公司合资企业）",
            "INFRAMOBILITY-Dianba GmbH, совместное предприятие Aulton NEV Technology Corporation Limited",
        ),
    },
    {
        "slug": "xiong-wanpeng", "honorific": NONE, "family_name": "Xiong", "given_name": "Wanpeng",
        "name_order": FAMILY_FIRST, "country": "CN", "display_name": name(ru="Сюн Ваньпэн"),
        "position": t("Chief Executive Officer", "首席执行官", "Генеральный директор"),
        "affiliation": t("China Overseas Holding Group", "", "Холдинговая группа China Overseas"),
    },
    {
        "slug": "qin-yuyi", "honorific": NONE, "family_name": "Qin", "given_name": "Yuyi",
        "name_order": FAMILY_FIRST, "country": "CN", "display_name": name(ru="Цинь Юйи"),
        "position": t("Deputy General Manager", "副总经理", "Заместитель генерального директора"),
        "affiliation": t("State Grid Sichuan Integrated Energy Service Co., Ltd.", "国网四川综合能源服务有限公司",
                         "Сычуаньская компания комплексных энергетических услуг State Grid"),
    },
    {
        "slug": "liu-wei", "honorific": NONE, "family_name": "Liu", "given_name": "Wei",
        "name_order": FAMILY_FIRST, "country": "", "display_name": name(ru="Лю Вэй"),
        "position": t("Deputy General Manager and Chief Technology Officer", "副总经理兼首席技术官",
                      "Заместитель генерального директора и технический директор"),
        "affiliation": t(
            "State Grid Oman Company, State Grid International Development Co., Ltd.",
            "国家电网阿曼公司（国家电网国际发展有限公司）",
            "Компания State Grid в Омане (State Grid International Development Co., Ltd.)",
        ),
    },
    {
        "slug": "liu-daizong", "honorific": NONE, "family_name": "Liu", "given_name": "Daizong",
        "name_order": FAMILY_FIRST, "country": "CN", "native_name": "刘岱宗", "display_name": name("刘岱宗", "Лю Дайцзун"),
        "position": t("Program Director, Sustainable Cities (communication)", "可持续城市项目主任（传播）",
                      "Директор программы «Устойчивые города» (коммуникации)"),
        "affiliation": t("World Resources Institute (WRI) China", "世界资源研究所（WRI）中国办公室",
                         "Институт мировых ресурсов (WRI), Китай"),
    },
    {
        "slug": "zeng-tao", "honorific": NONE, "family_name": "Zeng", "given_name": "Tao",
        "name_order": FAMILY_FIRST, "country": "CN", "native_name": "曾韬", "display_name": name("曾韬", "Цзэн Тао"),
        "position": t(
            "Chief Analyst for New Energy; Executive General Manager, Research Department",
            "新能源首席分析师；研究部执行总经理",
            "Главный аналитик по новой энергетике; исполнительный управляющий директор исследовательского департамента",
        ),
        "affiliation": t("China International Capital Corporation Limited (CICC)", "中国国际金融股份有限公司（中金公司）",
                         "Инвестиционный банк China International Capital Corporation (CICC)"),
    },
    # Resource persons of the 5th program (seed 002 bionotes I to VII; VIII is Khalil Raza above).
    {
        "slug": "zhu-fahua", "honorific": ACADEMICIAN, "family_name": "Zhu", "given_name": "Fahua",
        "name_order": FAMILY_FIRST, "country": "CN", "native_name": "朱法华", "display_name": name("朱法华", "Чжу Фахуа"),
        "position": t("Deputy General Manager, Science and Technology Research Institute", "科学技术研究院副总经理",
                      "Заместитель генерального директора Научно-технического исследовательского института"),
        "affiliation": t("China Energy Investment Corporation (China Energy)", "国家能源投资集团（国家能源集团）",
                         "Китайская энергетическая инвестиционная корпорация (China Energy)"),
        "bionote": t(
            "Zhu Fahua is a foreign academician of the Russian Academy of Natural Sciences and an expert receiving the "
            "State Council's special government allowance. At China Energy Investment Corporation he is Deputy General "
            "Manager of its Science and Technology Research Institute, and he directs the National Key Laboratory of "
            "Atmospheric Physical Simulation and Pollution Control.\n\n"
            "He supervises doctoral students at Nanjing University of Information Science and Technology, is "
            "editor-in-chief of Power Science and Technology and Environmental Protection and deputy editor-in-chief "
            "of China Electric Power. In 2019 the China Guodian Environmental Protection Research Institute, under "
            "his leadership, received the China Environment Award. His work focuses on ultra-low emissions, carbon "
            "peaking and carbon neutrality, and national media such as CCTV and Science and Technology Daily have "
            "interviewed him many times.",
            "朱法华是俄罗斯自然科学院外籍院士、享受国务院政府特殊津贴专家，现任国家能源投资集团科学技术研究院有限公司副总经理，"
            "并担任大气物理模拟与污染控制国家重点实验室主任。\n\n"
            "他是南京信息工程大学博士生导师，《电力科技与环保》主编、《中国电力》副主编。2019年，他带领的国电环境保护研究院获得中华环境奖。"
            "他长期致力于超低排放以及碳达峰、碳中和研究，多次接受中央电视台、科技日报等媒体采访。",
            "Чжу Фахуа — иностранный член Российской академии естественных наук и эксперт, получающий специальную "
            "государственную надбавку Госсовета КНР. В Китайской энергетической инвестиционной корпорации он "
            "заместитель генерального директора Научно-технического исследовательского института; кроме того, он "
            "руководит Государственной ключевой лабораторией физического моделирования атмосферы и контроля "
            "загрязнений.\n\n"
            "Он руководит аспирантами в Нанкинском университете информационных наук и технологий, возглавляет "
            "редакцию журнала «Энергетические технологии и охрана окружающей среды» и является заместителем главного "
            "редактора журнала «Электроэнергетика Китая». В 2019 году Научно-исследовательский институт охраны "
            "окружающей среды China Guodian под его руководством получил Премию Китая в области охраны окружающей "
            "среды. Его работа посвящена сверхнизким выбросам, пику выбросов углерода и углеродной нейтральности; "
            "центральные СМИ, в том числе CCTV и газета «Кэцзи жибао», не раз брали у него интервью.",
        ),
    },
    {
        "slug": "li-yeqing", "honorific": DR, "family_name": "Li", "given_name": "Yeqing",
        "name_order": FAMILY_FIRST, "country": "CN", "native_name": "李叶青", "display_name": name("李叶青", "Ли Ецин"),
        "position": t(
            "President, Huaxin Cement Co., Ltd.; Executive Vice President, China Building Materials Federation (CBMF)",
            "华新水泥股份有限公司总裁；中国建筑材料联合会常务副会长",
            "Президент Huaxin Cement Co., Ltd.; исполнительный вице-президент Китайской федерации строительных материалов (CBMF)",
        ),
        "affiliation": t("Huaxin Cement Co., Ltd.; China Building Materials Federation", "华新水泥股份有限公司；中国建筑材料联合会",
                         "Huaxin Cement Co., Ltd.; Китайская федерация строительных материалов"),
        "bionote": t(
            "Li Yeqing holds a PhD and is a professor-level senior engineer. He is President and Party Secretary of "
            "Huaxin Cement Co., Ltd., where he also heads the technology centre and the technology research institute. "
            "He is Executive Vice President of the China Building Materials Federation and executive director of its "
            "expert committee, President of the Hubei Building Materials Federation, deputy director of the State Key "
            "Laboratory of Silicate Building Materials, and adjunct professor and doctoral supervisor at Wuhan "
            "University of Technology.\n\n"
            "His record includes two National Science and Technology Progress Awards, a National Management Innovation "
            "Achievement Award, 42 granted invention patents and 22 major scientific and technological achievements. He "
            "has been named a National Outstanding Engineer, receives the State Council's special allowance and was "
            "selected for the National Hundred Million Talents Project.",
            "李叶青博士，教授级高级工程师，现任华新水泥股份有限公司总裁、党委书记，兼任公司技术中心主任和技术研究院院长；"
            "同时担任中国建筑材料联合会常务副会长、专家委员会常务主任，湖北省建筑材料联合会会长，硅酸盐建筑材料国家重点实验室副主任，"
            "武汉理工大学兼职教授、博士生导师。\n\n"
            "他曾获国家科技进步奖2项、全国企业管理现代化创新成果奖1项，拥有授权发明专利42项、重大科技成果22项，"
            "获评全国优秀工程师，享受国务院政府特殊津贴，并入选国家百千万人才工程。",
            "Ли Ецин — доктор наук (PhD) и старший инженер в ранге профессора. Он президент и секретарь партийного "
            "комитета компании Huaxin Cement Co., Ltd., где также возглавляет технологический центр и "
            "научно-исследовательский технологический институт. Кроме того, он исполнительный вице-президент "
            "Китайской федерации строительных материалов и исполнительный директор её экспертного комитета, "
            "президент Федерации строительных материалов провинции Хубэй, заместитель директора Государственной "
            "ключевой лаборатории силикатных строительных материалов, приглашённый профессор и научный руководитель "
            "аспирантов Уханьского технологического университета.\n\n"
            "Среди его достижений — две Государственные премии за научно-технический прогресс, Национальная премия "
            "за инновации в управлении, 42 патента на изобретения и 22 крупных научно-технических результата. Он "
            "удостоен звания «Выдающийся инженер Китая», получает специальную надбавку Госсовета КНР и включён в "
            "национальную программу подготовки кадров «Сто тысяч и десять тысяч талантов».",
        ),
    },
    {
        "slug": "guo-zhancheng", "honorific": PROF, "family_name": "Guo", "given_name": "Zhancheng",
        "name_order": FAMILY_FIRST, "country": "CN", "native_name": "郭占成", "display_name": name("郭占成", "Го Чжаньчэн"),
        "position": t(
            "Professor, State Key Laboratory of New Technologies of Iron and Steel Metallurgy",
            "钢铁冶金新技术国家重点实验室教授",
            "Профессор Государственной ключевой лаборатории новых технологий чёрной металлургии",
        ),
        "affiliation": t("University of Science and Technology Beijing", "北京科技大学", "Пекинский научно-технический университет"),
        "bionote": t(
            "Guo Zhancheng is a professor at the State Key Laboratory of New Technologies of Iron and Steel "
            "Metallurgy, University of Science and Technology Beijing, and directs the Metallurgical Reaction "
            "Engineering Branch of the Chinese Society for Metals. He serves on the State Council's discipline review "
            "group for metallurgical engineering, on an expert group of the Ministry of Science and Technology's key "
            "R&D program, and as an industry expert for the UN framework on climate-change cooperation.\n\n"
            "His research covers the physical chemistry of coal conversion in metallurgy, flue-gas cleaning, solid-waste "
            "treatment, low-carbon iron-making from fluidised fine ore and super-gravity metallurgy, with the aim of "
            "saving energy and cutting emissions. He has led ten NSFC projects, two of them key projects, and four "
            "\"863\" projects; he has published more than 300 papers and four monographs and holds over 60 invention "
            "patents. His honours include the National Outstanding Youth Fund (2002), the Billiton Gold Medal (2006), "
            "an honorary professorship at the University of Warwick (2018) and the American Ceramic Society's Spriggs "
            "Phase Equilibria Award (2020).",
            "郭占成，北京科技大学钢铁冶金新技术国家重点实验室教授，中国金属学会冶金反应工程分会主任，"
            "国务院学科评议组（冶金工程）成员，科技部重点研发计划专项专家组成员，并担任联合国气候变化合作框架产业组专家。\n\n"
            "他主要研究冶金过程中煤能源转化的物理化学、烟气净化与固废处理、流态化铁矿粉低碳炼铁、超重力冶金等，致力于冶金节能减排新工艺。"
            "他主持国家自然科学基金项目10项（其中重点项目2项）和“863”项目4项，发表论文300余篇、专著4部，获授权发明专利60余项；"
            "曾获国家杰出青年科学基金（2002年）、Billiton金奖（2006年）、英国华威大学荣誉教授（2018年）及美国陶瓷学会Spriggs相平衡奖（2020年）等。",
            "Го Чжаньчэн — профессор Государственной ключевой лаборатории новых технологий чёрной металлургии "
            "Пекинского научно-технического университета и руководитель отделения металлургической реакционной "
            "инженерии Китайского общества металлов. Он входит в экспертную группу Госсовета КНР по "
            "металлургической инженерии и в экспертную группу ключевой программы НИОКР Министерства науки и "
            "техники, а также является отраслевым экспертом рамочной программы ООН по сотрудничеству в области "
            "изменения климата.\n\n"
            "Он исследует физическую химию превращения угля в металлургических процессах, очистку дымовых газов, "
            "переработку твёрдых отходов, низкоуглеродное получение железа из мелкой руды в кипящем слое и "
            "металлургию в условиях сверхгравитации; цель его работы — экономия энергии и сокращение выбросов. Он "
            "руководил десятью проектами Национального фонда естественных наук Китая (NSFC), из них двумя "
            "ключевыми, и четырьмя проектами программы «863»; опубликовал более 300 статей и четыре монографии, "
            "получил более 60 патентов на изобретения. Среди его наград — грант Национального фонда для выдающихся "
            "молодых учёных (2002), золотая медаль Billiton (2006), звание почётного профессора Уорикского "
            "университета (2018) и премия Сприггса Американского керамического общества за работы по фазовым "
            "равновесиям (2020).",
        ),
    },
    {
        "slug": "zhang-hua", "honorific": NONE, "family_name": "Zhang", "given_name": "Hua",
        "name_order": FAMILY_FIRST, "country": "CN", "display_name": name(ru="Чжан Хуа"),
        "position": t(
            "Secretary General, China National Chemical Energy Conservation (Emission Reduction) Center (CNCECC)",
            "中国化工节能（减排）中心秘书长",
            "Генеральный секретарь Китайского национального центра энергосбережения (сокращения выбросов) в химической промышленности (CNCECC)",
        ),
        "affiliation": t("China National Chemical Information Center", "中国化工信息中心",
                         "Китайский национальный центр химической информации"),
        "bionote": t(
            "Zhang Hua is Secretary General of the China National Chemical Energy Conservation (Emission Reduction) "
            "Center, heads energy conservation and low-carbon work at the China National Chemical Information Center, "
            "and is a chemical-industry expert for the National Carbon Market Help Platform.\n\n"
            "She has led or joined dozens of consulting projects on energy saving, carbon peaking and carbon "
            "neutrality in the petrochemical and chemical industries and has done greenhouse-gas accounting for nearly "
            "300 companies. Her work includes revising the Ministry of Ecology and Environment's supplementary data "
            "sheet for chemical-industry emission accounting, carbon baselines for seven energy-intensive chemical "
            "products, a benchmarking study with Tsinghua University and international partners, and carbon training "
            "for verification bodies in Shandong and for major chemical groups.",
            "Zhang Hua，中国化工节能（减排）中心秘书长，中国化工信息中心节能低碳负责人，全国碳市场帮扶平台化工行业专家。\n\n"
            "她牵头或参与了数十个石化和化工行业碳达峰、碳中和及节能咨询项目，为近300家石化化工企业开展温室气体核算；"
            "参与修订生态环境部化工行业温室气体排放核算补充数据表，研究7种高耗能化工产品的碳排放基准，"
            "与清华大学及国际伙伴合作开展化工行业碳排放对标研究，并为山东省核查机构和大型化工集团开展碳排放培训。",
            "Чжан Хуа — генеральный секретарь Китайского национального центра энергосбережения (сокращения "
            "выбросов) в химической промышленности; в Китайском национальном центре химической информации она "
            "руководит работой по энергосбережению и низкоуглеродному развитию, а также является экспертом по "
            "химической отрасли Национальной платформы поддержки углеродного рынка.\n\n"
            "Она руководила десятками консалтинговых проектов по энергосбережению, пику выбросов углерода и "
            "углеродной нейтральности в нефтехимической и химической промышленности или участвовала в них и провела "
            "учёт выбросов парниковых газов почти для 300 компаний. Среди её работ — пересмотр дополнительной "
            "таблицы данных Министерства экологии и окружающей среды для учёта выбросов химической отрасли, "
            "углеродные базовые уровни для семи энергоёмких химических продуктов, сравнительное исследование "
            "выбросов вместе с Университетом Цинхуа и международными партнёрами, а также обучение по углеродной "
            "тематике для верификационных органов провинции Шаньдун и крупных химических групп.",
        ),
    },
    {
        "slug": "cui-xu", "honorific": NONE, "family_name": "Cui", "given_name": "Xu",
        "name_order": FAMILY_FIRST, "country": "CN", "display_name": name(ru="Цуй Сюй"),
        "position": t("Deputy General Manager, New Energy and Power Department", "新能源与电力部副总经理",
                      "Заместитель генерального директора департамента новой энергетики и электроэнергетики"),
        "affiliation": t("China Power International Group Limited", "中国电力国际集团有限公司", "Группа компаний China Power International"),
        "bionote": t(
            "Cui Xu is Deputy General Manager of the New Energy and Power Department at China Power International "
            "Group Limited, with some ten years of experience in wind and solar generation. He develops renewable "
            "projects abroad, has prepared national renewable-energy plans for regions including Africa, the Americas "
            "and Southeast Asia, and has brought projects to life in Vietnam, the Philippines, Kazakhstan, Argentina, "
            "Ethiopia and Kenya. He has also helped write Chinese wind and solar standards and promote their use "
            "internationally.",
            "Cui Xu，中国电力国际集团新能源与电力部副总经理，在风电、光伏等新能源发电领域拥有约十年经验。"
            "他主要从事国际新能源项目开发，为非洲、美洲、东南亚等地区编制国家可再生能源规划，"
            "在越南、菲律宾、哈萨克斯坦、阿根廷、埃塞俄比亚、肯尼亚等国成功开发项目，并参与编制风电和光伏中国标准，推动其走向国际市场。",
            "Цуй Сюй — заместитель генерального директора департамента новой энергетики и электроэнергетики группы "
            "компаний China Power International; у него около десяти лет опыта в ветровой и солнечной генерации. Он "
            "развивает проекты возобновляемой энергетики за рубежом, готовил национальные планы развития "
            "возобновляемой энергетики для стран Африки, Америки и Юго-Восточной Азии и довёл до реализации "
            "проекты во Вьетнаме, на Филиппинах, в Казахстане, Аргентине, Эфиопии и Кении. Он также участвовал в "
            "разработке китайских стандартов ветровой и солнечной энергетики и в их продвижении на международном "
            "рынке.",
        ),
    },
    {
        "slug": "wei-li", "honorific": NONE, "family_name": "Wei", "given_name": "Li",
        "name_order": FAMILY_FIRST, "country": "CN", "native_name": "魏丽", "display_name": name("魏丽", "Вэй Ли"),
        "position": t(
            "Vice President, Environmental Technology Co.; Deputy General Manager, BGE Environmental Restoration Co.",
            "环境技术公司副总裁；BGE环境修复公司副总经理",
            "Вице-президент компании Environmental Technology; заместитель генерального директора компании BGE Environmental Restoration",
        ),
        "affiliation": t("BGE", "高能环境（BGE）", "BGE"),
        "bionote": t(
            "Wei Li is Vice President of Environmental Technology Co. and Deputy General Manager of BGE Environmental "
            "Restoration Co. A senior engineer who graduated from Zhejiang University in 2003, she joined BGE in 2011 "
            "and works on the remediation of oil-contaminated soil and groundwater and on developing the technology and "
            "equipment for it.\n\n"
            "She has led more than 150 soil and groundwater remediation projects, contributed to 17 industry standards "
            "and produced over 80 patents, papers and monographs. Her honours include a Second Prize of the National "
            "Science and Technology Progress Award and recognition as a Young Scientist of the Chinese Society for "
            "Environmental Sciences.",
            "魏丽，环境技术公司副总裁、BGE环境修复公司副总经理，高级工程师。她2003年毕业于浙江大学，2011年加入BGE，"
            "主要从事石油污染土壤和地下水修复项目的实施与管理以及相关技术装备研发。\n\n"
            "她主持实施污染土壤和地下水修复项目150余项，参与编制行业标准规范17项，发表专利、论文和专著80余项；"
            "曾获国家科技进步二等奖，并获评中国环境科学学会青年科学家等荣誉。",
            "Вэй Ли — вице-президент компании Environmental Technology и заместитель генерального директора "
            "компании BGE Environmental Restoration. Старший инженер, выпускница Чжэцзянского университета (2003), "
            "она пришла в BGE в 2011 году и занимается очисткой почв и грунтовых вод от нефтяного загрязнения, а "
            "также разработкой технологий и оборудования для неё.\n\n"
            "Она руководила более чем 150 проектами по восстановлению почв и грунтовых вод, участвовала в "
            "разработке 17 отраслевых стандартов и является автором более 80 патентов, статей и монографий. Среди "
            "её наград — вторая премия Государственной премии за научно-технический прогресс и звание молодого "
            "учёного Китайского общества наук об окружающей среде.",
        ),
    },
    {
        "slug": "peng-luhua", "honorific": NONE, "family_name": "Peng", "given_name": "Luhua",
        "name_order": FAMILY_FIRST, "country": "CN", "display_name": name(ru="Пэн Лухуа"),
        "position": t("Director for East Africa", "东非区域总监", "Директор по Восточной Африке"),
        "affiliation": t("Shenzhen LEMI", "深圳LEMI", "Компания LEMI (Шэньчжэнь)"),
        "bionote": t(
            "Peng Luhua is Director for East Africa at Shenzhen LEMI. Earlier roles include founding the former Light "
            "Up Global Project Laboratory at the Shenzhen Quality Inspection Institute, advising on the Chinese "
            "translation of the IEC 62257-9-5 standard, and serving as the first director of the lighting laboratory "
            "of the TÜV SÜD certification group.",
            "Peng Luhua，深圳LEMI东非区域总监；曾创办深圳市质量检验院原“点亮全球”项目实验室，"
            "担任IEC 62257-9-5标准中文翻译顾问，并曾任德国TÜV南德认证集团照明实验室首任主任。",
            "Пэн Лухуа — директор по Восточной Африке компании LEMI (Шэньчжэнь). В прошлом — основатель бывшей "
            "лаборатории проекта Light Up Global в Шэньчжэньском институте контроля качества, консультант по переводу "
            "стандарта IEC 62257-9-5 на китайский язык и первый руководитель светотехнической лаборатории "
            "сертификационной группы TÜV SÜD.",
        ),
    },
]
