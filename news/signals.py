"""Kommunikation may edit news as soon as a news index exists, so nobody juggles permissions by hand."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission
from wagtail.signals import page_published

from core import fragments
from core.privacy import users_who_may_view
from notifications import services as notification_services

from .models import NewsArticlePage, NewsCategory, NewsIndexPage

NEWS_EDITORS = "Kommunikation"
# Add, edit, publish (also schedules go-live/expiry and unpublishes) and lock pages under the news index.
# See https://docs.wagtail.org/en/stable/topics/permissions.html#page-permissions
NEWS_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


def grant_news_editors(page):
    group, _created = Group.objects.get_or_create(name=NEWS_EDITORS)
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=NEWS_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page_id=page.pk, permission=permission)


@receiver(post_save, sender=NewsIndexPage, dispatch_uid="news_index_grants_kommunikation")
def news_index_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_news_editors(instance)


@receiver(page_published, sender=NewsArticlePage, dispatch_uid="news_announce_article")
def announce_new_article(sender, instance, **kwargs):
    """A newly published article (not a republished one) reaches the followers of its categories and project."""
    if not (instance.live and instance.first_published_at == instance.last_published_at):
        return
    notification_services.notify(
        users_who_may_view(instance, notification_services.followers_of(*instance.follow_targets())),
        "followed_content",
        actor=instance.byline_user,
        title=instance.title,
        url=instance.get_url() or instance.url or "/",
        excerpt=instance.introduction,
    )


# Category names and addresses show on every article and listing (``core.fragments.CONTENT``).
fragments.connect(NewsCategory)
