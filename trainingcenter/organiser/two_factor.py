"""Two-factor sign-in for staff: a TOTP authenticator app (django-otp) beside the password.

- ``TwoFactorLoginForm`` is the admin's login form (trainingcenter/urls.py sets
  it). It has a field for the 6-digit code, which is required once the user has
  a confirmed device; staff without one sign in with the password alone, unless
  ``STAFF_REQUIRE_TWO_FACTOR`` is on, in which case ``TwoFactorMiddleware``
  sends them to set it up before anything else. A wrong code counts as a failed
  sign-in for the lockout (``organiser.lockout``), and django-otp slows down
  repeated wrong codes per device.
- ``overview`` (``/<lang>/staff/two-factor/``) sets up a device: a QR code and
  the secret in text, confirmed by a code from the app; once set up, it shows
  the device and ``remove`` takes it away again (with the password or a
  current code), e.g. for a new phone.
- A centre admin resets someone else's device by deleting it in the admin
  ("TOTP devices", registered by django-otp; secrets are not shown there).

One device per person: setting one up replaces any earlier unconfirmed one,
and the login form checks the code against that device without asking which.
"""
import base64
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth import authenticate, logout
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login
from django_otp import user_has_device, verify_token
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice

OVERVIEW = "staff:two_factor"
DEVICE_NAME = "Authenticator app"
QR_SIZE_PX = 240


def confirmed_device(user):
    """The user's confirmed authenticator app, or None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def _token_field(label, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "size": 8}),
    )


def _normalised_token(value):
    """Codes are often typed or pasted as "123 456"."""
    return "".join((value or "").split())


# --- signing in ---------------------------------------------------------------------------


class TwoFactorLoginForm(OTPAuthenticationFormMixin, AdminAuthenticationForm):
    """The admin login: username, password and, for staff with a device, the current code."""

    otp_token = _token_field(
        gettext_lazy("Code from your authenticator app"),
        gettext_lazy("Only if you have turned on two-factor sign-in."),
    )
    otp_error_messages = {
        **OTPAuthenticationFormMixin.otp_error_messages,
        "token_required": gettext_lazy("Enter the 6-digit code from your authenticator app as well."),
        "invalid_token": gettext_lazy(
            "That code is not right or has expired. Enter the code your app shows now."
        ),
    }

    def clean_otp_token(self):
        return _normalised_token(self.cleaned_data.get("otp_token"))

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        if user is not None and user_has_device(user):
            try:
                self.clean_otp(user)
            except ValidationError as error:
                if error.code == "invalid_token":
                    self._count_failed_sign_in()
                raise
        return cleaned_data

    def _chosen_device(self, user):
        # One device per person (see the module docstring), so the form has no
        # device choice; clean_otp() calls this inside a transaction.
        return (
            TOTPDevice.objects.devices_for_user(user, confirmed=True)
            .select_for_update()
            .order_by("pk")
            .first()
        )

    def _update_form(self, user):
        # django-otp would put the password back into the page for a second
        # try; asking for it again keeps it out of the HTML.
        pass

    def _count_failed_sign_in(self):
        """A wrong code counts towards the lockout like a wrong password."""
        user_login_failed.send(
            sender=__name__,
            credentials={"username": self.cleaned_data.get("username")},
            request=self.request,
        )


class TwoFactorMiddleware:
    """Holds staff sessions to what their second factor allows, on the admin and organiser pages.

    Must come after django-otp's ``OTPMiddleware``. A session of someone who
    has a device but did not sign in with it (it was opened before the device
    was set up, or the device was added by an admin) is ended, so they sign
    in again with a code; with ``STAFF_REQUIRE_TWO_FACTOR`` on, staff without
    a device reach only the set-up page until they have one. Other pages (the
    public site, the API with its bearer tokens) are not concerned.
    """

    NAMESPACES = {"admin", "staff"}
    ALWAYS_OPEN = {"admin:login", "admin:logout", "admin:jsi18n"}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or not self.NAMESPACES.intersection(match.namespaces) or match.view_name in self.ALWAYS_OPEN:
            return None
        user = request.user
        if not (user.is_authenticated and user.is_staff) or user.is_verified():
            return None
        if user_has_device(user):
            logout(request)
            messages.info(request, _("Two-factor sign-in is on for your account: please sign in with a code."))
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        if settings.STAFF_REQUIRE_TWO_FACTOR and match.view_name != OVERVIEW:
            return redirect(f"{reverse(OVERVIEW)}?{urlencode({'next': request.get_full_path()})}")
        return None


# --- setting up and removing a device -------------------------------------------------------


class ConfirmDeviceForm(forms.Form):
    otp_token = _token_field(gettext_lazy("Code shown by the app"))

    def __init__(self, user, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = device
        self.fields["otp_token"].required = True

    def clean_otp_token(self):
        token = _normalised_token(self.cleaned_data["otp_token"])
        allowed, _details = self.device.verify_is_allowed()
        if not allowed:
            raise ValidationError(_("Too many wrong codes. Wait a few seconds, then enter the code your app shows."))
        if verify_token(self.user, self.device.persistent_id, token) is None:
            raise ValidationError(_("That code is not right. Enter the code your app shows now."))
        return token


class RemoveDeviceForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    otp_token = _token_field(gettext_lazy("or a current code from your app"))

    def __init__(self, request, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.device = device

    def clean(self):
        cleaned_data = super().clean()
        user = self.request.user
        password = cleaned_data.get("password")
        token = _normalised_token(cleaned_data.get("otp_token"))
        if not password and not token:
            raise ValidationError(_("Enter your password or a current code from your app."))
        if token and verify_token(user, self.device.persistent_id, token) is not None:
            return cleaned_data
        # authenticate() goes through the lockout like the login form: a wrong
        # password here counts, and a locked-out client gets the lockout page.
        if password and getattr(
            authenticate(self.request, username=user.get_username(), password=password), "pk", None
        ) == user.pk:
            return cleaned_data
        raise ValidationError(_("That password or code is not right."))


def _pending_device(user):
    """The unconfirmed device being set up: kept across reloads so the QR code stays the same."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def _qr_code_data_uri(text):
    """The QR code as an SVG data: URI, for an <img> the Content-Security-Policy allows."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, border=2)
    svg = image.to_string(encoding="unicode")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


def _secret_text(device):
    """The key as the base32 text authenticator apps accept, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    if url and safe:
        return url
    return ""


