"""Organisers' registration pages, mounted at /<lang>/staff/."""
from django.urls import path

from . import two_factor, visa_letters
from . import views as staff_views

app_name = "staff"
urlpatterns = [
    path("", staff_views.index, name="index"),
    path("programs/<slug:slug>/registrations/", staff_views.program_registrations, name="program_registrations"),
    path("programs/<slug:slug>/registrations/export/", staff_views.export, name="export"),
    path("programs/<slug:slug>/registrations/message/", staff_views.message, name="message"),
    path("programs/<slug:slug>/visa-letters/", visa_letters.visa_letter_list, name="visa_letters"),
    path("programs/<slug:slug>/visa-letters/<int:pk>/decide/", visa_letters.decide, name="visa_letter_decide"),
    path("programs/<slug:slug>/visa-letters/<int:pk>/letter.pdf", visa_letters.letter_pdf, name="visa_letter_pdf"),
    path("two-factor/", two_factor.overview, name="two_factor"),
    path("two-factor/remove/", two_factor.remove, name="two_factor_remove"),
]
