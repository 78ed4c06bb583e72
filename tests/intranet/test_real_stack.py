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


def directives(header):
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


def test_every_response_carries_the_security_headers(gunicorn, home_page, make_user, role_groups):
    """CSP (strict on our pages, wider in the admin), Permissions-Policy and the headers sent before."""
    make_user("kommunikation", "Kommunikation", password="korrekt-hest-batteri")
    server = gunicorn()
    session = server.session()
    for path in ("/login/", "/healthz/", "/static/css/intranet.css", "/projekter/"):
        response = server.get(path)
        policy = directives(response.headers["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"], path
        assert policy["default-src"] == ["'self'"], path
        assert policy["object-src"] == ["'none'"], path
        assert "'unsafe-inline'" not in policy["style-src"], path
        assert "camera=()" in response.headers["Permissions-Policy"], path
        assert "geolocation=()" in response.headers["Permissions-Policy"], path
        assert response.headers["X-Content-Type-Options"] == "nosniff", path
        assert response.headers["Referrer-Policy"] == "same-origin", path
    assert server.get("/login/").headers["X-Frame-Options"] == "SAMEORIGIN"
    assert server.login(session, "kommunikation", "korrekt-hest-batteri").status_code == 302
    admin = session.get(server.url + "/admin/", timeout=20)
    assert admin.status_code == 200
    policy = directives(admin.headers["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]  # Wagtail's widgets start inline
    assert "'unsafe-eval'" not in admin.headers["Content-Security-Policy"]
    assert all("*" not in source for source in policy["script-src"] + policy["default-src"])
