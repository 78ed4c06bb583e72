"""Create the five role groups and give the admin roles access to the Wagtail admin.

Page permissions (news for Kommunikation, each project for its lead) are granted by the
apps that own those pages; collection permissions let editors add images and documents.
"""

from django.db import migrations

ROLES = ["Medarbejdere", "Forandringsagenter", "Projektledere", "Kommunikation", "Moderatorer"]
ADMIN_ROLES = ["Projektledere", "Kommunikation", "Moderatorer"]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    admin_ct, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=admin_ct, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    root_collection = Collection.objects.filter(depth=1).first()

    for name in ROLES:
        group, _ = Group.objects.get_or_create(name=name)
        if name not in ADMIN_ROLES:
            continue
        group.permissions.add(access_admin)
        if root_collection is None:
            continue
        for app_label, codename in COLLECTION_PERMISSIONS:
            model = "image" if app_label == "wagtailimages" else "document"
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ")}
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
