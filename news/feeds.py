"""The news as RSS 2.0, with Django's syndication framework.

Served at ``<news index>/feed/`` for logged-in users and at the personal secret address
(``news.views.personal_feed``) for feed readers that cannot log in: the same feed either way.
"""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext as _

from core.names import display_name

FEED_LENGTH = 20


class NewsFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # Personal content (the address may carry a secret): no shared caches.
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_object(self, request, index_page):
        self.request = request
        return index_page

    def title(self, index_page):
        return _("%(title)s – Ikast-Brande Kommunes intranet") % {"title": index_page.title}

    def link(self, index_page):
        return index_page.get_url(self.request)

    def description(self, index_page):
        return index_page.introduction or _("Nyheder fra Ikast-Brande Kommune til medarbejderne.")

    def items(self, index_page):
        return list(index_page.articles().select_related("author", "owner")[:FEED_LENGTH])

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.introduction

    def item_link(self, article):
        return article.get_url(self.request)

    def item_pubdate(self, article):
        """The moment it went out, on its shown date; a date set by hand counts from 08:00, never later than now."""
        published = article.first_published_at
        if published is not None and timezone.localdate(published) == article.date:
            return published
        return min(timezone.make_aware(datetime.combine(article.date, time(hour=8))), timezone.now())

    def item_categories(self, article):
        return [category.name for category in article.categories.all()]

    def item_author_name(self, article):
        user = article.byline_user
        if user is not None:
            return display_name(user)
        return article.author_name or None
