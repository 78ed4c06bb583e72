"""Simultaneous sign-ups: never more seated than seats, never one person twice (SQLite and PostgreSQL).

Each thread has its own database connection and they are released together by a barrier, so the
requests really overlap; the test runs on whichever database ``DATABASE_URL`` names.
"""

import threading

import pytest
from django.db import connection
from django.test import Client

from events import services
from events.models import Registration
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

THREADS = 8


def run_together(target, arguments):
    barrier = threading.Barrier(len(arguments))
    results = []

    def run(argument):
        try:
            barrier.wait(timeout=20)
            results.append(target(argument))
        except Exception as error:  # reported below, so a thread's failure fails the test
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(isinstance(result, Exception) for result in results), results
    return results


def test_simultaneous_requests_for_the_last_seats_never_overbook(event):
    """``event`` has 2 seats; 8 people press "Tilmeld" through the full request stack at once."""
    people = [UserFactory(username=f"samtidig{n}") for n in range(THREADS)]

    def press(person):
        client = Client()
        client.force_login(person)
        return client.post(event.url + "tilmeld/").status_code

    assert run_together(press, people) == [302] * THREADS
    seated = Registration.objects.filter(event=event, seat__isnull=False)
    assert seated.count() == event.capacity
    assert sorted(seated.values_list("seat", flat=True)) == [1, 2]
    assert Registration.objects.filter(event=event, seat__isnull=True).count() == THREADS - event.capacity


def test_one_person_pressing_in_many_tabs_at_once_is_signed_up_once(event, staff):
    person = staff["medarbejder"]
    results = run_together(lambda _n: services.sign_up(event, person)[1], range(THREADS))
    assert sorted(results) == [False] * (THREADS - 1) + [True]
    assert Registration.objects.filter(event=event, user=person).count() == 1


def test_simultaneous_cancellations_move_each_waiting_person_up_once(event):
    people = [UserFactory(username=f"afbud{n}") for n in range(6)]
    for person in people:
        services.sign_up(event, person)
    seated = [person for person in people if Registration.objects.get(event=event, user=person).seat]
    run_together(lambda person: services.cancel(event, person), seated)
    assert Registration.objects.filter(event=event, seat__isnull=False).count() == event.capacity
    assert Registration.objects.filter(event=event).count() == 4
