from django.contrib import messages
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from asiointi.attachments.forms import attachments_bind, attachments_removal_requested
from asiointi.attachments.responses import private_file_response
from asiointi.customers.acting import ActingRequest, acting_read_audit, acting_required
from asiointi.folder import messaging, selectors, services
from asiointi.folder.forms import FolderFilterForm, PreferencesForm, ReplyForm
from asiointi.folder.models import DataExport
from asiointi.privacy.models import AuditEvent

READ = AuditEvent.Action.PERSONAL_DATA_READ


@require_GET
@acting_required
def index(request: ActingRequest) -> HttpResponse:
    acting = request.acting
    customer = acting.customer
    form = FolderFilterForm(request.GET or None)
    folder = selectors.folder_page(
        acting=acting, filters=form.filters(), page_number=request.GET.get("page")
    )
    form.statuses_set(folder.statuses)
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
def thread(request: ActingRequest, pk: int) -> HttpResponse:
    acting = request.acting
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


@require_GET
@acting_required
def message_document(request: ActingRequest, pk: int) -> HttpResponseBase:
    message = selectors.message_document_for_acting(acting=request.acting, pk=pk)
    return private_file_response(
        request=request,
        content=message.document.open("rb"),
        filename=message.document_name,
        audit_target=f"folder.document:{message.pk}",
        audited=request.acting.is_organisation,
    )


@require_http_methods(["GET", "POST"])
@acting_required
def preferences(request: ActingRequest) -> HttpResponse:
    acting = request.acting
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
def my_data(request: ActingRequest) -> HttpResponse:
    return _my_data_page(request)


def _my_data_page(request: ActingRequest, refusal: str = "", status: int = 200) -> HttpResponse:
    exports = selectors.data_exports_for_acting(acting=request.acting)[:5]
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
def my_data_request(request: ActingRequest) -> HttpResponse:
    acting = request.acting
    acting.everything_or_404()  # the whole customer's data: full rights only
    try:
        services.data_export_request(
            customer=acting.customer, person=acting.person, language=get_language()
        )
    except services.ExportRefused as refused:
        return _my_data_page(request, refused.message, status=429)
    messages.success(request, _("We are preparing your data. It is usually ready in a minute."))
    return HttpResponseRedirect(reverse("folder:my_data"))


EXPORT_FILES = {"json": "json_file", "html": "html_file"}


@require_GET
@acting_required
def my_data_file(request: ActingRequest, pk: int, fmt: str) -> HttpResponseBase:
    export = selectors.data_export_for_acting(acting=request.acting, pk=pk)
    field = EXPORT_FILES.get(fmt, "")
    file = getattr(export, field, None) if field else None
    if not file:
        raise Http404
    return private_file_response(
        request=request,
        content=file.open("rb"),
        filename=f"my-data-{export.created_at:%Y-%m-%d}.{fmt}",
        audit_target=f"folder.export:{export.pk}",
    )
