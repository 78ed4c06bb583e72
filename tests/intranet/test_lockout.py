"""Failed logins lock the pair (user name, address); a slower per-name brake spares her own browsers."""

import pytest
from django.test import Client, RequestFactory, override_settings

from core.network import client_ip

pytestmark = pytest.mark.django_db

RIGHT = "korrekt-hest-batteri"


def attempt(client, username, password, address):
    return client.post("/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def fail(username, address, times=5, client=None):
    client = client or Client()
    for _attempt in range(times):
        attempt(client, username, "forkert", address)


def test_five_failures_lock_the_pair_with_a_danish_429(client, home_page, employee):
    fail("medarbejder", "10.0.0.1")
    response = attempt(client, "medarbejder", RIGHT, "10.0.0.1")
    assert response.status_code == 429
    assert "For mange mislykkede login-forsøg" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_for_one_name_do_not_block_another_name_at_the_same_address(client, home_page, make_user):
    make_user("kollega")
    for attempt_number in range(10):
        fail(f"gaet{attempt_number}", "10.0.0.1")
    fail("kollega", "10.0.0.1", times=4)
    assert attempt(client, "kollega", RIGHT, "10.0.0.1").status_code == 302


def test_failures_from_elsewhere_do_not_block_the_rightful_user_at_hers(client, home_page, employee):
    for address in ("10.0.0.2", "10.0.0.3", "10.0.0.4"):
        fail("medarbejder", address)
    assert attempt(client, "medarbejder", RIGHT, "10.0.0.1").status_code == 302


def test_a_successful_login_clears_the_pairs_failures(home_page, employee):
    fail("medarbejder", "10.0.0.1", times=4)
    assert attempt(Client(), "medarbejder", RIGHT, "10.0.0.1").status_code == 302
    fail("medarbejder", "10.0.0.1", times=4)
    assert attempt(Client(), "medarbejder", RIGHT, "10.0.0.1").status_code == 302


@override_settings(LOGIN_NAME_BRAKE_LIMIT=12)
def test_the_per_name_brake_holds_back_unknown_browsers_but_not_hers(home_page, employee):
    own_browser = Client()
    assert attempt(own_browser, "medarbejder", RIGHT, "10.1.0.1").status_code == 302
    own_browser.post("/logout/")
    # Someone guesses her password from many addresses, four at a time (under the pair limit).
    for number in range(3):
        fail("medarbejder", f"10.2.0.{number}", times=4)
    # A browser she never used, at an address that never failed: held back, in Danish, 429.
    stranger = attempt(Client(), "medarbejder", RIGHT, "10.3.0.1")
    assert stranger.status_code == 429
    assert "mange forkerte forsøg" in stranger.content.decode()
    # Her own browser still logs her in.
    assert attempt(own_browser, "medarbejder", RIGHT, "10.1.0.1").status_code == 302
    # Other names are not braked.
    assert attempt(Client(), "andenbruger", "forkert", "10.3.0.1").status_code == 200


@override_settings(LOGIN_NAME_BRAKE_LIMIT=12)
def test_a_forged_known_browser_cookie_does_not_pass_the_brake(home_page, employee):
    for number in range(3):
        fail("medarbejder", f"10.2.0.{number}", times=4)
    forger = Client()
    forger.cookies["kendt_browser"] = "medarbejder"
    assert attempt(forger, "medarbejder", RIGHT, "10.3.0.1").status_code == 429


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "127.0.0.9"),  # no proxy: the header is the client's own claim
        (1, "1.2.3.4", "1.2.3.4"),
        (1, "6.6.6.6, 1.2.3.4", "1.2.3.4"),  # the left part was written by the client
        (2, "6.6.6.6, 1.2.3.4, 10.0.0.5", "1.2.3.4"),
        (2, "1.2.3.4", "127.0.0.9"),  # did not pass both proxies
        (1, "", "127.0.0.9"),
    ],
)
def test_the_client_address_comes_from_the_trusted_proxies(proxies, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.9", HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(PROXY_COUNT=proxies):
        assert client_ip(request) == expected


# --- Through gunicorn behind one proxy: X-Forwarded-For as the proxy writes it ------------------------
def test_behind_one_proxy_the_lockout_keys_on_the_forwarded_address(gunicorn, home_page, make_user):
    make_user("medarbejder", password=RIGHT)
    server = gunicorn(PROXY_COUNT="1")

    def login(password, forwarded):
        return server.login(server.session(), "medarbejder", password, headers={"X-Forwarded-For": forwarded})

    # The attacker varies the part of the header she writes herself; the proxy adds her real address.
    for number in range(4):
        assert login("forkert", f"192.0.2.{number}, 203.0.113.7").status_code == 200
    assert login("forkert", "192.0.2.9, 203.0.113.7").status_code == 429  # the fifth failure locks
    locked = login(RIGHT, "198.51.100.1, 203.0.113.7")
    assert locked.status_code == 429
    assert "For mange mislykkede login-forsøg" in locked.text
    # The rightful user, at her own address behind the same proxy (same socket address), gets in.
    assert login(RIGHT, "203.0.113.50").status_code == 302
