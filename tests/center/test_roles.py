import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from trainingcenter.center.roles import CENTRE_ADMIN, CHECKIN_STAFF, PROGRAM_ORGANISER

pytestmark = pytest.mark.django_db


def names(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


def test_centre_admin_group_holds_every_permission_of_the_platform_apps():
    granted = names(CENTRE_ADMIN)
    assert "programs.manage_all_programs" in granted
    for expected in (
        "center.change_center",
        "center.add_partner",
        "center.change_countrygroup",
        "programs.delete_program",
        "meetings.change_onlinemeeting",
        "registrations.change_registration",
        "mailer.view_outgoingmail",
        "auth.change_user",
    ):
        assert expected in granted
    app_permissions = Permission.objects.filter(
        content_type__app_label__in=["center", "programs", "meetings", "registrations", "mailer"]
    ).count()
    platform = [name for name in granted if name.split(".")[0] in
                ("center", "programs", "meetings", "registrations", "mailer")]
    assert len(platform) == app_permissions
    # Beyond the platform's own apps: the task list, login lockouts and authenticators.
    assert {"core.retry_task", "axes.delete_accessattempt", "otp_totp.delete_totpdevice"} <= granted


def test_program_organiser_group_edits_programs_but_not_the_centre():
    granted = names(PROGRAM_ORGANISER)
    for expected in (
        "programs.view_program",
        "programs.add_program",
        "programs.change_program",
        "programs.change_session",
        "programs.add_person",
        "programs.change_programrole",
        "programs.change_focusarea",
        "programs.change_takeaway",
        "meetings.change_onlinemeeting",
        "registrations.change_registration",
        "registrations.change_question",
        "registrations.add_message",
    ):
        assert expected in granted
    for refused in (
        "programs.manage_all_programs",
        "programs.delete_program",
        "center.change_center",
        "center.change_partner",
        "center.change_countrygroup",
        "mailer.view_outgoingmail",
        "auth.change_user",
    ):
        assert refused not in granted


CHECKIN_STAFF_PERMISSIONS = {
    "programs.view_program", "registrations.view_registration", "attendance.add_checkin", "attendance.view_checkin",
}


def test_checkin_staff_group_only_views_programs_and_registrations_and_checks_people_in():
    assert names(CHECKIN_STAFF) == CHECKIN_STAFF_PERMISSIONS


def test_sync_roles_restores_the_defined_sets_and_is_idempotent():
    group = Group.objects.get(name=PROGRAM_ORGANISER)
    group.permissions.remove(Permission.objects.get(codename="change_program"))
    group.permissions.add(Permission.objects.get(codename="manage_all_programs"))
    Group.objects.get(name=CHECKIN_STAFF).delete()

    call_command("sync_roles", stdout=None)
    first = {name: names(name) for name in (CENTRE_ADMIN, PROGRAM_ORGANISER, CHECKIN_STAFF)}
    call_command("sync_roles")
    second = {name: names(name) for name in (CENTRE_ADMIN, PROGRAM_ORGANISER, CHECKIN_STAFF)}

    assert "programs.change_program" in first[PROGRAM_ORGANISER]
    assert "programs.manage_all_programs" not in first[PROGRAM_ORGANISER]
    assert first[CHECKIN_STAFF] == CHECKIN_STAFF_PERMISSIONS
    assert first == second
    assert Group.objects.filter(name=CHECKIN_STAFF).count() == 1


def test_a_member_of_the_organiser_group_has_its_permissions(organiser):
    assert organiser.has_perm("programs.change_session")
    assert not organiser.has_perm("center.change_center")
