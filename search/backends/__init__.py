"""Wagtail's database search backend, Danish on every database.

``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backends"`` picks, like Wagtail's own
``wagtail.search.backends.database``, the backend for the database in use:

- PostgreSQL: Wagtail's PostgreSQL backend unchanged, stemming with the native ``danish``
  configuration (``SEARCH_CONFIG``).
- SQLite: Wagtail's SQLite (FTS5) backend, whose tokenizer knows no Danish. Here the Snowball
  Danish stemmer does it in Python: the index stores the stems of each text and every query is
  stemmed the same way, so "forandringsagenterne" finds "forandringsagent".

Both record the words they index in :class:`search.models.IndexedWord`, the vocabulary the typo
suggestions ("Mente du: …") are built from. See
https://docs.wagtail.org/en/stable/topics/search/backends.html#custom-search-backends
"""

from django.db import connection

from ..models import IndexedWord
from ..text import STOP_WORDS, words

MIN_WORD_LENGTH = 3
MAX_WORD_LENGTH = 40


def record_words(texts):
    """Add the words of ``texts`` to the vocabulary (words already known are skipped by the database)."""
    vocabulary = {
        word
        for text in texts
        for word in words(text)
        if MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH and not word.isdigit() and word not in STOP_WORDS
    }
    if vocabulary:
        IndexedWord.objects.bulk_create(
            [IndexedWord(word=word, length=len(word)) for word in sorted(vocabulary)], ignore_conflicts=True
        )


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        from .postgres import VocabularyPostgresSearchBackend

        return VocabularyPostgresSearchBackend(params)
    from .sqlite import DanishSQLiteSearchBackend

    return DanishSQLiteSearchBackend(params)
