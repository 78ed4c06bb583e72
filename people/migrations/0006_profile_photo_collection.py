"""Profile photos move to their own collection (people.photos), out of the editors' image chooser."""

from django.db import migrations

PROFILE_PHOTO_COLLECTION = "Profilfotos"


def move_profile_photos(apps, schema_editor):
    Collection = apps.get_model("wagtailcore", "Collection")
    Profile = apps.get_model("people", "Profile")
    Image = apps.get_model("wagtailimages", "Image")
    photo_ids = list(Profile.objects.exclude(photo=None).values_list("photo_id", flat=True))
    if not photo_ids:
        return
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:
        return
    collection = Collection.objects.filter(depth=2, path__startswith=root.path, name=PROFILE_PHOTO_COLLECTION).first()
    if collection is None:
        # A treebeard child of the root, built by hand (the historical model has no add_child).
        siblings = Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path")
        last = siblings.first()
        step = 4
        number = int(last.path[-step:], 36) + 1 if last else 1
        alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
        suffix = ""
        while number:
            number, digit = divmod(number, 36)
            suffix = alphabet[digit] + suffix
        collection = Collection.objects.create(
            name=PROFILE_PHOTO_COLLECTION, depth=2, path=root.path + suffix.rjust(step, "0"), numchild=0
        )
        root.numchild += 1
        root.save(update_fields=["numchild"])
    Image.objects.filter(pk__in=photo_ids).update(collection=collection)


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0005_remove_wagtail_default_groups"),
        ("wagtailimages", "0001_initial"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(move_profile_photos, migrations.RunPython.noop)]
