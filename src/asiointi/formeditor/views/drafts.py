"""The editor's front: the services a manager may edit, a form's overview, its own texts,
and moving its definition between portals (export and import)."""

import json

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from asiointi.backoffice.access import staff_required
from asiointi.catalogue.models import Service
from asiointi.eforms.definition import DefinitionError
from asiointi.formeditor import document as doc
from asiointi.formeditor import selectors, services
from asiointi.formeditor.access import manager_required
from asiointi.formeditor.forms import ImportForm, TextsForm, missing_of
from asiointi.formeditor.problems import problems_linked
from asiointi.formeditor.views.common import document_of, draft_required, editor_render, text, url

IMPORT_MAX_BYTES = 1024 * 1024


@require_safe
@staff_required
def index(request: HttpRequest) -> HttpResponse:
    services_ = selectors.editable_services(user=request.user)
    return editor_render(request, "index.html", None, {"services": services_})


@require_safe
@manager_required
def overview(request: HttpRequest, service: Service) -> HttpResponse:
    draft = selectors.draft_of(service=service)
    context: dict[str, object] = {
        "draft": draft,
        "versions": selectors.versions_of(service=service),
    }
    if draft is not None:
        document = document_of(draft)
        context.update(
            pages=[
                {
                    "key": page.get("key"),
                    "title": text(page.get("title")),
                    "missing": missing_of(page.get("title")),
                    "questions": len(page.get("questions") or []),
                    "repeat": bool(page.get("repeat")),
                }
                for page in document["pages"]
            ],
            title=text(document.get("title")),
            exits=[
                (key, text(raw.get("title"))) for key, raw in (document.get("exits") or {}).items()
            ],
            problems=problems_linked(service, document, services.problems_of(document)),
            changed=draft.based_on is None or draft.based_on.document != draft.document,
        )
    return editor_render(request, "overview.html", service, context)


@require_POST
@manager_required
def draft_open(request: HttpRequest, service: Service) -> HttpResponse:
    services.draft_open(service=service, user=request.user)
    return HttpResponseRedirect(url("overview", service))


@require_http_methods(["GET", "POST"])
@manager_required
def texts(request: HttpRequest, service: Service) -> HttpResponse:
    draft = draft_required(service)
    document = document_of(draft)
    form = TextsForm(request.POST or None)
    if request.method == "GET":
        for name in ("title", "declaration", "next_steps"):
            form.initial.update(form.text_initial(name, document.get(name)))
        form.initial["draft_retention_days"] = document.get("draft_retention_days", 30)
        form.initial["submission_retention_days"] = document.get("submission_retention_days")
    elif form.is_valid():
        services.draft_change(
            draft=draft,
            change=lambda d: doc.texts_update(d, values=form.values()),
            user=request.user,
        )
        return HttpResponseRedirect(url("overview", service))
    status = 400 if form.errors else 200
    response = editor_render(request, "texts.html", service, {"form": form})
    response.status_code = status
    return response


@require_safe
@manager_required
def export(request: HttpRequest, service: Service) -> HttpResponse:
    draft = draft_required(service)
    response = JsonResponse(draft.document, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="{service.slug}.json"'
    return response


@require_http_methods(["GET", "POST"])
@manager_required
def document_import(request: HttpRequest, service: Service) -> HttpResponse:
    draft = draft_required(service)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["document"]
        try:
            if upload.size > IMPORT_MAX_BYTES:
                raise ValueError
            document = json.loads(upload.read().decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            problems = [_("The file is not a definition exported from the form editor (JSON).")]
        else:
            try:
                services.draft_import(draft=draft, document=document, user=request.user)
            except DefinitionError as error:
                problems = error.problems
            else:
                return HttpResponseRedirect(url("overview", service))
    status = 400 if problems or form.errors else 200
    response = editor_render(request, "import.html", service, {"form": form, "problems": problems})
    response.status_code = status
    return response
