from django.apps import AppConfig


class PublicConfig(AppConfig):
    """The public site: the centre's pages, programs, people, registration and participants' own pages."""

    name = "trainingcenter.public"
    label = "public"
    verbose_name = "Public site"
