"""News that must be read: who must confirm an article, the confirmation itself and Kommunikation's report.

An article with ``requires_confirmation`` must be confirmed by every active person in its audience:
everybody, or only the people of its ``target_departments`` when it has any. The rules for one
article live here and reach its data through the article (this module never imports the models,
which call it); the listings across articles (``aimed_at``, ``unconfirmed_for``) are in ``news.listings``.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from people import roles


def can_see_report(user):
    """Kommunikation writes the news, so it sees who has confirmed; superusers too, nobody else."""
    return user.is_authenticated and (user.is_superuser or roles.has_role(user, roles.COMMUNICATIONS))


def audience(article):
    """The active users who must confirm ``article`` (everyone, or the people of its target departments)."""
    users = get_user_model().objects.filter(is_active=True)
    departments = [department.pk for department in article.target_departments.all()]
    if departments:
        users = users.filter(profile__department__in=departments)
    return users


def is_in_audience(article, user):
    departments = {department.pk for department in article.target_departments.all()}
    if not departments:
        return True
    profile = getattr(user, "profile", None)
    return profile is not None and profile.department_id in departments


@dataclass
class ConfirmationState:
    """What the article page shows a reader: the button, or when she confirmed; and the report link."""

    required: bool = False
    confirmed_at: object = None
    report_url: str | None = None


def state_for(article, user):
    state = ConfirmationState()
    if not article.requires_confirmation or not user.is_authenticated:
        return state
    state.required = is_in_audience(article, user)
    if state.required:
        state.confirmed_at = article.read_confirmations.filter(user=user).values_list("confirmed_at", flat=True).first()
    if can_see_report(user):
        state.report_url = article.url + article.reverse_subpage("report_route")
    return state


def confirm(article, user):
    """Record that ``user`` has read ``article``; True when this call made the record.

    Idempotent: a double submit (or two tabs) meets the unique constraint and changes nothing.
    """
    if not article.requires_confirmation or not is_in_audience(article, user):
        return False
    try:
        with transaction.atomic():
            _confirmation, created = article.read_confirmations.get_or_create(user=user)
    except IntegrityError:
        return False  # the other of two simultaneous submits won
    return created


@dataclass
class DepartmentRow:
    name: str
    confirmed: list = field(default_factory=list)  # (user, confirmed_at)
    missing: list = field(default_factory=list)

    @property
    def total(self):
        return len(self.confirmed) + len(self.missing)


def report(article):
    """The audience by department, each with who has and has not confirmed (a fixed number of queries)."""
    confirmations = dict(article.read_confirmations.values_list("user_id", "confirmed_at"))
    people = (
        audience(article)
        .select_related("profile__department")
        .order_by("profile__department__name", "first_name", "last_name", "username")
    )
    rows = {}
    for person in people:
        profile = getattr(person, "profile", None)
        department = profile.department if profile is not None else None
        name = department.name if department is not None else _("Uden afdeling")
        row = rows.setdefault(name, DepartmentRow(name))
        if person.pk in confirmations:
            row.confirmed.append((person, confirmations[person.pk]))
        else:
            row.missing.append(person)
    return sorted(rows.values(), key=lambda row: (row.name == _("Uden afdeling"), row.name))
