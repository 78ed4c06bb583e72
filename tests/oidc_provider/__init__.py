"""A real OpenID Connect provider for the single sign-on tests (django-oidc-provider).

A separate small Django project with its own settings and SQLite file, started by the tests as a
subprocess on a free loopback port (``server.ProviderServer``). Like Microsoft Entra ID it puts
the user's groups in the ID token only, not in the userinfo answer. Never part of the intranet.
"""
