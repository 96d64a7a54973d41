"""The questions every new survey starts with, written out in each of the site's languages.

Content, not interface: these become the questions' own labels (one field per
language, as organisers enter them), which organisers may then edit, so they
are written here in full rather than through gettext.
"""
from trainingcenter.programs.models import Session

LANGUAGES = ("en", "zh-hans", "ru")

# (key, kind, required, {language: label}, {language: help text}); the session questions go after "usefulness".
BEFORE_SESSIONS = [
    (
        "overall", "rating", True,
        {
            "en": "Overall, how would you rate the program?",
            "zh-hans": "总体而言，您如何评价本期培训项目？",
            "ru": "Как вы в целом оцениваете программу?",
        },
        {},
    ),
    (
        "usefulness", "rating", True,
        {
            "en": "How useful is what you learned for your work?",
            "zh-hans": "所学内容对您的工作有多大帮助？",
            "ru": "Насколько полезно полученное для вашей работы?",
        },
        {},
    ),
]
AFTER_SESSIONS = [
    (
        "improve", "text", False,
        {
            "en": "What should we improve?",
            "zh-hans": "您认为我们应当在哪些方面加以改进？",
            "ru": "Что нам следует улучшить?",
        },
        {
            "en": "Content, speakers, organisation, the online meeting: anything that would have helped you.",
            "zh-hans": "内容、讲者、组织安排、线上会议等，凡是对您有帮助的建议均可。",
            "ru": "Содержание, докладчики, организация, онлайн-встреча: всё, что помогло бы вам.",
        },
    ),
    (
        "topics", "text", False,
        {
            "en": "Which topics would you like future programs to cover?",
            "zh-hans": "您希望今后的培训项目涵盖哪些主题？",
            "ru": "Какие темы вы хотели бы видеть в будущих программах?",
        },
        {},
    ),
]

SESSION_LABEL = {
    "en": "Session: {title}",
    "zh-hans": "课程：{title}",
    "ru": "Сессия: {title}",
}
SESSION_HELP = {
    "en": "Leave it without a rating if you did not follow this session.",
    "zh-hans": "如您未参加该课程，可不作评分。",
    "ru": "Не ставьте оценку, если вы не были на этой сессии.",
}
# Sessions worth a rating of their own: talks and discussions, not remarks or breaks.
RATED_SESSION_KINDS = (Session.Kind.LECTURE, Session.Kind.CASE_STUDY, Session.Kind.PANEL)


def field(name, language):
    """The modeltranslation field of one language: label_en, label_zh_hans, label_ru."""
    return f"{name}_{language.replace('-', '_')}"


def translated(name, texts):
    """{label_en: ..., label_zh_hans: ..., label_ru: ...} for the languages given."""
    return {field(name, language): text for language, text in texts.items()}


def session_texts(session, limit=300):
    """The session question's label and help text in each language, with the session's title in that language."""
    labels = {}
    for language in LANGUAGES:
        title = getattr(session, field("title", language), "") or session.title_en or session.title
        labels[language] = SESSION_LABEL[language].format(title=title)[:limit]
    return labels, dict(SESSION_HELP)
