"""A page's questions: add one of any type, change its texts and settings, move, delete."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods, require_POST

from asiointi.catalogue.models import Service
from asiointi.formeditor import document as doc
from asiointi.formeditor.access import manager_required
from asiointi.formeditor.question_forms import (
    TYPE_NAMES,
    QuestionAddForm,
    QuestionForm,
    TypeForm,
)
from asiointi.formeditor.views.common import change, document_of, draft_required, editor_render, url
from asiointi.formeditor.views.pages import _key_taken


def _page_position(document: doc.Document, page_key: str) -> int:
    try:
        return doc.page_index(document, page_key)
    except KeyError:
        raise Http404 from None


def _answer(request: HttpRequest, service: Service, context: dict[str, Any]) -> HttpResponse:
    response = editor_render(request, "question.html", service, context)
    if context["form"].errors:
        response.status_code = 400
    return response


@require_http_methods(["GET", "POST"])
@manager_required
def question_add(request: HttpRequest, service: Service, page_key: str) -> HttpResponse:
    """First the type (a page of its own: without JavaScript the settings follow the type),
    then the question."""
    draft = draft_required(service)
    document = document_of(draft)
    index = _page_position(document, page_key)
    chosen = TypeForm(request.GET or None)
    if not chosen.is_valid():
        return editor_render(
            request, "question_type.html", service, {"form": chosen, "page_key": page_key}
        )
    kind = chosen.cleaned_data["type"]
    form = QuestionAddForm(
        request.POST or None, kind=kind, document=document, page_index=index, raw={}
    )
    if request.method == "POST" and form.is_valid():
        key = form.cleaned_data["key"]
        if key in doc.used_keys(document):
            form.add_error("key", _key_taken())
        else:
            question = form.question(key)
            if not form.errors:
                return change(
                    request,
                    draft,
                    doc.question_add,
                    url("page", service, page_key),
                    page_key=page_key,
                    question=question,
                )
    return _answer(
        request,
        service,
        {"form": form, "page_key": page_key, "kind": kind, "kind_name": TYPE_NAMES[kind]},
    )


@require_http_methods(["GET", "POST"])
@manager_required
def question(request: HttpRequest, service: Service, page_key: str, key: str) -> HttpResponse:
    draft = draft_required(service)
    document = document_of(draft)
    index = _page_position(document, page_key)
    try:
        raw = doc.question_of(document, page_key, key)
    except KeyError:
        raise Http404 from None
    kind = str(raw.get("type", ""))
    if kind not in TYPE_NAMES:
        raise Http404
    form = QuestionForm(
        request.POST or None, kind=kind, document=document, page_index=index, raw=raw
    )
    if request.method == "POST" and form.is_valid():
        changed = form.question(key)
        if not form.errors:
            return change(
                request,
                draft,
                doc.question_update,
                url("page", service, page_key),
                page_key=page_key,
                key=key,
                question=changed,
            )
    return _answer(
        request,
        service,
        {
            "form": form,
            "page_key": page_key,
            "key": key,
            "kind": kind,
            "kind_name": TYPE_NAMES[kind],
        },
    )


@require_POST
@manager_required
def question_move(request: HttpRequest, service: Service, page_key: str, key: str) -> HttpResponse:
    step = -1 if request.POST.get("direction") == "up" else 1
    return change(
        request,
        draft_required(service),
        doc.question_move,
        f"{url('page', service, page_key)}#question-{key}",
        page_key=page_key,
        key=key,
        step=step,
    )


@require_http_methods(["GET", "POST"])
@manager_required
def question_delete(
    request: HttpRequest, service: Service, page_key: str, key: str
) -> HttpResponse:
    draft = draft_required(service)
    if request.method == "POST":
        return change(
            request,
            draft,
            doc.question_delete,
            url("page", service, page_key),
            page_key=page_key,
            key=key,
        )
    try:
        raw = doc.question_of(document_of(draft), page_key, key)
    except KeyError:
        raise Http404 from None
    from asiointi.formeditor.views.common import text

    return editor_render(
        request,
        "question_delete.html",
        service,
        {"page_key": page_key, "key": key, "label": text(raw.get("label"))},
    )
