"""The JSON API: one NinjaAPI, with a router per app. OpenAPI at /api/openapi.json."""
from ninja import NinjaAPI

api = NinjaAPI(
    title="Training Center API",
    version="1.0",
    description="Programs, sessions, people and registrations of the training centre.",
    urls_namespace="api",
)
