"""Result pages cached between a save and the worker's index update are not kept."""

from django.core.cache import cache
from modelsearch.tasks import insert_or_update_object_task

from search.cache import GENERATION_KEY, generation


def test_an_index_update_by_the_worker_moves_the_generation_on(db):
    from wagtail.models import Page

    cache.delete(GENERATION_KEY)
    before = generation()
    root = Page.objects.first()
    insert_or_update_object_task.enqueue("wagtailcore", "page", root.pk)
    assert generation() > before
