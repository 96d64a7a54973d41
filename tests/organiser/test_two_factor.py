"""Two-factor sign-in for staff: setting up an authenticator app, signing in with it, removing it."""
import re

import pytest
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
ENROL = "/en/staff/two-factor/"
REMOVE = "/en/staff/two-factor/remove/"
LOGIN = "/en/admin/login/"
ADMIN = "/en/admin/"


@pytest.fixture(autouse=True)
def no_device_throttling(settings):
    """django-otp pauses a device for a second after a wrong code; these tests try a right one straight after."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def code(device, drift=0):
    """The code an authenticator app shows now for this device."""
    value = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=drift)
    return f"{value:0{device.digits}d}"


def wrong(device):
    return f"{(int(code(device)) + 1) % 10 ** device.digits:0{device.digits}d}"


@pytest.fixture
def device(centre_admin):
    return TOTPDevice.objects.create(user=centre_admin, name="Authenticator app", confirmed=True)


def sign_in(client, username="centre-admin", password=PASSWORD, otp_token=None, language="en"):
    data = {"username": username, "password": password, "next": f"/{language}/admin/"}
    if otp_token is not None:
        data["otp_token"] = otp_token
    return client.post(f"/{language}/admin/login/", data)


def signed_in(response):
    return response.status_code == 302 and response.wsgi_request.user.is_authenticated


# --- setting up -------------------------------------------------------------------------------


def test_the_admin_user_tools_link_to_the_two_factor_page(client, centre_admin):
    client.force_login(centre_admin)

    page = client.get(ADMIN).content.decode()

    assert f'href="{ENROL}"' in page


def test_setting_up_shows_a_qr_code_and_the_secret_and_keeps_them_across_reloads(client, centre_admin):
    client.force_login(centre_admin)

    first = client.get(ENROL)
    second = client.get(ENROL)

    assert first.status_code == 200
    device = TOTPDevice.objects.get(user=centre_admin)
    assert not device.confirmed
    page = first.content.decode()
    image = r'<img src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+" width="\d+" height="\d+" alt="[^"]+"'
    assert re.search(image, page)
    secret = re.search(r'<code id="two-factor-secret">([A-Z2-7 ]+)</code>', page).group(1)
    assert len(secret.replace(" ", "")) == 32
    assert secret in second.content.decode()
    assert TOTPDevice.objects.filter(user=centre_admin).count() == 1
    # Nothing the Content-Security-Policy would block: no inline script or style.
    assert "style=" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert "<style" not in page


def test_a_wrong_code_does_not_turn_it_on(client, centre_admin):
    client.force_login(centre_admin)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=centre_admin)

    response = client.post(ENROL, {"otp_token": wrong(device)})

    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    device.refresh_from_db()
    assert not device.confirmed


def test_the_right_code_turns_it_on_and_verifies_the_session(client, centre_admin):
    client.force_login(centre_admin)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=centre_admin)

    response = client.post(ENROL, {"otp_token": code(device)})

    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    # The session goes on working, now with the second factor.
    assert client.get(ADMIN).status_code == 200
    page = client.get(ENROL).content.decode()
    assert "Two-factor sign-in is on." in page


def test_setting_up_returns_to_a_safe_next_page_only(client, centre_admin):
    client.force_login(centre_admin)
    client.get(ENROL)
    device = TOTPDevice.objects.get(user=centre_admin)

    response = client.post(ENROL, {"otp_token": code(device), "next": "https://evil.example/"})

    assert response["Location"] == ENROL


def test_the_page_needs_a_staff_login(client, django_user_model):
    assert client.get(ENROL).status_code == 302
    client.force_login(django_user_model.objects.create_user("visitor", password=PASSWORD))
    assert client.get(ENROL)["Location"].startswith(LOGIN)


# --- signing in -------------------------------------------------------------------------------


def test_without_a_device_the_password_is_enough(client, centre_admin):
    assert signed_in(sign_in(client))


def test_with_a_device_the_password_alone_is_refused(client, device):
    response = sign_in(client)

    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert "Enter the 6-digit code from your authenticator app as well." in response.content.decode()
    # The password is not written back into the page.
    assert PASSWORD not in response.content.decode()


def test_with_a_device_a_wrong_code_is_refused(client, device):
    response = sign_in(client, otp_token=wrong(device))

    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert "That code is not right or has expired." in response.content.decode()


def test_with_a_device_the_right_code_signs_in_and_verifies_the_session(client, device):
    assert sign_in(client, otp_token=wrong(device)).status_code == 200

    response = sign_in(client, otp_token=code(device)[:3] + " " + code(device)[3:])

    assert signed_in(response)
    assert client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    assert client.get(ADMIN).status_code == 200


def test_a_code_is_accepted_once(client, device):
    used = code(device)
    assert signed_in(sign_in(client, otp_token=used))
    client.logout()

    assert sign_in(client, otp_token=used).status_code == 200


def test_a_wrong_password_says_nothing_about_the_code(client, device):
    page = sign_in(client, password="wrong-password", otp_token=wrong(device)).content.decode()

    assert "Please enter the correct username and password" in page
    assert "That code is not right" not in page and "6-digit code from your authenticator app as well" not in page


def test_wrong_codes_count_towards_the_sign_in_lockout(client, settings, device):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 5
    statuses = [sign_in(client, otp_token=wrong(device)).status_code for _ in range(5)]

    assert statuses == [200, 200, 200, 200, 429]
    assert sign_in(client, otp_token=code(device)).status_code == 429


def test_a_session_opened_before_the_device_existed_must_sign_in_again(client, centre_admin):
    client.force_login(centre_admin)
    TOTPDevice.objects.create(user=centre_admin, name="Authenticator app", confirmed=True)

    response = client.get(ADMIN)

    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert "_auth_user_id" not in client.session
    assert client.get("/en/staff/").status_code == 302


# --- requiring it -----------------------------------------------------------------------------


def test_when_required_staff_without_a_device_are_sent_to_set_one_up(client, settings, centre_admin):
    settings.STAFF_REQUIRE_TWO_FACTOR = True

    assert signed_in(sign_in(client))
    admin_page = client.get(ADMIN)
    staff_page = client.get("/en/staff/")

    assert admin_page.status_code == 302 and admin_page["Location"] == f"{ENROL}?next=%2Fen%2Fadmin%2F"
    assert staff_page.status_code == 302 and staff_page["Location"].startswith(ENROL)
    setup = client.get(admin_page["Location"])
    assert setup.status_code == 200
    assert "Set up an authenticator app to continue." in setup.content.decode()

    device = TOTPDevice.objects.get(user=centre_admin)
    done = client.post(ENROL, {"otp_token": code(device), "next": "/en/admin/"})

    assert done["Location"] == ADMIN
    assert client.get(ADMIN).status_code == 200


def test_when_not_required_staff_without_a_device_use_the_admin_as_before(client, centre_admin):
    client.force_login(centre_admin)

    assert client.get(ADMIN).status_code == 200


# --- removing and resetting -------------------------------------------------------------------


def test_removing_ones_own_device_with_the_password(client, device):
    assert signed_in(sign_in(client, otp_token=code(device)))

    response = client.post(REMOVE, {"password": PASSWORD})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=device.user).exists()
    client.logout()
    assert signed_in(sign_in(client))


def test_removing_ones_own_device_with_a_current_code(client, device):
    assert signed_in(sign_in(client, otp_token=code(device)))

    response = client.post(REMOVE, {"otp_token": code(device, drift=1)})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=device.user).exists()


def test_removing_needs_the_right_password_or_code(client, device):
    assert signed_in(sign_in(client, otp_token=code(device)))

    for data in ({}, {"password": "wrong-password"}, {"otp_token": wrong(device)}):
        response = client.post(REMOVE, data)
        assert response.status_code == 400
    assert TOTPDevice.objects.filter(user=device.user, confirmed=True).exists()


def test_a_superuser_resets_someones_device_in_the_admin_without_seeing_its_secret(client, superuser, device):
    client.force_login(superuser)
    change_url = reverse("admin:otp_totp_totpdevice_change", args=[device.pk])
    change_page = client.get(change_url).content.decode()
    assert device.key not in change_page

    response = client.post(reverse("admin:otp_totp_totpdevice_delete", args=[device.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(pk=device.pk).exists()
    client.logout()
    assert signed_in(sign_in(client))


def test_an_unconfirmed_device_left_over_does_not_count(client, centre_admin):
    TOTPDevice.objects.create(user=centre_admin, name="Authenticator app", confirmed=False)

    assert signed_in(sign_in(client))


def test_setting_up_again_reuses_the_unconfirmed_device_instead_of_adding_one(client, centre_admin):
    earlier = TOTPDevice.objects.create(user=centre_admin, name="Authenticator app", confirmed=False)
    client.force_login(centre_admin)

    client.get(ENROL)
    client.post(ENROL, {"otp_token": code(earlier)})

    assert list(TOTPDevice.objects.filter(user=centre_admin).values_list("pk", "confirmed")) == [(earlier.pk, True)]
