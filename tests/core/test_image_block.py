"""An image in a page's body: its alternative text written in the block, or else the image's description."""

import pytest
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from core.blocks import ImageBlock

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return get_image_model().objects.create(
        title="raadhus.png", file=get_test_image_file(), description="Ikast Rådhus set fra torvet"
    )


def test_the_image_librarys_description_is_used_when_the_block_has_none(image):
    block = ImageBlock()
    value = block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
    assert 'alt="Ikast Rådhus set fra torvet"' in block.render(value)
    written = block.clean(block.to_python({"image": image.pk, "alt_text": "Rådhuset i sne", "caption": ""}))
    assert 'alt="Rådhuset i sne"' in block.render(written)


def test_without_either_the_editor_is_asked_for_one(image):
    image.description = ""
    image.save()
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": "  ", "caption": ""}))
    assert "giv billedet en beskrivelse i billedbiblioteket" in str(error.value.block_errors["alt_text"])
