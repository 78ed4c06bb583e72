from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.privacy import visible
from core.search import SEARCH_SOURCE_HOOK, SearchSource, result, stream_text
from core.tokens import own_address_section
from notifications.kinds import Followable
from reactions.registry import Reactable

from .models import FeedToken, NewsArticlePage, NewsCategory, ReadConfirmation


@hooks.register("register_reactables")
def articles_can_be_liked():
    return [Reactable(NewsArticlePage, is_available=lambda page: page.live)]


@hooks.register("register_followables")
def categories_can_be_followed():
    return [Followable(NewsCategory, _("nyhedskategori"), url=lambda category: f"/nyheder/?kategori={category.slug}")]


@hooks.register("people_profile_sections")
def personal_feed_section(request, person):
    """The secret feed address, on the viewer's own profile only (see people/views.py)."""
    return own_address_section(
        request, person, FeedToken, "news/profile_feed_section.html", "news:personal_feed", "news:regenerate_feed_token"
    )


@hooks.register(SEARCH_SOURCE_HOOK)
def news_search_source():
    """News articles on /soeg/, with their date and categories."""

    def queryset(visibility):
        return visibility.pages(NewsArticlePage).prefetch_related("categories")

    def to_result(page, request):
        categories = ", ".join(sorted(category.name for category in page.categories.all()))
        return result(
            page.title,
            page.get_url(request),
            [date_format(page.date, "j. F Y"), categories],
            [page.introduction, *stream_text(page.body)],
        )

    return SearchSource(
        "nyheder",
        _("Nyheder"),
        NewsArticlePage,
        queryset,
        to_result,
        date_field="date",
        invalidated_by=(NewsCategory,),
        order=10,
    )


@hooks.register("person_data_export")
def export_news(user):
    """For people/departure.py: articles the person is named author of, and whether a feed address exists."""
    articles = NewsArticlePage.objects.filter(author=user).order_by("date", "pk")
    return {
        "news_articles": [{"id": page.pk, "title": page.title, "date": str(page.date)} for page in articles],
        "news_feed_address": FeedToken.objects.filter(user=user).exists(),
        "news_read_confirmations": [
            {"article": title, "confirmed_at": stamp.isoformat()}
            for title, stamp in ReadConfirmation.objects.filter(user=user)
            .order_by("confirmed_at")
            .values_list("article__title", "confirmed_at")
        ],
    }


@hooks.register("person_anonymise")
def remove_feed_address(user):
    """A departed employee's secret feed address stops working."""
    FeedToken.objects.filter(user=user).delete()


@hooks.register("project_page_sections", order=10)
def news_about_the_project(request, project, limit=5):
    """Published articles whose "related project" is this one, on the project page (projects/ never imports us)."""
    articles = visible(NewsArticlePage.objects.live(), request).filter(related_project_id=project.pk)
    articles = articles.order_by("-date", "-pk").defer_streamfields()
    return {"template": "news/project_news_section.html", "context": {"articles": list(articles[:limit])}}
