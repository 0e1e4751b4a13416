"""An organisation's first use: the person acting for it confirms its e-mail or mobile number by
code, with the same forms, codes and limits as a person's registration."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language

from asiointi.customers.acting import acting_required
from asiointi.identity.views import safe_next
from asiointi.organisations.views import SESSION_NEXT
from asiointi.registration import services
from asiointi.registration.forms import CodeForm, ContactForm
from asiointi.registration.models import ContactVerification
from asiointi.registration.views import CONFIRMED

Channel = ContactVerification.Channel


@acting_required
def register(request: HttpRequest) -> HttpResponse:
    acting = request.acting  # type: ignore[attr-defined]
    organisation = acting.organisation
    if organisation is None:
        return HttpResponseRedirect(reverse("registration:contact_details"))
    if organisation.is_registered:
        # Whoever chooses it first registers it; changing its contact details needs full rights.
        acting.everything_or_404()
    initial = {"email": organisation.email, "mobile": organisation.mobile_number}
    form = ContactForm(request.POST or None, initial=initial, organisation=True)
    if request.method == "POST" and form.is_valid():
        try:
            for channel, address in (
                (Channel.EMAIL, form.cleaned_data["email"]),
                (Channel.SMS, form.cleaned_data["mobile"]),
            ):
                if address:
                    services.verification_start(
                        user=request.user,  # type: ignore[arg-type]
                        organisation=organisation,
                        channel=channel,
                        address=address,
                        language=get_language(),
                    )
        except services.VerificationRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            return HttpResponseRedirect(reverse("organisations:confirm"))
    return render(
        request, "organisations/register.html", {"form": form, "organisation": organisation}
    )


@acting_required
def confirm(request: HttpRequest) -> HttpResponse:
    organisation = request.acting.organisation  # type: ignore[attr-defined]
    if organisation is None:
        return HttpResponseRedirect(reverse("registration:confirm"))
    pending_forms = []
    for channel in Channel:
        pending = services.verification_pending(
            user=request.user,  # type: ignore[arg-type]
            channel=channel,
            organisation=organisation,
        )
        if pending is None:
            continue
        posted = request.method == "POST" and request.POST.get("channel") == channel
        form = CodeForm(request.POST if posted else None, prefix=channel)
        pending_forms.append((pending, form))
        if posted:
            try:
                if "resend" in request.POST:
                    services.verification_start(
                        user=request.user,  # type: ignore[arg-type]
                        organisation=organisation,
                        channel=channel,
                        address=pending.address,
                        language=get_language(),
                    )
                    return HttpResponseRedirect(reverse("organisations:confirm"))
                if form.is_valid():
                    services.verification_confirm(
                        request=request,
                        user=request.user,  # type: ignore[arg-type]
                        organisation=organisation,
                        channel=channel,
                        code=form.cleaned_data["code"],
                    )
                    messages.success(request, CONFIRMED[Channel(channel)])
                    return HttpResponseRedirect(reverse("organisations:confirm"))
            except services.VerificationRefused as refusal:
                form.add_error("code" if "resend" not in request.POST else None, refusal.message)
    if not pending_forms:
        organisation.refresh_from_db()
        if organisation.is_registered:
            return HttpResponseRedirect(
                safe_next(
                    request,
                    request.session.pop(SESSION_NEXT, None) or reverse("folder:index"),
                )
            )
        return HttpResponseRedirect(reverse("organisations:register"))
    context = {
        "pending": pending_forms,
        "change_url": reverse("organisations:register"),
        "organisation": organisation,
    }
    return render(request, "registration/confirm.html", context)
