from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from comments.mixins import CommentablePageMixin
from comments.models import with_comment_count
from core import fragments, versions
from core.blocks import BodyBlock
from core.invalidation import PAGES
from core.models import BasePage
from core.pagination import paginate
from core.privacy import hidden_paths, visible
from core.tokens import SecretAddressToken
from people.choosers import PersonChooser
from people.models import Department

from .feeds import NewsFeed

ARTICLES_PER_PAGE = 20
RELATED_ARTICLES = 3
LISTING_IMAGE_SPEC = "fill-480x270"


# The municipality's areas that migration 0002 creates, marked so that the English catalogue carries
# them. A category that editors add later is shown as they wrote it: it is content.
SEEDED_CATEGORY_NAMES = (
    gettext_noop("Social"),
    gettext_noop("Sundhed"),
    gettext_noop("Teknik"),
    gettext_noop("Økonomi"),
    gettext_noop("IT"),
    gettext_noop("Job"),
    gettext_noop("Indkøb"),
)


@register_snippet
class NewsCategory(models.Model):
    """The municipality's areas (Social, Sundhed, ...), kept by Kommunikation under Snippets."""

    name = models.CharField(_("navn"), max_length=60, unique=True)
    slug = models.SlugField(
        _("adresse-navn"),
        max_length=60,
        unique=True,
        allow_unicode=False,
        help_text=_("Bruges i adressen, fx /nyheder/?kategori=sundhed. Kun små bogstaver, tal og bindestreger."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("nyhedskategori")
        verbose_name_plural = _("nyhedskategorier")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The name in the reader's language (seeded areas only; see SEEDED_CATEGORY_NAMES)."""
        return gettext(self.name) if self.name in SEEDED_CATEGORY_NAMES else self.name


class NewsIndexPage(RoutablePageMixin, BasePage):
    """/nyheder/: the newest articles first, filterable by category, and the RSS feed at ``feed/``."""

    template = "news/news_index_page.html"

    # One news section, directly under the front page; it holds only articles.
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage"]
    max_count = 1

    class Meta:
        verbose_name = _("nyhedsoversigt")

    def articles(self, request=None):
        """Live articles of this index, pinned ones first, then newest first.

        With ``request``, the articles that reader may open (page privacy, ``core.privacy``);
        without (the public feed), public articles only. What a teaser card needs comes in a
        constant number of queries. An article is pinned while its ``pinned_until`` date has not
        passed; ``is_pinned`` tells the template.
        """
        today = timezone.localdate()
        live = NewsArticlePage.objects.live().child_of(self)
        return (
            with_comment_count(visible(live, request) if request is not None else live.public())
            .annotate(
                is_pinned=Case(
                    When(pinned_until__gte=today, then=Value(1)), default=Value(0), output_field=IntegerField()
                )
            )
            .select_related("listing_image")
            .prefetch_related("categories", "listing_image__renditions")
            .order_by("-is_pinned", "-date", "-first_published_at", "-pk")
        )

    def listing_key(self, request):
        """The cache key of one page of the listing: the same for every reader who may open the same
        private sections, kept until a page, a picture or a category (``pages``, ``content``) or any
        comment count (``comments``) changes, or the day changes (pinning ends)."""
        if getattr(request, "is_preview", False):
            return None
        # The whole query string: the pagination links keep every parameter ({% querystring %}).
        parts = (
            self.pk,
            request.META.get("QUERY_STRING", ""),
            timezone.localdate(),
            get_language(),
            *hidden_paths(request),
        )
        return fragments.fragment_key("news-index", parts, [PAGES, fragments.CONTENT, fragments.ALL_COMMENTS])

    @path("")
    def index_route(self, request):
        categories = versions.cached(
            ("news-categories",), [fragments.CONTENT], lambda: list(NewsCategory.objects.all())
        )
        slug = request.GET.get("kategori", "")
        category = next((c for c in categories if c.slug == slug), None)
        articles = self.articles(request)
        status = 200
        if slug and category is None:
            articles = articles.none()
            status = 404
        elif category is not None:
            articles = articles.filter(categories=category)
        # Counted and fetched only when the listing's cached fragment is missing (``listing_key``).
        page_obj = SimpleLazyObject(lambda: paginate(request, articles, ARTICLES_PER_PAGE))
        response = self.render(
            request,
            context_overrides={
                "categories": categories,
                "category": category,
                "unknown_category": slug if slug and category is None else "",
                "page_obj": page_obj,
                "articles": SimpleLazyObject(lambda: page_obj.object_list),
                "listing_key": self.listing_key(request),
            },
        )
        response.status_code = status
        return response

    @path("feed/")
    def feed(self, request):
        return NewsFeed()(request, index_page=self)


class NewsArticlePage(CommentablePageMixin, RoutablePageMixin, BasePage):
    """One news article. ``introduction`` (from BasePage) is the manchet.

    Routable for the read confirmation: ``laest/`` (POST, "Jeg har læst det") and, for
    Kommunikation, ``bekraeftelser/`` with its CSV (see ``news.confirmations``).
    """

    template = "news/news_article_page.html"

    date = models.DateField(
        _("udgivelsesdato"),
        null=True,
        blank=True,
        help_text=_(
            "Vises ved artiklen; nyheder sorteres efter den. Tom: den dag, artiklen udgives "
            "(også når udgivelsen er planlagt)."
        ),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("forfatter"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_articles",
        help_text=_("Forfatterens profil linkes fra artiklen. Tom: den, der oprettede siden."),
    )
    author_name = models.CharField(
        _("forfatternavn"),
        max_length=120,
        blank=True,
        help_text=_("Bruges, når forfatteren ikke har en profil på intranettet."),
    )
    signature = models.CharField(
        _("signatur"), max_length=10, blank=True, help_text=_("Forfatterens initialer, fx 'mou'.")
    )
    categories = ParentalManyToManyField(NewsCategory, verbose_name=_("kategorier"), related_name="articles")
    listing_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("oversigtsbillede"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Vises i nyhedsoversigten og øverst i artiklen. Udfyld billedets beskrivelse (alt-tekst)."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("brødtekst"))
    related_project = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("relateret projekt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_departments = ParentalManyToManyField(
        Department,
        verbose_name=_("målrettet afdelinger"),
        blank=True,
        related_name="targeted_articles",
        help_text=_(
            "Tom: nyheden er til alle. Vælger du afdelinger, vises nyheden på forsiden for dem, og en "
            "bekræftelse kræves kun af dem. Alle kan stadig finde den i nyhedsoversigten og søgningen."
        ),
    )
    pinned_until = models.DateField(
        _("fastgjort øverst til og med"),
        null=True,
        blank=True,
        help_text=_("Nyheden står øverst i nyhedsoversigten til og med denne dato. Tom: ikke fastgjort."),
    )
    requires_confirmation = models.BooleanField(
        _("Vigtig – kræver bekræftelse"),
        default=False,
        help_text=_(
            "Hver læser skal trykke “Jeg har læst det”. Indtil da står nyheden øverst på vedkommendes forside. "
            "Kommunikation kan se, hvem der har bekræftet."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("date"),
                FieldPanel("author", widget=PersonChooser),
                FieldPanel("author_name"),
                FieldPanel("signature"),
            ],
            heading=_("Byline"),
        ),
        FieldPanel("categories", widget=forms.CheckboxSelectMultiple),
        FieldPanel("listing_image"),
        PageChooserPanel("related_project", ["projects.ProjectPage"]),
        MultiFieldPanel(
            [
                FieldPanel("requires_confirmation"),
                FieldPanel("target_departments", widget=forms.CheckboxSelectMultiple),
                FieldPanel("pinned_until"),
            ],
            heading=_("Målgruppe, vigtighed og fastgørelse"),
        ),
    ]
    settings_panels = BasePage.settings_panels + CommentablePageMixin.comment_panels
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.RelatedFields("categories", [index.SearchField("name")]),
        index.FilterField("date"),
    ]

    # Articles live only in the news index and have no children.
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nyhed")
        verbose_name_plural = _("nyheder")
        # The news index, the feed, the dashboard and search list articles newest first.
        indexes = [models.Index(fields=["-date"], name="news_article_newest_first")]

    def clean(self):
        super().clean()
        if not (self.introduction or "").strip():
            raise ValidationError({"introduction": _("Skriv en manchet: den vises i oversigten og i RSS-feedet.")})

    def save(self, *args, **kwargs):
        """A published article without a date of its own shows the day it was first published.

        Filled when the article goes live (at once or at its scheduled time), not when the draft
        was begun: a draft written days before shows the day readers first saw it.
        """
        if self.live and self.date is None:
            self.date = timezone.localdate(self.first_published_at or timezone.now())
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "date" not in update_fields:
                kwargs["update_fields"] = [*update_fields, "date"]
        return super().save(*args, **kwargs)

    @property
    def byline_user(self):
        return self.author or self.owner

    def comment_notification_recipients(self):
        """Whom comments/notifications.py tells about a new comment here: the article's author."""
        return [self.byline_user] if self.byline_user else []

    def follow_targets(self):
        """What this article is "in": comments and the article itself reach the followers of these."""
        return [*self.categories.all(), self.related_project]

    def related_articles(self, categories):
        """The newest other articles sharing one of ``categories`` with this one."""
        # A subquery instead of a join + DISTINCT lets the database walk the newest-first date
        # index and stop after a few rows (the join sorted every article of the category).
        tagged = NewsArticlePage.categories.through.objects.filter(
            newscategory_id__in=[category.pk for category in categories]
        ).values("newsarticlepage_id")
        siblings = (
            NewsArticlePage.objects.live()
            .public()
            .sibling_of(self, inclusive=False)
            .filter(pk__in=tagged)
            .select_related("listing_image")
            .order_by("-date", "-first_published_at", "-pk")
        )
        return list(siblings[:RELATED_ARTICLES])

    def sorted_categories(self):
        return sorted(self.categories.all(), key=lambda category: category.name)

    def get_context(self, request, *args, **kwargs):
        from . import confirmations

        context = super().get_context(request, *args, **kwargs)
        # What is the same for every reader is drawn from cached fragments (``article_key``); these
        # are only computed when a fragment is missing.
        categories = SimpleLazyObject(self.sorted_categories)
        context["article_categories"] = categories
        context["related_articles"] = SimpleLazyObject(lambda: self.related_articles(categories))
        context["article_key"] = self.article_key(request)
        context["confirmation"] = confirmations.state_for(self, request.user)
        return context

    def article_key(self, request):
        """The cache key of the article's shared parts: its revision, and whatever else it shows
        (related articles, the project: ``pages``; categories, pictures, the author's name: ``content``).
        None in a preview, whose content is not the published one."""
        if getattr(request, "is_preview", False):
            return None
        return fragments.fragment_key(
            "news-article", (self.pk, self.latest_revision_id, self.last_published_at, get_language())
        )

    @path("laest/")
    def confirm_route(self, request):
        from . import confirmation_views

        return confirmation_views.confirm_read(request, self)

    @path("bekraeftelser/")
    def report_route(self, request):
        from . import confirmation_views

        return confirmation_views.confirmation_report(request, self)

    @path("bekraeftelser/csv/")
    def report_csv_route(self, request):
        from . import confirmation_views

        return confirmation_views.confirmation_report_csv(request, self)


class ReadConfirmation(models.Model):
    """A person's "Jeg har læst det" on an article that requires it: at most one per person and article."""

    article = models.ForeignKey(
        NewsArticlePage, verbose_name=_("nyhed"), on_delete=models.CASCADE, related_name="read_confirmations"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("bruger"), on_delete=models.CASCADE, related_name="read_confirmations"
    )
    confirmed_at = models.DateTimeField(_("bekræftet"), default=timezone.now)

    class Meta:
        verbose_name = _("læsebekræftelse")
        verbose_name_plural = _("læsebekræftelser")
        constraints = [
            # A double submit or two tabs never make two confirmations (news.confirmations.confirm).
            models.UniqueConstraint(fields=["article", "user"], name="news_one_confirmation_per_reader"),
        ]

    def __str__(self):
        return f"{self.user} – {self.article}"


class FeedToken(SecretAddressToken):
    """A user's secret feed address, for feed readers that cannot log in (rules: ``core.tokens``)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("bruger"), on_delete=models.CASCADE, related_name="news_feed_token"
    )

    class Meta:
        verbose_name = _("personlig feed-adresse")
        verbose_name_plural = _("personlige feed-adresser")
