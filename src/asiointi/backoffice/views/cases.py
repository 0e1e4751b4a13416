import uuid
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.forms import Form
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    StreamingHttpResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from asiointi.attachments.responses import attachment_response, private_file_response
from asiointi.backoffice import decisions, selectors, services
from asiointi.backoffice.access import agency_member_required
from asiointi.backoffice.forms import (
    CASE_STATUS_LABELS,
    AssignForm,
    CaseFilterForm,
    MessageForm,
    NoteForm,
    RevealForm,
    StatusForm,
)
from asiointi.identity.models import User
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record
from asiointi.submissions.models import Submission


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], status: int = 200
) -> HttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    return render(request, template, {"membership": membership, **context}, status=status)


def _filter_form(request: HttpRequest, staff: list[User] | None = None) -> CaseFilterForm:
    agency = request.membership.agency  # type: ignore[attr-defined]
    return CaseFilterForm(
        request.GET or None,
        services=selectors.agency_services(agency=agency),
        staff=selectors.agency_staff(agency=agency) if staff is None else staff,
    )


@require_safe
@agency_member_required()
def inbox(request: HttpRequest) -> HttpResponse:
    agency = request.membership.agency  # type: ignore[attr-defined]
    staff = selectors.agency_staff(agency=agency)
    form = _filter_form(request, staff)
    page = selectors.cases_page(
        agency=agency, filters=form.filters(), page_number=request.GET.get("page"), staff=staff
    )
    for case in page.object_list:
        case.case_status_label = CASE_STATUS_LABELS[case.case_status]
    return _render(
        request,
        "backoffice/inbox.html",
        {
            "form": form,
            "page": page,
            "labels": CASE_STATUS_LABELS,
            "query_string": urlencode(form.filters().query),
            "inbox_current": True,
        },
    )


