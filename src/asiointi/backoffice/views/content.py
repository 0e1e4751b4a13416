"""The agency's service pages, edited by its service managers and administrators in fi, sv and
en. A save refused because someone else saved first keeps what was typed and shows the current
text; every save is in the audit log, naming the fields changed (never their values)."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from asiointi.backoffice.access import agency_manager_required
from asiointi.backoffice.content_forms import LanguagesForm, ServiceForm
from asiointi.backoffice.selectors import agency_services
from asiointi.catalogue.models import Service
from asiointi.catalogue.selectors import service_of_agency
from asiointi.catalogue.services import (
    SERVICE_FIELDS,
    service_update,
    service_version,
)
from asiointi.edits import ChangedMeanwhile
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record


def content_saved(request: HttpRequest, *, target: str, what: str, changed: list[str]) -> None:
    """The audit row and the message of a save."""
    audit_record(
        action=AuditEvent.Action.CONTENT_CHANGED,
        request=request,
        target=target,
        details={"what": what, "fields": changed},
    )
    # The page it returns to warns of missing translations.
    messages.success(request, _("The changes were saved.") if changed else _("Nothing changed."))


def stale_form(form: LanguagesForm, version: str) -> None:
    """Keep what was typed, and take the current version: saving again is a deliberate choice
    made after seeing the current text."""
    data = form.data.copy()  # type: ignore[attr-defined]
    data["seen"] = version
    form.data = data
    form.add_error(
        None,
        _(
            "Someone else saved this page after you opened it. Your text is kept in the form "
            "and the text saved meanwhile is shown above it: compare them, then save again if "
            "yours should stay."
        ),
    )


def current_texts(form: LanguagesForm, current: Any) -> list[Any]:
    """The saved texts that differ from what was typed, with their labels."""
    rows = []
    for name in form.text_field_names():
        saved = getattr(current, name) or ""
        if saved.replace("\r\n", "\n") != form.data.get(name, "").replace("\r\n", "\n"):
            rows.append({"label": form.fields[name].label, "value": saved})
    return rows


def _agency(request: HttpRequest) -> Any:
    return request.membership.agency  # type: ignore[attr-defined]


@require_safe
@agency_manager_required
def service_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "backoffice/services.html",
        {
            "membership": request.membership,  # type: ignore[attr-defined]
            "services": agency_services(agency=_agency(request)),
            "services_current": True,
        },
    )


def _service_page(
    request: HttpRequest, service: Service, form: ServiceForm, status: int = 200, **extra: Any
) -> HttpResponse:
    context = {
        "membership": request.membership,  # type: ignore[attr-defined]
        "service": service,
        "form": form,
        "missing": form.missing_translations(),
        "services_current": True,
        **extra,
    }
    return render(request, "backoffice/service_edit.html", context, status=status)


@require_http_methods(["GET", "HEAD", "POST"])
@agency_manager_required
def service_edit(request: HttpRequest, slug: str) -> HttpResponse:
    service = service_of_agency(agency_id=_agency(request).pk, slug=slug)
    if request.method != "POST":
        initial = {name: getattr(service, name) for name in SERVICE_FIELDS}
        form = ServiceForm(initial={**initial, "seen": service_version(service)})
        return _service_page(request, service, form)
    form = ServiceForm(request.POST)
    if not form.is_valid():
        return _service_page(request, service, form, status=400)
    try:
        changed = service_update(
            service=service, values=form.cleaned_data, seen=form.cleaned_data["seen"]
        )
    except ChangedMeanwhile as stale:
        current = current_texts(form, stale.current)
        stale_form(form, service_version(stale.current))
        return _service_page(request, stale.current, form, status=409, current=current)
    content_saved(
        request,
        target=f"service:{service.pk}",
        what="service page edited",
        changed=changed,
    )
    url = reverse("backoffice:service_edit", args=[_agency(request).slug, service.slug])
    return HttpResponseRedirect(url, status=303)
