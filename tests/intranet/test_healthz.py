from unittest import mock

import pytest
from django.db import OperationalError


@pytest.mark.django_db
def test_healthz_answers_ok_without_login_or_cookie(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert not response.cookies


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client):
    with mock.patch("intranet.views.connection.cursor", side_effect=OperationalError("nede")):
        response = client.get("/healthz/")
    assert response.status_code == 503
