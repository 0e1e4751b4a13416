"""The agency's feedback inbox: a member of staff sees their agencies' feedback and answers it.

Linked from the back office's menu; each page checks membership of the feedback's agency."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from asiointi.attachments.responses import attachment_response
from asiointi.attachments.selectors import attachments_held
from asiointi.feedback import selectors, services
from asiointi.feedback.forms import AnswerForm
from asiointi.feedback.staff import staff_required


@require_safe
@staff_required
def inbox_index(request: HttpRequest) -> HttpResponse:
    agencies = [
        (agency, selectors.feedback_counts(agency=agency))
        for agency in selectors.staff_agencies(user=request.user)  # type: ignore[arg-type]
    ]
    if len(agencies) == 1:
        return HttpResponseRedirect(reverse("feedback:staff_inbox", args=[agencies[0][0].slug]))
    return render(request, "feedback/staff/index.html", {"agencies": agencies})


@require_safe
@staff_required
def inbox(request: HttpRequest, agency: str) -> HttpResponse:
    found = selectors.staff_agency(user=request.user, slug=agency)  # type: ignore[arg-type]
    status = request.GET.get("status", "")
    deadline = request.GET.get("deadline", "")
    rows = selectors.feedback_inbox(agency=found, status=status, deadline=deadline)
    return render(
        request,
        "feedback/staff/inbox.html",
        {
            "agency": found,
            "rows": rows,
            "counts": selectors.feedback_counts(agency=found),
            "status": status,
            "deadline": deadline,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@staff_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = selectors.feedback_for_staff(user=request.user, pk=pk)  # type: ignore[arg-type]
    form = AnswerForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.feedback_answer(
                feedback=feedback,
                answer=form.cleaned_data["answer"],
                staff=request.user,  # type: ignore[arg-type]
            )
        except services.FeedbackRefused as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("The answer has been sent."))
            return HttpResponseRedirect(reverse("feedback:staff_detail", args=[pk]), status=303)
    return render(
        request,
        "feedback/staff/detail.html",
        {
            "feedback": feedback,
            "form": form,
            "files": attachments_held(holder=feedback.holder),
            "deadline": selectors.deadline_state(feedback, services.timezone.localdate()),
        },
    )


@require_safe
@staff_required
def attachment(request: HttpRequest, pk: int, attachment: str) -> HttpResponseBase:
    feedback = selectors.feedback_for_staff(user=request.user, pk=pk)  # type: ignore[arg-type]
    for held in attachments_held(holder=feedback.holder):
        if str(held.pk) == str(attachment):
            return attachment_response(
                request,
                held,
                details={"what": "feedback attachment opened", "reference": feedback.reference},
            )
    raise Http404
