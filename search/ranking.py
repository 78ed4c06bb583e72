"""Ranking the hits of one source: a title match first, then relevance, then the newer.

Why not ``backend.search(..., order_by_relevance=True)``: Wagtail's SQLite backend annotates each
matching row with its score through a *correlated* subquery that runs the whole FTS5 match again
for every row, which took 41.8 s for a common word among 10,000 articles. Here the match runs once
per query, as a derived table joined to the reader's visible rows, with the database's own rank:
FTS5's ``bm25()`` on SQLite and ``ts_rank`` on PostgreSQL (whose GIN indexes find the matches).
Title matches are decided from the title column of the same index entry, so the whole order is one
``ORDER BY``, and a page of results is a ``LIMIT``/``OFFSET`` of it: constant work per page.

Both read Wagtail's own index tables (``wagtailsearch_indexentry`` and, on SQLite, its FTS5
table), which Wagtail keeps up to date on save (search.backends stems them on SQLite).
"""

from django.db import connection
from django.db.models import F
from wagtail.search.models import IndexEntry

from .text import STOP_WORDS, query_stems, words

TITLE_WEIGHT = 10.0


def _postgres_terms(query, prefix):
    terms = []
    for word in words(query):
        if word not in STOP_WORDS and word not in terms:
            terms.append(word)
    parts = [f"'{word}'" for word in terms]  # words are letters and digits only (text.WORD)
    if prefix and parts:
        parts[-1] += ":*"
    return parts


def match_sql(query, content_type_ids, prefix=False, scored=True):
    """``(ctes, params, title_hit)``: SQL common table expressions ending in ``m``, the matching entries.

    ``m`` has ``oid`` (the object's primary key) and, when ``scored``, ``score`` (higher is more
    relevant); ``title_hit`` is the SQL expression, over ``m``, that is true when the title holds every
    word. ``prefix`` makes the last word match as the beginning of a word (search as you type).
    On SQLite every match is MATERIALIZED so that it runs once, never once per row of the visible set.
    On PostgreSQL ``m`` is NOT MATERIALIZED: each use is planned inline with that source's content
    types, so the planner knows how many entries match (its statistics on the tsvector columns) and
    joins ten thousand hits to the visible rows by hash, where a materialized ``m`` (estimated at a
    hundred rows) drew nested loops of index probes: 312 ms CPU for a first search at full benchmark
    size, 117 ms this way. Each entry belongs to one source, so nothing is matched twice.
    """
    entries = IndexEntry._meta.db_table
    types = ", ".join(["%s"] * len(content_type_ids))
    if connection.vendor == "postgresql":
        parts = _postgres_terms(query, prefix)
        per_term = " AND ".join(
            ["(e.title @@ to_tsquery('danish', %s) OR e.body @@ to_tsquery('danish', %s))"] * len(parts)
        )
        columns = "CAST(e.object_id AS integer) AS oid, e.content_type_id AS ct"
        if scored:
            columns += (
                ", (e.title @@ q.q) AS title_hit,"
                f" ts_rank(e.title, q.q) * {TITLE_WEIGHT} + ts_rank(e.body, q.q) AS score"
            )
        ctes = f"""m AS NOT MATERIALIZED (
            SELECT {columns} FROM {entries} e, (SELECT to_tsquery('danish', %s) AS q) q
            WHERE e.content_type_id IN ({types}) AND {per_term})"""  # noqa: S608 - placeholders and table names only
        params = [" & ".join(parts), *content_type_ids]
        for part in parts:
            params += [part, part]
        return ctes, params, "m.title_hit"

    stems = query_stems(query)
    terms = [f'"{item}"' for item in stems]  # stems are letters and digits only (text.WORD)
    if prefix:
        terms[-1] += "*"
    fts = f"{entries}_fts"
    columns = "CAST(e.object_id AS INTEGER) AS oid, e.content_type_id AS ct"
    if scored:
        columns += f", e.id AS entry, -bm25({fts}, 0.0, 1.0, {TITLE_WEIGHT}) AS score"
    # CROSS JOIN keeps the FTS5 match the outer loop: SQLite would otherwise run it once per entry.
    ctes = f"""t AS MATERIALIZED (SELECT rowid AS id FROM {fts} WHERE {fts} MATCH %s),
        m AS MATERIALIZED (
            SELECT {columns} FROM {fts} CROSS JOIN {entries} e ON e.id = {fts}.rowid
            WHERE {fts} MATCH %s AND e.content_type_id IN ({types}))"""  # noqa: S608 - placeholders and table names only
    expression = " AND ".join(terms)
    params = ["{title} : (" + expression + ")", "{body title} : (" + expression + ")", *content_type_ids]
    return ctes, params, "(m.entry IN (SELECT id FROM t))"


