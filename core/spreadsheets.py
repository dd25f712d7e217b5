"""CSV and XLSX downloads of tables, and reading them back.

CSV cells that a spreadsheet would run as a formula (=, +, -, @ first) are written with a
leading apostrophe, which `clean_cell()` removes again on import. XLSX cells are typed, so they
need no such guard.
"""

import csv
import io
from collections.abc import Iterable, Sequence

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _guard(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def clean_cell(value):
    """A cell read from an imported file, without the apostrophe the export put before it."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(_FORMULA_START):
        return value[1:]
    return value


def csv_bytes(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    for row in rows:
        writer.writerow(["" if cell is None else _guard(cell) for cell in row])
    # The byte-order mark makes Excel read the file as UTF-8 (Cyrillic intact).
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_bytes(headers: Sequence[str], rows: Iterable[Sequence], *, title: str = "Sheet") -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=str(header))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # a string, even when it starts with "="
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def table_response(
    *, headers: Sequence[str], rows: Iterable[Sequence], filename: str, file_format: str
) -> HttpResponse:
    """A download of the table as `filename`.csv or `filename`.xlsx."""
    if file_format == "csv":
        content, content_type = csv_bytes(headers, rows), "text/csv; charset=utf-8"
    elif file_format == "xlsx":
        content, content_type = xlsx_bytes(headers, rows, title=filename), XLSX_TYPE
    else:
        raise ValueError(f"Unknown format {file_format!r}")
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response
