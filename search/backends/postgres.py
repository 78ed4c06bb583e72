"""PostgreSQL: Wagtail's backend with its native ``danish`` configuration, recording the vocabulary."""

from wagtail.search.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend
from wagtail.search.models import IndexEntry
from wagtail.search.utils import get_content_type_pk

from ..models import IndexedWord
from ..text import STOP_WORDS
from ..vocabulary import MAX_WORD_LENGTH, MIN_WORD_LENGTH


class VocabularyPostgresIndex(PostgresIndex):
    def add_items(self, model, objs):
        super().add_items(model, objs)
        if not model.get_search_fields() or not objs:
            return
        # The words come from the plain text Wagtail just stored with the entries.
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                f"""
                INSERT INTO {IndexedWord._meta.db_table} (word, length)
                SELECT DISTINCT w, length(w) FROM {IndexEntry._meta.db_table} e,
                    regexp_split_to_table(lower(e.title_text || ' ' || e.body_text), '[^[:alnum:]]+') w
                WHERE e.content_type_id = %s AND e.object_id = ANY(%s)
                    AND length(w) BETWEEN %s AND %s AND w !~ '^[0-9]+$' AND NOT (w = ANY(%s))
                ON CONFLICT (word) DO NOTHING
                """,  # noqa: S608 - table names from the models, values as parameters
                [
                    get_content_type_pk(model),
                    [str(obj.pk) for obj in objs],
                    MIN_WORD_LENGTH,
                    MAX_WORD_LENGTH,
                    sorted(STOP_WORDS),
                ],
            )


class VocabularyPostgresSearchBackend(PostgresSearchBackend):
    index_class = VocabularyPostgresIndex
