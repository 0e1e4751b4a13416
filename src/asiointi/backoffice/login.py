"""The staff login at the back office's own address: the admin's password + second factor form
(`admin_site.StaffLoginForm`), for any member of an agency's staff and platform superusers.

django-axes counts failures here as in the admin (`lockout.py`); the session gets the staff
idle timeout, and ends back at this page."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from asiointi.backoffice.admin_site import StaffLoginForm
from asiointi.identity.middleware import SESSION_IDLE_TIMEOUT, SESSION_LOGIN_URL_NAME


class BackofficeLoginForm(StaffLoginForm):
    error_messages = {
        **StaffLoginForm.error_messages,
        "not_staff": _(
            "This account does not belong to any agency's staff. Residents log in to "
            "e-services with strong identification."
        ),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Username")
        self.fields["password"].label = _("Password")

    def confirm_login_allowed(self, user: Any) -> None:
        AuthenticationForm.confirm_login_allowed(self, user)  # refuses inactive accounts
        staff = (
            user.is_superuser or user.agency_memberships.exists() or user.platform_roles.exists()
        )
        if not staff:
            raise forms.ValidationError(self.error_messages["not_staff"], code="not_staff")


def staff_session_start(session: Any) -> None:
    session[SESSION_IDLE_TIMEOUT] = settings.STAFF_SESSION_IDLE_TIMEOUT_SECONDS
    session[SESSION_LOGIN_URL_NAME] = "backoffice:login"
