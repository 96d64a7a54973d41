import pytest
from django.contrib.auth.models import Group

from trainingcenter.center.roles import CENTRE_ADMIN, CHECKIN_STAFF, PROGRAM_ORGANISER

PASSWORD = "a-long-test-password"


def _staff(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def centre_admin(django_user_model):
    return _staff(django_user_model, "centre-admin", CENTRE_ADMIN)


@pytest.fixture
def organiser(django_user_model):
    return _staff(django_user_model, "program-organiser", PROGRAM_ORGANISER)


@pytest.fixture
def checkin_staff(django_user_model):
    return _staff(django_user_model, "checkin", CHECKIN_STAFF)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
