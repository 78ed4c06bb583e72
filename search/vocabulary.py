"""The vocabulary of indexed words that typo suggestions ("Mente du: …") are built from.

Both database backends record here the words they index, so a suggestion is always a word that
a search can find.
"""

from .models import IndexedWord
from .text import STOP_WORDS, words

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
