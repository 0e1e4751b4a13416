from django.urls import path

from asiointi.identity import saml_views, views

app_name = "identity_protocol"

# Addresses registered at the identity provider: fixed, without a language prefix.
urlpatterns = [
    path("oidc/callback/", views.oidc_callback, name="oidc_callback"),
    path("oidc/jwks", views.oidc_jwks, name="oidc_jwks"),
    path("oidc/backchannel-logout", views.oidc_backchannel_logout, name="oidc_backchannel_logout"),
    path("logged-out/", views.provider_logged_out, name="provider_logged_out"),
    path("saml/metadata", saml_views.saml_metadata, name="saml_metadata"),
    path("saml/acs", saml_views.saml_acs, name="saml_acs"),
    path("saml/sls", saml_views.saml_sls, name="saml_sls"),
]
