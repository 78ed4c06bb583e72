"""Profiles: made with the user, shown at /personer/<username>/, kept by their owner at /min-profil/."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from people import roles
from people.models import Profile

from ..factories import DepartmentFactory

pytestmark = pytest.mark.django_db


def png(name="portraet.png", size=(40, 40)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, (200, 120, 40)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def department():
    return DepartmentFactory(name="Ledelsessekretariatet")


@pytest.fixture
def person(client, make_user):
    user = make_user("pernille", first_name="Pernille", last_name="Lykkegaard", email="pl@ikast-brande.test")
    client.force_login(user)
    return user


def valid_data(dept, **changes):
    data = {
        "job_title": "Udviklingskonsulent",
        "department": dept.pk,
        "phone": "+45 9960 1030",
        "competencies": "Procesfacilitering, Borgerinddragelse",
        "methods": "Fremtidsværksted",
        "photo_alt_text": "",
    }
    data.update(changes)
    return data


def test_every_new_user_gets_a_profile(make_user):
    user = make_user("ny")
    assert Profile.objects.filter(user=user).count() == 1


def test_profile_page_shows_the_persons_details(client, make_user, person, department):
    colleague = make_user("kollega", roles.CHANGE_AGENTS, first_name="Karl", last_name="Kollega")
    Profile.objects.filter(user=colleague).update(job_title="Socialrådgiver", department=department, phone="99601234")
    colleague.profile.competencies.set(["Coaching"])
    html = client.get("/personer/kollega/").content.decode()
    for text in (
        "Karl Kollega",
        "Socialrådgiver",
        "Ledelsessekretariatet",
        "99601234",
        "Coaching",
        "kollega@intranet.test",
    ):
        assert text in html
    assert "Redigér min profil" not in html  # only on one's own profile


def test_own_profile_page_links_to_the_edit_form(client, person):
    assert "/min-profil/" in client.get("/personer/pernille/").content.decode()


def test_unknown_or_inactive_people_have_no_profile_page(client, person, make_user):
    make_user("stoppet", is_active=False)
    assert client.get("/personer/findesikke/").status_code == 404
    assert client.get("/personer/stoppet/").status_code == 404


def test_a_competence_written_twice_in_another_case_is_kept_once(client, person, department):
    competencies = " Borgerinddragelse ,  , LEAN 😀, borgerinddragelse "
    assert client.post("/min-profil/", valid_data(department, competencies=competencies)).status_code == 302
    assert sorted(Profile.objects.get(user=person).competencies.names()) == ["Borgerinddragelse", "LEAN 😀"]


def test_anonymous_visitors_are_sent_to_login(client):
    response = client.get("/min-profil/")
    assert response.status_code == 302 and "/login/" in response["Location"]
    assert client.post("/min-profil/", {"job_title": "x"}).status_code == 403


def test_edit_own_profile(client, person, department):
    response = client.post("/min-profil/", valid_data(department))
    assert response.status_code == 302 and response["Location"] == "/personer/pernille/"
    profile = Profile.objects.get(user=person)
    assert profile.job_title == "Udviklingskonsulent"
    assert profile.department == department
    assert profile.phone == "+45 9960 1030"
    assert sorted(profile.competencies.names()) == ["Borgerinddragelse", "Procesfacilitering"]
    assert "Din profil er gemt." in client.get("/personer/pernille/").content.decode()


def test_name_and_email_are_not_editable_there(client, person, department):
    client.post("/min-profil/", valid_data(department, first_name="Hacker", email="x@evil.test"))
    person.refresh_from_db()
    assert (person.first_name, person.email) == ("Pernille", "pl@ikast-brande.test")


def test_nobody_edits_another_persons_profile(client, person, make_user, department):
    other = make_user("anden")
    other_profile = Profile.objects.get(user=other)
    client.post("/min-profil/", valid_data(department, user=other.pk, profile=other_profile.pk, id=other_profile.pk))
    other_profile.refresh_from_db()
    assert other_profile.job_title == ""
    assert Profile.objects.get(user=person).job_title == "Udviklingskonsulent"
    # There is no address for editing someone else's profile, and the admin's is closed to employees.
    assert client.get("/min-profil/anden/").status_code == 404
    assert client.get(f"/admin/snippets/people/profile/edit/{other_profile.pk}/").status_code == 302


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"phone": "ring til mig"}, "phone", "Skriv et telefonnummer"),
        ({"job_title": "<script>alert(1)</script>"}, "job_title", "må ikke indeholde HTML"),
        ({"methods": "<b>fed</b>"}, "methods", "må ikke indeholde HTML"),
        ({"competencies": "<img src=x>"}, "competencies", "må ikke indeholde HTML"),
        ({"competencies": ", ".join(f"K{n}" for n in range(16))}, "competencies", "højst 15 kompetencer"),
        ({"job_title": "x" * 121}, "job_title", "120 tegn"),
        ({"department": "999999"}, "department", "gyldig valgmulighed"),
    ],
)
def test_bad_input_is_explained_next_to_the_field_and_nothing_is_saved(
    client, person, department, changes, field, message
):
    response = client.post("/min-profil/", valid_data(department, **changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="id_{field}_error1"' in html
    assert message in html
    # The other input is kept in the form, and nothing reached the database.
    assert ("Udviklingskonsulent" if field == "phone" else "+45 9960 1030") in html
    profile = Profile.objects.get(user=person)
    assert profile.job_title == "" and profile.methods == "" and list(profile.competencies.names()) == []


def test_upload_a_photo_with_alt_text(client, person, department):
    response = client.post(
        "/min-profil/", valid_data(department, new_photo=png(), photo_alt_text="Pernille smiler i solen")
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=person)
    assert profile.photo is not None and profile.photo.uploaded_by_user == person
    html = client.get("/personer/pernille/").content.decode()
    assert 'alt="Pernille smiler i solen"' in html


def test_a_photo_needs_alt_text(client, person, department):
    response = client.post("/min-profil/", valid_data(department, new_photo=png()))
    assert response.status_code == 200
    assert 'id="id_photo_alt_text_error1"' in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_file_that_is_not_an_image_is_refused(client, person, department):
    fake = SimpleUploadedFile("virus.png", b"not an image", content_type="image/png")
    response = client.post("/min-profil/", valid_data(department, new_photo=fake, photo_alt_text="Foto"))
    assert response.status_code == 200
    assert 'id="id_new_photo_error1"' in response.content.decode()
    assert not get_image_model().objects.exists()


def test_replacing_and_removing_the_photo_deletes_the_old_file(client, person, department):
    client.post("/min-profil/", valid_data(department, new_photo=png(), photo_alt_text="Første foto"))
    first = Profile.objects.get(user=person).photo
    client.post("/min-profil/", valid_data(department, new_photo=png("nyt.png"), photo_alt_text="Andet foto"))
    second = Profile.objects.get(user=person).photo
    assert second.pk != first.pk
    assert not get_image_model().objects.filter(pk=first.pk).exists()

    response = client.post("/min-profil/", valid_data(department, remove_photo="on"))
    assert response.status_code == 302, response.content.decode()
    profile = Profile.objects.get(user=person)
    assert profile.photo is None and profile.photo_alt_text == ""
    assert not get_image_model().objects.exists()


def test_submitting_the_same_form_twice_changes_nothing_more(client, person, department):
    data = valid_data(department)
    client.post("/min-profil/", data)
    client.post("/min-profil/", data)
    profile = Profile.objects.get(user=person)
    assert sorted(profile.competencies.names()) == ["Borgerinddragelse", "Procesfacilitering"]
    assert Profile.objects.filter(user=person).count() == 1


def test_the_form_needs_a_csrf_token(person, department):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(person)
    assert strict.post("/min-profil/", valid_data(department)).status_code == 403
    assert Profile.objects.get(user=person).job_title == ""


def test_profile_photos_have_their_own_collection_never_offered_to_editors(
    client, person, department, make_user, role_groups
):
    from django.urls import reverse
    from wagtail.images import get_image_model
    from wagtail.models import Collection
    from wagtail_factories import ImageFactory

    from people.photos import PROFILE_PHOTO_COLLECTION

    client.post("/min-profil/", valid_data(department, new_photo=png(), photo_alt_text="Pernille smiler i solen"))
    photo = get_image_model().objects.get(title__startswith="Profilfoto")
    assert photo.collection.name == PROFILE_PHOTO_COLLECTION
    news_image = ImageFactory(title="Rådhuset i sne", collection=Collection.get_first_root_node())

    client.force_login(make_user("redaktoer", roles.COMMUNICATIONS))
    html = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    assert news_image.title in html
    assert photo.title not in html
