"""The client's address, as the trusted reverse proxies in front of us report it."""

from django.conf import settings


def client_ip(request):
    """The address the request came from: the socket's, or the one our own proxies saw.

    ``settings.PROXY_COUNT`` says how many reverse proxies (load balancer, web server) stand in
    front of gunicorn. Each appends the address it received the request from to
    ``X-Forwarded-For``, so with N proxies the client is the N-th entry from the right; anything
    further left was written by the client and proves nothing. With 0 (the default) the header
    is ignored. Used by django-axes (``AXES_CLIENT_IP_CALLABLE``) and anything else that keys on
    the client's address.
    """
    proxies = settings.PROXY_COUNT
    remote = request.META.get("REMOTE_ADDR", "")
    if proxies <= 0:
        return remote
    forwarded = [item.strip() for item in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if item.strip()]
    if len(forwarded) < proxies:
        # Fewer entries than proxies: the request did not come through all of them.
        return remote
    return forwarded[-proxies]
