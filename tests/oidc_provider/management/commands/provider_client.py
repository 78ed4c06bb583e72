from django.core.management.base import BaseCommand
from oidc_provider.models import Client, ResponseType, RSAKey


class Command(BaseCommand):
    help = "Register (or update) the relying party, with a signing key, as an administrator would."

    def add_arguments(self, parser):
        parser.add_argument("client_id")
        parser.add_argument("client_secret")
        parser.add_argument("--redirect-uri", action="append", default=[])
        parser.add_argument("--post-logout-uri", action="append", default=[])

    def handle(self, client_id, client_secret, redirect_uri, post_logout_uri, **options):
        if not RSAKey.objects.exists():
            from django.core.management import call_command

            call_command("creatersakey")
        client, _created = Client.objects.update_or_create(
            client_id=client_id,
            defaults={
                "name": "Intranet",
                "client_type": "confidential",
                "client_secret": client_secret,
                "jwt_alg": "RS256",
                "require_consent": False,
                "_redirect_uris": "\n".join(redirect_uri),
                "_post_logout_redirect_uris": "\n".join(post_logout_uri),
                "_scope": "openid email profile",
            },
        )
        client.response_types.set([ResponseType.objects.get(value="code")])
