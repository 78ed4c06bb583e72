"""Memoisation for the length of one request, without a request object at hand.

Wagtail asks a workflow task the same question many times while drawing one screen
(``locked_for_user``, ``get_actions``, ``user_can_access_editor``), passing only the user. A value
kept here lives until the request ends and is never shared with another request; outside a request
(management commands, the worker, direct calls in tests) nothing is kept and each call computes.
"""

from contextvars import ContextVar

_memo = ContextVar("request_memo", default=None)


class RequestMemoMiddleware:
    """Opens an empty memo for each request and drops it when the response is made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def memoised(key, compute):
    """``compute()``, once per request for each ``key`` (a hashable tuple naming the question)."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def remember(key, value):
    """Replace the answer kept for ``key`` in this request (after the request itself changed it)."""
    memo = _memo.get()
    if memo is not None:
        memo[key] = value
