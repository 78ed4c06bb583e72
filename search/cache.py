"""Result pages kept briefly, emptied by saves of searchable content only.

Counting the hits of every type is the expensive part of a search. A page of results is kept for
``RESULTS_CACHE_SECONDS``, keyed on a generation that moves on whenever something a source finds is
saved or deleted: each source names those models (``SearchSource.invalidated_by``), and
:func:`connect_invalidation` listens to them alone. Sources find live pages only, so a draft no
reader can reach (``core.invalidation.seen_by_readers``: every outcome an employee submits) leaves
the results be. The generation is the version ``search`` (``core.versions``), kept in the ``shared``
cache: every web process sees at once a move made by another, or by the background worker when it
has brought the index up to date (Redis with ``REDIS_URL``, else the file cache of this host).
"""

import hashlib

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, get_page_models

from core import versions
from core.invalidation import seen_by_readers

RESULTS_CACHE_SECONDS = 60
SEARCH = "search"  # the version of everything search finds


def generation():
    """The token result pages are kept under; it moves whenever something search finds changes."""
    return versions.version(SEARCH)


def content_changed(instance=None, update_fields=None, **kwargs):
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # every login saves the user; nothing searchable changed
    if isinstance(instance, Page) and kwargs.get("signal") is post_save and not seen_by_readers(instance):
        return  # a draft no reader can reach (a submitted outcome): search finds live pages only
    versions.bump(SEARCH)


def m2m_content_changed(action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        content_changed()


def invalidating_models(sources):
    """Every model whose saves change what some source finds, subclasses of page models included."""
    models = set()
    for source in sources:
        for model in (source.model, *source.invalidated_by):
            if issubclass(model, Page):
                models.update(page_model for page_model in get_page_models() if issubclass(page_model, model))
            else:
                models.add(model)
    return models


def connect_invalidation(sources):
    """Listen to saves and deletes of the sources' models, and to m2m changes through a declared model."""
    for model in invalidating_models(sources):
        label = model._meta.label
        post_save.connect(content_changed, sender=model, dispatch_uid=f"search_cache_{label}_save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"search_cache_{label}_delete")
        # m2m_changed is sent with the through model as sender: a source that lists one (people's
        # competences) hears its changes; no receiver listens to every m2m change of the site.
        m2m_changed.connect(m2m_content_changed, sender=model, dispatch_uid=f"search_cache_{label}_m2m")


def results_key(*parts):
    return "search:" + hashlib.sha256("\x1f".join([str(generation()), *map(str, parts)]).encode()).hexdigest()


def index_updated(sender, task_result, **kwargs):
    """An index update done by the background worker outdates result pages cached since the save.

    Saves move the generation at once (above), but with a queue backend (``TASKS``) the search index is
    brought up to date a moment later by the worker; a search in between would keep the old results for
    ``RESULTS_CACHE_SECONDS``. The move is made in the shared cache, so it reaches every web process.
    """
    if task_result.task.module_path != INDEX_TASK_PATH:
        return
    app_label, model_name, pk = task_result.args
    if issubclass(apps.get_model(app_label, model_name), Page) and not Page.objects.filter(pk=pk, live=True).exists():
        return  # a draft's index entry: search finds live pages only
    content_changed()


INDEX_TASK_PATH = "modelsearch.tasks.insert_or_update_object_task"


def connect_index_updates():
    from django_tasks.signals import task_finished

    task_finished.connect(index_updated, dispatch_uid="search_cache_index_updated")
