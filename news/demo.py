"""Demo news, loaded from ``news/fixtures/demo/news.json``: the index, the articles across the categories,
listing images drawn with Pillow from the colours in the file, and a few comment threads (one reported).

The first article is written fresh from the facts of the Mental Frikommune announcement; every person
quoted is invented. Running the seed twice changes nothing.
"""

import datetime
import io

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageColor, ImageDraw
from wagtail.images import get_image_model

from comments.models import Comment, CommentReport
from core import demo_data

from .models import NewsArticlePage, NewsCategory, NewsIndexPage


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


def ensure_pictures(specs, log):
    Image = get_image_model()
    pictures = {}
    for number, (slug, spec) in enumerate(specs.items()):
        title = f"Nyhedsbillede – {slug}"
        image = Image.objects.filter(title=title).first()
        if image is None:
            first, second = (ImageColor.getrgb(colour) for colour in spec["colours"])
            image = Image(title=title, description=spec["description"])
            image.file = ImageFile(make_picture(first, second, number + 1), name=f"nyhed-{slug}.png")
            image.save()
            log(f"  billede tegnet: {title}")
        pictures[slug] = image
    return pictures


def ensure_index(home, spec, log):
    index = NewsIndexPage.objects.first()
    if index is None:
        index = home.add_child(instance=NewsIndexPage(show_in_menus=True, **spec))
        index.save_revision().publish()
        log(f"  side oprettet: {index.title}")
    return index


@transaction.atomic
def seed(users, pages, log):
    data = demo_data.load("news", "news")
    index = ensure_index(pages["home"], data["index"], log)
    pictures = ensure_pictures(data["pictures"], log)
    categories = {category.slug: category for category in NewsCategory.objects.all()}
    projects = pages.get("projects", {})
    author = users.get(data["author"])
    articles = {}
    for spec in data["articles"]:
        article = NewsArticlePage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if article is None:
            body = demo_data.stream(spec["body"])
            # "read_more" names a page seeded before the news (a key of ``pages``, e.g. "about").
            read_more = pages.get(spec["read_more"]) if spec.get("read_more") else None
            if read_more is not None:
                links = [{"page": read_more, "url": "", "text": read_more.title}]
                body.append(("related_links", {"heading": data["read_more_heading"], "links": links}))
            article = NewsArticlePage(
                title=spec["title"],
                slug=spec["slug"],
                date=demo_data.parse_date(spec["date"]),
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
    seed_threads(articles, data["threads"], users, log)
    return {"news_index": index, "articles": articles}


def seed_threads(articles, threads, users, log):
    """A few discussions, only on articles that have none yet (so a second run adds nothing)."""
    start = timezone.now() - datetime.timedelta(days=2)
    for slug, thread in threads.items():
        article = articles.get(slug)
        if article is None or Comment.objects.for_page(article).exists():
            continue
        minutes = 0
        for comment in thread:
            minutes += 30
            parent = Comment.objects.create(
                page=article,
                author=users.get(comment["author"]),
                body=comment["text"],
                created_at=start + datetime.timedelta(minutes=minutes),
            )
            report = comment.get("report")
            if report and users.get(report["reporter"]):
                CommentReport.objects.create(
                    comment=parent, reporter=users[report["reporter"]], reason=report["reason"]
                )
            for reply in comment["replies"]:
                minutes += 12
                Comment.objects.create(
                    page=article,
                    parent=parent,
                    author=users.get(reply["author"]),
                    body=reply["text"],
                    created_at=start + datetime.timedelta(minutes=minutes),
                )
        log(f"  kommentartråd oprettet: {article.title}")
