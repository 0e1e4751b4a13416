"""A form's pages: add, change, move up or down, delete (asking first); routes and exit pages."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_http_methods, require_POST

from asiointi.catalogue.models import Service
from asiointi.formeditor import document as doc
from asiointi.formeditor.access import manager_required
from asiointi.formeditor.forms import ExitAddForm, ExitForm, PageAddForm, PageForm, RouteForm
from asiointi.formeditor.question_forms import TYPE_NAMES
from asiointi.formeditor.views.common import (
    change,
    document_of,
    draft_required,
    editor_render,
    text,
    url,
)


def _answer(
    request: HttpRequest, template: str, service: Service, context: dict[str, Any]
) -> HttpResponse:
    response = editor_render(request, template, service, context)
    if any(getattr(form, "errors", None) for form in context.values()):
        response.status_code = 400
    return response


@require_http_methods(["GET", "POST"])
@manager_required
def page_add(request: HttpRequest, service: Service) -> HttpResponse:
    draft = draft_required(service)
    document = document_of(draft)
    form = PageAddForm(request.POST or None, document=document)
    if request.method == "POST" and form.is_valid():
        key = form.cleaned_data["key"]
        if key in doc.used_keys(document):
            form.add_error("key", _key_taken())
        else:
            return change(
                request,
                draft,
                doc.page_add,
                url("page", service, key),
                key=key,
                values=_clean(form.values()),
            )
    return _answer(request, "page_add.html", service, {"form": form})


@require_http_methods(["GET", "POST"])
@manager_required
def page(request: HttpRequest, service: Service, page_key: str) -> HttpResponse:
    draft = draft_required(service)
    document = document_of(draft)
    try:
        index = doc.page_index(document, page_key)
    except KeyError:
        raise Http404 from None
    form = PageForm(request.POST or None, document=document, index=index)
    if request.method == "POST" and form.is_valid():
        return change(
            request,
            draft,
            doc.page_update,
            url("page", service, page_key),
            key=page_key,
            values=form.values(),
        )
    raw = document["pages"][index]
    return _answer(
        request,
        "page.html",
        service,
        {
            "form": form,
            "page_key": page_key,
            "title": text(raw.get("title")),
            "questions": [
                {
                    "key": q.get("key"),
                    "label": text(q.get("label")),
                    "type": TYPE_NAMES.get(q.get("type"), q.get("type")),
                }
                for q in raw.get("questions") or []
            ],
            "routes": [_route_text(route) for route in raw.get("routes") or []],
            "route_form": RouteForm(document=document, index=index),
        },
    )


def _route_text(route: dict[str, Any]) -> dict[str, str]:
    from asiointi.formeditor.forms import condition_values_text

    condition = route.get("if") or {}
    return {
        "question": str(condition.get("question", "")),
        "values": condition_values_text(condition) if isinstance(condition, dict) else "",
        "goto": str(route.get("goto", "")),
    }


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value not in (None, {}, [])}


def _key_taken() -> str:
    from django.utils.translation import gettext as _

    return _("Another page or question already has this key.")


@require_POST
@manager_required
def page_move(request: HttpRequest, service: Service, page_key: str) -> HttpResponse:
    step = -1 if request.POST.get("direction") == "up" else 1
    return change(
        request,
        draft_required(service),
        doc.page_move,
        f"{url('overview', service)}#page-{page_key}",
        key=page_key,
        step=step,
    )


@require_http_methods(["GET", "POST"])
@manager_required
def page_delete(request: HttpRequest, service: Service, page_key: str) -> HttpResponse:
    draft = draft_required(service)
    if request.method == "POST":
        return change(request, draft, doc.page_delete, url("overview", service), key=page_key)
    try:
        raw = doc.page_of(document_of(draft), page_key)
    except KeyError:
        raise Http404 from None
    return editor_render(
        request,
        "page_delete.html",
        service,
        {
            "page_key": page_key,
            "title": text(raw.get("title")),
            "questions": len(raw.get("questions") or []),
        },
    )


@require_POST
@manager_required
def route_add(request: HttpRequest, service: Service, page_key: str) -> HttpResponse:
    draft = draft_required(service)
    document = document_of(draft)
    try:
        index = doc.page_index(document, page_key)
    except KeyError:
        raise Http404 from None
    form = RouteForm(request.POST, document=document, index=index)
    if form.is_valid():
        route = form.route()
        if route is not None:
            return change(
                request,
                draft,
                doc.route_add,
                f"{url('page', service, page_key)}#routes",
                page_key=page_key,
                route=route,
            )
    return _answer(request, "route_add.html", service, {"form": form, "page_key": page_key})


@require_POST
@manager_required
def route_delete(request: HttpRequest, service: Service, page_key: str, index: int) -> HttpResponse:
    return change(
        request,
        draft_required(service),
        doc.route_delete,
        f"{url('page', service, page_key)}#routes",
        page_key=page_key,
        index=index,
    )


@require_http_methods(["GET", "POST"])
@manager_required
def exit_add(request: HttpRequest, service: Service) -> HttpResponse:
    draft = draft_required(service)
    form = ExitAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        key = form.cleaned_data["key"]
        if key in (document_of(draft).get("exits") or {}):
            form.add_error("key", _key_taken())
        else:
            return change(
                request,
                draft,
                doc.exit_set,
                url("overview", service),
                key=key,
                values=form.values(),
            )
    return _answer(request, "exit.html", service, {"form": form, "adding": True})


@require_http_methods(["GET", "POST"])
@manager_required
def exit_page(request: HttpRequest, service: Service, exit_key: str) -> HttpResponse:
    draft = draft_required(service)
    raw = (document_of(draft).get("exits") or {}).get(exit_key)
    if not isinstance(raw, dict):
        raise Http404
    form = ExitForm(request.POST or None)
    if request.method == "GET":
        form.initial.update(form.text_initial("title", raw.get("title")))
        form.initial.update(form.text_initial("body", raw.get("body")))
    elif form.is_valid():
        return change(
            request,
            draft,
            doc.exit_set,
            url("overview", service),
            key=exit_key,
            values=form.values(),
        )
    return _answer(request, "exit.html", service, {"form": form, "exit_key": exit_key})


@require_POST
@manager_required
def exit_delete(request: HttpRequest, service: Service, exit_key: str) -> HttpResponse:
    return change(
        request, draft_required(service), doc.exit_delete, url("overview", service), key=exit_key
    )
