"""Wagtail's database search backend, Danish on every database.

``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends"`` picks, like Wagtail's own
``wagtail.search.backends.database``, the backend for the database in use:

- PostgreSQL: Wagtail's PostgreSQL backend unchanged, stemming with the native ``danish``
  configuration (``SEARCH_CONFIG``).
- SQLite: Wagtail's SQLite (FTS5) backend, whose tokenizer knows no Danish. Here the Snowball
  Danish stemmer does it in Python: the index stores the stems of each text and every query is
  stemmed the same way, so "forandringsagenterne" finds "forandringsagent".

Both record the words they index (``search.vocabulary``), the vocabulary the typo
suggestions ("Mente du: …") are built from. See
https://docs.wagtail.org/en/stable/topics/search/backends.html#custom-search-backends
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        from .postgres import VocabularyPostgresSearchBackend

        return VocabularyPostgresSearchBackend(params)
    from .sqlite import DanishSQLiteSearchBackend

    return DanishSQLiteSearchBackend(params)
