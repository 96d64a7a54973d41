from django.urls import path

from . import views

app_name = "center"
urlpatterns = [
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
]
