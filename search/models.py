from django.db import models


class IndexedWord(models.Model):
    """A word that occurs in the search index, as written (lower-case): the vocabulary of "Mente du".

    Filled by the search backend whenever it indexes an object (``search.backends``); looked up by
    trigram similarity on PostgreSQL (pg_trgm) and by edit distance on SQLite (``search.suggest``).
    """

    word = models.CharField(max_length=40, unique=True)
    length = models.PositiveSmallIntegerField(db_index=True)

    class Meta:
        verbose_name = "indekseret ord"
        verbose_name_plural = "indekserede ord"

    def __str__(self):
        return self.word