def count_all(ranked):
    """Count the hits of several sources in one query, over one match of the search index.

    Every source is counted against the same materialized match (one FTS5 scan, or one use of the
    GIN indexes), instead of one match per source.
    """
    pending = [hits for hits in ranked if hits._count is None]
    for hits in pending:
        if hits._empty():
            hits._count = 0
    pending = [hits for hits in pending if hits._count is None]
    if not pending:
        return
    all_types = sorted({pk for hits in pending for pk in hits.content_type_ids})
    ctes, params, _title_hit = match_sql(pending[0].query, all_types, pending[0].prefix, scored=False)
    selects = []
    for number, hits in enumerate(pending):
        visible_sql, visible_params = hits._visible()
        types = ", ".join(["%s"] * len(hits.content_type_ids))
        selects.append(
            f"SELECT {number}, COUNT(*) FROM ({visible_sql}) v{number} "  # noqa: S608 - generated SQL only
            f"WHERE v{number}.search_oid IN (SELECT oid FROM m WHERE ct IN ({types}))"
        )
        params += visible_params + list(hits.content_type_ids)
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {ctes} " + " UNION ALL ".join(selects), params)  # noqa: S608
        for number, count in cursor.fetchall():
            pending[number]._count = count


def top_all(ranked, per_type):
    """The first ``per_type`` hits of each of several sources, in rank order, from one query.

    Search as you type shows the top few of every type; asking each source on its own ran the
    match of the search index once per source (six FTS5 scans for one keystroke). Here one
    materialized match serves them all, each source ranked on its own as ``RankedHits`` does.
    """
    found = [[] for _hits in ranked]
    pending = [(number, hits) for number, hits in enumerate(ranked) if not hits._empty()]
    if not pending or per_type <= 0:
        return found
    first = pending[0][1]
    all_types = sorted({pk for _number, hits in pending for pk in hits.content_type_ids})
    ctes, params, title_hit = match_sql(first.query, all_types, first.prefix)
    join = "CROSS JOIN" if connection.vendor == "sqlite" else "JOIN"
    selects = []
    for number, hits in pending:
        visible_sql, visible_params = hits._visible()
        types = ", ".join(["%s"] * len(hits.content_type_ids))
        selects.append(
            f"""SELECT * FROM (SELECT {number} AS source, v.search_oid AS oid
                FROM m {join} ({visible_sql}) v ON v.search_oid = m.oid WHERE m.ct IN ({types})
                ORDER BY {title_hit} DESC, m.score DESC, v.search_sort DESC, v.search_oid DESC
                LIMIT %s) s{number}"""  # noqa: S608 - placeholders and generated SQL only
        )
        params += visible_params + list(hits.content_type_ids) + [per_type]
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {ctes} " + " UNION ALL ".join(selects), params)  # noqa: S608
        rows = cursor.fetchall()
    for number, hits in pending:
        pks = [pk for source, pk in rows if source == number]
        objects = hits.queryset.in_bulk(pks) if pks else {}
        found[number] = [objects[pk] for pk in pks if pk in objects]
    return found


class RankedHits:
    """The hits of one source for a query, in rank order; sliceable, counted without fetching them."""

    def __init__(self, queryset, content_type_ids, query, date_field="pk", prefix=False):
        self.queryset = queryset
        self.content_type_ids = content_type_ids
        self.query = query
        self.date_field = date_field
        self.prefix = prefix
        self._count = None

    def _visible(self):
        visible = self.queryset.order_by().annotate(search_oid=F("pk"), search_sort=F(self.date_field))
        sql, params = visible.values_list("search_oid", "search_sort").query.sql_with_params()
        return sql, list(params)

    def _empty(self):
        return not self.content_type_ids or not query_stems(self.query)

    def count(self):
        if self._count is None:
            count_all([self])
        return self._count

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            raise TypeError("RankedHits only supports slicing")
        start = key.start or 0
        stop = key.stop if key.stop is not None else self.count()
        if stop <= start or self._empty():
            return []
        visible_sql, visible_params = self._visible()
        ctes, params, title_hit = match_sql(self.query, self.content_type_ids, self.prefix)
        # The matches drive the join (each looks its row up in the visible set by primary key).
        join = "CROSS JOIN" if connection.vendor == "sqlite" else "JOIN"
        sql = f"""WITH {ctes}
            SELECT v.search_oid FROM m {join} ({visible_sql}) v ON v.search_oid = m.oid
            ORDER BY {title_hit} DESC, m.score DESC, v.search_sort DESC, v.search_oid DESC
            LIMIT %s OFFSET %s"""  # noqa: S608 - placeholders and generated SQL only
        with connection.cursor() as cursor:
            cursor.execute(sql, params + visible_params + [stop - start, start])
            pks = [row[0] for row in cursor.fetchall()]
        objects = self.queryset.in_bulk(pks)
        return [objects[pk] for pk in pks if pk in objects]
