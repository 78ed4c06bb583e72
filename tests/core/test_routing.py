"""core.routing (HomePage.route) answers as Wagtail's own routing, in a constant number of queries."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from people import roles
from tests.factories import NewsArticlePageFactory, NewsIndexPageFactory, StandardPageFactory
from tests.query_budget import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_page):
    section = StandardPageFactory(parent=home_page, title="Om", slug="om")
    child = StandardPageFactory(parent=section, title="Strategien", slug="strategien")
    grandchild = StandardPageFactory(parent=child, title="Baggrund", slug="baggrund")
    return section, child, grandchild


@pytest.fixture
def signed_in(client, make_user, role_groups):
    client.force_login(make_user("laeser", roles.EMPLOYEES))
    return client


def test_pages_at_every_depth_are_found(signed_in, tree):
    for page, url in zip(tree, ["/om/", "/om/strategien/", "/om/strategien/baggrund/"], strict=True):
        response = signed_in.get(url)
        assert response.status_code == 200
        assert response.context["page"].pk == page.pk


def test_missing_and_unpublished_pages_answer_404(signed_in, tree):
    _section, child, _grandchild = tree
    assert signed_in.get("/om/findes-ikke/").status_code == 404
    assert signed_in.get("/om/findes-ikke/baggrund/").status_code == 404
    child.unpublish()
    assert signed_in.get("/om/strategien/").status_code == 404
    # Wagtail routes through a draft to its live child, and so do we.
    assert signed_in.get("/om/strategien/baggrund/").status_code == 200


def test_a_moved_or_renamed_page_is_found_at_its_new_address_at_once(signed_in, tree, home_page):
    section, child, _grandchild = tree
    assert signed_in.get("/om/strategien/").status_code == 200
    child.slug = "planen"
    child.save_revision().publish()
    assert signed_in.get("/om/strategien/").status_code == 404
    assert signed_in.get("/om/planen/baggrund/").status_code == 200
    child.refresh_from_db()
    child.move(home_page, pos="last-child")
    assert signed_in.get("/planen/").status_code == 200
    old_address = signed_in.get("/om/planen/")  # Wagtail's automatic redirect, after our 404
    assert old_address.status_code == 301 and old_address["Location"] == "/planen/"


def test_routes_of_routable_pages_on_the_way_are_kept(signed_in, home_page):
    index = NewsIndexPageFactory(parent=home_page)
    article = NewsArticlePageFactory(parent=index, slug="nyhed", requires_confirmation=True)
    assert signed_in.get("/nyheder/feed/").status_code == 200
    assert signed_in.get("/nyheder/nyhed/").status_code == 200
    assert signed_in.post("/nyheder/nyhed/laest/").status_code in (200, 302)
    assert signed_in.get("/nyheder/nyhed/findes-ikke/").status_code == 404
    assert article.pk


def test_an_alias_is_served_with_its_sources_restrictions(signed_in, tree, home_page):
    section, _child, _grandchild = tree
    source = StandardPageFactory(parent=section, title="Kilde", slug="kilde")
    alias = source.create_alias(parent=home_page, update_slug="genvej")
    assert signed_in.get("/genvej/").status_code == 200
    restriction = PageViewRestriction.objects.create(page=source, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.MODERATORS))
    assert signed_in.get("/genvej/").status_code in (302, 403)
    assert signed_in.get("/om/kilde/").status_code in (302, 403)
    assert alias.pk


def test_a_private_section_keeps_its_pages_private(signed_in, tree):
    section, _child, _grandchild = tree
    assert signed_in.get("/om/strategien/baggrund/").status_code == 200
    restriction = PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=roles.MODERATORS))
    assert signed_in.get("/om/strategien/baggrund/").status_code in (302, 403)
    restriction.delete()
    assert signed_in.get("/om/strategien/baggrund/").status_code == 200


def test_the_shell_of_a_standard_page_costs_the_same_at_any_depth(signed_in, tree):
    counts = [count_queries(signed_in, url)[0] for url in ("/om/", "/om/strategien/", "/om/strategien/baggrund/")]
    # A repeated visit: the person, Wagtail's site and its root, the route and the page itself all come
    # from the cache (core/auth.py, core/routing.py), at any depth.
    assert counts == [0, 0, 0], counts
