"""Shows any JSON-like value as nested lists and tables, for the readable copy of one's data."""

from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def show_value(value: Any) -> SafeString:
    if isinstance(value, dict):
        rows = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td>{}</td></tr>',
            ((key.replace("_", " "), show_value(item)) for key, item in value.items()),
        )
        return format_html("<table>{}</table>", rows)
    if isinstance(value, list):
        if not value:
            return mark_safe("<p>–</p>")
        items = format_html_join("", "<li>{}</li>", ((show_value(item),) for item in value))
        return format_html("<ol>{}</ol>", items)
    if value is None or value == "":
        return mark_safe("–")
    return format_html("{}", value)
