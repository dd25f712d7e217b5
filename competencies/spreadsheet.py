"""The whole framework as one spreadsheet: an XLSX workbook with a sheet per table, or a ZIP of
CSV files, one per table. Staff export it, edit it in a spreadsheet program and import it again;
an exported framework imports back to the same data.

Rows are matched on their natural keys (codes, slugs, numbers): a row updates the matching
record or adds one; records missing from the file are left alone.
"""

import csv
import io
import zipfile
from dataclasses import dataclass, field

import reversion
import tablib
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from competencies.resources import SHEETS
from core.spreadsheets import XLSX_TYPE, clean_cell, csv_bytes

FILENAME = "competency-framework"
MAX_UNZIPPED_BYTES = 20 * 1024 * 1024


class FrameworkFileError(ValueError):
    """The file cannot be read as a framework spreadsheet (the message says why)."""


# Export ----------------------------------------------------------------------------------------


def framework_tables() -> list[tuple[str, list[str], list[list]]]:
    """(sheet name, headers, rows) of every table of the framework."""
    tables = []
    for name, resource_class in SHEETS:
        dataset = resource_class().export()
        tables.append((name, list(dataset.headers), [list(row) for row in dataset]))
    return tables


def framework_xlsx() -> bytes:
    """The framework as a workbook. Text cells are typed as text, so a value starting with "="
    stays text and never runs as a formula."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for name, headers, rows in framework_tables():
        sheet = workbook.create_sheet(title=name)
        header_cells = []
        for header in headers:
            cell = WriteOnlyCell(sheet, value=header)
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in rows:
            cells = []
            for value in row:
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
                cells.append(cell)
            sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def framework_csv_zip() -> bytes:
    """The framework as a ZIP holding one CSV file per table (formula-guarded, UTF-8)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, headers, rows in framework_tables():
            archive.writestr(f"{name}.csv", csv_bytes(headers, rows))
    return buffer.getvalue()


EXPORTS = {
    "xlsx": (framework_xlsx, XLSX_TYPE, f"{FILENAME}.xlsx"),
    "zip": (framework_csv_zip, "application/zip", f"{FILENAME}-csv.zip"),
}


# Reading a file --------------------------------------------------------------------------------


def _dataset(headers, rows) -> tablib.Dataset:
    headers = ["" if header is None else str(header).strip() for header in headers]
    dataset = tablib.Dataset(headers=headers)
    for row in rows:
        values = ["" if value is None else value for value in row][: len(headers)]
        values += [""] * (len(headers) - len(values))
        if any(str(value).strip() for value in values):  # blank lines are not records
            dataset.append(values)
    return dataset


def read_xlsx(content: bytes) -> dict[str, tablib.Dataset]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise FrameworkFileError(_("The workbook cannot be read.")) from error
    datasets = {}
    for sheet in workbook.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        if rows:
            datasets[sheet.title] = _dataset(rows[0], rows[1:])
    workbook.close()
    return datasets


def read_csv_zip(content: bytes) -> dict[str, tablib.Dataset]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile as error:
        raise FrameworkFileError(_("The ZIP file cannot be read.")) from error
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if sum(info.file_size for info in members) > MAX_UNZIPPED_BYTES:
            raise FrameworkFileError(_("The ZIP file holds too much data."))
        datasets = {}
        for info in members:
            name = info.filename.rsplit("/", 1)[-1]
            if not name.endswith(".csv"):
                raise FrameworkFileError(
                    _("The ZIP file may hold only CSV files; it holds “%(name)s”.") % {"name": name}
                )
            try:
                text = archive.read(info).decode("utf-8-sig")
            except UnicodeDecodeError as error:
                raise FrameworkFileError(
                    _("“%(name)s” is not UTF-8 text.") % {"name": name}
                ) from error
            rows = [[clean_cell(cell) for cell in row] for row in csv.reader(io.StringIO(text))]
            if rows:
                datasets[name.removesuffix(".csv")] = _dataset(rows[0], rows[1:])
    return datasets


# Import ----------------------------------------------------------------------------------------


@dataclass
class SheetReport:
    name: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    sheets: list[SheetReport]
    committed: bool

    @property
    def has_errors(self) -> bool:
        return any(sheet.errors for sheet in self.sheets)


def _message(error: Exception) -> str:
    return " ".join(getattr(error, "messages", None) or [str(error)])


def _errors(result) -> list[str]:
    """The result's errors as sentences; row numbers count the header as row 1."""
    messages = [_message(error.error) for error in result.base_errors]
    for number, errors in result.row_errors():
        messages += [
            _("Row %(number)s: %(error)s") % {"number": number + 1, "error": _message(error.error)}
            for error in errors
        ]
    for invalid in result.invalid_rows:
        for column, column_errors in invalid.error_dict.items():
            for message in column_errors:
                messages.append(
                    _("Row %(number)s, column %(column)s: %(error)s")
                    % {"number": invalid.number + 1, "column": column, "error": message}
                )
    return messages


def framework_import(*, datasets: dict[str, tablib.Dataset], user, dry_run: bool) -> ImportReport:
    """Import the sheets found in a framework file, in dependency order, all or nothing: with
    `dry_run`, or when any row fails, nothing is kept and the report says what would happen.
    Row numbers in the report are the spreadsheet's (the header is row 1)."""
    known = dict(SHEETS)
    unknown = sorted(set(datasets) - set(known))
    if unknown:
        raise FrameworkFileError(
            _("Unknown sheets: %(names)s. Expected: %(expected)s.")
            % {"names": ", ".join(unknown), "expected": ", ".join(known)}
        )
    reports = []
    with transaction.atomic():
        with reversion.create_revision():
            reversion.set_user(user)
            reversion.set_comment(_("Imported from a framework spreadsheet."))
            for name, resource_class in SHEETS:
                if name not in datasets:
                    continue
                result = resource_class().import_data(
                    datasets[name], dry_run=False, use_transactions=True, raise_errors=False
                )
                reports.append(
                    SheetReport(
                        name=name,
                        new=result.totals["new"],
                        updated=result.totals["update"],
                        unchanged=result.totals["skip"],
                        errors=_errors(result),
                    )
                )
        report = ImportReport(sheets=reports, committed=not dry_run)
        if dry_run or report.has_errors:
            transaction.set_rollback(True)
            report.committed = False
    return report
