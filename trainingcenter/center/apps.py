from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def sync_roles_after_migrate(sender, using, **kwargs):
    """Give the role groups the permissions of apps migrated after ours.

    Apps above ``center`` (the task admin in ``core``, later attendance and
    certificates) bring permissions the roles include; Django creates them in
    its own post_migrate handler, app by app. Syncing after the last app keeps
    every role complete on a fresh database and after any upgrade, without a
    data migration per new permission.
    """
    from django.apps import apps  # noqa: PLC0415 - app ready

    from .roles import sync_role_permissions  # noqa: PLC0415 - app ready

    # Django signals only apps that have models, in INSTALLED_APPS order.
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if sender is with_models[-1]:
        sync_role_permissions(using=using)


class CenterConfig(AppConfig):
    name = "trainingcenter.center"
    label = "center"
    verbose_name = _("Centre")

    def ready(self):
        post_migrate.connect(sync_roles_after_migrate, dispatch_uid="center.sync_roles_after_migrate")
