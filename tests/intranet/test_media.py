"""/media/ serves image renditions to logged-in users, and nothing a checked view guards."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

pytestmark = pytest.mark.django_db

PASSWORD = "korrekt-hest-batteri"


def test_renditions_are_served_to_logged_in_users_only(client, employee):
    name = default_storage.save("images/prøve.max-800x600.jpg", ContentFile(b"\xff\xd8\xffbillede"))
    assert client.get(f"/media/{name}").status_code == 302
    client.force_login(employee)
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\xff\xd8\xffbillede"


def test_path_traversal_is_refused(client, employee):
    client.force_login(employee)
    assert client.get("/media/../settings.py").status_code == 404


def test_workshop_attachments_are_not_served_from_media(client, employee):
    name = default_storage.save("workshops/abc123/referat.pdf", ContentFile(b"%PDF-1.4 intern"))
    client.force_login(employee)
    assert client.get(f"/media/{name}").status_code == 404


@pytest.mark.parametrize("prefix", ["documents", "original_images"])
def test_only_renditions_are_served(client, employee, prefix):
    name = default_storage.save(f"{prefix}/fil.pdf", ContentFile(b"%PDF-1.4 intern"))
    client.force_login(employee)
    assert client.get(f"/media/{name}").status_code == 404


@pytest.fixture
def private_document(role_groups):
    """A Wagtail document in a collection that only the group "Ledelse" may see."""
    leaders = Group.objects.create(name="Ledelse")
    collection = Collection.get_first_root_node().add_child(name="Ledelsens dokumenter")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([leaders])
    document = get_document_model().objects.create(
        title="Budgetudkast", file=ContentFile(b"%PDF-1.4 fortroligt", name="budgetudkast.pdf"), collection=collection
    )
    return document, leaders


def test_a_private_document_is_refused_everywhere_to_others(client, employee, private_document):
    document, _leaders = private_document
    client.force_login(employee)
    checked = client.get(document.url)
    assert document.url.startswith("/dokumenter/")
    assert checked.status_code in (302, 403)
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_a_private_document_is_served_to_its_group_through_the_checked_view(client, make_user, private_document):
    document, leaders = private_document
    leader = make_user("leder")
    leader.groups.add(leaders)
    client.force_login(leader)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 fortroligt"
    assert client.get(f"/media/{document.file.name}").status_code == 404


# --- Through gunicorn: the path as the client wrote it, not as a client library tidied it -----------
TRICKS = [
    "/media/x/../workshops/{name}",
    "/media/%2e/workshops/{name}",
    "/media/./workshops/{name}",
    "/media/%2e%2e/media/workshops/{name}",
    "/media/images/../workshops/{name}",
    "/media/images//../workshops/{name}",
    "/media/images/%2e%2e/workshops/{name}",
    "/media/images/%2E%2E%2Fworkshops/{name}",
    "/media//workshops/{name}",
    "/media/images/..%5cworkshops/{name}",
    "/media/images/../documents/{document}",
]


def test_dot_segments_and_doubled_slashes_do_not_reach_private_files(gunicorn, home_page, make_user):
    employee = make_user("medarbejder", password=PASSWORD)
    attachment = default_storage.save("workshops/hemmelig/referat.pdf", ContentFile(b"%PDF-1.4 kladde"))
    document = default_storage.save("documents/budget.pdf", ContentFile(b"%PDF-1.4 budget"))
    server = gunicorn()
    session = server.session()
    assert server.login(session, employee.username, PASSWORD).status_code == 302
    cookies = {"sessionid": session.cookies["sessionid"]}
    for trick in TRICKS:
        path = trick.format(name=attachment.removeprefix("workshops/"), document=document.removeprefix("documents/"))
        status, body = server.raw_get(path, cookies)
        assert status in (400, 404), (path, status, body[:200])
        assert b"%PDF" not in body
    # The same session reaches a rendition: the refusal above is the path rule, not a lost login.
    rendition = default_storage.save("images/foto.max-100x100.jpg", ContentFile(b"\xff\xd8\xffok"))
    assert server.raw_get(f"/media/{rendition}", cookies) == (200, b"\xff\xd8\xffok")
