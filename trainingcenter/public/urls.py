"""The public site's pages, mounted under the language prefix.

Each part keeps its own URL namespace (``center``, ``programs``,
``registrations``), so templates name a page by what it shows.
"""
from django.urls import include, path

from .views import (
    badges,
    center,
    certificates,
    news,
    privacy,
    programs,
    registrations,
    reports,
    search,
    statistics,
    surveys,
    visa_letters,
)

center_urls = ([
    path("", center.home, name="home"),
    path("about/", center.about, name="about"),
    path("statistics/", statistics.centre_statistics, name="statistics"),
], "center")

program_urls = ([
    path("programs/", programs.program_list, name="list"),
    path("programs/<slug:slug>/", programs.program_detail, name="detail"),
    path("programs/<slug:slug>/report/", reports.report_page, name="report"),
    path("programs/<slug:slug>/report.pdf", reports.report_pdf, name="report_pdf"),
    path("people/<slug:slug>/", programs.person_detail, name="person"),
], "programs")

registration_urls = ([
    path("programs/<slug:slug>/register/", registrations.register, name="register"),
    path("programs/<slug:slug>/register/received/", registrations.register_received, name="register_received"),
    path("registrations/lost-link/", registrations.lost_link, name="lost_link"),
    path("registrations/lost-link/sent/", registrations.lost_link_sent, name="lost_link_sent"),
    path("r/<str:token>/", registrations.participant, name="participant"),
    path("r/<str:token>/calendar.ics", registrations.calendar, name="calendar"),
    path("r/<str:token>/badge.pdf", badges.badge_pdf, name="badge"),
    path("r/<str:token>/cancel/", registrations.cancel, name="cancel"),
    path("r/<str:token>/edit/", registrations.edit, name="edit"),
    path("r/<str:token>/visa-letter/", visa_letters.request_letter, name="visa_letter"),
    path("r/<str:token>/visa-letter.pdf", visa_letters.letter_pdf, name="visa_letter_pdf"),
    path("r/<str:token>/my-data.json", privacy.my_data, name="my_data"),
    path("r/<str:token>/erase/", privacy.erase, name="erase"),
    path("r/<str:token>/survey/", surveys.survey, name="survey"),
    path("registrations/data-erased/", privacy.erased, name="erased"),
], "registrations")

news_urls = ([
    path("news/", news.post_list, name="list"),
    path("news/feed/", news.post_feed, name="feed"),
    path("news/tags/<slug:tag>/", news.tag_posts, name="tag"),
    path("news/<slug:slug>/", news.post_detail, name="detail"),
    path("news/<slug:slug>/comments/", news.post_comment, name="comment"),
    path("news/comments/<str:token>/delete/", news.delete_comment, name="delete_comment"),
], "news")

newsletter_urls = ([
    path("newsletter/", news.newsletter_subscribe, name="subscribe"),
    path("newsletter/sent/", news.newsletter_sent, name="sent"),
    path("newsletter/confirm/<str:token>/", news.newsletter_confirm, name="confirm"),
    path("newsletter/unsubscribe/<str:token>/", news.newsletter_unsubscribe, name="unsubscribe"),
], "newsletter")

search_urls = ([
    path("search/", search.search_page, name="search"),
    path("archive/", search.archive, name="archive"),
], "search")

certificate_urls = ([
    path("certificates/verify/", certificates.verify, name="verify"),
    path("certificates/verify/<str:code>/", certificates.verify_code, name="verify_code"),
    path("r/<str:token>/certificate.pdf", certificates.download, name="download"),
], "certificates")

urlpatterns = [
    path("", include(certificate_urls)),
    path("", include(search_urls)),
    path("", include(news_urls)),
    path("", include(newsletter_urls)),
    path("", include(registration_urls)),
    path("", include(program_urls)),
    path("", include(center_urls)),
]
