"""People who leave: export everything about one person as JSON; anonymise a departed employee."""

import json

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from wagtail.images import get_image_model
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from comments.models import Comment
from news.models import FeedToken
from people.departure import anonymise_person
from people.models import Profile

from ..factories import (
    NewsArticlePageFactory,
    NewsIndexPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    WorkshopOutcomePageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def leaver(make_user, home_page, role_groups):
    """Frida, with a profile, a photo, a feed address, a comment and a submitted workshop outcome."""
    frida = make_user(
        "frida", "Forandringsagenter", first_name="Frida", last_name="Agerskov", email="fa@ikast-brande.dk"
    )
    photo = wagtail_factories.ImageFactory(title="Frida")
    Profile.objects.filter(user=frida).update(
        job_title="Udviklingskonsulent",
        phone="+45 99 60 40 00",
        methods="Brainwriting",
        photo=photo,
        photo_alt_text="Frida",
    )
    frida.profile.refresh_from_db()
    frida.profile.competencies.add("Procesfacilitering")
    FeedToken.objects.create(user=frida)
    avatar = UserProfile.get_for_user(frida)
    avatar.avatar.save("frida.png", ContentFile(b"avatar"))
    article = NewsArticlePageFactory(parent=NewsIndexPageFactory(parent=home_page), title="En nyhed", slug="en-nyhed")
    Comment.objects.create(page=article, author=frida, body="Tak for en god workshop!")
    project = ProjectPageFactory(parent=ProjectIndexPageFactory(parent=home_page), title="Aktivt medborgerskab")
    outcome = WorkshopOutcomePageFactory(parent=project, title="Frivillighedsbørs", owner=frida)
    return {"user": frida, "photo": photo, "article": article, "outcome": outcome}


@pytest.fixture
def administrator(make_user):
    return make_user("it-admin", is_superuser=True, is_staff=True)


def test_the_export_holds_profile_comments_submissions_and_is_logged(client, leaver, administrator):
    client.force_login(administrator)
    frida = leaver["user"]
    response = client.get(f"/admin/medarbejdere/{frida.pk}/persondata/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="persondata-{frida.pk}.json"'
    data = json.loads(response.content)
    assert data["account"]["email"] == "fa@ikast-brande.dk"
    assert "Forandringsagenter" in data["account"]["groups"]
    assert data["profile"]["phone"] == "+45 99 60 40 00"
    assert data["profile"]["competencies"] == ["Procesfacilitering"]
    assert [c["body"] for c in data["comments"]] == ["Tak for en god workshop!"]
    assert [s["title"] for s in data["workshop_submissions"]] == ["Frivillighedsbørs"]
    assert data["news_feed_address"] is True
    entry = ModelLogEntry.objects.get(action="people.person_exported")
    assert (entry.object_id, entry.user_id) == (str(frida.pk), administrator.pk)


def test_the_export_command_writes_the_same_json(leaver, tmp_path):
    target = tmp_path / "frida.json"
    call_command("export_person", "frida", output=str(target))
    assert json.loads(target.read_text())["account"]["username"] == "frida"


def test_anonymising_in_the_admin_removes_the_person_but_keeps_contributions(client, leaver, administrator):
    frida = leaver["user"]
    client.force_login(administrator)
    listing = client.get("/admin/users/").content.decode()
    assert f"/admin/medarbejdere/{frida.pk}/anonymiser/" in listing
    assert "Handlingen kan ikke fortrydes" in client.get(f"/admin/medarbejdere/{frida.pk}/anonymiser/").content.decode()

    response = client.post(f"/admin/medarbejdere/{frida.pk}/anonymiser/")
    assert response.status_code == 302

    frida.refresh_from_db()
    assert not frida.is_active and not frida.has_usable_password()
    assert (frida.first_name, frida.last_name, frida.email) == ("", "", "")
    assert frida.username == f"tidligere-{frida.pk}"
    assert not frida.groups.exists()
    profile = Profile.objects.get(user=frida)
    assert (profile.photo, profile.phone, profile.job_title, profile.methods) == (None, "", "", "")
    assert not profile.competencies.exists()
    assert not get_image_model().objects.filter(pk=leaver["photo"].pk).exists()
    assert not FeedToken.objects.filter(user=frida).exists()
    assert not UserProfile.objects.filter(user=frida).exists()
    # Kept: the comment (shown as a former employee) and the submission with its owner for the report.
    assert Comment.objects.get().author_id == frida.pk
    assert leaver["outcome"].__class__.objects.get(pk=leaver["outcome"].pk).owner_id == frida.pk
    entry = ModelLogEntry.objects.get(action="people.person_anonymised")
    assert (entry.object_id, entry.user_id) == (str(frida.pk), administrator.pk)

    reader = Client()  # a colleague in another browser
    reader.force_login(get_user_model().objects.create_user("laeser", password="x"))
    page = reader.get(leaver["article"].url).content.decode()
    assert "Tak for en god workshop!" in page
    assert "Tidligere medarbejder" in page
    assert "Frida" not in page and f"tidligere-{frida.pk}" not in page


def test_only_superusers_may_export_or_anonymise(client, leaver, make_user):
    editor = make_user("redaktoer", "Kommunikation", is_staff=True)
    client.force_login(editor)
    frida = leaver["user"]
    assert client.get(f"/admin/medarbejdere/{frida.pk}/persondata/").status_code in (302, 403)
    assert client.post(f"/admin/medarbejdere/{frida.pk}/anonymiser/").status_code in (302, 403)
    frida.refresh_from_db()
    assert frida.is_active and frida.first_name == "Frida"


def test_an_anonymised_person_is_named_former_employee_everywhere(leaver):
    from core.names import display_name

    anonymised = anonymise_person(leaver["user"])
    assert display_name(anonymised) == "Tidligere medarbejder"


def test_the_anonymise_command(leaver, capsys):
    call_command("anonymise_person", "frida", interactive=False)
    frida = leaver["user"]
    frida.refresh_from_db()
    assert not frida.is_active and frida.email == ""
    assert f"tidligere-{frida.pk}" in capsys.readouterr().out
    assert ModelLogEntry.objects.filter(action="people.person_anonymised", object_id=str(frida.pk)).exists()
