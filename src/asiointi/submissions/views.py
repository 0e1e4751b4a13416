from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from asiointi.attachments.responses import private_file_response
from asiointi.customers.acting import ActingRequest, acting_check, acting_required
from asiointi.eforms.file_question import REMOVE_PREFIX, files_into_data
from asiointi.eforms.pages import (
    ADD,
    ASK_REMOVE,
    KEEP,
    REMOVE,
    UNCHECKED,
    page_as_typed,
    page_show,
    read_page,
)
from asiointi.eforms.routing import walk
from asiointi.eforms.selectors import definition_of, schema_of
from asiointi.eforms.summary import answers_summary, declaration_texts
from asiointi.eforms.validation import answers_problems
from asiointi.submissions import selectors, services
from asiointi.submissions.crypto import content_decrypt
from asiointi.submissions.models import Draft, Submission

SAVE, CONTINUE = "save", "continue"


def _page_url(draft_pk: object, page_key: str, *, to_check: bool = False) -> str:
    url = reverse("submissions:draft_page", args=[draft_pk, page_key])
    return f"{url}?return=check" if to_check else url


@acting_required
@require_safe
def draft_resume(request: ActingRequest, pk: str) -> HttpResponse:
    """Opening a draft (from the folder, after logging in again) returns to where the person was."""
    draft = selectors.draft_for_acting(acting=request.acting, pk=pk)
    return HttpResponseRedirect(resume_url(draft))


def resume_url(draft: Draft) -> str:
    """The draft's page where the person was, or the first page on their path."""
    route = walk(definition_of(draft.version), services.draft_answers(draft))
    keys = route.page_keys()
    page_key = draft.page_key if draft.page_key in keys else keys[0]
    return _page_url(draft.pk, page_key)


@acting_required
@require_http_methods(["GET", "POST"])
def draft_page(request: ActingRequest, pk: str, page_key: str) -> HttpResponse:
    acting = request.acting
    draft = selectors.draft_for_acting(acting=acting, pk=pk)
    definition = definition_of(draft.version)
    answers = services.draft_answers(draft)
    page = definition.page(page_key)
    if page is None:
        raise Http404
    route = walk(definition, answers)
    if page_key not in route.page_keys():
        # A page routing skips (an old bookmark, a changed answer): back to where the person is.
        return HttpResponseRedirect(reverse("submissions:draft_resume", args=[draft.pk]))
    prefilled = services.draft_prefilled(draft)
    to_check = request.GET.get("return") == "check"
    if request.method == "GET":
        state = page_show(page, answers, prefilled)
    else:
        data = files_into_data(request, page, acting, holder=f"draft:{draft.pk}")
        state = read_page(page, data, answers, prefilled)
        action = data.get("action", CONTINUE)
        if action.startswith(REMOVE_PREFIX):  # a file removed: the page again, without errors
            for field_ in state.errors:
                field_.error = ""
            state.errors = []
        if action == SAVE:
            # Kept as typed, valid or not: checks run on continuing and on sending.
            answers_now, unchecked = page_as_typed(state)
            draft = services.draft_save(
                draft=draft,
                acting=acting,
                answers=answers_now,
                page_key=page.key,
                unchecked=unchecked,
            )
            return HttpResponseRedirect(reverse("submissions:draft_saved", args=[draft.pk]))
        if not state.errors and action == CONTINUE:
            draft = services.draft_save(
                draft=draft, acting=acting, answers=state.answers, page_key=page.key
            )
            return HttpResponseRedirect(_onward(draft, page.key, to_check=to_check))
    before = route.before(page.key)
    return render(
        request,
        "submissions/page.html",
        {
            "draft": draft,
            "definition": definition,
            "state": state,
            "to_check": to_check,
            "back_url": _page_url(draft.pk, before.key)
            if before
            else reverse("eforms:start", args=[draft.service.slug]),
            "step": route.page_keys().index(page.key) + 1,
            "steps": len(route.pages),
            "add_action": ADD,
            "remove_action": REMOVE,
            "ask_remove_action": ASK_REMOVE,
            "keep_action": KEEP,
        },
    )


def _onward(draft: object, page_key: str, *, to_check: bool) -> str:
    """After a saved page: the next page on the person's path, its exit page, or the check page."""
    from asiointi.submissions.models import Draft

    assert isinstance(draft, Draft)
    route = walk(definition_of(draft.version), services.draft_answers(draft))
    following = route.after(page_key)
    if route.exit is not None and following is None:
        return reverse("submissions:draft_exit", args=[draft.pk])
    if to_check or following is None:
        return reverse("submissions:draft_check", args=[draft.pk])
    return _page_url(draft.pk, following.key)


