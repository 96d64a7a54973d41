"""The JSON API: one NinjaAPI, with a router per app. OpenAPI at /api/openapi.json, docs at /api/docs.

Errors share one shape (``api.errors``); the docs page is served with
ninja's own Swagger UI files from /static/, so it works without the internet.
"""
from django.http import Http404
from ninja import NinjaAPI, Router

from . import errors as api_errors
from .auth import document_optional_auth
from .routers.attendance import router as attendance_router
from .routers.certificates import router as certificates_router
from .routers.checkins import router as checkins_router
from .routers.news import router as news_router
from .routers.open_data import router as open_data_router
from .routers.programs import router as programs_router
from .routers.registrations import router as registrations_router
from .routers.search import router as search_router
from .routers.statistics import router as statistics_router


class TrainingCenterApi(NinjaAPI):
    """ninja's API, plus what its schema cannot say (optional tokens, error headers) and null inputs."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        return api_errors.document_error_headers(document_optional_auth(schema))

    def validation_error_from_error_contexts(self, error_contexts):
        error = super().validation_error_from_error_contexts(error_contexts)
        return api_errors.mark_null_inputs(error, error_contexts)


api = TrainingCenterApi(
    title="Training Center API",
    version="1.0",
    description=(
        "Programs, sessions, people and registrations of the training centre. "
        "Reading programs and people, and registering, is public; everything else needs a staff token "
        "(`manage.py create_api_token USERNAME`) sent as `Authorization: Bearer <token>`. "
        "Errors look like `{\"error\": {\"code\": ..., \"message\": ..., \"fields\": {...}}}`; "
        "each operation lists the ones it can give. 503 with `Retry-After` means the database is briefly "
        "unavailable: try again after that many seconds. "
        "Bodies are JSON with the types the schema gives (\"5\" is not a number). In a change, `null` clears "
        "an optional text or list; fields that must keep a value refuse it. "
        "Datetimes are ISO 8601; the API answers in UTC."
    ),
    urls_namespace="api",
    parser=api_errors.JsonParser(),
)
api_errors.install(api)
api.add_router("/", programs_router)
api.add_router("/", registrations_router)
api.add_router("/", attendance_router)
api.add_router("/", checkins_router)
api.add_router("/", search_router)
api.add_router("/", open_data_router)
api.add_router("/", statistics_router)
api.add_router("/", news_router)
api.add_router("/", certificates_router)

# Last, so that it only catches what no endpoint above matched: unknown API
# addresses answer with the same JSON 404 as unknown programs.
fallback = Router()


@fallback.api_operation(["GET", "POST", "PUT", "PATCH", "DELETE"], "/{path:path}", include_in_schema=False)
def unknown_endpoint(request, path: str):
    raise Http404


api.add_router("/", fallback)
