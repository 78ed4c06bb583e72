"""Demo news: the index, 13 articles across the categories, listing images drawn with Pillow, a few comment threads.

The first article is written fresh from the facts of the announcement in the project brief;
every person quoted is invented. Running the seed twice changes nothing.
"""

import datetime
import io

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from comments.models import Comment, CommentReport

from .models import NewsArticlePage, NewsCategory, NewsIndexPage

# Category slug -> (two colours for the picture, alt text for the image's description)
PICTURES = {
    "social": ((0, 89, 179), (120, 180, 230), "Abstrakt illustration i blå toner med cirkler, der mødes"),
    "sundhed": ((0, 122, 84), (140, 210, 170), "Abstrakt illustration i grønne toner med bløde bølger"),
    "teknik": ((70, 70, 80), (190, 190, 200), "Abstrakt illustration i grå toner med linjer og firkanter"),
    "oekonomi": ((120, 80, 0), (240, 200, 110), "Abstrakt illustration i gule toner med stigende søjler"),
    "it": ((60, 20, 120), (170, 140, 230), "Abstrakt illustration i lilla toner med et net af prikker"),
    "job": ((170, 50, 20), (250, 170, 130), "Abstrakt illustration i orange toner med trappetrin"),
    "indkoeb": ((0, 100, 110), (130, 210, 215), "Abstrakt illustration i turkise toner med kasser i rækker"),
}

