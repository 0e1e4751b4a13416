from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from asiointi.eforms import selectors


@require_safe
def schema(request: HttpRequest, slug: str, number: int) -> JsonResponse:
    """A published version's answer schema: public, like the form itself."""
    version = selectors.form_version_get(slug=slug, number=number)
    return JsonResponse(version.schema, json_dumps_params={"ensure_ascii": False, "indent": 2})
