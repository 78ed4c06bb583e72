from django.core.management.base import BaseCommand

from core.backup import create_backup


class Command(BaseCommand):
    help = "Tag backup af databasen og de uploadede filer til et dateret arkiv i BACKUP_DIR."

    def add_arguments(self, parser):
        parser.add_argument("--dir", help="Mappe til arkivet (standard: BACKUP_DIR).")

    def handle(self, *args, dir=None, **options):
        self.stdout.write(str(create_backup(dir)))
