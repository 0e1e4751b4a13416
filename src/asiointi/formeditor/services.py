"""Writes of the form editor. Each change locks the draft and applies to what is stored now, so
two managers changing the same form at once both keep their change."""

from collections.abc import Callable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import translation

from asiointi.catalogue.models import Service
from asiointi.eforms.checks import publishing_problems
from asiointi.eforms.definition import LANGUAGES, DefinitionError, definition_read
from asiointi.eforms.models import FormVersion
from asiointi.eforms.selectors import form_version_current
from asiointi.eforms.services import form_define, form_publish
from asiointi.formeditor.document import Document, document_empty
from asiointi.formeditor.models import FormDraft


def _service_names(service: Service) -> dict[str, str]:
    names = {}
    for language in LANGUAGES:
        with translation.override(language):
            names[language] = str(getattr(service, f"name_{language}", "") or service.name)
    return names


@transaction.atomic
def draft_open(*, service: Service, user: Any) -> FormDraft:
    """The service's draft; a new one is the published form as it is now, or an empty form."""
    draft = FormDraft.objects.filter(service=service).first()
    if draft is not None:
        return draft
    current = form_version_current(service=service)
    document = current.document if current else document_empty(_service_names(service))
    try:
        with transaction.atomic():
            return FormDraft.objects.create(
                service=service, document=document, based_on=current, updated_by=user
            )
    except IntegrityError:  # opened at the same moment by another press: that one
        return FormDraft.objects.get(service=service)


@transaction.atomic
def draft_change(
    *, draft: FormDraft, change: Callable[[Document], Document], user: Any
) -> FormDraft:
    locked = FormDraft.objects.select_for_update().get(pk=draft.pk)
    locked.document = change(locked.document)
    locked.updated_by = user
    locked.save(update_fields=["document", "updated_by", "updated_at"])
    return locked


def problems_of(document: Document) -> list[str]:
    """Everything publishing would refuse, in the active language."""
    definition, problems = definition_read(document)
    if definition is not None and not problems:
        problems = publishing_problems(definition)
    return problems


@transaction.atomic
def draft_publish(*, draft: FormDraft, user: Any) -> FormVersion:
    """The draft as a new numbered version; DefinitionError names every problem and publishes
    nothing. A second press publishes nothing new: it gets the version the first one made."""
    locked = FormDraft.objects.select_for_update().get(pk=draft.pk)
    if locked.based_on is not None and locked.based_on.document == locked.document:
        return locked.based_on
    problems = problems_of(locked.document)
    if problems:
        raise DefinitionError(problems)
    form = form_define(service=locked.service, document=locked.document)
    version = form_publish(form=form, published_by=user)
    locked.based_on = version
    locked.save(update_fields=["based_on", "updated_at"])
    return version


@transaction.atomic
def draft_import(*, draft: FormDraft, document: Any, user: Any) -> FormDraft:
    """The draft replaced by an exported definition, checked as publishing checks it first."""
    problems = problems_of(document)
    if problems:
        raise DefinitionError(problems)
    return draft_change(draft=draft, change=lambda _old: document, user=user)
