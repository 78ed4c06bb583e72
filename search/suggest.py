"""Typo suggestions ("Mente du: …") from the words that are actually indexed (``IndexedWord``).

A word of the query that the index does not know is replaced by the closest indexed word: by
trigram similarity on PostgreSQL (pg_trgm, with a GIN index), by edit distance on SQLite over the
indexed words of about the same length that start with the same letter.
"""

from django.db import connection

from .models import IndexedWord
from .text import STOP_WORDS, words

MAX_DISTANCE = 2
MIN_SIMILARITY = 0.3


def edit_distance(first, second, limit=MAX_DISTANCE):
    """Damerau-Levenshtein distance (a swap of two letters counts once); ``limit + 1`` when over ``limit``."""
    if abs(len(first) - len(second)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(second) + 1))
    for i, char in enumerate(first, 1):
        current = [i] + [0] * len(second)
        for j, other in enumerate(second, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other))
            if previous2 is not None and i > 1 and j > 1 and char == second[j - 2] and first[i - 2] == other:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def closest_word(word):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT word FROM {IndexedWord._meta.db_table} WHERE word %% %s AND similarity(word, %s) >= %s "  # noqa: S608
                "ORDER BY similarity(word, %s) DESC, word LIMIT 1",
                [word, word, MIN_SIMILARITY, word],
            )
            row = cursor.fetchone()
        return row[0] if row else None
    candidates = IndexedWord.objects.filter(
        length__gte=len(word) - MAX_DISTANCE, length__lte=len(word) + MAX_DISTANCE, word__startswith=word[0]
    ).values_list("word", flat=True)
    scored = sorted((edit_distance(word, candidate), candidate) for candidate in candidates)
    return scored[0][1] if scored and scored[0][0] <= MAX_DISTANCE else None


def suggestion(query):
    """The query with its unknown words corrected, or ``""`` when every word is known or none is close."""
    query_words = words(query)
    checked = [word for word in query_words if word not in STOP_WORDS and not word.isdigit()]
    if not checked:
        return ""
    known = set(IndexedWord.objects.filter(word__in=checked).values_list("word", flat=True))
    if len(known) == len(set(checked)):
        return ""
    corrected = []
    for word in query_words:
        corrected.append(word if word in known or word not in checked else (closest_word(word) or word))
    return " ".join(corrected) if corrected != query_words else ""
