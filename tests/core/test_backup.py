"""Backups that restore: a seeded database and its media go into a dated archive and come back."""

import os
import re
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from wagtail.models import Page

from ..factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_backup_and_restore_round_trip_the_database_and_the_media(home_page, tmp_path, capsys):
    kept_user = UserFactory(username="bliver", first_name="Bo")
    kept_page = StandardPageFactory(parent=home_page, title="Om Mental Frikommune")
    photo = default_storage.save("original_images/portraet.jpg", ContentFile(b"\xff\xd8 foto \xff\xd9"))
    before_pages = sorted(Page.objects.values_list("pk", "title"))

    call_command("backup", dir=str(tmp_path))
    archive_path = capsys.readouterr().out.strip()
    assert re.search(r"/intranet-\d{4}-\d{2}-\d{2}-\d{6}\.tar$", archive_path)
    with tarfile.open(archive_path) as archive:
        assert sorted(archive.getnames()) == ["database.dump", "media.tar"]
    assert os.stat(archive_path).st_mode & 0o777 == 0o600  # password hashes, private uploads

    # What happens after the backup: deletions and additions the restore must undo.
    kept_user.delete()
    kept_page.delete()
    UserFactory(username="efter-backup")
    default_storage.delete(photo)

    call_command("restore", archive_path, interactive=False)

    assert UserFactory._meta.model.objects.filter(username="bliver", first_name="Bo").exists()
    assert not UserFactory._meta.model.objects.filter(username="efter-backup").exists()
    assert sorted(Page.objects.values_list("pk", "title")) == before_pages
    with default_storage.open(photo) as restored:
        assert restored.read() == b"\xff\xd8 foto \xff\xd9"


def test_restore_asks_before_it_replaces_anything(tmp_path, monkeypatch, db):
    from django.core.management.base import CommandError

    monkeypatch.setattr("builtins.input", lambda prompt: "nej")
    with pytest.raises(CommandError, match="intet er ændret"):
        call_command("restore", str(tmp_path / "intranet-x.tar"))
