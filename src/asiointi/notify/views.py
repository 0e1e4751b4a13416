from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from asiointi.notify import selectors

MESSAGES_PER_PAGE = 50


@require_safe
@never_cache
def outbox_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.outbox_messages(), MESSAGES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "notify/outbox_list.html", {"page": page})


@require_safe
@never_cache
def outbox_detail(request: HttpRequest, pk: int) -> HttpResponse:
    message = selectors.outbox_message(pk)
    return render(request, "notify/outbox_detail.html", {"message": message})
