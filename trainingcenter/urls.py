"""URLs: the JSON API and language switch outside, every page under a language prefix.

Only interface apps (``public``, ``organiser``, ``api``) and the admin are
mounted here; data apps have no URLs of their own.
"""
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from trainingcenter.api.site import api
from trainingcenter.organiser.two_factor import TwoFactorLoginForm
from trainingcenter.public.sitemaps import sitemaps
from trainingcenter.public.views.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(
        "sitemap.xml", sitemap, {"sitemaps": sitemaps, "template_name": "news/sitemap.xml"},
        name="django.contrib.sitemaps.views.sitemap",
    ),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

# The admin's login also asks staff who use two-factor sign-in for their code.
admin.site.login_form = TwoFactorLoginForm

urlpatterns += i18n_patterns(
    path("staff/", include("trainingcenter.organiser.urls")),
    path("admin/", admin.site.urls),
    path("", include("trainingcenter.public.urls")),
    prefix_default_language=True,
)

handler400 = "trainingcenter.public.views.center.bad_request"
handler403 = "trainingcenter.public.views.center.permission_denied"
handler404 = "trainingcenter.public.views.center.page_not_found"
handler500 = "trainingcenter.public.views.center.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
