"""Create the PostgreSQL benchmark database when it is missing, so `make bench` needs no `createdb` first.

On SQLite there is nothing to do (``migrate`` makes the file). Like ``seed_bench`` it refuses any
database whose name does not say it is a benchmark database.
"""

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from psycopg import sql


def server_params(database):
    """Connection parameters of the server that holds ``database``, for its maintenance database."""
    params = {
        "dbname": "postgres",
        "host": database.get("HOST"),
        "port": database.get("PORT"),
        "user": database.get("USER"),
        "password": database.get("PASSWORD"),
    }
    return {key: value for key, value in params.items() if value}


class Command(BaseCommand):
    help = "Opretter PostgreSQL-benchmarkdatabasen, hvis den mangler (brug `make bench`)."

    def add_arguments(self, parser):
        parser.add_argument("--name", help="Databasens navn (standard: den i DATABASE_URL).")

    def handle(self, *args, name=None, **options):
        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.postgresql":
            return
        name = name or str(database["NAME"])
        if "bench" not in name:
            raise CommandError(f"Opretter kun en benchmark-database (navnet skal indeholde 'bench'): {name}")
        with psycopg.connect(**server_params(database), autocommit=True) as connection:
            if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                self.stdout.write(f"Databasen {name} findes.")
                return
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        self.stdout.write(f"Databasen {name} er oprettet.")
