"""The built-in test identity provider: a real OpenID Provider for the embedded profile and tests.

It stands in for Suomi.fi so that the portal identifies people through the same protocol as in
production. It never runs with DEBUG off (see settings.DEVIDP_ENABLED).
"""
