"""Danish addresses: æ, ø, å spelled ae, oe, aa in the editor and on the server; drafts never block a title."""

import pytest
from django.urls import reverse

from core.text import danish_slugify
from news.models import NewsArticlePage
from people import roles
from tests.factories import NewsArticlePageFactory

from .test_pages import article_form_data

pytestmark = pytest.mark.django_db

TITLE = "Julefrokost og nytårskur på rådhuset"
SLUG = "julefrokost-og-nytaarskur-paa-raadhuset"


def test_danish_letters_are_spelled_out():
    assert danish_slugify(TITLE) == SLUG
    assert danish_slugify("Ærø, Øster Åby og Århus") == "aeroe-oester-aaby-og-aarhus"


def test_a_page_made_in_code_gets_the_danish_address(news_index):
    article = NewsArticlePage(title=TITLE, introduction="Manchet.")
    news_index.add_child(instance=article)
    assert article.slug == SLUG
    second = NewsArticlePage(title=TITLE, introduction="Manchet.")
    news_index.add_child(instance=second)
    assert second.slug == f"{SLUG}-2"


def test_the_editor_slug_field_spells_danish_letters_as_typed(client, news_index, make_user):
    client.force_login(make_user("kommunikation", roles.COMMUNICATIONS))
    html = client.get(reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))).content
    html = html.decode()
    assert 'data-controller="w-slug"' in html
    assert "data-w-slug-allow-unicode-value" not in html  # False: Django leaves the attribute out
    assert "data-w-slug-formatters-value=" in html
    for letter, spelled in (("\\u00e6", "ae"), ("\\u00f8", "oe"), ("\\u00e5", "aa")):  # æ, ø, å
        assert f"[[&quot;{letter}&quot;,&quot;gu&quot;],&quot;{spelled}&quot;]" in html


def test_an_autosaved_draft_does_not_block_a_new_article_with_the_same_title(client, news_index, categories, make_user):
    client.force_login(make_user("kommunikation", roles.COMMUNICATIONS))
    draft = NewsArticlePageFactory(parent=news_index, title=TITLE, slug=SLUG, live=False)
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    data = article_form_data([categories["sundhed"]], title=TITLE, slug=SLUG, **{"action-publish": "publish"})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    new = NewsArticlePage.objects.exclude(pk=draft.pk).get()
    assert new.slug == f"{SLUG}-2"
    assert new.live


def test_a_published_page_holding_the_address_is_named_and_linked(client, news_index, categories, make_user):
    client.force_login(make_user("kommunikation", roles.COMMUNICATIONS))
    holder = NewsArticlePageFactory(parent=news_index, title="Den første julefrokost", slug=SLUG)
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    data = article_form_data([categories["sundhed"]], title=TITLE, slug=SLUG, **{"action-publish": "publish"})
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Den første julefrokost" in html
    assert f'href="/admin/pages/{holder.pk}/edit/"' in html
    assert NewsArticlePage.objects.count() == 1


def test_a_second_save_of_one_new_article_at_the_same_moment_gets_an_error_not_a_crash(
    client, news_index, categories, make_user, monkeypatch
):
    """The editor's click and an autosave on its way both post to the add address: the other request
    makes its page after this one's form was checked, so the address is found taken only on saving."""
    from core.forms import BasePageForm

    checked = BasePageForm.clean
    made_meanwhile = []

    def checked_then_the_other_request_saves(form):
        cleaned = checked(form)
        made_meanwhile.append(
            NewsArticlePageFactory(
                parent=news_index, title=form.cleaned_data["title"], slug=cleaned["slug"], live=False
            )
        )
        return cleaned

    monkeypatch.setattr(BasePageForm, "clean", checked_then_the_other_request_saves)
    client.force_login(make_user("kommunikation", roles.COMMUNICATIONS))
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    data = article_form_data([categories["sundhed"]], title=TITLE, slug=SLUG, **{"action-publish": "publish"})

    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "bruges allerede af" in html and f'href="/admin/pages/{made_meanwhile[0].pk}/edit/"' in html
    autosave = client.post(url, {**data, "slug": "anden-adresse", "action-publish": ""}, HTTP_ACCEPT="application/json")
    assert autosave.status_code == 400 and autosave.json()["error_code"] == "validation_error"
    # Only the pages the other requests made: nothing of these two was saved, not even in part.
    assert set(NewsArticlePage.objects.all()) == set(made_meanwhile)


def test_the_editors_own_draft_of_a_moment_ago_is_named_not_copied(client, news_index, categories, make_user):
    """An autosave that made the page just before the editor's click reached the server: no second page."""
    import datetime

    from django.utils import timezone

    editor = make_user("kommunikation", roles.COMMUNICATIONS)
    client.force_login(editor)
    just_now = NewsArticlePageFactory(parent=news_index, title=TITLE, slug=SLUG, live=False, owner=editor)
    just_now.save_revision(user=editor)
    url = reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))
    data = article_form_data([categories["sundhed"]], title=TITLE, slug=SLUG, **{"action-publish": "publish"})
    response = client.post(url, data)
    assert response.status_code == 200
    assert f'href="/admin/pages/{just_now.pk}/edit/"' in response.content.decode()
    assert NewsArticlePage.objects.count() == 1

    # Left for longer, it is a forgotten draft: the new article takes the next address.
    NewsArticlePage.objects.filter(pk=just_now.pk).update(
        latest_revision_created_at=timezone.now() - datetime.timedelta(minutes=10)
    )
    assert client.post(url, data).status_code == 302
    assert NewsArticlePage.objects.exclude(pk=just_now.pk).get().slug == f"{SLUG}-2"


def test_scheduling_is_offered_beside_publish(client, news_index, make_user):
    client.force_login(make_user("kommunikation", roles.COMMUNICATIONS))
    html = client.get(reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))).content
    html = html.decode()
    assert "Planlæg udgivelse" in html
    menu_item = html[html.index("Planlæg udgivelse") - 300 : html.index("Planlæg udgivelse")]
    assert 'data-a11y-dialog-show="schedule-publishing-dialog"' in menu_item
    assert 'id="schedule-publishing-dialog"' in html


def test_the_shown_date_follows_the_publication_unless_set(news_index, make_user):
    import datetime

    from django.utils import timezone

    draft = NewsArticlePage(title="Skrevet i går", introduction="Manchet.", date=None, live=False)
    news_index.add_child(instance=draft)
    assert NewsArticlePage.objects.get(pk=draft.pk).date is None
    revision = draft.save_revision()
    revision.publish()
    published = NewsArticlePage.objects.get(pk=draft.pk)
    assert published.date == timezone.localdate(published.first_published_at)

    chosen = NewsArticlePage(title="Med egen dato", introduction="Manchet.", date=datetime.date(2012, 1, 5), live=False)
    news_index.add_child(instance=chosen)
    chosen.save_revision().publish()
    assert NewsArticlePage.objects.get(pk=chosen.pk).date == datetime.date(2012, 1, 5)


def test_the_editor_is_offered_to_send_for_approval_in_plain_danish(client, news_index, make_user):
    from wagtail.models import Workflow

    assert Workflow.objects.filter(name="Moderatorer").exists()  # Wagtail's default, named for its reviewers
    client.force_login(make_user("kommunikation", roles.COMMUNICATIONS))
    html = client.get(reverse("wagtailadmin_pages:add", args=("news", "newsarticlepage", news_index.pk))).content
    assert "Send til godkendelse (Moderatorer)" in html.decode()
