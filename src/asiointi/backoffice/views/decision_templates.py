"""The agency's decision templates (service managers and agency administrators), and the clerk's
preview of a case's decision before sending it."""

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from asiointi.backoffice import decisions, services
from asiointi.backoffice.access import agency_member_required
from asiointi.backoffice.decision_forms import DecisionTemplateForm, PreviewLanguageForm
from asiointi.backoffice.decision_texts import DecisionFacts
from asiointi.backoffice.models import DecisionTemplate
from asiointi.backoffice.views.cases import _case, _case_page, message_form
from asiointi.backoffice.views.grants import MANAGERS
from asiointi.identity.models import User


def _list_url(request: HttpRequest) -> str:
    agency = request.membership.agency  # type: ignore[attr-defined]
    return reverse("backoffice:decision_templates", args=[agency.slug])


def _render(request: HttpRequest, page: str, status: int = 200, **context: Any) -> HttpResponse:
    context["membership"] = request.membership  # type: ignore[attr-defined]
    context["decision_templates_current"] = True
    if isinstance(context.get("form"), DecisionTemplateForm) and context["form"].errors:
        context["forms_with_errors"] = [context["form"]]
    return render(request, page, context, status=status)


@require_safe
@agency_member_required(*MANAGERS)
def template_list(request: HttpRequest) -> HttpResponse:
    agency = request.membership.agency  # type: ignore[attr-defined]
    rows = [
        {"template": t, "missing": decisions.missing_languages(t)}
        for t in decisions.decision_templates_of_agency(agency=agency)
    ]
    return _render(request, "backoffice/decision_templates.html", rows=rows)


def _save(request: HttpRequest, template: DecisionTemplate | None) -> HttpResponse:
    agency = request.membership.agency  # type: ignore[attr-defined]
    form = DecisionTemplateForm(request.POST, agency=agency)
    if form.is_valid():
        try:
            decisions.decision_template_save(
                agency=agency,
                template=template,
                fields=form.fields_for_saving(),
                by=request.user,  # type: ignore[arg-type]
            )
        except ValidationError as refused:
            form.add_error(None, refused)
        else:
            messages.success(request, _("The decision template was saved."))
            return HttpResponseRedirect(_list_url(request), status=303)
    return _render(
        request, "backoffice/decision_template.html", status=400, form=form, template=template
    )


@require_http_methods(["GET", "HEAD", "POST"])
@agency_member_required(*MANAGERS)
def template_add(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _save(request, None)
    form = DecisionTemplateForm(agency=request.membership.agency)  # type: ignore[attr-defined]
    return _render(request, "backoffice/decision_template.html", form=form, template=None)


@require_http_methods(["GET", "HEAD", "POST"])
@agency_member_required(*MANAGERS)
def template_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agency = request.membership.agency  # type: ignore[attr-defined]
    template = decisions.decision_template_of_agency(agency=agency, pk=pk)
    if request.method == "POST":
        return _save(request, template)
    form = DecisionTemplateForm.for_template(template)
    return _render(request, "backoffice/decision_template.html", form=form, template=template)


@require_POST
@agency_member_required(*MANAGERS)
def template_active(request: HttpRequest, pk: int) -> HttpResponse:
    agency = request.membership.agency  # type: ignore[attr-defined]
    template = decisions.decision_template_of_agency(agency=agency, pk=pk)
    active = request.POST.get("active") == "1"
    decisions.decision_template_active_set(
        template=template,
        active=active,
        by=request.user,  # type: ignore[arg-type]
    )
    if active:
        messages.success(request, _("The decision template is in use again."))
    else:
        messages.success(request, _("The decision template is no longer in use."))
    return HttpResponseRedirect(_list_url(request), status=303)


def _example_facts(request: HttpRequest, language: str) -> DecisionFacts:
    today = timezone.localdate()
    user: User = request.user  # type: ignore[assignment]
    with translation.override(language):
        service = _("Example service")
    return DecisionFacts(
        customer_name="Maija Meikäläinen",
        reference="HEL-2027-000123",
        service=service,
        sent_date=today - timedelta(days=14),
        decision_date=today,
        clerk_name=user.get_full_name() or user.get_username(),
        clerk_title=decisions.clerk_title(
            clerk=user,
            agency=request.membership.agency,  # type: ignore[attr-defined]
            language=language,
        ),
    )


def _pdf(document: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_POST
@agency_member_required(*MANAGERS)
def template_preview(request: HttpRequest) -> HttpResponse:
    """The template as typed (saved or not), filled with example values, as a PDF."""
    agency = request.membership.agency  # type: ignore[attr-defined]
    form = DecisionTemplateForm(request.POST, agency=agency)
    chosen = PreviewLanguageForm(request.POST)
    if not (form.is_valid() and chosen.is_valid()):
        # Shown again where the manager was: the template being edited, or a new one.
        pk = request.POST.get("pk", "")
        template = (
            decisions.decision_template_of_agency(agency=agency, pk=int(pk))
            if pk.isdigit()
            else None
        )
        return _render(
            request, "backoffice/decision_template.html", status=400, form=form, template=template
        )
    language = chosen.cleaned_data["language"]
    template = DecisionTemplate(agency=agency, **form.fields_for_saving())
    facts = _example_facts(request, language)
    body, appeal = decisions.decision_texts(template=template, facts=facts, language=language)
    document = decisions.decision_pdf(
        agency=agency,
        facts=facts,
        body=body,
        reasoning=_("The clerk's reasoning for the case is written here."),
        appeal=appeal,
        language=language,
    )
    return _pdf(document, "preview.pdf")


@require_POST
@agency_member_required()
def case_decision_preview(request: HttpRequest, reference: str) -> HttpResponse:
    """The decision's PDF as it would be sent now; nothing is sent or kept."""
    submission = _case(request, reference)
    form = message_form(submission, request.POST, request.FILES)
    if form.is_valid() and form.cleaned_data["kind"] == "decision":
        if form.cleaned_data.get("document"):
            return _pdf(form.cleaned_data["document"], f"{submission.reference}.pdf")
        try:
            document = services.case_decision_preview(
                submission=submission,
                body=form.cleaned_data["body"],
                by=request.user,  # type: ignore[arg-type]
                template=form.chosen_template(),
            )
        except services.CaseRefused as refused:
            form.add_error(None, refused.message)
        else:
            return _pdf(document, f"{submission.reference}.pdf")
    elif form.is_valid():
        form.add_error("kind", _("Only a decision has a PDF to preview."))
    return _case_page(request, submission, status=400, message_form=form)
