"""The SQL budget of a page: every page type, for every role, at most ``QUERY_BUDGET`` queries on a normal visit.

A normal visit is the second one: the first fills what is kept between requests (renditions, the
cached fragments and the shell's cached parts), as every page an employee opens all day has been
opened before. The count must also stay the same as the content grows: the tests measure each page
at two sizes and compare.
"""

from django.db import connection
from django.test.utils import CaptureQueriesContext

QUERY_BUDGET = 12


def count_queries(client, url, status=200):
    """The queries of a repeated visit to ``url`` and the response; fails on another status than ``status``."""
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return len(context.captured_queries), response


def assert_within_budget(count, url):
    """Fail with the page and the count when ``count`` is over the budget."""
    assert count <= QUERY_BUDGET, f"{url}: {count} SQL queries, the budget is {QUERY_BUDGET}"
