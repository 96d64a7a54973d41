# ruff: noqa: E501 -- prose in three languages reads better unwrapped than cut mid-sentence.
"""The report of the 5th Joint Training Program (June 2022): the parts a person writes.

Source: seed 002 (the centre's report, with bionotes). Facts kept, sentences our
own. The remarks and lectures are sections linked to their sessions, whose
summaries (in ``program_5th``) the report shows; the recording link, people,
bionotes and numbers come from the data.
"""
from . import t

PROGRAM_SLUG = "2022-industrial-decarbonization"
PUBLISHED = "2022-06-20 10:00"  # in the program's time zone; the seed does not date the report

SECTIONS = [
    {
        "kind": "introduction",
        "heading": t("The program in brief", "培训概览", "Кратко о программе"),
        "body": t(
            "<p>The fifth program of the BTBU-ECOSF Joint Training Center, supported by the China Association for Science and Technology (CAST), took place online on 8 and 9 June 2022. It asked how the heavy industries of the Belt and Road countries can cut their emissions while their economies grow: coal power, cement, steel and chemicals, with transport as a case study.</p>"
            "<p>More than 100 participants from 20 countries followed the sessions on Zoom, many of them from the ECO member states. Engr. Khalil Raza (ECOSF) and Dr. Di Yuna (Joint Training Center) moderated; the resource persons came from Chinese industry, research institutes and federations, and from ECOSF in Pakistan.</p>"
            "<p>It was the centre's second program on low-carbon development, a year after the one on new energy vehicles in July 2021. This time the focus was on options for the transition in key industrial sectors: what has worked, which policies helped, what stands in the way, and where Belt and Road countries could cooperate in clean energy, charging networks and new energy vehicles.</p>",
            "<p>北京工商大学—经济合作组织科学基金会联合培训中心在中国科协支持下，于2022年6月8日至9日在线举办第五期培训项目。培训关注“一带一路”国家的重工业如何在经济增长的同时减少排放：煤电、水泥、钢铁和化工，并以交通作为案例。</p>"
            "<p>来自20个国家的100余名学员通过Zoom参加，其中许多来自经济合作组织成员国。Khalil Raza工程师（经济合作组织科学基金会）和Di Yuna博士（联合培训中心）担任主持；授课专家来自中国的企业、研究机构和行业联合会，以及巴基斯坦的经济合作组织科学基金会。</p>"
            "<p>这是中心第二次举办低碳发展主题的培训，距2021年7月的新能源汽车培训一年。本期重点是重点工业领域的转型路径：哪些做法有效、哪些政策起到作用、面临哪些障碍，以及“一带一路”国家可以在清洁能源、充电网络和新能源汽车方面开展哪些合作。</p>",
            "<p>Пятая программа Совместного учебного центра BTBU-ECOSF при поддержке Китайской ассоциации науки и техники (CAST) прошла онлайн 8 и 9 июня 2022 года. Она была посвящена тому, как тяжёлая промышленность стран «Пояса и пути» может сокращать выбросы при росте экономики: угольная энергетика, цемент, сталь и химия, а транспорт — в качестве практического примера.</p>"
            "<p>Более 100 участников из 20 стран, многие из государств — членов ОЭС, следили за сессиями в Zoom. Модераторами были инженер Халил Раза (ECOSF) и д-р Ди Юна (Совместный учебный центр); эксперты представляли китайскую промышленность, научные институты и отраслевые федерации, а также ECOSF в Пакистане.</p>"
            "<p>Это вторая программа центра о низкоуглеродном развитии — через год после программы об автомобилях на новых источниках энергии в июле 2021 года. На этот раз в центре внимания были пути перехода в ключевых отраслях промышленности: что сработало, какие меры политики помогли, что мешает и где страны «Пояса и пути» могут сотрудничать в чистой энергетике, зарядных сетях и новых энергетических автомобилях.</p>",
        ),
    },
    {"kind": "welcome_remarks", "session": "Welcome remarks"},
    {"kind": "lecture_summary", "session": "Policies and practices for the low-carbon transition of the coal power industry"},
    {"kind": "lecture_summary", "session": "Policies and practices for the low-carbon transition of the cement industry"},
    {"kind": "lecture_summary", "session": "Policies and practices for the low-carbon transition of the steel industry"},
    {"kind": "lecture_summary", "session": "Policies and practices for the low-carbon transition of the chemical industry"},
    {"kind": "case_study", "session": "Case study: low-carbon transport in Belt and Road countries"},
    {"kind": "closing_remarks", "session": "Closing remarks"},
]

REFERENCES = []

REPORT = {"program": PROGRAM_SLUG, "published": PUBLISHED, "sections": SECTIONS, "references": REFERENCES}
