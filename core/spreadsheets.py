"""CSV that a spreadsheet cannot run: every export writes its cells through here.

A cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by Excel
and LibreOffice as a formula (``=HYPERLINK("http://evil.example/","x")`` in an idea's title
becomes a link, other formulas can fetch data or run commands). OWASP's advice: write such a
cell with a leading ``'`` so it is shown as text. Use :func:`csv_writer` (or :func:`safe_cell`)
for every CSV an app writes; Wagtail's own CSV exports (admin reports, snippet listings such
as the ideas', form submissions) are covered by :func:`protect_wagtail_exports`, which ``CoreConfig``
applies at start-up. (Wagtail's xlsx exports already store such cells as text.)
"""

import csv
import datetime
import functools

from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Every CSV the intranet writes: Excel reads UTF-8 (æ, ø, å) only after a byte order mark, and
# Danish Excel splits columns on semicolons.
BOM = "\ufeff"
CSV_DIALECT = {"delimiter": ";"}


def safe_cell(value):
    """``value`` with a leading ``'`` when a spreadsheet would read it as a formula; other values as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeWriter:
    """A ``csv.writer`` whose rows pass through :func:`safe_cell`."""

    def __init__(self, writer):
        self._writer = writer

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def csv_writer(file, **options):
    """``csv.writer(file, **options)`` that neutralises formulas in every cell it writes."""
    return SafeWriter(csv.writer(file, **options))


def protect_wagtail_exports():
    """Make Wagtail's ``SpreadsheetExportMixin`` neutralise formulas in the CSV it writes.

    Every CSV export in the Wagtail admin (reports, snippet and generic listings with
    ``list_export``, form submissions) writes its rows through ``write_csv_row``; wrapping that
    one method covers them all, including exports added later.
    """
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    original = SpreadsheetExportMixin.write_csv_row
    if getattr(original, "neutralises_formulas", False):
        return

    @functools.wraps(original)
    def write_csv_row(self, writer, row_dict):
        preprocessed = {
            field: self.preprocess_field_value(field, value, self.FORMAT_CSV) for field, value in row_dict.items()
        }
        return writer.writerow({field: safe_cell(value) for field, value in preprocessed.items()})

    write_csv_row.neutralises_formulas = True
    SpreadsheetExportMixin.write_csv_row = write_csv_row

    def stream_csv(self, queryset):
        """Wagtail's CSV in the dialect of the intranet's own (``CSV_DIALECT``): a BOM, then semicolons."""
        writer = csv.DictWriter(_Line(), fieldnames=self.list_export, **CSV_DIALECT)
        yield BOM + writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    SpreadsheetExportMixin.stream_csv = stream_csv
    # Times as the municipality reads them: local time, to the minute (Wagtail writes UTC).
    SpreadsheetExportMixin.custom_value_preprocess = {
        **SpreadsheetExportMixin.custom_value_preprocess,
        datetime.datetime: {
            SpreadsheetExportMixin.FORMAT_XLSX: lambda value: (
                timezone.make_naive(value) if timezone.is_aware(value) else value
            ),
            SpreadsheetExportMixin.FORMAT_CSV: lambda value: (
                timezone.localtime(value) if timezone.is_aware(value) else value
            ).strftime("%Y-%m-%d %H:%M"),
        },
    }


class _Line:
    """Hands back what a ``csv`` writer writes, one line at a time (for a streamed response)."""

    def write(self, value):
        return value
