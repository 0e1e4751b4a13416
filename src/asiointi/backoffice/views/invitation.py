"""The invitee's set-up page, opened from the invitation e-mail's one-time link: no login, the
signed link is the key. The page holds a secret, so no cache keeps it."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from asiointi.backoffice import invitations
from asiointi.backoffice.membership_forms import InvitationForm
from asiointi.backoffice.models import StaffInvitation


def _invalid(request: HttpRequest) -> HttpResponse:
    return render(request, "backoffice/staff_invitation_invalid.html", status=410)


def _set_up_page(
    request: HttpRequest, invitation: StaffInvitation, form: InvitationForm, status: int
) -> HttpResponse:
    address = invitations.totp_address(invitation)
    qr_path, qr_size = invitations.qr_path(address)
    context = {
        "invitation": invitation,
        "form": form,
        "secret": invitations.totp_secret(invitation),
        "otpauth": address,
        "qr_path": qr_path,
        "qr_size": qr_size,
    }
    return render(request, "backoffice/staff_invitation.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def staff_invitation(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitations.invitation_open(token=token)
    if invitation is None:
        return _invalid(request)
    data = request.POST if request.method == "POST" else None
    password = invitations.needs_password(invitation)
    form = InvitationForm(invitation.user, data, password=password)
    if form.is_valid():
        try:
            factor = invitations.invitation_complete(
                invitation=invitation,
                password=form.password(),
                code=form.cleaned_data["code"],
                request=request,
            )
        except invitations.InvitationRefused as refused:
            if not refused.field:
                return _invalid(request)
            form.add_error(refused.field, refused.message)
        else:
            context = {"codes": factor.recovery_codes, "username": invitation.user.username}
            return render(request, "backoffice/staff_invitation_done.html", context)
    return _set_up_page(request, invitation, form, 400 if form.errors else 200)