ARTICLES = [
    {
        "slug": "20-forandringsagenter-skal-saette-skub-i-mental-frikommune",
        "title": "20 forandringsagenter skal sætte skub i Mental Frikommune",
        "date": datetime.date(2011, 10, 27),
        "categories": ["job", "social"],
        "picture": "social",
        "signature": "kkj",
        "introduction": (
            "Fra den 10. november tager 20 ledere og medarbejdere et diplommodul i innovation. "
            "Fra januar 2012 skal de lede idéworkshops med kolleger og borgere i hele kommunen."
        ),
        "body": [
            (
                "paragraph",
                "<p>Tyve kolleger fra forskellige dele af Ikast-Brande Kommune begynder den 10. november 2011 på "
                "et diplommodul i innovation og nytænkning. De er udvalgt, fordi kommunen har brug for folk, der "
                "kan gå forrest, når vi i strategien Mental Frikommune skal finde nye måder at løse "
                "velfærdsopgaverne på.</p>",
            ),
            ("heading", {"text": "Kreative metoder fra Aalborg Universitet", "size": "h2"}),
            (
                "paragraph",
                "<p>Undervisningen bygger på øvelser og procesværktøjer, som Aalborg Universitet har udviklet. "
                "Holdet lærer at skabe plads til nye idéer, at styre forløb med mange deltagere og at holde fast "
                "i idéerne, så de ikke bliver ved snakken. Når modulet er slut i januar 2012, går de i gang med "
                "workshops – både inde i organisationen og sammen med borgere og brugere.</p>",
            ),
            (
                "quote",
                {
                    "text": "Jeg glæder mig til at få nye redskaber i værktøjskassen. Mit projekt handler om aktivt "
                    "medborgerskab, og jeg håber, holdet kan hjælpe os med at finde retningen. Der kommer "
                    "flere gode idéer, når vi er mange om dem.",
                    "attribution": "Pernille Lykkegaard, udviklingskonsulent og tema-projektleder i Ledelsessekretariatet",
                },
            ),
            ("heading", {"text": "Hvorfor nu?", "size": "h2"}),
            (
                "paragraph",
                "<p>Borgerne forventer mere af velfærden, økonomien er stram, og i de kommende år bliver der "
                "færre hænder til at løse opgaverne. Derfor skal kommunen finde løsninger, der er markant "
                "anderledes end dem, vi kender i dag. Forandringsagenterne kan bruge deres nye kompetencer i "
                "hele udviklingsforløbet – ikke kun, når idéerne skal findes, men også når de skal afprøves "
                "og gøres til hverdag.</p>",
            ),
        ],
        "read_more": "om-mental-frikommune",
        "related_project": "aktivt-medborgerskab",
    },
    {
        "slug": "velkommen-til-det-nye-intranet",
        "title": "Velkommen til det nye intranet",
        "date": datetime.date(2011, 11, 1),
        "categories": ["it"],
        "picture": "it",
        "signature": "kkj",
        "introduction": "Nyheder, tema-projekter og idéer fra workshopperne samles nu ét sted, som alle medarbejdere kan bruge.",
        "body": [
            (
                "paragraph",
                "<p>Intranettet er bygget, så du kan følge Mental Frikommune fra idé til afprøvning. Du kan "
                "kommentere nyhederne, følge tema-projekterne og se, hvad der kommer ud af workshopperne.</p>",
            ),
            (
                "paragraph",
                "<p>Savner du noget, eller virker noget ikke, så skriv til kommunikationsafdelingen.</p>",
            ),
        ],
    },
    {
        "slug": "hjemmeplejen-tester-nye-ruteplaner",
        "title": "Hjemmeplejen tester nye ruteplaner",
        "date": datetime.date(2011, 11, 14),
        "categories": ["sundhed", "teknik"],
        "picture": "sundhed",
        "signature": "kkj",
        "introduction": "I tre distrikter planlægges hjemmeplejens ruter nu digitalt, så der bliver mere tid hos borgerne.",
        "body": [
            (
                "paragraph",
                "<p>Forsøget løber i tre måneder. Medarbejderne får ruten på en håndholdt enhed, og "
                "planlæggerne kan flytte besøg, når der opstår akutte behov.</p>",
            ),
            (
                "quote",
                {
                    "text": "Vi bruger mindre tid i bilen og mere tid sammen med borgerne. Det kan alle mærke.",
                    "attribution": "Birthe Munk, social- og sundhedsassistent",
                },
            ),
        ],
    },
    {
        "slug": "budget-2012-er-paa-plads",
        "title": "Budget 2012 er på plads",
        "date": datetime.date(2011, 11, 22),
        "categories": ["oekonomi"],
        "picture": "oekonomi",
        "signature": "kkj",
        "introduction": "Byrådet har vedtaget budgettet for 2012. Der er afsat midler til at afprøve idéer fra Mental Frikommune.",
        "body": [
            (
                "paragraph",
                "<p>Budgettet holder de økonomiske rammer, men afsætter en pulje til forsøg, hvor afdelinger kan "
                "søge om midler til at afprøve nye løsninger i mindre skala, før de udbredes.</p>",
            ),
        ],
    },
    {
        "slug": "nyt-faelles-indkoebssystem-fra-1-januar",
        "title": "Nyt fælles indkøbssystem fra 1. januar",
        "date": datetime.date(2011, 12, 5),
        "categories": ["indkoeb", "oekonomi"],
        "picture": "indkoeb",
        "signature": "kkj",
        "introduction": "Alle afdelinger bestiller fremover varer gennem samme system. Det giver bedre priser og mindre papirarbejde.",
        "body": [
            (
                "paragraph",
                "<p>Systemet samler kommunens rammeaftaler, så du altid ser den aftalte pris. Indkøbsafdelingen "
                "holder korte introduktioner i december; tilmelding sker hos din leder.</p>",
            ),
        ],
    },
    {
        "slug": "jobcentret-aabner-vaerksted-for-ledige",
        "title": "Jobcentret åbner værksted for ledige",
        "date": datetime.date(2011, 12, 12),
        "categories": ["job", "social"],
        "picture": "job",
        "signature": "kkj",
        "introduction": "Et nyt værksted skal hjælpe ledige med at finde vej til job gennem praktik i lokale virksomheder.",
        "body": [
            (
                "paragraph",
                "<p>Værkstedet er udviklet sammen med virksomheder i Ikast og Brande. Ledige får en fast "
                "kontaktperson og afprøver arbejdsopgaver i korte forløb, før de søger job.</p>",
            ),
        ],
    },
    {
        "slug": "skift-din-adgangskode-inden-jul",
        "title": "Skift din adgangskode inden jul",
        "date": datetime.date(2011, 12, 15),
        # Everyone must confirm having read it (the dashboard pins it until they do).
        "requires_confirmation": True,
        "categories": ["it"],
        "picture": "it",
        "signature": "kkj",
        "introduction": "IT-afdelingen beder alle vælge en ny, lang adgangskode inden juleferien.",
        "body": [
            (
                "paragraph",
                "<p>En god adgangskode er lang og let at huske, fx fire tilfældige ord. Brug ikke den samme "
                "adgangskode til arbejde og privat.</p>",
            ),
        ],
    },
    {
        "slug": "vej-og-park-rydder-sne-med-gps",
        "title": "Vej og park rydder sne med GPS",
        "date": datetime.date(2012, 1, 5),
        "categories": ["teknik"],
        "picture": "teknik",
        "signature": "kkj",
        "introduction": "Snerydningen kan nu følges på et kort, så borgerne kan se, hvornår deres vej bliver ryddet.",
        "body": [
            (
                "paragraph",
                "<p>Alle kommunens snerydningskøretøjer har fået GPS. Det gør det lettere at planlægge og at "
                "svare borgerne, når de ringer og spørger.</p>",
            ),
        ],
    },
    {
        "slug": "forandringsagenterne-er-klar",
        "title": "Forandringsagenterne er klar",
        "date": datetime.date(2012, 1, 16),
        "categories": ["job", "social"],
        "picture": "job",
        "signature": "kkj",
        "introduction": "Diplommodulet er slut, og de 20 forandringsagenter kan nu bookes til idéworkshops.",
        "body": [
            (
                "paragraph",
                "<p>Vil din afdeling holde en workshop, så find en forandringsagent i oversigten og aftal et "
                "forløb. Resultaterne samles under det tema-projekt, de hører til.</p>",
            ),
        ],
        "related_project": "aktivt-medborgerskab",
    },
    {
        "slug": "40-ideer-paa-en-eftermiddag",
        "title": "40 idéer på en eftermiddag",
        "date": datetime.date(2012, 2, 8),
        "categories": ["social"],
        "picture": "social",
        "signature": "kkj",
        "introduction": "Borgere, foreninger og medarbejdere mødtes til den første workshop om aktivt medborgerskab.",
        "body": [
            (
                "paragraph",
                "<p>Deltagerne arbejdede i små grupper med øvelser, der skulle få dem til at se opgaverne fra "
                "nye vinkler. Tre af idéerne skal nu afprøves i foråret.</p>",
            ),
            (
                "quote",
                {
                    "text": "Det overraskede mig, hvor hurtigt vi fandt fælles fodslag, da vi først var i gang.",
                    "attribution": "Ahmad Hvidberg, formand for en lokal idrætsforening",
                },
            ),
        ],
        "related_project": "aktivt-medborgerskab",
    },
    {
        "slug": "tilbud-om-influenzavaccination",
        "title": "Tilbud om influenzavaccination",
        "date": datetime.date(2012, 2, 20),
        "categories": ["sundhed", "job"],
        "picture": "sundhed",
        "signature": "kkj",
        "introduction": "Medarbejdere med borgerkontakt kan blive vaccineret gratis i arbejdstiden.",
        "body": [
            (
                "paragraph",
                "<p>Vaccinationen foregår på rådhusene i Ikast og Brande. Du skal ikke tilmelde dig; tag blot "
                "dit sundhedskort med.</p>",
            ),
        ],
    },
    {
        "slug": "nye-rammeaftaler-for-kontorartikler",
        "title": "Nye rammeaftaler for kontorartikler",
        "date": datetime.date(2012, 3, 1),
        "categories": ["indkoeb"],
        "picture": "indkoeb",
        "signature": "kkj",
        "introduction": "Fra 1. marts gælder nye aftaler om kontorartikler og papir. Varerne findes i indkøbssystemet.",
        "body": [
            (
                "paragraph",
                "<p>Aftalerne giver lavere priser og færre leverancer, fordi varerne samles til én levering om "
                "ugen for hver arbejdsplads.</p>",
            ),
        ],
    },
    {
        "slug": "frivillige-og-kommune-i-faelles-besoegsordning",
        "title": "Frivillige og kommune i fælles besøgsordning",
        "date": datetime.date(2012, 3, 19),
        "categories": ["social", "sundhed"],
        "picture": "social",
        "signature": "kkj",
        "introduction": "En idé fra workshopperne bliver til virkelighed: frivillige besøgsvenner for ensomme ældre.",
        "body": [
            (
                "paragraph",
                "<p>Ordningen drives af frivillige med støtte fra ældreområdet. Den er et af de første forsøg, "
                "der er kommet ud af arbejdet med aktivt medborgerskab.</p>",
            ),
        ],
        "related_project": "aktivt-medborgerskab",
    },
]

