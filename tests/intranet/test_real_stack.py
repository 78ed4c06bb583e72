"""The login wall, through real gunicorn under production settings: headers cannot move it.

gunicorn takes a ``SCRIPT_NAME`` request header from a proxy on the same host; Django's
``request.path`` then starts with it while routing uses ``request.path_info``.
"""

import pytest
import requests

pytestmark = pytest.mark.django_db(transaction=True)

# (path sent, the SCRIPT_NAME header): each pair makes request.path look like the public feed.
MOVED = [
    ("/feed/", "/feed"),
    ("/feed/soeg/?q=medborgerskab", "/feed"),
    ("/feed/projekter/", "/feed"),
    ("/feed/personer/medarbejder/", "/feed"),
    ("/feed/mine-indsendelser/", "/feed"),
    ("/login/", "/login"),
    ("/healthz/", "/healthz"),
]


@pytest.fixture
def server(gunicorn, home_page, employee):
    return gunicorn()


def test_a_script_name_header_does_not_open_the_wall(server):
    for path, script_name in MOVED:
        response = server.get(path, headers={"SCRIPT_NAME": script_name})
        assert response.status_code in (302, 403, 404), (path, response.status_code, response.text[:300])
        if response.status_code == 302:
            assert "/login/" in response.headers["Location"], path
            assert "next=" in response.headers["Location"], path
    # Anything but GET/HEAD is refused outright, whatever the header.
    response = requests.post(server.url + "/feed/", headers={"SCRIPT_NAME": "/feed"}, timeout=20)
    assert response.status_code == 403
    # The public addresses stay open.
    assert server.get("/healthz/").text == "ok"
    assert server.get("/login/").status_code == 200
