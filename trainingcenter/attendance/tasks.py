"""Background tasks of the attendance app.

Thin, as every task here: load, call a service, which makes a second run
harmless (a report fetched twice is imported once).
"""
from django_tasks import task

# The service enqueues this task and the task calls the service: each refers
# to the other only at call time, so the import cycle is harmless.
from .services import zoom_fetch


@task()
def fetch_zoom_reports(fetch_id, attempt=1):
    """Fetch a program's participant reports through Zoom's report API and import them."""
    return zoom_fetch.run_fetch(fetch_id, attempt=attempt)
