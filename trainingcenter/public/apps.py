from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _

from trainingcenter.core import pagecache

# The data apps whose rows the cached public pages show (core.pagecache): any
# change to one of their models, its translations or its many-to-many links
# invalidates every cached page. Seats and report figures, which change far
# more often, are checked per request instead (views.programs, views.reports).
PAGE_CONTENT_APPS = ("center", "programs", "reports")


class PublicConfig(AppConfig):
    """The public site: the centre's pages, programs, people, registration and participants' own pages."""

    name = "trainingcenter.public"
    label = "public"
    verbose_name = _("Public site")

    def ready(self):
        for label in PAGE_CONTENT_APPS:
            for model in apps.get_app_config(label).get_models(include_auto_created=True):
                uid = f"pagecache-{model._meta.label_lower}"
                post_save.connect(pagecache.bump_on_change, sender=model, dispatch_uid=f"{uid}-save")
                post_delete.connect(pagecache.bump_on_change, sender=model, dispatch_uid=f"{uid}-delete")
                m2m_changed.connect(pagecache.bump_on_change, sender=model, dispatch_uid=f"{uid}-m2m")
