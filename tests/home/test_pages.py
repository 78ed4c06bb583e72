import re

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from tests.factories import (
    ChangeAgentDirectoryPageFactory,
    NewsIndexPageFactory,
    ProjectIndexPageFactory,
    StandardPageFactory,
)


class TestPageTreeRules(WagtailPageTestCase):
    def test_home_page_only_under_the_root(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_standard_pages_under_home_and_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_only_one_home_page(self):
        self.assertEqual(HomePage.max_count, 1)


@pytest.mark.django_db
class TestBaseLayout:
    @pytest.fixture
    def content(self, client, home_page, employee):
        client.force_login(employee)
        NewsIndexPageFactory(parent=home_page, title="Nyheder", slug="nyheder", show_in_menus=True)
        ProjectIndexPageFactory(parent=home_page, title="Projekter", slug="projekter", show_in_menus=True)
        ChangeAgentDirectoryPageFactory(
            parent=home_page, title="Forandringsagenter", slug="forandringsagenter", show_in_menus=True
        )
        StandardPageFactory(parent=home_page, title="Tilgængelighedserklæring", slug="tilgaengelighedserklaering")
        return client.get("/").content.decode()

    def test_layout_has_skip_link_navigation_search_and_logout(self, content):
        assert 'class="skipnav" href="#main-content"' in content
        assert 'id="main-content"' in content
        for label, href in [
            ("Forside", "/"),
            ("Nyheder", "/nyheder/"),
            ("Projekter", "/projekter/"),
            ("Forandringsagenter", "/forandringsagenter/"),
        ]:
            assert re.search(rf'<a href="{href}" class="nav-link"[^>]*><span>{label}</span>', content)
        assert 'action="/soeg/"' in content and 'name="q"' in content
        assert re.search(r'<form method="post" action="/logout/"', content)
        assert "Ikast-Brande Kommune" in content

    def test_the_menu_is_the_page_tree_as_editors_mark_it(self, content):
        labels = re.findall(r'class="nav-link"[^>]*><span>([^<]+)</span>', content)
        # Twice: the desktop menu and the mobile drawer; the statement is not marked "show in menus".
        assert labels == ["Forside", "Nyheder", "Projekter", "Forandringsagenter"] * 2

    def test_current_section_is_marked(self, content):
        assert '<a href="/" class="nav-link" aria-current="page">' in content

    def test_footer_links_the_accessibility_statement(self, content):
        assert '<a href="/tilgaengelighedserklaering/">Tilgængelighedserklæring</a>' in content

    def test_no_resource_comes_from_another_host(self, content):
        for url in re.findall(r'(?:src|href)="([^"]+)"', content):
            assert not url.startswith(("http:", "https:", "//")), url


@pytest.mark.django_db
def test_standard_page_renders_its_body(client, home_page, employee):
    page = StandardPageFactory(
        parent=home_page, title="Om Mental Frikommune", slug="om", body=[("paragraph", "<p>Nye velfærdsløsninger</p>")]
    )
    page.save_revision().publish()
    client.force_login(employee)
    content = client.get("/om/").content.decode()
    assert "<h1>Om Mental Frikommune</h1>" in content
    assert "Nye velfærdsløsninger" in content
