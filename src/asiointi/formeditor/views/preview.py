"""Preview: any page of the draft in any language, rendered with the resident's own page
template, following the routing as the answers given in the preview lead. Answers live in
the manager's session only; nothing is saved or sent."""

import datetime
from contextvars import ContextVar
from types import SimpleNamespace
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils import timezone, translation
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from asiointi.catalogue.models import Service
from asiointi.eforms.definition import LANGUAGES, Definition, definition_read
from asiointi.eforms.pages import ADD, ASK_REMOVE, KEEP, REMOVE, page_show, read_page
from asiointi.eforms.routing import Walk, walk
from asiointi.eforms.summary import answers_summary, declaration_texts
from asiointi.formeditor.access import manager_required
from asiointi.formeditor.views.common import draft_required, url

# The language of the editor's addresses, while the preview renders in another.
_editor_language: ContextVar[str] = ContextVar("editor_language", default="fi")


def _session_key(service: Service) -> str:
    return f"formeditor-preview:{service.slug}"


def _language(request: HttpRequest) -> str:
    language = request.GET.get("lang", "")
    return language if language in LANGUAGES else (translation.get_language() or "fi")[:2]


def _editor(service: Service, name: str, *args: object) -> str:
    """An address of the editor in its own language (the address prefix), whatever language
    the preview is in."""
    with translation.override(_editor_language.get()):
        return url(name, service, *args)


def _address(service: Service, name: str, language: str, *args: object) -> str:
    return f"{_editor(service, name, *args)}?lang={language}"


def _read(service: Service) -> Definition:
    """The draft as far as it reads: texts still missing in a language do not stop a preview."""
    definition, _problems = definition_read(draft_required(service).document)
    if definition is None or not definition.pages:
        raise Http404
    return definition


def _walk(definition: Definition, answers: dict[str, Any]) -> Walk | None:
    """The routing for these answers; None when it leads somewhere the draft does not have
    (the overview names that as a problem)."""
    try:
        return walk(definition, answers)
    except (KeyError, StopIteration):
        return None


@require_http_methods(["GET", "POST"])
@manager_required
def preview(request: HttpRequest, service: Service, page_key: str) -> HttpResponse:
    _editor_language.set(translation.get_language() or "fi")
    language = _language(request)
    with translation.override(language):
        definition = _read(service)
        page = definition.page(page_key)
        if page is None:
            raise Http404
        answers: dict[str, Any] = request.session.get(_session_key(service), {})
        state = (
            read_page(page, request.POST, answers, {})
            if request.method == "POST"
            else page_show(page, answers, {})
        )
        action = request.POST.get("action", "continue")
        if request.method == "POST" and not state.errors and action in ("continue", "save"):
            answers = {**answers, **state.answers}
            request.session[_session_key(service)] = answers
            route = _walk(definition, answers)
            following = route.after(page.key) if route else None
            if following is None:
                return HttpResponseRedirect(_address(service, "preview_end", language))
            return HttpResponseRedirect(_address(service, "preview", language, following.key))
        route = _walk(definition, answers)
        keys = route.page_keys() if route else [p.key for p in definition.pages]
        step = keys.index(page.key) + 1 if page.key in keys else 1
        before = route.before(page.key) if route and page.key in keys else None
        days = definition.draft_retention_days
        return render(
            request,
            "formeditor/preview_page.html",
            {
                "service": service,
                "preview_language": language,
                "draft": SimpleNamespace(expires_at=timezone.now() + datetime.timedelta(days=days)),
                "definition": definition,
                "state": state,
                "to_check": False,
                "back_url": _address(service, "preview", language, before.key)
                if before
                else _editor(service, "overview"),
                "step": step,
                "steps": len(keys),
                "add_action": ADD,
                "remove_action": REMOVE,
                "ask_remove_action": ASK_REMOVE,
                "keep_action": KEEP,
                "languages_preview": [
                    (code, _address(service, "preview", code, page.key)) for code in LANGUAGES
                ],
                "editor_address": _editor(service, "overview"),
                "restart_address": _address(service, "preview_restart", language),
            },
        )


@require_safe
@manager_required
def preview_end(request: HttpRequest, service: Service) -> HttpResponse:
    """Where the answers led: the exit page, or what the check page would list."""
    _editor_language.set(translation.get_language() or "fi")
    language = _language(request)
    with translation.override(language):
        definition = _read(service)
        answers = request.session.get(_session_key(service), {})
        route = _walk(definition, answers)
        if route is None:
            raise Http404
        last = route.page_keys()[-1] if route.pages else definition.pages[0].key
        return render(
            request,
            "formeditor/preview_end.html",
            {
                "service": service,
                "preview_language": language,
                "definition": definition,
                "exit": route.exit,
                "sections": answers_summary(definition, answers, declarations=False),
                "declarations": declaration_texts(definition, answers),
                "back_url": _address(service, "preview", language, last),
                "languages_preview": [
                    (code, _address(service, "preview_end", code)) for code in LANGUAGES
                ],
                "editor_address": _editor(service, "overview"),
                "restart_address": _address(service, "preview_restart", language),
            },
        )


@require_POST
@manager_required
def preview_restart(request: HttpRequest, service: Service) -> HttpResponse:
    _editor_language.set(translation.get_language() or "fi")
    request.session.pop(_session_key(service), None)
    definition = _read(service)
    language = _language(request)
    return HttpResponseRedirect(_address(service, "preview", language, definition.pages[0].key))
