"""The staff OpenID Connect provider's return address: one address whatever the language, as it
is registered with the provider."""

from django.urls import path

from asiointi.backoffice.views import auth

app_name = "backoffice_protocol"

urlpatterns = [path("oidc/callback/", auth.oidc_callback, name="oidc_callback")]
