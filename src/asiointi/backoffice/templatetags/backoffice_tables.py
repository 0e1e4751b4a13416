"""The shell every back-office list shares: a scrolling box, a table with a caption for screen
readers and its column headings, around each page's own rows."""

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_block_tag
def list_table(
    content: SafeString,
    *columns: str,
    caption: str = "",
    actions: bool = False,
    extra_class: str = "",
) -> SafeString:
    """`{% list_table _("Name") _("Service") caption=_("…") actions=True %}` rows
    `{% endlist_table %}`: `actions` adds a last column whose heading only screen readers read."""
    context = {
        "rows": content,
        "columns": columns,
        "caption": caption,
        "actions": actions,
        "extra_class": extra_class,
    }
    return render_to_string("backoffice/_list_table.html", context)
