from typing import Any

from django.db import transaction
from django.db.models import Max
from django.urls import reverse

from asiointi.catalogue.models import Service
from asiointi.eforms.checks import publishing_problems
from asiointi.eforms.definition import DefinitionError, parse
from asiointi.eforms.models import Form, FormVersion
from asiointi.eforms.schema import schema_build
from asiointi.identity.models import User


@transaction.atomic
def form_publish(*, form: Form, published_by: User | None = None) -> FormVersion:
    """Make the definition being edited a new, unchangeable version with its answer schema.

    A definition with problems raises DefinitionError naming each one; nothing is published.
    """
    form = Form.objects.select_for_update().get(pk=form.pk)
    definition = parse(form.document)
    problems = publishing_problems(definition)
    if problems:
        raise DefinitionError(problems)
    number = (form.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    schema_id = reverse("eforms:schema", kwargs={"slug": form.service.slug, "number": number})
    return FormVersion.objects.create(
        form=form,
        number=number,
        document=form.document,
        schema=schema_build(definition, schema_id=schema_id),
        published_by=published_by,
    )


@transaction.atomic
def form_define(*, service: Service, document: dict[str, Any]) -> Form:
    """Set the definition being edited (published only by `form_publish`)."""
    form, _created = Form.objects.update_or_create(service=service, defaults={"document": document})
    return form
