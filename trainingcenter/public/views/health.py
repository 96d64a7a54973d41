"""A health check for load balancers, and the framework's floor in benchmarks."""
from django.http import HttpResponse
from django.views.decorators.http import require_GET


@require_GET
def healthz(request):
    """Answers without touching the database: what the framework itself costs."""
    return HttpResponse("ok", content_type="text/plain")
