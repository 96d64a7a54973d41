"""Staff roles as data: each role is a Django group with a fixed set of permissions.

Roles live in code, not only in the database, so that every installation (and
every test database) grants the same rights, and a new model's permissions
reach the right people by running ``manage.py sync_roles``. Which *programs* a
user may touch is a separate question, answered by ``Program.organisers`` and
``Program.objects.managed_by(user)``.
"""
from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS, transaction

CENTRE_ADMIN = "Centre admin"
PROGRAM_ORGANISER = "Program organiser"
CHECKIN_STAFF = "Check-in staff"

ALL = "*"
CRUD = ("view", "add", "change", "delete")


def _perms(app_label, models, actions):
    return [f"{app_label}.{action}_{model}" for model in models for action in actions]


# A permission is "app_label.codename"; "app_label.*" means every permission of
# that app, including custom ones added later (e.g. check-in).
ROLE_PERMISSIONS = {
    CENTRE_ADMIN: [
        "center.*",
        "programs.*",
        "meetings.*",
        "registrations.*",
        "attendance.*",
        "reports.*",
        "news.*",
        "certificates.*",
        "surveys.*",
        "search.*",
        "mailer.*",
        # Background tasks: see the queue and its workers, run failed tasks again.
        "core.retry_task",
        "core.view_workerheartbeat",
        "django_tasks_database.view_dbtaskresult",
        # Lift a login lockout, reset a colleague's lost authenticator.
        "axes.view_accessattempt",
        "axes.delete_accessattempt",
        "otp_totp.view_totpdevice",
        "otp_totp.delete_totpdevice",
        # The centre admin manages staff accounts and their roles.
        *_perms("auth", ["user", "group"], CRUD),
    ],
    PROGRAM_ORGANISER: [
        *_perms("programs", ["program", "person"], ("view", "add", "change")),
        # Agenda items, roles and focus areas are edited inline on the program
        # page; removing one from the agenda needs the delete permission.
        *_perms("programs", ["session", "programrole", "focusarea", "takeaway"], CRUD),
        "programs.view_theme",
        "center.view_countrygroup",
        *_perms("meetings", ["onlinemeeting"], ("view", "add", "change")),
        *_perms("registrations", ["registration", "message"], ("view", "add", "change")),
        *_perms("registrations", ["question"], CRUD),
        *_perms("registrations", ["registrationevent", "answer"], ("view",)),
        # Onsite check-in: scan, see who is here, undo a mistaken check-in.
        *_perms("attendance", ["checkin"], ("view", "add", "delete")),
        # The program's report: what only a person can write, and publishing it.
        *_perms("reports", ["report", "reportsection", "reportreference", "reportphoto"], CRUD),
        # News and the newsletter: write posts, moderate comments, compose and send issues.
        "news.*",
    ],
    CHECKIN_STAFF: [
        "programs.view_program",
        "registrations.view_registration",
        # Check people in at the door and see who is here; undoing is for organisers.
        "attendance.add_checkin",
        "attendance.view_checkin",
    ],
}


def _ensure_permissions_exist(apps, using):
    """Create content types and permissions now rather than after ``migrate``.

    Django creates them in a post_migrate signal, which comes too late for a
    data migration on a fresh database.
    """
    for app_config in apps.get_app_configs():
        # Historical app configs have no models module, which create_permissions
        # takes as "nothing to do"; pretend there is one for the call.
        had_module = getattr(app_config, "models_module", None)
        app_config.models_module = had_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0, using=using)
        finally:
            app_config.models_module = had_module


def _resolve(Permission, names, using):
    """Permission rows for the names, and the names that matched nothing."""
    found = {}
    missing = []
    for name in names:
        app_label, codename = name.split(".", 1)
        query = Permission.objects.using(using).filter(content_type__app_label=app_label)
        if codename != ALL:
            query = query.filter(codename=codename)
        rows = list(query)
        if not rows:
            missing.append(name)
        for row in rows:
            found[row.pk] = row
    return list(found.values()), missing


def sync_role_permissions(apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create the role groups and give each exactly its permission set.

    Idempotent: run from the data migration and from ``manage.py sync_roles``
    after new models or permissions appear. Permissions added to a role group
    by hand are removed again, because the role's meaning is defined here.
    Returns {group name: [permission names that do not exist]} so callers can
    warn about typos or apps not yet migrated.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    missing_by_role = {}
    with transaction.atomic(using=using):
        _ensure_permissions_exist(apps, using)
        for group_name, names in ROLE_PERMISSIONS.items():
            group, _created = Group.objects.using(using).get_or_create(name=group_name)
            permissions, missing = _resolve(Permission, names, using)
            group.permissions.set(permissions)
            missing_by_role[group_name] = missing
    return missing_by_role