# article slug -> [(author username, text, [(reply author, reply text), ...]), ...]
THREADS = {
    "20-forandringsagenter-skal-saette-skub-i-mental-frikommune": [
        (
            "medarbejder",
            "Hvor kan man læse mere om diplommodulet?\nEr der planer om et hold mere?",
            [("forandringsagent", "Jeg er selv med på holdet. Spørg gerne, så fortæller jeg mere!")],
        ),
        ("projektleder", "Vi glæder os til at komme i gang med workshopperne i januar.", []),
    ],
    "40-ideer-paa-en-eftermiddag": [
        (
            "forandringsagent",
            "Tak til alle, der deltog. Referatet ligger på projektsiden: http://intranet.ikast-brande.test/projekter/",
            [("medarbejder", "Flot arbejde. Kan vi holde en lignende workshop i vores afdeling?")],
        ),
    ],
    "hjemmeplejen-tester-nye-ruteplaner": [
        ("medarbejder", "Hvornår kommer forsøget til vores distrikt?", []),
        ("projektleder2", "Endnu et projekt, der ender i en skuffe. Hvem har fundet på det pjat?", []),
    ],
}
# (article slug, comment text) -> (reporter, reason): a report waiting in the moderation queue.
REPORTS = {
    ("hjemmeplejen-tester-nye-ruteplaner", "Endnu et projekt, der ender i en skuffe. Hvem har fundet på det pjat?"): (
        "medarbejder",
        "Tonen er ikke i orden over for kollegerne i hjemmeplejen.",
    ),
}


