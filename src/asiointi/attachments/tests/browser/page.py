"""A page with a message and an attachments field, served only to the browser tests of the field:
the forms and folder pages that use it come with their own issues and tests."""

from django import forms
from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path
from django.views.decorators.http import require_http_methods

from asiointi.attachments.forms import (
    AttachmentsField,
    attachments_bind,
    attachments_removal_requested,
)
from asiointi.attachments.limits import AttachmentLimits
from asiointi.customers.acting import acting_required
from asiointi.urls import urlpatterns as portal_urlpatterns

PAGE = engines["django"].from_string(
    """{% extends "base.html" %}
{% block title %}{% if form.errors %}Error: {% endif %}Reply{% endblock %}
{% block content %}
{% if sent %}<h1>Sent</h1><ul>{% for file in sent %}
<li><a href="{{ file.get_absolute_url }}">{{ file.original_name }}</a></li>
{% endfor %}</ul>
{% else %}
<h1>Reply</h1>
{% include "_error_summary.html" %}
<form method="post" enctype="multipart/form-data" novalidate>
  {% csrf_token %}
  <button type="submit" name="send" hidden tabindex="-1" aria-hidden="true"></button>
  {% include "_text_field.html" with field=form.body %}
  {% include "attachments/_attachments_field.html" with field=form.attachments %}
  <button class="hds-button hds-button--primary" type="submit" name="send">
    <span class="hds-button__label">Send</span>
  </button>
</form>
{% endif %}
{% endblock %}"""
)


class ReplyForm(forms.Form):
    body = forms.CharField(label="Message")
    attachments = AttachmentsField(
        label="Attachments",
        required=False,
        limits=AttachmentLimits(max_count=2, media_types=frozenset({"application/pdf"})),
    )


@require_http_methods(["GET", "POST"])
@acting_required
def reply(request: HttpRequest) -> HttpResponse:
    form = ReplyForm(request.POST or None, request.FILES or None)
    attachments_bind(form, acting=request.acting)  # type: ignore[attr-defined]
    sent = None
    if request.method == "POST":
        if attachments_removal_requested(form):
            form.is_valid()
            form.errors.clear()  # a remove button checks nothing else
        elif form.is_valid():
            sent = form.cleaned_data["attachments"]
    return HttpResponse(PAGE.render({"form": form, "sent": sent}, request))


urlpatterns = [*portal_urlpatterns, *i18n_patterns(path("liitekoe/", reply, name="reply"))]