@acting_required
@require_safe
def draft_saved(request: ActingRequest, pk: str) -> HttpResponse:
    draft = selectors.draft_for_acting(acting=request.acting, pk=pk)
    return render(
        request,
        "submissions/saved.html",
        {
            "draft": draft,
            "definition": definition_of(draft.version),
            "unchecked": bool(services.draft_answers(draft).get(UNCHECKED)),
        },
    )


@acting_required
@require_safe
def draft_exit(request: ActingRequest, pk: str) -> HttpResponse:
    draft = selectors.draft_for_acting(acting=request.acting, pk=pk)
    route = walk(definition_of(draft.version), services.draft_answers(draft))
    if route.exit is None:
        return HttpResponseRedirect(reverse("submissions:draft_resume", args=[draft.pk]))
    return render(
        request,
        "submissions/exit.html",
        {
            "draft": draft,
            "exit": route.exit,
            "back_url": _page_url(draft.pk, route.page_keys()[-1]),
        },
    )


@acting_required
@require_http_methods(["GET", "POST"])
def draft_check(request: ActingRequest, pk: str) -> HttpResponse:
    """Check your answers, then "Lähetä". Sending twice gives the one submission made first."""
    acting = request.acting
    try:
        draft = selectors.draft_for_acting(acting=acting, pk=pk)
    except Http404:
        # Sending deletes the draft: a second press of "Lähetä" finds the submission instead.
        sent = selectors.submission_sent_from_draft(acting=acting, draft_key=pk)
        if request.method != "POST" or sent is None:
            raise
        return HttpResponseRedirect(reverse("submissions:confirmation", args=[sent.pk]))
    definition = definition_of(draft.version)
    answers = services.draft_answers(draft)
    problems = []
    if request.method == "POST":
        acting_check(acting, service=draft.service)
        try:
            submission = services.submission_send(
                draft_key=draft.pk, acting=acting, language=get_language() or "fi"
            )
        except Submission.DoesNotExist:
            raise Http404 from None  # deleted in another tab while this press waited
        except services.SendRefused as refused:
            problems = refused.problems
        else:
            return HttpResponseRedirect(reverse("submissions:confirmation", args=[submission.pk]))
    route = walk(definition, answers)
    if route.exit is not None:
        return HttpResponseRedirect(reverse("submissions:draft_exit", args=[draft.pk]))
    if request.method == "GET":
        # Answers saved unchecked, or a date that has since passed: said before "Lähetä".
        problems = answers_problems(definition, schema_of(draft.version), answers)
    return render(
        request,
        "submissions/check.html",
        {
            "draft": draft,
            "definition": definition,
            "sections": answers_summary(definition, answers, declarations=False),
            "declarations": declaration_texts(definition, answers),
            "problems": problems,
            "back_url": _page_url(draft.pk, route.page_keys()[-1]),
        },
    )


@acting_required
@require_POST
def draft_delete(request: ActingRequest, pk: str) -> HttpResponse:
    draft = selectors.draft_for_acting(acting=request.acting, pk=pk)
    slug = draft.service.slug
    services.draft_delete(draft=draft)
    return HttpResponseRedirect(reverse("eforms:start", args=[slug]))


def _submission_context(submission: Submission) -> dict[str, object]:
    definition = definition_of(submission.version)
    return {
        "submission": submission,
        "definition": definition,
        "service": submission.service,
        "sections": answers_summary(definition, content_decrypt(submission.content_encrypted)),
        "history": selectors.submission_history(submission),
    }


@acting_required
@require_safe
def confirmation(request: ActingRequest, pk: str) -> HttpResponse:
    submission = selectors.submission_for_acting(acting=request.acting, pk=pk)
    return render(request, "submissions/confirmation.html", _submission_context(submission))


@acting_required
@require_safe
def detail(request: ActingRequest, pk: str) -> HttpResponse:
    submission = selectors.submission_for_acting(acting=request.acting, pk=pk)
    return render(request, "submissions/detail.html", _submission_context(submission))


@acting_required
@require_safe
def pdf(request: ActingRequest, pk: str) -> HttpResponseBase:
    submission = selectors.submission_for_acting(acting=request.acting, pk=pk)
    # Imported here: loading WeasyPrint (fonts, CSS) takes seconds other pages need not wait.
    from asiointi.pdf import pdf_render

    document = pdf_render(
        template_name="submissions/pdf.html",
        context=_submission_context(submission),
        language=get_language() or "fi",
    )
    return private_file_response(
        request=request,
        content=document,
        filename=f"{submission.reference}.pdf",
        audit_target=f"submission:{submission.pk}",
        audit_details={"what": "submission PDF"},
        audited=request.acting.is_organisation,
    )
