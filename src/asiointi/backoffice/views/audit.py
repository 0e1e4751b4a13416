"""The auditor's search of the audit log: by person (found by identity code, sent by POST and
itself audited), by member of staff, by action and by time."""

import datetime
from typing import Any
from urllib.parse import urlencode

from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from asiointi.backoffice import selectors
from asiointi.backoffice.access import auditor_required
from asiointi.backoffice.forms import AuditFilterForm, AuditPersonForm
from asiointi.backoffice.services import audit_person_find
from asiointi.identity.models import User
from asiointi.privacy.identity_codes import identity_code_mask
from asiointi.privacy.models import AuditEvent

# The person found stays in the page's address as a signed token of the account, never the
# identity code; the signature keeps an auditor from searching anyone without an audited lookup.
PERSON_SALT = "backoffice.audit-person"
PERSON_TOKEN_SECONDS = 8 * 60 * 60


def _person_token(person: User) -> str:
    return signing.dumps(person.pk, salt=PERSON_SALT)


def _person_of(token: str) -> User | None:
    try:
        pk = signing.loads(token, salt=PERSON_SALT, max_age=PERSON_TOKEN_SECONDS)
    except signing.BadSignature:
        return None
    return User.objects.filter(pk=pk).first()


def _midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def _filters(form: AuditFilterForm, person: User | None) -> selectors.AuditFilter:
    data = form.cleaned_data
    since, until = data.get("since"), data.get("until")
    return selectors.AuditFilter(
        person=person,
        staff=form.chosen_staff(),
        action=data.get("action") or "",
        since=_midnight(since) if since else None,
        until=_midnight(until + datetime.timedelta(days=1)) if until else None,
    )


def _page(
    request: HttpRequest, person_form: AuditPersonForm, status: int = 200, **context: Any
) -> HttpResponse:
    form = AuditFilterForm(
        request.GET or None,
        staff=selectors.audit_staff_members(),
        actions=AuditEvent.Action.choices,
    )
    token = request.GET.get("person", "")
    person = _person_of(token) if token else None
    expired = bool(token) and person is None
    valid = form.is_valid() and not expired
    page = None
    if valid:
        page = selectors.audit_log_page(
            filters=_filters(form, person), page_number=request.GET.get("page")
        )
    elif form.is_bound:
        status = 400
    return render(
        request,
        "backoffice/audit_log.html",
        {
            "form": form,
            "person_form": person_form,
            "person": person,
            "person_expired": expired,
            "page": page,
            "query_string": urlencode(form.query()) if form.is_bound else "",
            "audit_current": True,
            "is_auditor": True,
            **context,
        },
        status=status,
    )


@require_safe
@auditor_required
def audit_log(request: HttpRequest) -> HttpResponse:
    return _page(request, AuditPersonForm())


@require_POST
@auditor_required
def audit_person(request: HttpRequest) -> HttpResponse:
    form = AuditPersonForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    code = form.cleaned_data["identity_code"]
    person = audit_person_find(identity_code=code, auditor=request.user, request=request)  # type: ignore[arg-type]
    if person is None:
        message = _("Nobody with the identity code %(code)s has used the e-services.") % {
            "code": identity_code_mask(code)
        }
        return _page(request, form, not_found=message)
    query = urlencode({"person": _person_token(person)})
    return HttpResponseRedirect(f"{reverse('backoffice:audit_log')}?{query}")
