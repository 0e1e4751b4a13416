from typing import Any

from django import template

from asiointi.notify.models import Notification
from asiointi.notify.selectors import notifications_about

register = template.Library()


@register.simple_tag
def notifications_sent(customer: Any, about_kind: str, about_key: object) -> list[Notification]:
    """What the customer was sent about an item, for the item's own page:
    `{% notifications_sent customer "submission" submission.pk as sent %}` then
    `{% include "notify/_notifications.html" with notifications=sent %}`."""
    return notifications_about(customer=customer, about_kind=about_kind, about_key=about_key)
