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
NOTHING_CHANGED = _("These are already your confirmed contact details.")
CONFIRMED = {
    Channel.EMAIL: _("Your e-mail address is confirmed."),
    Channel.SMS: _("Your mobile phone number is confirmed."),
}


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
    if request.method == "POST" and form.is_valid():
        try:
            _start_verifications(request, user, form)
        except services.VerificationRefused as refusal:
            form.add_error(None, refusal.message)
        else:
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


def _start_verifications(request: HttpRequest, user: User, form: ContactForm) -> None:
    wanted = {Channel.EMAIL: form.cleaned_data["email"], Channel.SMS: form.cleaned_data["mobile"]}
    current = {Channel.EMAIL: user.email, Channel.SMS: user.mobile_number}
    changed = {
        channel: address
        for channel, address in wanted.items()
        if address and address != current[channel]
    }
    if not changed and user.is_registered:
        raise services.VerificationRefused(str(NOTHING_CHANGED))
    for channel, address in changed.items():
        services.verification_start(
            user=user, channel=channel, address=address, language=get_language()
        )


@login_required
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest) -> HttpResponse:
    user: User = request.user  # type: ignore[assignment]
    forms_by_channel = {}
    for channel in Channel:
        pending = services.verification_pending(user=user, channel=channel)
        if pending is None:
            continue
        posted = request.method == "POST" and request.POST.get("channel") == channel
        form = CodeForm(request.POST if posted else None, prefix=channel)
        forms_by_channel[channel] = (pending, form)
        if posted:
            response = _confirm_or_resend(request, user, pending, form)
            if response:
                return response
    if not forms_by_channel:
        return HttpResponseRedirect(safe_next(request, request.session.get(RETURN_KEY)))
    return render(request, "registration/confirm.html", {"pending": forms_by_channel.values()})


def _confirm_or_resend(
    request: HttpRequest, user: User, pending: ContactVerification, form: CodeForm
) -> HttpResponse | None:
    try:
        if "resend" in request.POST:
            services.verification_start(
                user=user, channel=pending.channel, address=pending.address, language=get_language()
            )
            return HttpResponseRedirect(f"{reverse('registration:confirm')}?sent={pending.channel}")
        if form.is_valid():
            services.verification_confirm(
                request=request, user=user, channel=pending.channel, code=form.cleaned_data["code"]
            )
            messages.success(request, CONFIRMED[Channel(pending.channel)])
            return HttpResponseRedirect(reverse("registration:confirm"))
    except services.VerificationRefused as refusal:
        form.add_error("code" if "resend" not in request.POST else None, refusal.message)
    return None