def _render(request, status=200, **extra):
    context = {
        **admin.site.each_context(request),
        "title": _("Two-factor sign-in"),
        "require_two_factor": settings.STAFF_REQUIRE_TWO_FACTOR,
        "next": _next_url(request),
        **extra,
    }
    return render(request, "organiser/two_factor.html", context, status=status)


@staff_member_required
@require_http_methods(["GET", "POST"])
def overview(request):
    """The staff member's own two-factor sign-in: set it up, or see it and remove it."""
    user = request.user
    device = confirmed_device(user)
    if device is not None:
        return _render(request, device=device, remove_form=RemoveDeviceForm(request, device))

    pending = _pending_device(user)
    form = ConfirmDeviceForm(user, pending, data=request.POST if request.method == "POST" else None)
    if form.is_valid():
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user).exclude(pk=pending.pk).delete()
            pending.confirmed = True
            pending.save(update_fields=["confirmed"])
        # A new privilege for this session: give it a new key, then mark it as
        # verified with the device just confirmed.
        request.session.cycle_key()
        otp_login(request, pending)
        messages.success(request, _("Two-factor sign-in is on. From now on, signing in asks for a code from your app."))
        return redirect(_next_url(request) or reverse(OVERVIEW))
    return _render(
        request,
        form=form,
        qr_code=_qr_code_data_uri(pending.config_url),
        qr_size=QR_SIZE_PX,
        secret=_secret_text(pending),
        digits=pending.digits,
        step=pending.step,
    )


@staff_member_required
@require_POST
def remove(request):
    """Removes the staff member's own device, confirmed with the password or a current code."""
    device = confirmed_device(request.user)
    if device is None:
        return redirect(OVERVIEW)
    form = RemoveDeviceForm(request, device, data=request.POST)
    if not form.is_valid():
        return _render(request, status=400, device=device, remove_form=form)
    TOTPDevice.objects.filter(user=request.user).delete()
    if settings.STAFF_REQUIRE_TWO_FACTOR:
        messages.success(request, _("Your authenticator app is removed. Set up the new one now."))
    else:
        messages.success(request, _("Two-factor sign-in is off. Signing in asks for your password only."))
    return redirect(OVERVIEW)