def make_picture(first, second, seed):
    """A 1200x675 abstract picture: a diagonal gradient with a few shapes, drawn locally (no downloads)."""
    width, height = 1200, 675
    picture = PillowImage.new("RGB", (width, height), first)
    draw = ImageDraw.Draw(picture)
    for x in range(0, width, 4):
        share = x / width
        colour = tuple(int(a + (b - a) * share) for a, b in zip(first, second, strict=True))
        draw.rectangle([x, 0, x + 4, height], fill=colour)
    for number in range(5):
        radius = 60 + ((seed * 37 + number * 53) % 120)
        cx = (seed * 131 + number * 241) % width
        cy = (seed * 71 + number * 157) % height
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=(255, 255, 255), width=6)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def ensure_pictures(log):
    Image = get_image_model()
    pictures = {}
    for number, (slug, (first, second, alt_text)) in enumerate(PICTURES.items()):
        title = f"Nyhedsbillede – {slug}"
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image(title=title, description=alt_text)
            image.file = ImageFile(make_picture(first, second, number + 1), name=f"nyhed-{slug}.png")
            image.save()
            log(f"  billede tegnet: {title}")
        pictures[slug] = image
    return pictures


def ensure_index(home, log):
    index = NewsIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=NewsIndexPage(
                title="Nyheder",
                slug="nyheder",
                show_in_menus=True,
                introduction="Nyt fra Ikast-Brande Kommune og fra arbejdet med Mental Frikommune.",
            )
        )
        index.save_revision().publish()
        log("  side oprettet: Nyheder")
    return index


@transaction.atomic
def seed(users, pages, log):
    index = ensure_index(pages["home"], log)
    pictures = ensure_pictures(log)
    categories = {category.slug: category for category in NewsCategory.objects.all()}
    projects = pages.get("projects", {})
    author = users.get("kommunikation")
    articles = {}
    for spec in ARTICLES:
        article = NewsArticlePage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if article is None:
            body = list(spec["body"])
            read_more = pages.get("about") if spec.get("read_more") else None
            if read_more is not None:
                body.append(
                    (
                        "related_links",
                        {"heading": "Læs mere", "links": [{"page": read_more, "url": "", "text": read_more.title}]},
                    )
                )
            article = NewsArticlePage(
                title=spec["title"],
                slug=spec["slug"],
                date=spec["date"],
                introduction=spec["introduction"],
                body=body,
                author=author,
                owner=author,
                signature=spec["signature"],
                listing_image=pictures[spec["picture"]],
                related_project=projects.get(spec.get("related_project", "")),
                requires_confirmation=spec.get("requires_confirmation", False),
            )
            article.categories = [categories[slug] for slug in spec["categories"] if slug in categories]
            index.add_child(instance=article)
            revision = article.save_revision(user=author)
            revision.publish(user=author)
            log(f"  nyhed oprettet: {spec['title']}")
        articles[spec["slug"]] = article
    seed_threads(articles, users, log)
    return {"news_index": index, "articles": articles}


def seed_threads(articles, users, log):
    """A few discussions, only on articles that have none yet (so a second run adds nothing)."""
    start = timezone.now() - datetime.timedelta(days=2)
    for slug, thread in THREADS.items():
        article = articles.get(slug)
        if article is None or Comment.objects.for_page(article).exists():
            continue
        minutes = 0
        for username, text, replies in thread:
            minutes += 30
            parent = Comment.objects.create(
                page=article,
                author=users.get(username),
                body=text,
                created_at=start + datetime.timedelta(minutes=minutes),
            )
            report = REPORTS.get((slug, text))
            if report and users.get(report[0]):
                CommentReport.objects.create(comment=parent, reporter=users[report[0]], reason=report[1])
            for reply_username, reply_text in replies:
                minutes += 12
                Comment.objects.create(
                    page=article,
                    parent=parent,
                    author=users.get(reply_username),
                    body=reply_text,
                    created_at=start + datetime.timedelta(minutes=minutes),
                )
        log(f"  kommentartråd oprettet: {article.title}")
