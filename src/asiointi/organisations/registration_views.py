"""An organisation's first use: the person acting for it confirms its e-mail or mobile number by
code, through the same steps as a person's registration (`registration.views`)."""

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from asiointi.customers.acting import ActingRequest, acting_required
from asiointi.identity.views import safe_next
from asiointi.organisations.selectors import organisation_get
from asiointi.organisations.views import SESSION_NEXT
from asiointi.registration.forms import ContactForm
from asiointi.registration.views import codes_confirm, contacts_start


@acting_required
def register(request: ActingRequest) -> HttpResponse:
    acting = request.acting
    organisation = acting.organisation
    if organisation is None:
        return HttpResponseRedirect(reverse("registration:contact_details"))
    if organisation.is_registered:
        # Whoever chooses it first registers it; changing its contact details needs full rights.
        acting.everything_or_404()
    initial = {"email": organisation.email, "mobile": organisation.mobile_number}
    form = ContactForm(request.POST or None, initial=initial, organisation=True)
    if contacts_start(request, form, user=acting.person, organisation=organisation):
        return HttpResponseRedirect(reverse("organisations:confirm"))
    return render(
        request, "organisations/register.html", {"form": form, "organisation": organisation}
    )


@acting_required
def confirm(request: ActingRequest) -> HttpResponse:
    acting = request.acting
    organisation = acting.organisation
    if organisation is None:
        return HttpResponseRedirect(reverse("registration:confirm"))
    here = reverse("organisations:confirm")
    pending, answered = codes_confirm(
        request, user=acting.person, here=here, organisation=organisation
    )
    if answered is not None:
        return answered
    if not pending:
        if organisation_get(organisation.pk).is_registered:
            next_url = request.session.pop(SESSION_NEXT, None) or reverse("folder:index")
            return HttpResponseRedirect(safe_next(request, next_url))
        return HttpResponseRedirect(reverse("organisations:register"))
    context = {
        "pending": pending,
        "change_url": reverse("organisations:register"),
        "organisation": organisation,
    }
    return render(request, "registration/confirm.html", context)
