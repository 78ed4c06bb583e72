import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

pytestmark = pytest.mark.django_db


def test_uploaded_files_are_served_to_logged_in_users_only(client, employee):
    name = default_storage.save("original_images/prøve.txt", ContentFile(b"hemmelig"))
    assert client.get(f"/media/{name}").status_code == 302
    client.force_login(employee)
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"hemmelig"


def test_path_traversal_is_refused(client, employee):
    client.force_login(employee)
    assert client.get("/media/../settings.py").status_code == 404


def test_workshop_attachments_are_not_served_from_media(client, employee):
    name = default_storage.save("workshops/abc123/referat.pdf", ContentFile(b"%PDF-1.4 intern"))
    client.force_login(employee)
    assert client.get(f"/media/{name}").status_code == 404
