"""The authorization endpoint and the person's pages: method chooser, then test person chooser."""

from authlib.oauth2.rfc6749 import OAuth2Error
from authlib.oidc.core.errors import LoginRequiredError
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from asiointi.devidp import flow
from asiointi.devidp.claims import LOA_TOO_LOW, acr_satisfies, requested_acr
from asiointi.devidp.context import idp_view
from asiointi.devidp.forms import FAILED, METHODS, TOO_LOW, UNAVAILABLE, MethodForm, PersonForm
from asiointi.devidp.models import IdpSession
from asiointi.devidp.persons import all_persons, person_by_key
from asiointi.devidp.sessions import current_session, remember, session_identify


def _may_continue(step: flow.Step, session: IdpSession | None) -> bool:
    """Single sign-on: an earlier identification serves, unless a new one or more is asked for."""
    params = step.params
    return (
        session is not None
        and acr_satisfies(session.acr, params.get("acr_values"))
        and "login" not in str(params.get("prompt") or "").split()
    )


def _methods_page(
    request: HttpRequest, step: flow.Step, session: IdpSession | None
) -> HttpResponse:
    context = {
        "authorization": step.signed_params,
        "client": step.grant.client,
        "methods": METHODS,
        "session_person": person_by_key(session.person_key) if session else None,
    }
    return flow.page(request, "devidp/methods.html", context, params=step.params)


def _persons_page(
    request: HttpRequest, step: flow.Step, form: PersonForm, *, status: int = 200
) -> HttpResponse:
    context = {
        "authorization": step.signed_params,
        "client": step.grant.client,
        "form": form,
        "method": form["method"].value(),
        "method_name": dict(METHODS).get(str(form["method"].value()), ""),
        "persons": all_persons(),
        "acr_requested": bool(step.params.get("acr_values")),
        "acr": requested_acr(step.params.get("acr_values")),
        "acr_too_low": LOA_TOO_LOW,
    }
    return flow.page(request, "devidp/persons.html", context, params=step.params, status=status)


def _continue(step: flow.Step, session: IdpSession) -> HttpResponse:
    return flow.answer(step, flow.authentication(step=step, session=session))


def _resume(request: HttpRequest, session: IdpSession | None) -> flow.Step | HttpResponse:
    try:
        return flow.resume(request, request.POST.get("authorization", ""), session=session)
    except flow.Expired as error:
        return flow.error_page(request, error)
    except OAuth2Error as error:
        return flow.error_response(request, error)


@csrf_exempt  # a client may POST its authorization request (OIDC Core 3.1.2.1)
@require_http_methods(["GET", "POST"])
@idp_view
def authorize(request: HttpRequest) -> HttpResponse:
    session = current_session(request)
    try:
        step = flow.begin(request, session=session)
    except OAuth2Error as error:
        return flow.error_response(request, error)
    may_continue = _may_continue(step, session)
    if step.params.get("prompt") == "none":
        if session is not None and may_continue:
            return _continue(step, session)
        refusal = LoginRequiredError(
            redirect_uri=step.grant.redirect_uri, state=step.request.payload.state
        )
        return flow.error_response(request, refusal)
    return _methods_page(request, step, session if may_continue else None)


@require_POST
@idp_view
def choose_method(request: HttpRequest) -> HttpResponse:
    session = current_session(request)
    step = _resume(request, session)
    if isinstance(step, HttpResponse):
        return step
    form = MethodForm(request.POST)
    if not form.is_valid():
        return _methods_page(request, step, session if _may_continue(step, session) else None)
    action = form.cleaned_data["action"]
    if action == "cancel":
        return flow.answer(step, None)
    if action == "continue":
        if session is None or not _may_continue(step, session):
            return _methods_page(request, step, None)
        return _continue(step, session)
    initial = {"method": action, "person": all_persons()[0].key}
    return _persons_page(request, step, PersonForm(initial=initial))


@require_POST
@idp_view
def identify(request: HttpRequest) -> HttpResponse:
    session = current_session(request)
    step = _resume(request, session)
    if isinstance(step, HttpResponse):
        return step
    if request.POST.get("action") == "cancel":
        return flow.answer(step, None)
    form = PersonForm(request.POST)
    if not form.is_valid():
        return _persons_page(request, step, form, status=400)
    outcome = form.cleaned_data["outcome"]
    if outcome == FAILED:
        return flow.fail(step, flow.ServerError)
    if outcome == UNAVAILABLE:
        return flow.fail(step, flow.TemporarilyUnavailable)
    acr = LOA_TOO_LOW if outcome == TOO_LOW else requested_acr(step.params.get("acr_values"))
    session = session_identify(
        current=session,
        person_key=form.cleaned_data["person"],
        method=form.cleaned_data["method"],
        acr=acr,
    )
    response = flow.answer(step, flow.authentication(step=step, session=session))
    remember(response, request, session)
    return response
