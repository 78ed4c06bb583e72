"""Demo page tree: the front page and the standard pages written from the announcement's facts, loaded from
``home/fixtures/demo/pages.json`` (each standard page's ``key`` names it for the other apps' seeds)."""

from django.db import transaction
from wagtail.models import Page, Site

from core import demo_data

from .models import HomePage, SiteSettings, StandardPage


@transaction.atomic
def seed(log):
    data = demo_data.load("home", "pages")
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(instance=HomePage(**data["home"]))
        log("  forside oprettet")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(root_page=home, is_default_site=True, **data["site"])
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = data["site"]["site_name"]
        site.save()
        # Wagtail's placeholder "Welcome" page is of no use once the front page exists.
        if old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()
    pages = {spec["key"]: ensure_standard_page(home, spec, log) for spec in data["pages"]}
    settings = SiteSettings.for_site(site)
    settings.accessibility_statement = pages["accessibility"]
    settings.contact_email = data["contact_email"]
    settings.save()
    return {"home": home, "site": site, **pages}


def ensure_standard_page(parent, spec, log):
    page = StandardPage.objects.child_of(parent).filter(slug=spec["slug"]).first()
    if page is not None:
        return page
    page = parent.add_child(
        instance=StandardPage(
            title=spec["title"],
            slug=spec["slug"],
            introduction=spec["introduction"],
            body=demo_data.stream(spec["body"]),
            show_in_menus=spec["show_in_menus"],
        )
    )
    page.save_revision().publish()
    log(f"  side oprettet: {spec['title']}")
    return page
