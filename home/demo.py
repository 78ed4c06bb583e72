"""Demo page tree: the front page and the standard pages written from the announcement's facts."""

from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage, SiteSettings, StandardPage

ABOUT_BODY = [
    (
        "paragraph",
        "<p>Mental Frikommune er Ikast-Brande Kommunes strategi for at finde nye veje i "
        "velfærden. Tanken er enkel: Vi må gerne tænke ud over de rammer, vi plejer at arbejde inden for, "
        "og vi gør det sammen med kolleger, borgere og brugere.</p>",
    ),
    ("heading", {"text": "Hvorfor en ny tilgang?", "size": "h2"}),
    (
        "paragraph",
        "<p>Borgerne forventer mere af velfærden, økonomien er presset, og i de kommende år "
        "bliver der færre hænder til at løse opgaverne. Derfor skal vi udvikle løsninger, der er markant "
        "anderledes end dem, vi kender i dag.</p>",
    ),
    ("heading", {"text": "Forandringsagenterne", "size": "h2"}),
    (
        "paragraph",
        "<p>I november 2011 begyndte 20 ledere og medarbejdere på et diplommodul i innovation "
        "og nytænkning med kreative metoder udviklet ved Aalborg Universitet. Fra januar 2012 leder de "
        "idéworkshops på tværs af organisationen og sammen med borgerne, og de kan bruge metoderne i alle "
        "faser af et udviklingsforløb, ikke kun når idéerne skal findes.</p>",
    ),
    (
        "paragraph",
        "<p>Resultaterne af workshopperne samles her på intranettet under det tema-projekt, "
        "de hører til, så alle kan følge idéerne fra workshop til afprøvning.</p>",
    ),
]

ACCESSIBILITY_BODY = [
    (
        "paragraph",
        "<p>Ikast-Brande Kommune ønsker, at alle medarbejdere kan bruge intranettet. "
        "Intranettet er bygget efter webtilgængelighedsloven og standarden WCAG 2.1 niveau AA, og det "
        "bruger Det Fælles Designsystem.</p>",
    ),
    ("heading", {"text": "Kendte begrænsninger", "size": "h2"}),
    (
        "paragraph",
        "<p>Vedhæftede dokumenter, som medarbejdere selv uploader, kan være utilgængelige. "
        "Redaktionen retter dem, når vi får besked.</p>",
    ),
    ("heading", {"text": "Kontakt", "size": "h2"}),
    (
        "paragraph",
        "<p>Oplever du problemer med tilgængeligheden, så skriv til kommunikationsafdelingen. "
        "Du kan også klage til Digitaliseringsstyrelsen.</p>",
    ),
]


@transaction.atomic
def seed(log):
    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        home = root.add_child(
            instance=HomePage(
                title="Forside",
                slug="forside",
                introduction="Her finder du nyheder, tema-projekter og idéer fra Mental Frikommune.",
            )
        )
        log("  forside oprettet")
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Ikast-Brande Intranet"
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Ikast-Brande Intranet"
        site.save()
        # Wagtail's placeholder "Welcome" page is of no use once the front page exists.
        if old_root.specific_class is Page and not old_root.get_children().exists():
            old_root.delete()
    about = ensure_standard_page(
        home,
        "om-mental-frikommune",
        "Om Mental Frikommune",
        "Kommunens strategi for nye velfærdsløsninger – og folkene bag.",
        ABOUT_BODY,
        log,
    )
    statement = ensure_standard_page(
        home,
        "tilgaengelighedserklaering",
        "Tilgængelighedserklæring",
        "Sådan arbejder vi for, at alle kan bruge intranettet.",
        ACCESSIBILITY_BODY,
        log,
        show_in_menus=False,
    )
    settings = SiteSettings.for_site(site)
    settings.accessibility_statement = statement
    settings.contact_email = "kommunikation@ikast-brande.test"
    settings.save()
    return {"home": home, "site": site, "about": about, "accessibility": statement}


def ensure_standard_page(parent, slug, title, introduction, body, log, show_in_menus=True):
    page = StandardPage.objects.child_of(parent).filter(slug=slug).first()
    if page is not None:
        return page
    page = parent.add_child(
        instance=StandardPage(title=title, slug=slug, introduction=introduction, body=body, show_in_menus=show_in_menus)
    )
    page.save_revision().publish()
    log(f"  side oprettet: {title}")
    return page
