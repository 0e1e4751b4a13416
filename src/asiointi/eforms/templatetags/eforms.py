from typing import Any

from django import template

register = template.Library()


@register.filter
def sub(field: Any, name: str) -> dict[str, str]:
    """A group question's sub-field (day, street ...): `f|sub:"day"`."""
    return dict(field.sub(name))


@register.filter
def question_template(field: Any) -> str:
    if field.locked:
        return "eforms/questions/locked.html"
    return f"eforms/questions/{field.kind.template}.html"


@register.filter
def file_limits(field: Any) -> Any:
    from asiointi.eforms.file_question import limits_of

    return limits_of(field.question)
