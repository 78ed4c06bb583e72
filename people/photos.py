"""Profile photos live in their own collection, apart from the image library editors choose from."""

from django.db import transaction
from wagtail.models import Collection

PROFILE_PHOTO_COLLECTION = "Profilfotos"


def profile_photo_collection():
    """The collection under the root that holds every profile photo (created on first use)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=PROFILE_PHOTO_COLLECTION).first()
    if collection is None:
        with transaction.atomic():
            collection = root.add_child(name=PROFILE_PHOTO_COLLECTION)
    return collection


def exclude_profile_photos(images):
    """Images without the profile photos: for the image chooser of news and pages."""
    return images.exclude(collection__name=PROFILE_PHOTO_COLLECTION, collection__depth=2)
