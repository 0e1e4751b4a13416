from django.urls import path
from django.utils.translation import gettext_lazy as _

from asiointi.eforms import views

app_name = "eforms"

urlpatterns = [
    path("<slug:slug>/", views.start, name="start"),
    path(_("<slug:slug>/schema/<int:number>.json"), views.schema, name="schema"),
]
