from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from asiointi.customers.acting import acting_required
from asiointi.folder.selectors import folder_items


@acting_required
def index(request: HttpRequest) -> HttpResponse:
    page = Paginator(folder_items(customer=request.acting.customer), 25).get_page(  # type: ignore[attr-defined]
        request.GET.get("page")
    )
    return render(request, "folder/index.html", {"page": page})
