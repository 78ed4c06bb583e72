"""Pages in bulk for the benchmark database: a valid Wagtail tree without a ``save()`` per page.

``Page.add_child`` costs a dozen queries per page (tree locks, the parent's last child, url_path,
signals that queue a search-index task each) and made seeding take 9 minutes on SQLite and 18 on
PostgreSQL. Here the treebeard paths are computed once per parent, the ``wagtailcore_page`` rows
go in with ``bulk_create``, the rows of the specific model (multi-table inheritance, which
``bulk_create`` refuses) with one ``INSERT`` per batch of its own columns, and every page gets the
revision a published page has. The search index is filled once at the end (:func:`index_all`).

What ``add_child`` would have done and this does too: path, depth, the parent's numchild,
url_path, content type, locale, draft_title, live and the publication dates, latest and live
revision. What it does not: signals (the caller does what a receiver would, e.g. the project leads'
rights), log entries, and slug validation (the caller gives unique slugs).
"""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, F, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, Revision
from wagtail.search import index
from wagtail.search.backends import get_search_backend

BATCH = 500
INDEX_CHUNK = 1000


def child_paths(parent, count):
    """Tree paths for ``count`` new children of ``parent``, after its existing last child."""
    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    start = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    return [Page._get_path(parent.path, parent.depth + 1, start + number) for number in range(count)]


def add_children(parent, pages, user=None):
    """Save ``pages`` (unsaved instances of one specific page model) as live children of ``parent``.

    Returns the pages with their primary keys. ``ParentalManyToManyField`` values and child
    relations set on the instances are stored by the caller (they are plain rows); the revision
    holds them as they are on the instances.
    """
    if not pages:
        return pages
    model = type(pages[0])
    if model._meta.get_parent_list() != [Page] or any(type(page) is not model for page in pages):
        raise ValueError("add_children takes pages of one model that inherits directly from Page")
    parent = Page.objects.get(pk=parent.pk)  # the current numchild and path
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    for page, path in zip(pages, child_paths(parent, len(pages)), strict=True):
        page.path, page.depth, page.numchild = path, parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type = content_type
        page.locale_id = parent.locale_id
        page.draft_title = page.title
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = page.last_published_at or page.first_published_at
        page.latest_revision_created_at = page.last_published_at

    # 1. The wagtailcore_page rows, through Page's own bulk_create (it returns the primary keys).
    base_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    rows = [Page(**{field.attname: getattr(page, field.attname) for field in base_fields}) for page in pages]
    Page.objects.bulk_create(rows, batch_size=BATCH)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
        page._state.adding, page._state.db = False, row._state.db

    # 2. The specific model's own table: its local columns (page_ptr_id first), one INSERT per batch.
    local_fields = list(model._meta.local_concrete_fields)
    size = max(1, min(BATCH, connection.ops.bulk_batch_size(local_fields, pages)))
    for start in range(0, len(pages), size):
        model._base_manager._insert(pages[start : start + size], fields=local_fields)

    # 3. One revision each (what publishing leaves), then latest_revision and live_revision point at it.
    page_type = ContentType.objects.get_for_model(Page)
    Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type, base_content_type=page_type, object_id=str(page.pk),
                created_at=page.last_published_at, user=user or page.owner, object_str=page.title,
                content=revision_content(page),
            )
            for page in pages
        ],
        batch_size=BATCH,
    )  # fmt: skip
    latest = (
        Revision.objects.filter(base_content_type=page_type, object_id=Cast(OuterRef("pk"), CharField()))
        .order_by("-pk")
        .values("pk")[:1]
    )
    pks = [page.pk for page in pages]
    for start in range(0, len(pks), BATCH):
        Page.objects.filter(pk__in=pks[start : start + BATCH]).update(
            latest_revision_id=Subquery(latest), live_revision_id=Subquery(latest)
        )
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    return pages


def revision_content(page):
    """The page as Wagtail stores it in a revision, without a query per child relation.

    Child relations and ``ParentalManyToManyField`` values the caller did not fill are given as
    empty (the page is new: it has none).
    """
    held = getattr(page, "_cluster_related_objects", {})
    for relation in get_all_child_relations(page):
        if relation.get_accessor_name() not in held:
            setattr(page, relation.get_accessor_name(), [])
    for field in page._meta.get_fields():
        if isinstance(field, ParentalManyToManyField) and field.name not in held:
            setattr(page, field.name, [])
    return page.serializable_data()


def index_all(models, progress=None, prepare=None):
    """Add every object of ``models`` to the search index, a chunk at a time (as ``update_index`` does).

    Objects made with ``bulk_create`` never sent the ``post_save`` that indexes one object; this
    indexes them once, with the related fields the index needs fetched per chunk, not per object.
    ``prepare`` maps a model to a function that readies a chunk of its objects in bulk.
    """
    prepare = prepare or {}
    backend = get_search_backend()
    done = 0
    for model in models:
        objects = model.get_indexed_objects().order_by("pk")
        last = None
        while True:
            chunk = list((objects.filter(pk__gt=last) if last is not None else objects)[:INDEX_CHUNK])
            if not chunk:
                break
            preload_parental_m2m(model, chunk)
            if model in prepare:
                prepare[model](chunk)
            backend.add_bulk(model, chunk)
            last = chunk[-1].pk
            done += len(chunk)
            if progress:
                progress(done)
    return done


def preload_parental_m2m(model, objects):
    """Hold the indexed ``ParentalManyToManyField`` values of ``objects`` in memory, one query per field.

    modelcluster's related manager ignores ``prefetch_related``, so the index would otherwise ask the
    database for a page's categories (or facilitators) three times per page: title, body, autocomplete.
    """
    for search_field in model.get_search_fields():
        if not isinstance(search_field, index.RelatedFields):
            continue
        field = model._meta.get_field(search_field.field_name)
        if not isinstance(field, ParentalManyToManyField):
            continue
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        values = defaultdict(list)
        rows = through.objects.filter(**{f"{source}_id__in": [obj.pk for obj in objects]}).select_related(target)
        for row in rows:
            values[getattr(row, f"{source}_id")].append(getattr(row, target))
        for obj in objects:
            setattr(obj, field.name, values[obj.pk])