@require_safe
@agency_member_required()
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    membership = request.membership  # type: ignore[attr-defined]
    header = [
        _("Reference"),
        _("Service"),
        _("Status"),
        _("Sent"),
        _("Customer"),
        _("Business ID"),
        _("Handler"),
    ]
    rows = selectors.case_rows_csv(
        agency=membership.agency, filters=_filter_form(request).filters(), header=header
    )
    audit_record(
        action=AuditEvent.Action.PERSONAL_DATA_READ,
        request=request,
        target=f"agency:{membership.agency.slug}",
        details={"what": "case list exported"},
    )
    response = StreamingHttpResponse(rows, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cases.csv"'
    return response


def _case(request: HttpRequest, reference: str) -> Submission:
    return selectors.case_for_member(
        membership=request.membership,  # type: ignore[attr-defined]
        reference=reference,
    )


def _case_page(
    request: HttpRequest, submission: Submission, status: int = 200, **forms: object
) -> HttpResponse:
    agency = request.membership.agency  # type: ignore[attr-defined]
    case = selectors.case_view(submission=submission)
    staff = selectors.agency_staff(agency=agency)
    person = submission.customer.person if submission.customer else None
    context = {
        "case": case,
        "submission": submission,
        "agency": agency,
        "customer_name": selectors.customer_name(submission),
        "identity_code_masked": person.identity_code_masked if person else "",
        "labels": CASE_STATUS_LABELS,
        "status_form": StatusForm(),
        "assign_form": AssignForm(
            initial={"assignee": case.assignee.pk if case.assignee else ""}, staff=staff
        ),
        "note_form": NoteForm(),
        "message_form": message_form(submission),
        "reveal_form": RevealForm(),
        **forms,
    }
    context["forms_with_errors"] = [
        form for form in forms.values() if isinstance(form, Form) and form.errors
    ]
    audit_record(
        action=AuditEvent.Action.PERSONAL_DATA_READ,
        request=request,
        target=f"submission:{submission.pk}",
        details={"what": "case read", "reference": submission.reference},
    )
    return _render(request, "backoffice/case.html", context, status=status)


def message_form(submission: Submission, data: Any = None, files: Any = None) -> MessageForm:
    """The form to write to the customer, with the decision templates this case may use."""
    templates = decisions.decision_templates_for_case(submission=submission)
    initial = {"kind": "message", "form_key": uuid.uuid4().hex}
    return MessageForm(data, files, initial=initial, templates=templates)


def _back(request: HttpRequest, submission: Submission, anchor: str = "") -> HttpResponse:
    agency = request.membership.agency  # type: ignore[attr-defined]
    url = reverse("backoffice:case", args=[agency.slug, submission.reference])
    return HttpResponseRedirect(url + (f"#{anchor}" if anchor else ""))


@require_safe
@agency_member_required()
def case(request: HttpRequest, reference: str) -> HttpResponse:
    return _case_page(request, _case(request, reference))


@require_POST
@agency_member_required()
def case_status(request: HttpRequest, reference: str) -> HttpResponse:
    submission = _case(request, reference)
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _case_page(request, submission, status=400, status_form=form)
    changed = services.case_status_set(
        submission=submission,
        status=form.status_value(),
        by=request.user,  # type: ignore[arg-type]
    )
    if changed:
        messages.success(request, _("The status was changed. The customer has been told."))
    else:
        messages.success(request, _("The case already had that status."))
    return _back(request, submission)


@require_POST
@agency_member_required()
def case_assign(request: HttpRequest, reference: str) -> HttpResponse:
    submission = _case(request, reference)
    staff = selectors.agency_staff(agency=request.membership.agency)  # type: ignore[attr-defined]
    form = AssignForm(request.POST, staff=staff)
    if not form.is_valid():
        return _case_page(request, submission, status=400, assign_form=form)
    services.case_assign(
        submission=submission,
        assignee=form.chosen(),
        by=request.user,  # type: ignore[arg-type]
    )
    messages.success(request, _("The handler was changed."))
    return _back(request, submission)


@require_POST
@agency_member_required()
def case_note(request: HttpRequest, reference: str) -> HttpResponse:
    submission = _case(request, reference)
    form = NoteForm(request.POST)
    if not form.is_valid():
        return _case_page(request, submission, status=400, note_form=form)
    services.case_note_add(
        submission=submission,
        body=form.cleaned_data["body"],
        by=request.user,  # type: ignore[arg-type]
    )
    messages.success(request, _("The note was saved."))
    return _back(request, submission, "notes")


@require_POST
@agency_member_required()
def case_message(request: HttpRequest, reference: str) -> HttpResponse:
    submission = _case(request, reference)
    form = message_form(submission, request.POST, request.FILES)
    if form.is_valid():
        kind = form.cleaned_data["kind"]
        document = form.cleaned_data.get("document")
        try:
            sent = services.case_message_send(
                submission=submission,
                body=form.cleaned_data["body"],
                by=request.user,  # type: ignore[arg-type]
                ask_for_information=kind == "ask",
                decision=kind == "decision",
                document=document,
                document_name=f"{submission.reference}.pdf" if document else "",
                template=form.chosen_template(),
                form_key=form.cleaned_data["form_key"],
            )
        except services.CaseRefused as refused:
            form.add_error(None, refused.message)
        else:
            if sent:
                messages.success(request, _("The message was sent. The customer has been told."))
            else:
                messages.info(request, _("This form had already been sent; it was sent once."))
            return _back(request, submission, "thread")
    return _case_page(request, submission, status=400, message_form=form)


@require_POST
@agency_member_required()
def case_reveal(request: HttpRequest, reference: str) -> HttpResponse:
    """The full identity code, shown on this one answer only (never in a URL or the session)."""
    submission = _case(request, reference)
    form = RevealForm(request.POST)
    if not form.is_valid():
        return _case_page(request, submission, status=400, reveal_form=form)
    try:
        code = services.case_identity_code_reveal(
            submission=submission, reason=form.cleaned_data["reason"], request=request
        )
    except services.CaseRefused as refused:
        form.add_error(None, refused.message)
        return _case_page(request, submission, status=400, reveal_form=form)
    return _case_page(request, submission, identity_code=code)


@require_POST
@agency_member_required()
def case_retry(request: HttpRequest, reference: str) -> HttpResponse:
    submission = _case(request, reference)
    try:
        services.case_delivery_retry(submission=submission, by=request.user)  # type: ignore[arg-type]
    except services.CaseRefused as refused:
        messages.error(request, refused.message)
    else:
        messages.success(request, _("Delivery to the agency's system was started again."))
    return _back(request, submission)


@require_safe
@agency_member_required()
def case_attachment(request: HttpRequest, reference: str, pk: str) -> HttpResponseBase:
    submission = _case(request, reference)
    attachment = selectors.case_attachment(submission=submission, pk=pk)
    details = {"what": "case attachment opened", "reference": submission.reference}
    return attachment_response(request, attachment, details=details)


@require_safe
@agency_member_required()
def case_document(request: HttpRequest, reference: str, pk: int) -> HttpResponseBase:
    submission = _case(request, reference)
    message = selectors.case_decision_document(submission=submission, pk=pk)
    return private_file_response(
        request=request,
        content=message.document.open("rb"),
        filename=message.document_name,
        audit_target=f"folder.document:{message.pk}",
        audit_details={"what": "case decision opened", "reference": submission.reference},
        inline=True,
    )
