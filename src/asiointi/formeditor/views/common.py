"""What every editor view shares: the service's draft, addresses, the page's context."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from asiointi.catalogue.models import Service
from asiointi.eforms.definition import Text, text_of
from asiointi.formeditor import services
from asiointi.formeditor.document import Document
from asiointi.formeditor.models import FormDraft
from asiointi.formeditor.selectors import draft_of


def url(name: str, service: Service, *args: object) -> str:
    return reverse(f"formeditor:{name}", args=[service.slug, *args])


def draft_required(service: Service) -> FormDraft:
    """The draft; before anyone opened the form for editing, the overview offers to."""
    draft = draft_of(service=service)
    if draft is None:
        raise Http404
    return draft


def text(raw: Any) -> Text:
    return text_of(raw)


def change(
    request: HttpRequest, draft: FormDraft, edit: Any, then: str, **kwargs: Any
) -> HttpResponse:
    """Apply one change to the draft (a KeyError is a page or question no longer there: 404)."""
    try:
        services.draft_change(draft=draft, change=lambda d: edit(d, **kwargs), user=request.user)
    except KeyError:
        raise Http404 from None
    return HttpResponseRedirect(then)


def editor_render(
    request: HttpRequest, template: str, service: Service | None, context: dict[str, Any]
) -> HttpResponse:
    return render(request, f"formeditor/{template}", {"service": service, **context})


def document_of(draft: FormDraft) -> Document:
    document: Document = draft.document if isinstance(draft.document, dict) else {}
    document.setdefault("pages", [])
    return document
