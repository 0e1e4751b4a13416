from django.urls import path
from django.utils.translation import gettext_lazy as _

from asiointi.eforms import views

app_name = "eforms"

# The form's front page ("eforms:start", "<slug>/") is the submissions app's, which starts drafts:
# asiointi/urls.py mounts it in this namespace (submissions.start_views).
urlpatterns = [
    path(_("<slug:slug>/schema/<int:number>.json"), views.schema, name="schema"),
]
