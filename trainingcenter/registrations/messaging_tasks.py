"""Background task for organisers' messages; the work lives in ``messaging.deliver``."""
from django_tasks import task


@task()
def deliver_message(message_id):
    """Write the personal e-mails of one message into the outbox (sending is the outbox's task)."""
    from .messaging import deliver
    from .models import Message

    message = Message.objects.select_related("program", "created_by").filter(pk=message_id).first()
    if message is None:
        # The program (and its messages) was deleted before the worker came round.
        return 0
    return deliver(message)
