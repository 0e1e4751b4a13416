"""Decision templates an agency keeps (its service managers and administrators write them) and
the decision PDF made for a case, from a template or from the clerk's own text.

Sending stays `services.case_message_send`; this module makes what it sends."""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from asiointi.backoffice.decision_texts import DecisionFacts, placeholder_problems, text_fill
from asiointi.backoffice.models import AgencyMembership, DecisionTemplate
from asiointi.backoffice.selectors import customer_name
from asiointi.catalogue.models import Agency, Service
from asiointi.folder.selectors import notification_preference
from asiointi.identity.models import User
from asiointi.pdf import pdf_render
from asiointi.plain_text import plain_text_problem
from asiointi.submissions.models import Submission

LANGUAGES = ("fi", "sv", "en")
TEXT_FIELDS = tuple(f"{part}_{language}" for part in ("body", "appeal") for language in LANGUAGES)
EDITABLE_FIELDS = ("name", "service", *TEXT_FIELDS)


# Reads.


def decision_templates_of_agency(*, agency: Agency) -> list[DecisionTemplate]:
    return list(
        DecisionTemplate.objects.filter(agency=agency)
        .select_related("service", "updated_by")
        .order_by("-active", "name", "pk")
    )


def decision_template_of_agency(*, agency: Agency, pk: int) -> DecisionTemplate:
    template = DecisionTemplate.objects.filter(agency=agency, pk=pk).first()
    if template is None:
        raise Http404
    return template


def decision_templates_for_case(*, submission: Submission) -> list[DecisionTemplate]:
    """The templates a clerk may decide this case with: in use, of the case's agency, for its
    service or for any of the agency's."""
    service = submission.service
    return [
        template
        for template in DecisionTemplate.objects.filter(
            agency_id=service.agency_id, active=True
        ).select_related("service")
        if template.service_id in (None, service.pk)
    ]


def decision_template_for_case(*, submission: Submission, pk: object) -> DecisionTemplate | None:
    """The chosen template, or None when it is not one of the case's (another agency's, not in
    use, another service's, or no template at all)."""
    return next(
        (t for t in decision_templates_for_case(submission=submission) if str(t.pk) == str(pk)),
        None,
    )


LANGUAGE_NAMES = {"fi": _("Finnish"), "sv": _("Swedish"), "en": _("English")}


def missing_languages(template: DecisionTemplate) -> list[str]:
    return [
        str(LANGUAGE_NAMES[lang]) for lang in LANGUAGES if not getattr(template, f"body_{lang}")
    ]


# Writes.


def decision_template_problems(*, agency: Agency, fields: dict[str, Any]) -> dict[str, list[str]]:
    """What is wrong with a template's fields, per field, in the manager's language."""
    problems: dict[str, list[str]] = {}
    service = fields.get("service")
    if service is not None and (not isinstance(service, Service) or service.agency_id != agency.pk):
        problems["service"] = [str(_("Choose one of this agency's services."))]
    if not str(fields.get("name", "")).strip():
        problems["name"] = [str(_("Give the template a name."))]
    if not str(fields.get("body_fi", "")).strip():
        problems["body_fi"] = [str(_("Write the decision text in Finnish."))]
    for name in TEXT_FIELDS:
        text = str(fields.get(name, ""))
        found = placeholder_problems(text)
        problem = plain_text_problem(text, multiline=True)
        if problem:
            found.append(str(problem))
        if found:
            problems.setdefault(name, []).extend(found)
    return problems


@transaction.atomic
def decision_template_save(
    *, agency: Agency, fields: dict[str, Any], by: User, template: DecisionTemplate | None = None
) -> DecisionTemplate:
    """A new template of the agency, or its template changed. Refused (ValidationError per field)
    with an unknown placeholder, a service of another agency or no Finnish text."""
    problems = decision_template_problems(agency=agency, fields=fields)
    if problems:
        raise ValidationError(problems)  # type: ignore[arg-type]
    if template is None:
        template = DecisionTemplate(agency=agency, created_by=by)
    elif template.agency_id != agency.pk:
        raise Http404
    for name in EDITABLE_FIELDS:
        value = fields.get(name, "" if name != "service" else None)
        setattr(template, name, value.strip() if isinstance(value, str) else value)
    template.updated_by = by
    template.save()
    return template


@transaction.atomic
def decision_template_active_set(
    *, template: DecisionTemplate, active: bool, by: User
) -> DecisionTemplate:
    """Take the template out of use (clerks no longer see it; decisions made with it remain), or
    back into use."""
    DecisionTemplate.objects.filter(pk=template.pk).update(
        active=active, updated_by=by, updated_at=timezone.now()
    )
    template.refresh_from_db()
    return template


# The decision's document.


def customer_language(submission: Submission) -> str:
    """The language the customer chose for their folder's news, else the one they sent the form
    in, else Finnish."""
    preference = (
        notification_preference(customer=submission.customer) if submission.customer else None
    )
    for language in (preference.language if preference else "", submission.language):
        if language in LANGUAGES:
            return language
    return "fi"


def clerk_title(*, clerk: User, agency: Agency, language: str) -> str:
    membership = AgencyMembership.objects.filter(user_id=clerk.pk, agency=agency).first()
    with translation.override(language):
        return str(membership.get_role_display()) if membership else ""


def case_facts(*, submission: Submission, clerk: User, on: date, language: str) -> DecisionFacts:
    service = submission.service
    with translation.override(language):
        service_name = str(service.name)
    return DecisionFacts(
        customer_name=customer_name(submission),
        reference=submission.reference,
        service=service_name,
        sent_date=timezone.localdate(submission.sent_at),
        decision_date=on,
        clerk_name=clerk.get_full_name() or clerk.get_username(),
        clerk_title=clerk_title(clerk=clerk, agency=service.agency, language=language),
    )


def decision_texts(
    *, template: DecisionTemplate, facts: DecisionFacts, language: str
) -> tuple[str, str]:
    """The template's body and appeal instructions filled for the case, in `language`."""
    values = facts.values(language)
    return (
        text_fill(template.text("body", language), values),
        text_fill(template.text("appeal", language), values),
    )


def decision_pdf(
    *,
    agency: Agency,
    facts: DecisionFacts,
    body: str,
    reasoning: str,
    appeal: str,
    language: str,
) -> bytes:
    with translation.override(language):
        agency_name = str(agency.name)
    return pdf_render(
        template_name="backoffice/pdf/decision.html",
        context={
            "agency": agency_name,
            "facts": facts,
            "body": body,
            "reasoning": reasoning,
            "appeal": appeal,
        },
        language=language,
    )


def case_decision(
    *, submission: Submission, clerk: User, template: DecisionTemplate | None, text: str, on: date
) -> tuple[bytes, str]:
    """The decision's PDF and the message that carries it, in the customer's language.

    From a template: its text and appeal instructions filled for the case, `text` being the
    clerk's reasoning (may be empty). Without one: `text` is the decision."""
    language = customer_language(submission)
    facts = case_facts(submission=submission, clerk=clerk, on=on, language=language)
    if template is None:
        body, appeal, reasoning = text, "", ""
    else:
        body, appeal = decision_texts(template=template, facts=facts, language=language)
        reasoning = text
    document = decision_pdf(
        agency=submission.service.agency,
        facts=facts,
        body=body,
        reasoning=reasoning,
        appeal=appeal,
        language=language,
    )
    return document, "\n\n".join(part for part in (body, reasoning) if part)
