"""The read confirmation's requests, routed by ``NewsArticlePage`` (``laest/``, ``bekraeftelser/``).

Kept apart from ``news.views`` because the page model routes here: this module never imports the
models, so no circle of imports forms (see ``comments.mixins`` / ``comments.handling``).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.names import display_name
from core.spreadsheets import BOM, CSV_DIALECT, csv_writer

from . import confirmations


def confirm_read(request, article):
    """``<article>/laest/`` (POST): "Jeg har læst det". A repeat or double submit changes nothing."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not article.requires_confirmation:
        raise Http404
    if confirmations.confirm(article, request.user):
        messages.success(request, _("Tak, du har bekræftet, at du har læst “%(title)s”.") % {"title": article.title})
    return redirect(article.url)


def _report_article(request, article):
    if not confirmations.can_see_report(request.user):
        raise PermissionDenied
    if not article.requires_confirmation:
        raise Http404
    return confirmations.report(article)


def confirmation_report(request, article):
    """``<article>/bekraeftelser/``: who has and has not confirmed, by department (Kommunikation only)."""
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    rows = _report_article(request, article)
    confirmed = sum(len(row.confirmed) for row in rows)
    total = sum(row.total for row in rows)
    return render(
        request,
        "news/confirmation_report.html",
        {"article": article, "index": article.get_parent(), "rows": rows, "confirmed": confirmed, "total": total},
    )


def confirmation_report_csv(request, article):
    """The report as CSV (semicolons and a byte order mark for Excel); formulas neutralised by ``csv_writer``."""
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET"])
    rows = _report_article(request, article)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="laesebekraeftelser-{article.pk}.csv"'
    response.write(BOM)
    writer = csv_writer(response, **CSV_DIALECT)
    writer.writerow([_("Afdeling"), _("Navn"), _("Brugernavn"), _("Bekræftet"), _("Tidspunkt")])
    for row in rows:
        for person, confirmed_at in row.confirmed:
            stamp = date_format(timezone.localtime(confirmed_at), "Y-m-d H:i")
            writer.writerow([row.name, display_name(person), person.get_username(), _("Ja"), stamp])
        for person in row.missing:
            writer.writerow([row.name, display_name(person), person.get_username(), _("Nej"), ""])
    return response
