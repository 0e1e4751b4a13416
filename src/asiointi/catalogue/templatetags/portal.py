from urllib.parse import urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.forms import BoundField, Select
from django.forms.widgets import ChoiceWidget
from django.http import HttpRequest
from django.urls import NoReverseMatch, ResolverMatch, reverse, translate_url
from django.utils.translation import get_language, override

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context: template.Context) -> list[dict[str, object]]:
    """The same page in each language, so switching keeps the person where they are."""
    request: HttpRequest | None = context.get("request")
    path = request.get_full_path() if request else "/"
    match = getattr(request, "resolver_match", None)
    current = get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": translate_url(path, code) if match is None else _translated(path, match, code),
            "current": code == current,
        }
        for code, name in settings.LANGUAGES
    ]


def _translated(path: str, match: ResolverMatch, code: str) -> str:
    """`translate_url` for the page being shown, without resolving its path again for each
    language: the request's own match names the view (three resolves were a tenth of a page's
    rendering time)."""
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with override(code):
        try:
            url = reverse(name, args=match.args, kwargs=match.kwargs)  # type: ignore[arg-type]
        except NoReverseMatch:
            return path
    parsed = urlsplit(path)
    return urlunsplit((parsed.scheme, parsed.netloc, url, parsed.query, parsed.fragment))


@register.filter
def in_language(texts: dict[str, str], language: str) -> str:
    return texts.get(language) or texts.get(settings.LANGUAGE_CODE, "")


@register.filter
def first_input_id(field: BoundField) -> str:
    """Where an error link takes focus: the field's input, or a group's first radio or box."""
    widget = field.field.widget
    if isinstance(widget, ChoiceWidget) and not isinstance(widget, Select) and field.subwidgets:
        return str(field.subwidgets[0].id_for_label)
    return str(field.id_for_label)


@register.inclusion_tag("catalogue/help/_picture.html")
def guide_picture(name: str) -> dict[str, object]:
    """A picture of the portal made by `make guide`, with its text alternative, in the page's
    language. An unknown name fails loudly: the test of the guide lists every name used."""
    from asiointi.catalogue.guide import pictures

    language = get_language() or settings.LANGUAGE_CODE
    found = pictures()[name]
    return {"path": found.static_path(language), "alt": found.alt[language]}
