"""Background tasks of the certificates app.

Thin, as every task here: load, call a service, which makes a second run
harmless (a chunk whose certificates exist issues nothing again).
"""
from django_tasks import task

# The service enqueues this task and the task calls the service: each refers
# to the other only at call time, so the import cycle is harmless.
from . import services


@task(takes_context=True)
def issue_certificate_chunk(context, chunk_id):
    """Issue the certificates of one chunk of an issuing run; ``context.attempt`` tells the last try."""
    return services.run_chunk(chunk_id, attempt=context.attempt)
