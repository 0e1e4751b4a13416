"""Registration and changes of contact details: a person's own pages here, and the shared steps
the organisations app's pages use for an organisation (the same forms, codes and limits)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from asiointi.identity.models import User
from asiointi.identity.services import SESSION_MAIL
from asiointi.identity.views import NEXT_KEY, safe_next
from asiointi.registration import services
from asiointi.registration.forms import CodeForm, ContactForm
from asiointi.registration.models import ContactVerification

Channel = ContactVerification.Channel
RETURN_KEY = "registration_return"
CONFIRMED = {
    Channel.EMAIL: _("Your e-mail address is confirmed."),
    Channel.SMS: _("Your mobile phone number is confirmed."),
}
PendingForms = list[tuple[ContactVerification, CodeForm]]


@login_required
@require_http_methods(["GET", "POST"])
def contact_details(request: HttpRequest) -> HttpResponse:
    """First-login registration, and later changes: both confirm each address with a code."""
    user: User = request.user  # type: ignore[assignment]
    initial = {
        "email": user.email or request.session.get(SESSION_MAIL, ""),
        "mobile": user.mobile_number,
    }
    form = ContactForm(request.POST or None, initial=initial)
    if contacts_start(request, form, user=user):
        # A first registration goes on to the service the person was going to.
        request.session[RETURN_KEY] = (
            reverse("registration:contact_details")
            if user.is_registered
            else safe_next(request, request.session.get(NEXT_KEY))
        )
        return HttpResponseRedirect(reverse("registration:confirm"))
    template = (
        "registration/contact_details.html" if user.is_registered else "registration/register.html"
    )
    return render(request, template, {"form": form})


def contacts_start(
    request: HttpRequest,
    form: ContactForm,
    *,
    user: User,
    organisation: "services.Organisation | None" = None,
) -> bool:
    """Send the codes for a posted, valid contact form; a refusal becomes the form's error."""
    if request.method != "POST" or not form.is_valid():
        return False
    try:
        services.registration_start(
            user=user,
            organisation=organisation,
            email=form.cleaned_data["email"],
            mobile=form.cleaned_data["mobile"],
            language=get_language(),
        )
    except services.VerificationRefused as refusal:
        form.add_error(None, refusal.message)
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    pending, answered = codes_confirm(request, user=user, here=reverse("registration:confirm"))
    if answered is not None:
        return answered
    if not pending:
        return HttpResponseRedirect(safe_next(request, request.session.get(RETURN_KEY)))
    return render(request, "registration/confirm.html", {"pending": pending})


def codes_confirm(
    request: HttpRequest,
    *,
    user: User,
    here: str,
    organisation: "services.Organisation | None" = None,
) -> tuple[PendingForms, HttpResponse | None]:
    """The codes waiting for the person (for the organisation), each with its form; a posted code
    or "send again" is handled, and answered with a redirect back `here` when it went through."""
    pending_forms: PendingForms = []
    for channel in Channel:
        pending = services.verification_pending(
            user=user, channel=channel, organisation=organisation
        )
        if pending is None:
            continue
        posted = request.method == "POST" and request.POST.get("channel") == channel
        form = CodeForm(request.POST if posted else None, prefix=channel)
        pending_forms.append((pending, form))
        if posted and _confirm_or_resend(request, user, pending, form, organisation):
            sent = "resend" in request.POST
            return pending_forms, HttpResponseRedirect(f"{here}?sent={channel}" if sent else here)
    return pending_forms, None


def _confirm_or_resend(
    request: HttpRequest,
    user: User,
    pending: ContactVerification,
    form: CodeForm,
    organisation: "services.Organisation | None",
) -> bool:
    resend = "resend" in request.POST
    try:
        if resend:
            services.verification_start(
                user=user,
                organisation=organisation,
                channel=pending.channel,
                address=pending.address,
                language=get_language(),
            )
            return True
        if form.is_valid():
            services.verification_confirm(
                request=request,
                user=user,
                organisation=organisation,
                channel=pending.channel,
                code=form.cleaned_data["code"],
            )
            messages.success(request, CONFIRMED[Channel(pending.channel)])
            return True
    except services.VerificationRefused as refusal:
        form.add_error(None if resend else "code", refusal.message)
    return False
