"""The whole framework as one spreadsheet: an XLSX workbook with a sheet per table, or a ZIP of
CSV files, one per table. Staff export it, edit it in a spreadsheet program and import it again;
an exported framework imports back to the same data.

Rows are matched on their natural keys (codes, slugs, numbers): a row updates the matching
record or adds one; records missing from the file are left alone.
"""

from dataclasses import dataclass, field
from functools import partial

import reversion
import tablib
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from competencies.models import FrameworkVersion, Status
from competencies.resources import SHEETS
from core import history
from core.spreadsheets import (
    XLSX_TYPE,
    ZIP_TYPE,
    SpreadsheetFileError,
    csv_zip_bytes,
    read_workbook,
    workbook_bytes,
)
from core.spreadsheets import read_csv_zip as read_zip

FILENAME = "competency-framework"
MAX_UNZIPPED_BYTES = 20 * 1024 * 1024


class FrameworkFileError(SpreadsheetFileError):
    """The file cannot be read as a framework spreadsheet (the message says why)."""


# Export ----------------------------------------------------------------------------------------


# The published framework: the rows of endorsed positions and competencies only.
ENDORSED_ONLY = {
    "competencies": {"status": Status.ENDORSED},
    "descriptors": {"competency__status": Status.ENDORSED},
    "positions": {"status": Status.ENDORSED},
    "requirements": {"position__status": Status.ENDORSED, "competency__status": Status.ENDORSED},
}


# A sheet that says which numbered version the endorsed items are; an import passes over it.
VERSION_SHEET = "version"


def version_dataset() -> tablib.Dataset:
    """The latest endorsed version: its number, date and meeting (no row before the first)."""
    dataset = tablib.Dataset(headers=["version", "endorsed_on", "endorsed_at_en", "endorsed_at_ru"])
    version = FrameworkVersion.objects.order_by("-number").first()
    if version is not None:
        dataset.append(
            [
                str(version.number),
                version.endorsed_on.isoformat(),
                version.endorsed_at_en or "",
                version.endorsed_at_ru or "",
            ]
        )
    return dataset


def framework_datasets(*, endorsed_only: bool = False) -> dict[str, tablib.Dataset]:
    """Every table of the framework, by sheet name, as its resource exports it: the whole
    framework (to edit and import again), or its endorsed items only (to send out); and the
    numbered version the endorsed items are."""
    datasets = {}
    for name, resource_class in SHEETS:
        resource = resource_class()
        queryset = resource.get_queryset()
        if endorsed_only and name in ENDORSED_ONLY:
            queryset = queryset.filter(**ENDORSED_ONLY[name])
        datasets[name] = resource.export(queryset=queryset)
    datasets[VERSION_SHEET] = version_dataset()
    return datasets


def framework_xlsx(*, endorsed_only: bool = False) -> bytes:
    """The framework as a workbook, a sheet per table (text cells typed as text)."""
    return workbook_bytes(framework_datasets(endorsed_only=endorsed_only))


def framework_csv_zip(*, endorsed_only: bool = False) -> bytes:
    """The framework as a ZIP holding one CSV file per table (formula-guarded, UTF-8)."""
    return csv_zip_bytes(framework_datasets(endorsed_only=endorsed_only))


EXPORTS = {
    "xlsx": (framework_xlsx, XLSX_TYPE, f"{FILENAME}.xlsx"),
    "zip": (framework_csv_zip, ZIP_TYPE, f"{FILENAME}-csv.zip"),
    "endorsed-xlsx": (
        partial(framework_xlsx, endorsed_only=True),
        XLSX_TYPE,
        f"{FILENAME}-endorsed.xlsx",
    ),
    "endorsed-zip": (
        partial(framework_csv_zip, endorsed_only=True),
        ZIP_TYPE,
        f"{FILENAME}-endorsed-csv.zip",
    ),
}


# Reading a file --------------------------------------------------------------------------------


def read_xlsx(content: bytes) -> dict[str, tablib.Dataset]:
    try:
        return read_workbook(content, empty="")
    except SpreadsheetFileError as error:
        raise FrameworkFileError(str(error)) from error


def read_csv_zip(content: bytes) -> dict[str, tablib.Dataset]:
    try:
        return read_zip(content, max_bytes=MAX_UNZIPPED_BYTES)
    except SpreadsheetFileError as error:
        raise FrameworkFileError(str(error)) from error


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
    # The version sheet tells what was exported; versions come from endorsing, never a file.
    unknown = sorted(set(datasets) - set(known) - {VERSION_SHEET})
    if unknown:
        raise FrameworkFileError(
            _("Unknown sheets: %(names)s. Expected: %(expected)s.")
            % {"names": ", ".join(unknown), "expected": ", ".join(known)}
        )
    reports = []
    with transaction.atomic():
        with reversion.create_revision():
            reversion.set_user(user)
            history.note(gettext_noop("Imported from a framework spreadsheet."))
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
