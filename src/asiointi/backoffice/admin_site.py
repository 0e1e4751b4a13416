"""The Django admin, until the back office has its own pages: platform superusers only, and only
after a second factor (a TOTP authenticator app, or a single-use recovery code).

`StaffAdminConfig` makes this the class of `admin.site`, so every app's admin.py registers here.
Failed logins, wrong codes included, are counted by django-axes (`lockout.py`).
"""

import re
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

TOTP_CODE = re.compile(r"\d{6}")
# Errors that are not a guess at the second factor: a missing code, an account with no app.
NOT_A_GUESS = {"token_required", "no_device"}


class StaffLoginForm(OTPAdminAuthenticationForm):
    """Username, password and one code, on one page: six digits are the authenticator app's
    code, anything else a recovery code."""

    otp_token = forms.CharField(
        label=_("Code from the authenticator app, or a recovery code"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "spellcheck": "false"}),
    )
    otp_error_messages = {
        **OTPAdminAuthenticationForm.otp_error_messages,
        "token_required": _("Enter the code from your authenticator app, or a recovery code."),
        "device_required": _("Enter the code from your authenticator app, or a recovery code."),
        "invalid_token": _(
            "The code is wrong or already used. Enter the code your authenticator app shows "
            "now, or an unused recovery code."
        ),
        "n_failed_attempts": _("Too many wrong codes. Wait a moment and try again."),
        "verification_not_allowed": _("Codes cannot be checked just now. Try again shortly."),
    }
    error_messages = {
        **OTPAdminAuthenticationForm.error_messages,
        "not_superuser": _(
            "This account may not use the admin. Until the back office opens, only the "
            "platform's superusers sign in here."
        ),
        "no_device": _(
            "This account has no authenticator app set up, so it cannot sign in. A platform "
            "administrator sets one up with the command manage.py staff_totp."
        ),
    }

    def confirm_login_allowed(self, user: Any) -> None:
        AuthenticationForm.confirm_login_allowed(self, user)  # refuses inactive accounts
        if not user.is_superuser:
            raise forms.ValidationError(self.error_messages["not_superuser"], code="not_superuser")

    def clean_otp(self, user: Any) -> None:
        if user is None:
            return
        try:
            if not TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
                raise forms.ValidationError(self.error_messages["no_device"], code="no_device")
            super().clean_otp(user)
        except forms.ValidationError as error:
            if error.code not in NOT_A_GUESS:
                # A wrong code counts towards the lockout like a wrong password.
                user_login_failed.send(
                    sender=type(self),
                    credentials={"username": user.get_username()},
                    request=self.request,
                )
            raise

    def _chosen_device(self, user: Any) -> Device | None:
        device = super()._chosen_device(user)
        if device is None:
            token = (self.cleaned_data.get("otp_token") or "").strip()
            model = TOTPDevice if TOTP_CODE.fullmatch(token) else StaticDevice
            # Locked, inside clean_otp's transaction: two requests with one code cannot both
            # use it (a recovery code twice, or a TOTP code replayed in parallel).
            device = (
                model.objects.devices_for_user(user, confirmed=True).select_for_update().first()
            )
        if device is not None and not device.confirmed:
            return None
        return device


class StaffAdminSite(OTPAdminSite):
    login_form = StaffLoginForm
    login_template = "admin/staff_login.html"

    def __init__(self, name: str = "admin") -> None:
        super().__init__(name)

    def has_permission(self, request: HttpRequest) -> bool:
        user: Any = request.user
        verified = getattr(user, "is_verified", lambda: False)
        return bool(user.is_active and user.is_superuser and verified())
