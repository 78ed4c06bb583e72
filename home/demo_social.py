"""Demo reactions, follows and notifications, across the apps (home sits above them all).

Idempotent: reactions and follows are "get or create"; the discussion with a mention is written
once, through the comment service, so the notifications it causes are real ones.
"""

from django.contrib.auth import get_user_model

from comments import services as comment_services
from comments.models import Comment
from news.models import NewsCategory
from notifications import services as notification_services
from reactions import services as reaction_services
from workshops.models import Idea

# (username, article slug) pairs that like the article.
ARTICLE_LIKES = {
    "20-forandringsagenter-skal-saette-skub-i-mental-frikommune": [
        "medarbejder",
        "forandringsagent",
        "projektleder",
        "projektleder2",
        "moderator",
    ],
    "40-ideer-paa-en-eftermiddag": ["medarbejder", "projektleder", "kommunikation"],
    "velkommen-til-det-nye-intranet": ["forandringsagent"],
}
# How many demo users support each idea, by title (the report's "most supported" list).
IDEA_SUPPORT = {
    "Frivillighedsbørs på biblioteket": 5,
    "Fælles foreningskalender": 4,
    "Gå-møder": 3,
    "Besøgsvenner til ældre": 2,
}
MENTION_ARTICLE = "40-ideer-paa-en-eftermiddag"
MENTION_TEXT = (
    "@projektleder, kunne vi invitere foreningerne med til næste workshop? "
    "Jeg tror, @medarbejder har kontakter i idrætsforeningerne."
)


def seed(users, pages, log):
    people = [user for user in users.values() if user.username != "admin"]
    articles = pages.get("articles", {})
    for slug, usernames in ARTICLE_LIKES.items():
        article = articles.get(slug)
        for username in usernames:
            if article is not None and username in users:
                reaction_services.add(users[username], article)
    for comment in Comment.objects.visible().filter(page__in=[a.pk for a in articles.values()])[:6]:
        for user in people[:2]:
            if user.pk != comment.author_id:
                reaction_services.add(user, comment)
    for outcome in pages.get("outcomes", {}).values():
        if outcome.live:
            for user in people[:3]:
                reaction_services.add(user, outcome)
    for title, count in IDEA_SUPPORT.items():
        for idea in Idea.objects.filter(title=title, outcome__live=True):
            for user in people[:count]:
                reaction_services.add(user, idea)
    log("  reaktioner og støtte til idéer")

    project = pages.get("projects", {}).get("aktivt-medborgerskab")
    if project is not None:
        for username in ("medarbejder", "forandringsagent"):
            if username in users:
                notification_services.follow(users[username], project)
    for slug in ("social", "sundhed"):
        category = NewsCategory.objects.filter(slug=slug).first()
        if category is not None and "medarbejder" in users:
            notification_services.follow(users["medarbejder"], category)
    log("  følger: projekter og nyhedskategorier")

    article = articles.get(MENTION_ARTICLE)
    author = users.get("forandringsagent") or get_user_model().objects.filter(username="forandringsagent").first()
    if article is not None and author is not None and not Comment.objects.filter(body=MENTION_TEXT).exists():
        comment_services.post_comment(page=article, author=author, body=MENTION_TEXT)
        log("  kommentar med @omtale (giver notifikationer)")
