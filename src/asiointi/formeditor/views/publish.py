"""Publishing the draft as a new numbered version, the version history and what changed."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from asiointi.catalogue.models import Service
from asiointi.eforms.definition import DefinitionError
from asiointi.formeditor import selectors, services
from asiointi.formeditor.access import manager_required
from asiointi.formeditor.diff import differences
from asiointi.formeditor.problems import problems_linked
from asiointi.formeditor.views.common import document_of, draft_required, editor_render, url


@require_http_methods(["GET", "POST"])
@manager_required
def publish(request: HttpRequest, service: Service) -> HttpResponse:
    """Every problem the checks find, each linked to where it is fixed; nothing is published
    while there is one."""
    draft = draft_required(service)
    if request.method == "POST":
        try:
            version = services.draft_publish(draft=draft, user=request.user)
        except DefinitionError as error:
            problems = error.problems
        else:
            messages.success(
                request, _("Version %(number)s is published.") % {"number": version.number}
            )
            return HttpResponseRedirect(url("versions", service))
    else:
        problems = services.problems_of(draft.document)
    current = draft.based_on
    response = editor_render(
        request,
        "publish.html",
        service,
        {
            "problems": problems_linked(service, document_of(draft), problems),
            "changes": differences(current.document if current else {}, draft.document),
            "current": current,
        },
    )
    if request.method == "POST":
        response.status_code = 400
    return response


@require_safe
@manager_required
def versions(request: HttpRequest, service: Service) -> HttpResponse:
    found = selectors.versions_of(service=service)
    return editor_render(request, "versions.html", service, {"versions": found})


@require_safe
@manager_required
def version_diff(request: HttpRequest, service: Service) -> HttpResponse:
    """Two versions side by side as the lines that differ (the older first)."""
    try:
        numbers = sorted(int(request.GET.get(name, "")) for name in ("a", "b"))
    except ValueError:
        return HttpResponseRedirect(url("versions", service))
    older = selectors.version_of(service=service, number=numbers[0])
    newer = selectors.version_of(service=service, number=numbers[1])
    return editor_render(
        request,
        "version_diff.html",
        service,
        {"older": older, "newer": newer, "changes": differences(older.document, newer.document)},
    )
