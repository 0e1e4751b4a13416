from django.urls import path
from django.utils.translation import gettext_lazy as _

from asiointi.submissions import views

app_name = "submissions"

# Drafts are in the folder like sent forms; both have addresses only their customer can open.
urlpatterns = [
    path(_("draft/<uuid:pk>/"), views.draft_resume, name="draft_resume"),
    path(_("draft/<uuid:pk>/check/"), views.draft_check, name="draft_check"),
    path(_("draft/<uuid:pk>/saved/"), views.draft_saved, name="draft_saved"),
    path(_("draft/<uuid:pk>/not-eligible/"), views.draft_exit, name="draft_exit"),
    path(_("draft/<uuid:pk>/delete/"), views.draft_delete, name="draft_delete"),
    path(_("draft/<uuid:pk>/<slug:page_key>/"), views.draft_page, name="draft_page"),
    path("<uuid:pk>/", views.detail, name="detail"),
    path(_("<uuid:pk>/sent/"), views.confirmation, name="confirmation"),
    path("<uuid:pk>/pdf/", views.pdf, name="pdf"),
]
