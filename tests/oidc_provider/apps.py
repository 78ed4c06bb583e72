from django.apps import AppConfig


class OIDCTestProviderConfig(AppConfig):
    name = "tests.oidc_provider"
    label = "oidc_test_provider"
