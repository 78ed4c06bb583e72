import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from people.departure import export_person


class Command(BaseCommand):
    help = "Udskriv alt, intranettet har om én person, som JSON (profil, kommentarer, indsendelser, ...)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--output", "-o", help="Skriv til denne fil i stedet for standard-output.")

    def handle(self, *args, username, output=None, **options):
        person = get_user_model().objects.filter(username=username).first()
        if person is None:
            raise CommandError(f"Ingen bruger med brugernavnet {username!r}.")
        text = json.dumps(export_person(person), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text + "\n")
        else:
            self.stdout.write(text)
