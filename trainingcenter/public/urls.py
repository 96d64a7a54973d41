"""The public site's pages, mounted under the language prefix.

Each part keeps its own URL namespace (``center``, ``programs``,
``registrations``), so templates name a page by what it shows.
"""
from django.urls import include, path

from .views import center, programs, registrations

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
    path("r/<str:token>/", registrations.participant, name="participant"),
    path("r/<str:token>/calendar.ics", registrations.calendar, name="calendar"),
    path("r/<str:token>/cancel/", registrations.cancel, name="cancel"),
    path("r/<str:token>/edit/", registrations.edit, name="edit"),
], "registrations")

urlpatterns = [
    path("", include(registration_urls)),
    path("", include(program_urls)),
    path("", include(center_urls)),
]
