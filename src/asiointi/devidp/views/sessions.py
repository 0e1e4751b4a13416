"""The provider's own pages about its session: who is identified, at which services, and the
dev-only "End my sessions everywhere"."""

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST, require_safe

from asiointi.devidp import flow
from asiointi.devidp.backchannel import Delivery, end_and_notify
from asiointi.devidp.context import current_issuer, idp_view
from asiointi.devidp.models import SessionClient
from asiointi.devidp.sessions import current_session, forget, person_of, sessions_of_person


@require_safe
@idp_view
def overview(request: HttpRequest) -> HttpResponse:
    session = current_session(request)
    links = (
        SessionClient.objects.filter(session=session).select_related("client") if session else []
    )
    context = {
        "session": session,
        "session_person": person_of(session),
        "clients": [link.client for link in links],
        "issuer": current_issuer(),
    }
    return flow.page(request, "devidp/overview.html", context)


@require_POST
@idp_view
def end_everywhere(request: HttpRequest) -> HttpResponse:
    """The dev-only "End my sessions everywhere": every session of this test person ends, and
    every client they were sent to gets a logout token."""
    session = current_session(request)
    deliveries: list[Delivery] = []
    if session is not None:
        for each in sessions_of_person(person_key=session.person_key):
            deliveries.extend(end_and_notify(session=each))
    context = {"session_person": person_of(session), "deliveries": deliveries}
    response = flow.page(request, "devidp/sessions_ended.html", context)
    forget(response)
    return response
