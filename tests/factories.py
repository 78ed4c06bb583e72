"""One factory per model the tests build, shared by the whole suite."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from home.models import HomePage, StandardPage
from people.models import ChangeAgentDirectoryPage, Department
from projects.models import ProjectIndexPage, ProjectPage, Theme

PASSWORD = "korrekt-hest-batteri"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"bruger{n}")
    first_name = factory.Faker("first_name", locale="da_DK")
    last_name = factory.Faker("last_name", locale="da_DK")
    email = factory.LazyAttribute(lambda user: f"{user.username}@intranet.test")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        """``UserFactory(groups=["Projektledere"])`` puts the user in those role groups."""
        if create and extracted:
            for name in extracted:
                self.groups.add(Group.objects.get_or_create(name=name)[0])
        if create:
            self.save()


class HomePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = HomePage

    title = "Forside"
    slug = "forside"


class StandardPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"Side {n}")
    introduction = "En kort indledning."


# --- people and projects -----------------------------------------------------------
class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Afdeling {n}")


class ChangeAgentDirectoryPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ChangeAgentDirectoryPage

    title = "Forandringsagenter"
    slug = "forandringsagenter"


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Tema {n}")


class ProjectIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectIndexPage

    title = "Projekter"
    slug = "projekter"


class ProjectPageFactory(wagtail_factories.PageFactory):
    """``ProjectPageFactory(parent=index, lead=user)``; the lead's rights follow from saving."""

    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"Projekt {n}")
    introduction = "Et tema-projekt i Mental Frikommune."
    purpose = "At finde nye veje."
    theme = factory.SubFactory(ThemeFactory)


# --- News and comments ------------------------------------------------------------
class NewsCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "news.NewsCategory"
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "news.NewsIndexPage"

    title = "Nyheder"
    slug = "nyheder"


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    """``NewsArticlePageFactory(parent=index, categories=[cat])``; published (live) by default."""

    class Meta:
        model = "news.NewsArticlePage"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Nyhed {n}")
    introduction = "En kort manchet om nyheden."
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Brødtekst.</p>")])

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if create and extracted:
            self.categories.set(extracted)
            self.save()

    @factory.post_generation
    def target_departments(self, create, extracted, **kwargs):
        """``target_departments=[department]`` aims the article at those departments."""
        if create and extracted:
            self.target_departments.set(extracted)
            self.save()


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "comments.Comment"

    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Kommentar nummer {n}")


# --- Workshops -----------------------------------------------------------------------
class WorkshopOutcomePageFactory(wagtail_factories.PageFactory):
    """A published outcome (``parent=project``); submissions in tests go through ``workshops.services``."""

    class Meta:
        model = "workshops.WorkshopOutcomePage"

    title = factory.Sequence(lambda n: f"Workshop {n}")
    workshop_date = datetime.date(2012, 1, 24)
    employee_participants = 10
    citizen_participants = 4
    method = "Brainwriting."
    summary = "Vi fandt gode idéer."
    ideas = factory.LazyFunction(lambda: [("idea", {"title": "En idé", "description": "Beskrivelse."})])


# --- Calendar -----------------------------------------------------------------------
class EventIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "events.EventIndexPage"

    title = "Kalender"
    slug = "kalender"


class EventPageFactory(wagtail_factories.PageFactory):
    """``EventPageFactory(parent=calendar, capacity=3)``: a published event a week from now."""

    class Meta:
        model = "events.EventPage"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Workshop {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=3))
    location = "Rådhuset, mødelokale 2"
    capacity = 10
    description = "Vi finder idéer sammen."

    @factory.post_generation
    def facilitators(self, create, extracted, **kwargs):
        if create and extracted:
            self.facilitators.set(extracted)
            self.save()
