# ruff: noqa: E501 -- prose in three languages reads better unwrapped than cut mid-sentence.
"""The report of the 2nd Joint Training Program (July 2021): the parts a person writes.

Source: seeds 000 and 001 (the centre's report and its newsletter version). Facts
kept, sentences our own. Everything else the report shows (facts, agenda,
remarks' summaries, takeaways, conclusion, people and bionotes) comes from
``program_2nd`` through the data; sections naming a session show its summary.
"""
from . import t

PROGRAM_SLUG = "2021-low-carbon-nev"
PUBLISHED = "2021-07-20 10:00"  # in the program's time zone; the seeds do not date the report

SECTIONS = [
    {
        "kind": "introduction",
        "heading": t("The program in brief", "培训概览", "Кратко о программе"),
        "body": t(
            "<p>On 6 and 7 July 2021 the BTBU-ECOSF Joint Training Center, with the support of the China Association for Science and Technology (CAST), ran its second training program, on low-carbon development and new energy vehicles. It was a hybrid event: participants in Beijing came to the BTBU campus, everyone else joined on Zoom.</p>"
            "<p>More than 200 people from about 20 countries took part, most of them from the member states of the Economic Cooperation Organization (ECO). Dr. Di Yuna, head of the Joint Training Center, and Engr. Khalil Raza, Scientific Officer at ECOSF, moderated both days.</p>"
            "<p>Experts and business leaders from China's low-carbon industries spoke on three themes: renewable and clean energy, smart and resilient power grids, and electric mobility in emerging markets. The aim was practical: to inform policies that favour South-South cooperation and to build knowledge and skills in the Belt and Road countries.</p>",
            "<p>2021年7月6日至7日，北京工商大学—经济合作组织科学基金会联合培训中心在中国科协支持下举办第二期培训项目，主题为低碳发展与新能源汽车。培训采用线上线下结合方式：北京的学员在北京工商大学校园参加，其他学员通过Zoom在线参加。</p>"
            "<p>来自约20个国家的200余人参加了培训，其中大多数来自经济合作组织成员国。联合培训中心负责人Di Yuna博士和经济合作组织科学基金会科学官员Khalil Raza工程师主持了两天的培训。</p>"
            "<p>来自中国低碳产业的专家和企业负责人围绕三个主题授课：可再生能源与清洁能源、智能韧性电网，以及新兴市场的电动交通。培训的目的很务实：为有利于南南合作的政策提供参考，并在“一带一路”国家积累知识、培养能力。</p>",
            "<p>6 и 7 июля 2021 года Совместный учебный центр BTBU-ECOSF при поддержке Китайской ассоциации науки и техники (CAST) провёл свою вторую учебную программу — о низкоуглеродном развитии и автомобилях на новых источниках энергии. Формат был гибридным: участники в Пекине собрались в кампусе BTBU, остальные подключились через Zoom.</p>"
            "<p>В программе участвовали более 200 человек примерно из 20 стран, большинство — из государств — членов Организации экономического сотрудничества (ОЭС). Оба дня вели д-р Ди Юна, руководитель Совместного учебного центра, и инженер Халил Раза, научный сотрудник ECOSF.</p>"
            "<p>Эксперты и руководители компаний низкоуглеродных отраслей Китая выступили по трём темам: возобновляемая и чистая энергетика, умные и устойчивые электросети, электромобильность на развивающихся рынках. Цель была практической: дать основу для политики, благоприятной для сотрудничества Юг — Юг, и развивать знания и навыки в странах «Пояса и пути».</p>",
        ),
    },
    {"kind": "opening_remarks", "session": "Opening remarks"},
    {"kind": "welcome_remarks", "session": "Welcome remarks"},
]

REFERENCES = [
    {
        "title": t(
            "Barbara Finamore, “What China's plan for net-zero emissions by 2060 means for the climate”, The Guardian (2020)",
            "Barbara Finamore，《中国2060年净零排放计划对气候意味着什么》，《卫报》（2020年）",
            "Barbara Finamore, «What China's plan for net-zero emissions by 2060 means for the climate», The Guardian (2020)",
        ),
        "url": "https://www.theguardian.com/commentisfree/2020/oct/05/china-plan-net-zero-emissions-2060-clean-technology",
    },
    {
        "title": t(
            "Yang Fuqiang, “China Has Every Reason to Promote a Green and Low-Carbon BRI”, NRDC (2018)",
            "杨富强，《中国完全有理由推动绿色低碳的“一带一路”》，自然资源保护协会（2018年）",
            "Ян Фуцян, «China Has Every Reason to Promote a Green and Low-Carbon BRI», NRDC (2018)",
        ),
        "url": "https://www.nrdc.org/experts/fuqiang-yang/china-has-every-reason-promote-green-and-low-carbon-bri",
    },
]

REPORT = {"program": PROGRAM_SLUG, "published": PUBLISHED, "sections": SECTIONS, "references": REFERENCES}
