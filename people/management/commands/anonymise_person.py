from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from core.names import display_name
from people.departure import anonymise_person


class Command(BaseCommand):
    help = (
        "Anonymisér en tidligere medarbejder: lukker kontoen og fjerner navn, foto, kontaktdata og "
        "nyhedsadresse. Kommentarer og indsendelser bevares."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--noinput", action="store_false", dest="interactive")

    def handle(self, *args, username, interactive=True, **options):
        person = get_user_model().objects.filter(username=username).first()
        if person is None:
            raise CommandError(f"Ingen bruger med brugernavnet {username!r}.")
        if interactive:
            answer = input(f"Anonymisér {display_name(person)}? Det kan ikke fortrydes. Skriv 'ja': ")
            if answer.strip().lower() != "ja":
                raise CommandError("Afbrudt: intet er ændret.")
        person = anonymise_person(person)
        self.stdout.write(f"Anonymiseret: konto {person.pk} er nu {person.get_username()}.")
