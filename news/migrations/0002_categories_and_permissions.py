"""Seed the municipality's news categories and let Kommunikation keep news.

Kommunikation edits the categories (snippets) and gets add/edit/publish rights on every
news index that exists; indexes created later get the same rights from ``news.signals``.
"""

from django.db import migrations

CATEGORIES = [
    ("Social", "social"),
    ("Sundhed", "sundhed"),
    ("Teknik", "teknik"),
    ("Økonomi", "oekonomi"),
    ("IT", "it"),
    ("Job", "job"),
    ("Indkøb", "indkoeb"),
]
NEWS_EDITORS = "Kommunikation"
NEWS_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
CATEGORY_PERMISSIONS = [("add", "Can add"), ("change", "Can change"), ("delete", "Can delete"), ("view", "Can view")]


def seed_categories_and_permissions(apps, schema_editor):
    NewsCategory = apps.get_model("news", "NewsCategory")
    NewsIndexPage = apps.get_model("news", "NewsIndexPage")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    for name, slug in CATEGORIES:
        NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name})

    editors, _ = Group.objects.get_or_create(name=NEWS_EDITORS)
    category_type, _ = ContentType.objects.get_or_create(app_label="news", model="newscategory")
    for action, label in CATEGORY_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=category_type,
            codename=f"{action}_newscategory",
            defaults={"name": f"{label} nyhedskategori"},
        )
        editors.permissions.add(permission)

    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=NEWS_PAGE_PERMISSIONS
    )
    for index_page in NewsIndexPage.objects.all():
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=editors, page_id=index_page.pk, permission=permission)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("people", "0001_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(seed_categories_and_permissions, migrations.RunPython.noop)]
