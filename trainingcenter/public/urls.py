"""The public site's pages, mounted under the language prefix.

Each part keeps its own URL namespace (``center``, ``programs``,
``registrations``), so templates name a page by what it shows.
"""
from django.urls import include, path

from .views import center, privacy, programs, registrations, visa_letters

center_urls = ([
    path("", center.home, name="home"),
    path("about/", center.about, name="about"),
], "center")

program_urls = ([
    path("programs/", programs.program_list, name="list"),
    path("programs/<slug:slug>/", programs.program_detail, name="detail"),
    path("people/<slug:slug>/", programs.person_detail, name="person"),
], "programs")

registration_urls = ([
    path("programs/<slug:slug>/register/", registrations.register, name="register"),
    path("programs/<slug:slug>/register/received/", registrations.register_received, name="register_received"),
    path("registrations/lost-link/", registrations.lost_link, name="lost_link"),
    path("registrations/lost-link/sent/", registrations.lost_link_sent, name="lost_link_sent"),
    path("r/<str:token>/", registrations.participant, name="participant"),
    path("r/<str:token>/calendar.ics", registrations.calendar, name="calendar"),
    path("r/<str:token>/cancel/", registrations.cancel, name="cancel"),
    path("r/<str:token>/edit/", registrations.edit, name="edit"),
    path("r/<str:token>/visa-letter/", visa_letters.request_letter, name="visa_letter"),
    path("r/<str:token>/visa-letter.pdf", visa_letters.letter_pdf, name="visa_letter_pdf"),
    path("r/<str:token>/my-data.json", privacy.my_data, name="my_data"),
    path("r/<str:token>/erase/", privacy.erase, name="erase"),
    path("registrations/data-erased/", privacy.erased, name="erased"),
], "registrations")

urlpatterns = [
    path("", include(registration_urls)),
    path("", include(program_urls)),
    path("", include(center_urls)),
]
