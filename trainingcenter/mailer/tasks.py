"""Background tasks of the outbox; the work itself lives in ``mailer.services``."""
from django_tasks import task

from . import services


@task()
def send_outgoing_mail(mail_id):
    """Send one outbox row; failures are recorded and rescheduled, never raised."""
    return services.send_mail_now(mail_id)


@task()
def send_outgoing_batch(mail_ids):
    """Send several outbox rows over one connection; each is claimed on its own, so a rerun sends nothing twice."""
    return services.send_batch(mail_ids)
