# ruff: noqa: E501 -- prose in three languages reads better unwrapped than cut mid-sentence.
"""6th Joint Training Program: Powering Belt and Road: Lithium-ion Batteries (September 2022).

Source: seed 004, the announcement published before the program. There is no
report in the seeds, so no agenda, speakers or participation figures.

The questions and answers say only what the announcement and the program's
facts say (an online Zoom webinar, announced in English); where the seeds are
silent (certificates, a recording), the answer says so and points to the centre.
No contact person is named in the seeds: the page shows the centre's address.
"""
from . import t

PROGRAM = {
    "slug": "2022-lithium-ion-batteries",
    "number": 6,
    "title": t(
        "Powering Belt and Road: Lithium-ion Batteries",
        "赋能“一带一路”：锂离子电池",
        "Энергия для «Пояса и пути»: литий-ионные аккумуляторы",
    ),
    "subtitle": t(
        "Towards a regional lithium-ion battery value chain",
        "建设区域锂离子电池价值链",
        "К региональной цепочке создания стоимости литий-ионных аккумуляторов",
    ),
    "summary": t(
        "A one-day Zoom webinar for entrepreneurs on building lithium-ion battery manufacturing in the Belt and Road "
        "countries, drawing on China's experience as the world's largest battery market.",
        "面向企业家的一天Zoom网络研讨会，借鉴中国作为全球最大锂电池市场的经验，探讨在“一带一路”国家发展锂离子电池制造。",
        "Однодневный вебинар в Zoom для предпринимателей о создании производства литий-ионных аккумуляторов в "
        "странах «Пояса и пути» с опорой на опыт Китая — крупнейшего в мире рынка аккумуляторов.",
    ),
    "background": t(
        "Demand for energy storage is growing worldwide, and every company working on renewable energy or electric "
        "vehicles is looking for storage that is more reliable and cheaper. Batteries serve stationary storage, grid "
        "services for renewables and electric mobility: on the grid they regulate frequency, shave peaks and smooth "
        "the output of variable renewable sources.\n\n"
        "Lithium-ion batteries are becoming the first choice for electric mobility, grid storage and consumer "
        "electronics, because they last longer and recharge faster, saving time and money and lowering risk over "
        "their life cycle. They are therefore a key technology for net-zero transport, industrial equipment and "
        "electronics in the Belt and Road and ECO member countries.\n\n"
        "China has been the world's largest lithium battery market for five years running. In 2021 the global "
        "lithium-ion battery market reached 545 GWh, more than half of it in China, driven largely by demand for new "
        "energy vehicles. By the end of 2021 China held about 70% of the world's power battery production capacity, "
        "and six of the ten largest lithium battery makers were Chinese.",
        "全球储能市场持续增长，所有从事可再生能源或电动汽车的企业都在寻找更可靠、更经济的储能技术。电池储能可用于固定式储能、"
        "可再生能源并网服务和电动交通：在电网侧可提供调频、削峰，并平抑可再生能源出力波动。\n\n"
        "锂离子电池寿命更长、充电更快，可在全生命周期内节省时间和成本、降低风险，正成为电动交通、电网储能和消费电子的首选，"
        "是“一带一路”和经济合作组织成员国在交通、工业设备和消费电子领域实现净零排放的关键技术。\n\n"
        "中国已连续五年成为全球最大的锂电池消费市场。2021年全球锂离子电池市场规模达545吉瓦时，中国占一半以上，"
        "新能源汽车需求增长是主要推动力。截至2021年底，中国动力电池产能约占全球的70%，全球十大锂电池企业中有六家来自中国。",
        "Спрос на накопление энергии растёт во всём мире, и каждая компания, работающая в возобновляемой "
        "энергетике или с электромобилями, ищет более надёжные и дешёвые накопители. Аккумуляторы служат для "
        "стационарного хранения энергии, сетевых услуг для возобновляемых источников и электромобильности: в "
        "энергосистеме они регулируют частоту, срезают пики нагрузки и сглаживают выработку переменных "
        "возобновляемых источников.\n\n"
        "Литий-ионные аккумуляторы становятся первым выбором для электромобильности, сетевых накопителей и "
        "бытовой электроники: они служат дольше и быстрее заряжаются, экономя время и деньги и снижая риски на "
        "протяжении всего жизненного цикла. Поэтому это ключевая технология для транспорта, промышленного "
        "оборудования и электроники с нулевыми чистыми выбросами в странах «Пояса и пути» и государствах — "
        "членах ОЭС.\n\n"
        "Китай уже пять лет подряд остаётся крупнейшим в мире рынком литиевых аккумуляторов. В 2021 году мировой "
        "рынок литий-ионных аккумуляторов достиг 545 ГВт·ч, из них больше половины пришлось на Китай, прежде всего "
        "благодаря спросу на автомобили на новых источниках энергии. К концу 2021 года на Китай приходилось около "
        "70% мировых мощностей по производству тяговых аккумуляторов, а шесть из десяти крупнейших производителей "
        "литиевых аккумуляторов были китайскими.",
    ),
    "objectives": t(
        "Bring China's expertise and best practice to entrepreneurs so that they can develop a regional lithium-ion "
        "battery manufacturing value chain that creates fair clean-energy and high-tech jobs in the Belt and Road "
        "countries while limiting climate change.\n"
        "Learn from China's capabilities about viable ways to build a strong lithium-ion manufacturing base in the "
        "region, and look at best practice, success stories and barriers in low-carbon policies and programmes.\n"
        "Match potential cooperation among Belt and Road countries in lithium-ion battery production.",
        "借鉴中国的专长和最佳实践，指导企业家发展区域锂离子电池制造价值链，在“一带一路”国家创造公平的清洁能源和高科技就业，同时减缓气候变化。\n"
        "学习中国在建设强大锂离子电池制造基地方面的可行方案，了解低碳政策和项目的最佳实践、成功案例与障碍。\n"
        "促成“一带一路”国家在锂离子电池生产领域的潜在合作。",
        "Передать предпринимателям экспертизу и лучшие практики Китая, чтобы они могли выстроить региональную "
        "производственную цепочку литий-ионных аккумуляторов, которая создаёт достойные рабочие места в чистой "
        "энергетике и высоких технологиях в странах «Пояса и пути» и вместе с тем сдерживает изменение климата.\n"
        "На примере возможностей Китая узнать о реалистичных способах создать в регионе сильную базу производства "
        "литий-ионных аккумуляторов и рассмотреть лучшие практики, истории успеха и препятствия низкоуглеродной "
        "политики и программ.\n"
        "Найти возможности сотрудничества стран «Пояса и пути» в производстве литий-ионных аккумуляторов.",
    ),
    "conclusion": t(""),
    "venue": t("Online (Zoom webinar)", "线上（Zoom网络研讨会）", "Онлайн (вебинар Zoom)"),
    "themes": ["lithium-ion-batteries", "energy-storage", "new-energy-vehicles"],
    "time_zone": "Asia/Shanghai",
    "starts": "2022-09-28 14:00",
    "ends": "2022-09-28 17:00",
    "mode": "online",
    "status": "completed",
    "registration_closes": "2022-09-26 23:59",
    "source_note": (
        "Source: seed 004, an announcement published before the program (it calls it the 'sixth training program', "
        "held on September 28, 2022, with registration until September 26 and Zoom webinar links sent on "
        "registration). The seed gives no clock times: 14:00-17:00 Beijing time is RECONSTRUCTED. The registration "
        "deadline is stored as 23:59 Beijing time on September 26, 2022; the opening date of registration is not "
        "known. No agenda, speakers, report or participation figures are in the seeds, so none are entered. The "
        "status is 'completed' because the date has passed."
    ),
    "focus_areas": [
        t("Lithium-ion battery manufacturing and its value chain", "锂离子电池制造及其价值链", "Производство литий-ионных аккумуляторов и его цепочка создания стоимости"),
        t("Battery energy storage for grids and renewables", "面向电网和可再生能源的电池储能", "Аккумуляторные накопители энергии для сетей и возобновляемой энергетики"),
        t("Batteries for electric mobility", "电动交通用电池", "Аккумуляторы для электромобильности"),
    ],
    "takeaways": [],
    "faqs": [
        {
            "question": t("Do I need a visa?", "需要办理签证吗？", "Нужна ли виза?"),
            "answer": t(
                "No. The program was a Zoom webinar held online only, so nobody had to travel to China.",
                "不需要。本项目是仅在线上举行的Zoom网络研讨会，参加者无需前往中国。",
                "Нет. Программа проходила только онлайн, как вебинар в Zoom, поэтому ехать в Китай не требовалось.",
            ),
        },
        {
            "question": t("Is there a certificate of participation?", "是否颁发参训证书？", "Выдаётся ли сертификат участника?"),
            "answer": t(
                "The announcement of this program did not mention certificates. If you took part and need proof of "
                "your participation, write to the centre at the address below.",
                "本项目的通知中没有提到证书。如果您参加了培训并需要参训证明，请通过下方的邮箱联系中心。",
                "В объявлении о программе сертификаты не упоминались. Если вы участвовали и вам нужно подтверждение "
                "участия, напишите центру по адресу ниже.",
            ),
        },
        {
            "question": t("Is there a recording?", "有录像吗？", "Есть ли запись?"),
            "answer": t(
                "No recording of this webinar has been published here. When a program's recording is published, its "
                "page links to it; the 5th program's, for example, is on ECOSF's YouTube channel.",
                "本站尚未发布这次网络研讨会的录像。项目录像发布后，项目页面会提供链接；例如第5期项目的录像发布在经济合作组织科学基金会的YouTube频道上。",
                "Запись этого вебинара здесь не опубликована. Когда запись программы публикуется, на её странице "
                "появляется ссылка; например, запись 5-й программы размещена на YouTube-канале ECOSF.",
            ),
        },
        {
            "question": t("In which language was the program held?", "培训使用什么语言？", "На каком языке проходила программа?"),
            "answer": t(
                "The program was announced in English, the common language of the centre's programs for participants "
                "from many countries. The announcement does not mention interpretation into other languages.",
                "本项目的通知以英文发布，英文是中心面向多国学员的培训项目的通用语言。通知中没有提到其他语言的翻译。",
                "Программа была объявлена на английском языке — общем языке программ центра для участников из многих "
                "стран. О переводе на другие языки в объявлении не говорится.",
            ),
        },
    ],
    "roles": [],
    "sessions": [],
}
