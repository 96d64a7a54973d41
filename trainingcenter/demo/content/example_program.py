# ruff: noqa: E501 -- prose in three languages reads better unwrapped than cut mid-sentence.
"""An invented upcoming program, so that registration can be tried on the demo.

Not a real event: ``is_example`` is set and the title starts with "Example:".
It reuses real resource persons only to show how an agenda looks.
"""
from . import t

# Fixed dates, so that loading twice gives the same rows. The loader moves the
# whole program on by whole years if the demo is loaded after registration
# would already have closed, so the example always stays bookable.
PROGRAM = {
    "slug": "example-battery-storage-2027",
    "number": None,
    "is_example": True,
    "title": t(
        "Example: Battery Energy Storage for Grids",
        "示例：电网电池储能",
        "Пример: аккумуляторные системы хранения энергии для сетей",
    ),
    "subtitle": t(
        "An example program for trying the platform; not a real event",
        "用于体验平台的示例项目，并非真实活动",
        "Пример программы для знакомства с платформой, а не настоящее мероприятие",
    ),
    "summary": t(
        "An invented two-day hybrid training, in Beijing and online, on how battery storage supports grids with a "
        "high share of renewables. Registration is open so that you can try the platform.",
        "虚构的两天线上线下结合培训（北京与线上），探讨电池储能如何支撑高比例可再生能源电网。报名已开放，可用来体验平台。",
        "Вымышленное двухдневное гибридное обучение, в Пекине и онлайн, о том, как аккумуляторные накопители "
        "поддерживают энергосистемы с высокой долей возобновляемых источников. Регистрация открыта, чтобы вы "
        "могли опробовать платформу.",
    ),
    "background": t(
        "This program does not exist: it is demo content. It shows how an upcoming program looks, with an agenda, "
        "speakers, onsite seats and online places, so that visitors can register and organisers can try the staff "
        "pages.\n\n"
        "Its topic follows the center's 6th program on lithium-ion batteries: batteries on the grid regulate "
        "frequency, shave peaks and smooth the output of wind and solar power.",
        "本项目并不存在，仅为演示内容。它展示即将举办的项目的样子，包括日程、主讲人、现场座位和线上名额，访客可以试着报名，组织者可以体验管理页面。\n\n"
        "主题延续了中心第六期锂离子电池项目：电网侧电池储能可以调频、削峰，并平抑风电和光伏出力波动。",
        "Этой программы не существует: это демонстрационное содержимое. Она показывает, как выглядит "
        "предстоящая программа с расписанием, докладчиками, очными и онлайн-местами, чтобы посетители могли "
        "зарегистрироваться, а организаторы — опробовать служебные страницы.\n\n"
        "Её тема продолжает 6-ю программу центра о литий-ионных аккумуляторах: аккумуляторы в энергосистеме "
        "регулируют частоту, срезают пики нагрузки и сглаживают выработку ветровых и солнечных электростанций.",
    ),
    "objectives": t(
        "Let visitors try registration, their personal page and the calendar file.\n"
        "Let organisers try capacity, waiting lists and messages on a program that harms no one.",
        "让访客体验报名、个人页面和日历文件。\n"
        "让组织者在不影响任何人的项目上体验名额、候补名单和消息功能。",
        "Дать посетителям опробовать регистрацию, личную страницу и файл календаря.\n"
        "Дать организаторам опробовать места, листы ожидания и рассылки на программе, которая никому не навредит.",
    ),
    "conclusion": t(""),
    "venue": t(
        "BTBU campus, Beijing, and online",
        "北京工商大学校园（北京）及线上",
        "Кампус BTBU, Пекин, и онлайн",
    ),
    "themes": ["energy-storage", "lithium-ion-batteries"],
    "time_zone": "Asia/Shanghai",
    "starts": "2027-03-16 09:00",
    "ends": "2027-03-17 12:00",
    "mode": "hybrid",
    "status": "registration_open",
    "registration_opens": "2026-11-01 00:00",
    "registration_closes": "2027-03-09 23:59",
    "capacity_onsite": 40,
    "capacity_online": 300,
    # Held in Beijing: onsite participants may need a visa, and ask for the invitation letter on their page.
    "visa_letters_offered": True,
    "personal_data_retention_days": 180,
    "source_note": (
        "Invented example for the demo (is_example). Dates, agenda, capacities and the meeting link are made up; the "
        "speakers are real resource persons of earlier programs, reused only for illustration."
    ),
    "online_meeting": {"provider": "static", "join_url": "https://meet.jit.si/example-training-center-demo"},
    # Invented, like the rest of the example; the address is under the reserved .example domain and reaches no one.
    "contact_name": t("Program office (example)", "项目办公室（示例）", "Офис программы (пример)"),
    "contact_email": "example-program@btbu.example",
    "faqs": [
        {
            "question": t(
                "I will attend in Beijing. Do I need a visa?",
                "我将到北京现场参加，需要办理签证吗？",
                "Я буду участвовать очно в Пекине. Нужна ли мне виза?",
            ),
            "answer": t(
                "Depending on your nationality, you may need a visa to enter China. Once your onsite place is "
                "confirmed, ask for an invitation letter on your registration page: the organisers approve each "
                "request, and you then download the letter there. Online participants need no visa.",
                "根据您的国籍，入境中国可能需要签证。现场名额确认后，请在您的报名页面申请邀请函：组织者逐一审核申请，通过后您可在同一页面下载邀请函。线上参加者无需签证。",
                "В зависимости от гражданства для въезда в Китай может понадобиться виза. Когда ваше очное место "
                "подтверждено, запросите приглашение на странице своей регистрации: организаторы рассматривают "
                "каждый запрос, после чего письмо можно скачать там же. Онлайн-участникам виза не нужна.",
            ),
        },
        {
            "question": t("Is there a certificate?", "是否颁发证书？", "Выдаётся ли сертификат?"),
            "answer": t(
                "Participants who attend enough of the program qualify for a certificate of participation: online, "
                "by being connected for at least three quarters of the session time; onsite, by checking in on "
                "each day. This is an example program, so no certificate is issued.",
                "参加足够时长的学员可获得参训证书：线上学员需在线时长不少于各场次总时长的四分之三；现场学员需每天签到。本项目为示例，不会颁发证书。",
                "Сертификат участника получают те, кто присутствовал достаточно долго: онлайн — не меньше трёх "
                "четвертей времени занятий, очно — с отметкой о присутствии в каждый день. Это пример программы, "
                "поэтому сертификаты не выдаются.",
            ),
        },
        {
            "question": t("Will the sessions be recorded?", "会提供录像吗？", "Будут ли записи занятий?"),
            "answer": t(
                "Yes: after the program, recordings are linked from this page, beside each session. As this is an "
                "example program, nothing is actually recorded.",
                "会。培训结束后，录像链接将显示在本页面各场次旁边。由于本项目只是示例，实际上不会录像。",
                "Да: после программы ссылки на записи появятся на этой странице рядом с каждым занятием. Поскольку "
                "это пример программы, на самом деле ничего не записывается.",
            ),
        },
        {
            "question": t("Which language are the sessions in?", "培训使用什么语言？", "На каком языке проходят занятия?"),
            "answer": t(
                "The sessions are in English. This site and the e-mails you receive are available in English, "
                "Chinese and Russian.",
                "各场次使用英文。本网站和您收到的邮件提供英文、中文和俄文版本。",
                "Занятия проходят на английском языке. Этот сайт и письма, которые вы получаете, доступны на "
                "английском, китайском и русском языках.",
            ),
        },
    ],
    "questions": [
        {
            "label": t("Do you need a visa invitation letter?", "您是否需要签证邀请函？", "Нужно ли вам приглашение для визы?"),
            "help_text": t(
                "Only for onsite participants travelling to Beijing.",
                "仅适用于前往北京现场参加的学员。",
                "Только для очных участников, приезжающих в Пекин.",
            ),
            "kind": "yes_no",
            "required": False,
        },
    ],
    "focus_areas": [
        t("Grid services from battery storage", "电池储能提供的电网服务", "Сетевые услуги аккумуляторных систем"),
        t("Planning storage alongside wind and solar power", "储能与风电、光伏协同规划", "Планирование хранения вместе с ветровой и солнечной энергетикой"),
    ],
    "takeaways": [],
    "roles": [
        ("di-yuna", "moderator", t("Head of the BTBU-ECOSF Joint Training Center", "联合培训中心负责人", "Руководитель совместного учебного центра BTBU-ECOSF")),
        ("khalil-raza", "moderator", t("Scientific Officer, ECOSF", "经济合作组织科学基金会科学官员", "Научный сотрудник ECOSF")),
        ("qin-yuyi", "speaker", t("")),
        ("zeng-tao", "speaker", t("")),
        ("cui-xu", "speaker", t("")),
        ("khalil-raza", "speaker", t("")),
    ],
    "sessions": [
        {
            "kind": "opening_remarks", "start": "2027-03-16 09:00", "end": "2027-03-16 09:20", "speakers": ["di-yuna"],
            "title": t("Opening remarks (example)", "开幕致辞（示例）", "Вступительное слово (пример)"),
        },
        {
            "kind": "lecture", "start": "2027-03-16 09:20", "end": "2027-03-16 10:20", "speakers": ["qin-yuyi"],
            "title": t("Example lecture: storage in integrated energy services", "示例讲座：综合能源服务中的储能",
                       "Пример лекции: хранение энергии в комплексных энергетических услугах"),
        },
        {
            "kind": "lecture", "start": "2027-03-16 10:40", "end": "2027-03-16 11:40", "speakers": ["zeng-tao"],
            "title": t("Example lecture: the market for grid batteries", "示例讲座：电网电池市场",
                       "Пример лекции: рынок сетевых аккумуляторов"),
        },
        {
            "kind": "lecture", "start": "2027-03-17 09:00", "end": "2027-03-17 10:00", "speakers": ["cui-xu"],
            "title": t("Example lecture: pairing storage with wind and solar projects abroad", "示例讲座：海外风电光伏项目配套储能",
                       "Пример лекции: хранение энергии в зарубежных ветровых и солнечных проектах"),
        },
        {
            "kind": "case_study", "start": "2027-03-17 10:20", "end": "2027-03-17 11:20", "speakers": ["khalil-raza"],
            "title": t("Example case study: storage for ECO member states", "示例案例：经济合作组织成员国的储能",
                       "Пример кейса: хранение энергии для стран ОЭС"),
        },
        {
            "kind": "closing_remarks", "start": "2027-03-17 11:20", "end": "2027-03-17 12:00",
            "speakers": ["di-yuna", "khalil-raza"],
            "title": t("Closing remarks (example)", "闭幕致辞（示例）", "Заключительное слово (пример)"),
        },
    ],
}
