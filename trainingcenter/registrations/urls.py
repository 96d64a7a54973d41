"""Registration pages; mounted under the language prefix."""
from django.urls import path

from . import views

app_name = "registrations"
urlpatterns = [
    path("programs/<slug:slug>/register/", views.register, name="register"),
    path("r/<str:token>/", views.participant, name="participant"),
    path("r/<str:token>/calendar.ics", views.calendar, name="calendar"),
    path("r/<str:token>/cancel/", views.cancel, name="cancel"),
    path("r/<str:token>/edit/", views.edit, name="edit"),
]
