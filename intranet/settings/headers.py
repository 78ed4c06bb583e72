"""Security headers sent on every response: Content-Security-Policy (django-csp) and Permissions-Policy.

Kept out of ``base.py`` because nothing here comes from the environment except the extra form
targets that ``base.py`` passes in (the single sign-on provider, for its logout).
"""

from csp.constants import NONE, SELF, UNSAFE_INLINE


def content_security_policies(extra_form_actions=()):
    """The front end's policy and the admin's (``intranet/csp.py`` picks the admin's under /admin/).

    Our own pages: scripts, styles, fonts and images from this site only; no inline script or style,
    no eval, nothing from another host. Forms may post here and to ``extra_form_actions``.

    Wagtail's admin: still nothing from another host and no eval, but its form widgets start with
    inline scripts (``initDateChooser(...)``, ``new PageChooser(...)``: different for every field, so
    neither hashes nor nonces fit), its scripts add inline styles, and its uploader previews blob: URLs.
    """
    front_end = {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            "img-src": [SELF, "data:"],
            "font-src": [SELF],
            "connect-src": [SELF],
            "frame-src": [SELF],
            "frame-ancestors": [SELF],
            "form-action": [SELF, *extra_form_actions],
            "base-uri": [SELF],
            "object-src": [NONE],
        },
    }
    admin = {
        "DIRECTIVES": {
            **front_end["DIRECTIVES"],
            "script-src": [SELF, UNSAFE_INLINE],
            "style-src": [SELF, UNSAFE_INLINE],
            "img-src": [SELF, "data:", "blob:"],
        },
    }
    return front_end, admin


# Browser features the intranet never uses are switched off for it and anything it frames.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "fullscreen": ["self"],
}
