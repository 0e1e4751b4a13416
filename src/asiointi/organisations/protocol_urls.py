from django.urls import path

from asiointi.organisations import views

app_name = "organisations_protocol"

# The return address registered at Suomi.fi e-Authorizations: fixed, without a language prefix.
urlpatterns = [
    path("e-authorizations/return", views.authorization_return, name="return"),
]
