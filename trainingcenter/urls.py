"""URLs: the JSON API and language switch outside, every page under a language prefix."""
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from trainingcenter.api import api
from trainingcenter.center.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("staff/", include("trainingcenter.registrations.staff_urls")),
    path("admin/", admin.site.urls),
    path("", include("trainingcenter.registrations.urls")),
    path("", include("trainingcenter.programs.urls")),
    path("", include("trainingcenter.center.urls")),
    prefix_default_language=True,
)

handler400 = "trainingcenter.center.views.bad_request"
handler403 = "trainingcenter.center.views.permission_denied"
handler404 = "trainingcenter.center.views.page_not_found"
handler500 = "trainingcenter.center.views.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
