from django.core.management.base import BaseCommand, CommandError

from core.backup import restore_backup


class Command(BaseCommand):
    help = "Genskab databasen og de uploadede filer fra et arkiv lavet med `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Arkivet, fx backups/intranet-2026-11-29-020000.tar")
        parser.add_argument("--noinput", action="store_false", dest="interactive")

    def handle(self, *args, archive, interactive=True, **options):
        if interactive:
            answer = input(f"Databasen og filerne erstattes med indholdet af {archive}. Skriv 'ja' for at fortsætte: ")
            if answer.strip().lower() != "ja":
                raise CommandError("Afbrudt: intet er ændret.")
        restore_backup(archive)
        self.stdout.write(f"Genskabt fra {archive}.")
