"""Backups that restore: the database and the uploaded files in one dated archive (django-dbbackup).

``manage.py backup`` writes ``intranet-YYYY-MM-DD-HHMMSS.tar`` to ``BACKUP_DIR`` holding
``database.dump`` (pg_dump's custom format on PostgreSQL, an SQLite copy made with SQLite's online
backup API) and ``media.tar`` (``MEDIA_ROOT``); ``manage.py restore ARCHIVE`` brings both back.
"""

import sqlite3
import tarfile
import tempfile
from pathlib import Path
from shutil import copyfileobj

from dbbackup.db.sqlite import SqliteBackupConnector
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

DATABASE_MEMBER = "database.dump"
MEDIA_MEMBER = "media.tar"


class SqliteOnlineConnector(SqliteBackupConnector):
    """Restore through SQLite's backup API into the open database, never by overwriting the file.

    Overwriting the file (django-dbbackup's default) would leave the write-ahead log of the old
    database beside it (the site runs SQLite in WAL mode), which SQLite would then replay on top.
    """

    def restore_dump(self, dump):
        with tempfile.NamedTemporaryFile(suffix=".sqlite3") as copy:
            copyfileobj(dump, copy)
            copy.flush()
            self.connection.ensure_connection()
            with sqlite3.connect(copy.name) as source:
                source.backup(self.connection.connection)


def create_backup(directory=None):
    """Write a dated archive of the database and the media; return its path."""
    directory = Path(directory or settings.BACKUP_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"intranet-{timezone.localtime():%Y-%m-%d-%H%M%S}.tar"
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        call_command("dbbackup", output_path=str(work / DATABASE_MEMBER), verbosity=0)
        call_command("mediabackup", output_path=str(work / MEDIA_MEMBER), verbosity=0)
        partial = target.with_suffix(".tar.part")
        partial.touch(mode=0o600)  # the archive holds password hashes and private uploads
        with tarfile.open(partial, "w") as archive:
            archive.add(work / DATABASE_MEMBER, arcname=DATABASE_MEMBER)
            archive.add(work / MEDIA_MEMBER, arcname=MEDIA_MEMBER)
        partial.rename(target)  # a half-written archive never carries the final name
    return target


def restore_backup(path):
    """Put back the database and the media of an archive made by :func:`create_backup`."""
    with tempfile.TemporaryDirectory() as work, tarfile.open(path) as archive:
        work = Path(work)
        for member in (DATABASE_MEMBER, MEDIA_MEMBER):
            archive.extract(member, work, filter="data")
        call_command("dbrestore", input_path=str(work / DATABASE_MEMBER), interactive=False, verbosity=0)
        call_command("mediarestore", input_path=str(work / MEDIA_MEMBER), interactive=False, replace=True, verbosity=0)
    connection.close()
