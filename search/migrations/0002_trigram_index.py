"""On PostgreSQL: the pg_trgm extension and a trigram index on the vocabulary, for "Mente du: …".

SQLite has no trigram index; there ``search.suggest`` compares by edit distance instead.
"""

from django.db import migrations

INDEX = "search_indexedword_word_trgm"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_indexedword USING gin (word gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
