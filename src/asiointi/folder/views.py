from typing import cast

from django.contrib import messages
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from asiointi.attachments.forms import attachments_bind, attachments_removal_requested
from asiointi.customers.acting import acting_read_audit, acting_required
from asiointi.folder import messaging, selectors, services
from asiointi.folder.forms import FolderFilterForm, PreferencesForm, ReplyForm
from asiointi.folder.models import DataExport
from asiointi.folder.texts import in_language
from asiointi.privacy.models import AuditEvent
from asiointi.privacy.services import audit_record

READ = AuditEvent.Action.PERSONAL_DATA_READ


@require_GET
@acting_required
def index(request: HttpRequest) -> HttpResponse:
    acting = request.acting  # type: ignore[attr-defined]
    customer = acting.customer
    form = FolderFilterForm(request.GET or None)
    folder = selectors.folder_page(
        acting=acting, filters=form.filters(), page_number=request.GET.get("page")
    )
    form.statuses_set([(status, in_language(label)) for status, label in folder.statuses])
    acting_read_audit(request, acting, target=f"folder:{customer.pk}")
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "folder/index.html",
        {"folder": folder, "page": folder.page, "form": form, "query_string": query.urlencode()},
    )


@require_http_methods(["GET", "POST"])
@acting_required
def thread(request: HttpRequest, pk: int) -> HttpResponse:
    acting = request.acting  # type: ignore[attr-defined]
    found = selectors.thread_for_acting(acting=acting, pk=pk)
    posted = request.method == "POST"
    form = ReplyForm(request.POST if posted else None, request.FILES if posted else None)
    attachments_bind(form, acting=acting)
    if attachments_removal_requested(form):
        form.is_valid()  # shows the remaining files and keeps the text
    elif posted and form.is_valid():
        messaging.reply_send(
            thread=found,
            acting=acting,
            body=form.cleaned_data["body"],
            attachments=form.cleaned_data["attachments"],
        )
        messages.success(request, _("Your reply has been sent."))
        return HttpResponseRedirect(reverse("folder:thread", args=[found.pk]))
    acting_read_audit(request, acting, target=f"folder.thread:{found.pk}")
    # Listed before marking, so the page can still show what was new on this visit.
    listed = list(selectors.thread_messages(thread=found))
    messaging.thread_mark_read(thread=found, acting=acting)
    return render(
        request, "folder/thread.html", {"thread": found, "thread_messages": listed, "form": form}
    )


def _download(file: FieldFile, name: str, content_type: str) -> HttpResponse:
    response = FileResponse(
        file.open("rb"), as_attachment=True, filename=name, content_type=content_type
    )
    # Streamed, not an HttpResponse, but acting_required passes any response through unchanged.
    return cast(HttpResponse, response)


@require_GET
@acting_required
def message_document(request: HttpRequest, pk: int) -> HttpResponse:
    acting = request.acting  # type: ignore[attr-defined]
    message = selectors.message_document_for_acting(acting=acting, pk=pk)
    acting_read_audit(request, acting, target=f"folder.document:{message.pk}")
    return _download(message.document, message.document_name, "application/pdf")


@require_http_methods(["GET", "POST"])
@acting_required
def preferences(request: HttpRequest) -> HttpResponse:
    acting = request.acting  # type: ignore[attr-defined]
    person = acting.person
    current = selectors.notification_preference_for_acting(acting=acting)
    initial = {"language": current.language if current else get_language()}
    if current:
        initial["channel"] = current.channel
    contacts = selectors.confirmed_contacts(customer=acting.customer)
    form = PreferencesForm(
        request.POST if request.method == "POST" else None,
        initial=initial,
        email=contacts["email"],
        mobile=contacts["sms"],
    )
    if request.method == "POST" and form.is_valid():
        services.notification_preference_set(
            customer=acting.customer,
            person=person,
            channel=form.cleaned_data["channel"],
            language=form.cleaned_data["language"],
        )
        messages.success(request, _("Your notification preferences have been saved."))
        return HttpResponseRedirect(reverse("folder:preferences"))
    return render(request, "folder/preferences.html", {"form": form, "current": current})


@require_GET
@acting_required
def my_data(request: HttpRequest) -> HttpResponse:
    return _my_data_page(request)


def _my_data_page(request: HttpRequest, refusal: str = "", status: int = 200) -> HttpResponse:
    exports = selectors.data_exports_for_acting(acting=request.acting)[:5]  # type: ignore[attr-defined]
    return render(
        request,
        "folder/my_data.html",
        {
            "exports": exports,
            "preparing": any(e.status == DataExport.Status.PENDING for e in exports),
            "refusal": refusal,
        },
        status=status,
    )


@require_POST
@acting_required
def my_data_request(request: HttpRequest) -> HttpResponse:
    acting = request.acting  # type: ignore[attr-defined]
    acting.everything_or_404()  # the whole customer's data: full rights only
    try:
        services.data_export_request(
            customer=acting.customer, person=acting.person, language=get_language()
        )
    except services.ExportRefused as refused:
        return _my_data_page(request, refused.message, status=429)
    messages.success(request, _("We are preparing your data. It is usually ready in a minute."))
    return HttpResponseRedirect(reverse("folder:my_data"))


EXPORT_FORMATS = {"json": ("json_file", "application/json"), "html": ("html_file", "text/html")}


@require_GET
@acting_required
def my_data_file(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    export = selectors.data_export_for_acting(acting=request.acting, pk=pk)  # type: ignore[attr-defined]
    field, content_type = EXPORT_FORMATS.get(fmt, ("", ""))
    file = getattr(export, field, None) if field else None
    if not file:
        raise Http404
    audit_record(action=READ, request=request, target=f"folder.export:{export.pk}")
    name = f"my-data-{export.created_at:%Y-%m-%d}.{fmt}"
    return _download(file, name, f"{content_type}; charset=utf-8")
