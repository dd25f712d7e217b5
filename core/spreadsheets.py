"""The one way to write and read spreadsheets: django-import-export resources, through the
formats of this module.

Every CSV and XLSX file of the portal (admin imports and exports, the members' and public
downloads, the competency framework's workbook and ZIP of CSV files) is a resource's dataset
written or read by `CSV` and `XLSX` here, so the guard against spreadsheet formulas is in one
place: a CSV cell that a spreadsheet would run (=, +, -, @, tab or CR first) is written with a
leading apostrophe, which reading the file removes again; XLSX cells are typed, text as text.
CSV files start with a byte-order mark, so that Excel reads them as UTF-8 (Cyrillic intact).

Headers are translated: a resource's `headers` name its columns (gettext_lazy), written in the
active language; an import recognises a column by its key or by its header in any language.
Feature apps define their resources on `Resource`; no other module writes CSV or XLSX by hand
(tests/test_spreadsheets_one_way.py).
"""

import csv
import io
import zipfile
from collections.abc import Iterable, Mapping

import tablib
from django.conf import settings
from django.http import HttpResponse
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.translation import gettext as _
from import_export import resources
from import_export.formats import base_formats
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ZIP_TYPE = "application/zip"
LANGUAGES = [code for code, _name in settings.LANGUAGES]


class SpreadsheetFileError(ValueError):
    """The file cannot be read as a spreadsheet (the message says why)."""


# The formula guard -----------------------------------------------------------------------------


def defuse(value):
    """A cell for a CSV file: text that a spreadsheet would run gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def clean_cell(value):
    """A cell read from an imported file, without the apostrophe `defuse` put before it."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def _dataset(headers, rows: Iterable[Iterable], *, empty=None) -> tablib.Dataset:
    """A dataset of the rows read, guard undone; blank lines are not records, and a short or
    long row is fitted to the headers. Empty cells are `empty`."""
    headers = ["" if header is None else str(header).strip() for header in headers]
    dataset = tablib.Dataset(headers=headers)
    for row in rows:
        values = [empty if value is None else clean_cell(value) for value in row][: len(headers)]
        values += [empty] * (len(headers) - len(values))
        if any(value is not None and str(value).strip() for value in values):
            dataset.append(values)
    return dataset


# Formats ---------------------------------------------------------------------------------------


class CSV(base_formats.CSV):
    """CSV with the formula guard, UTF-8 with a byte-order mark."""

    CONTENT_TYPE = CSV_TYPE

    def export_data(self, dataset, **kwargs) -> str:
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerow([force_str(header) for header in dataset.headers or []])
        for row in dataset:
            writer.writerow(["" if cell is None else defuse(cell) for cell in row])
        return buffer.getvalue()

    def create_dataset(self, in_stream, **kwargs) -> tablib.Dataset:
        if isinstance(in_stream, bytes):
            try:
                in_stream = in_stream.decode(self.encoding or "utf-8-sig")
            except UnicodeDecodeError as error:
                raise SpreadsheetFileError(_("The file is not UTF-8 text.")) from error
        rows = list(csv.reader(io.StringIO(in_stream.removeprefix("\ufeff"))))
        return _dataset(rows[0] if rows else [], rows[1:], empty="")


class XLSX(base_formats.XLSX):
    """XLSX whose text cells are typed as text, so "=..." never runs as a formula."""

    def export_data(self, dataset, **kwargs) -> bytes:
        return workbook_bytes({dataset.title or "Sheet": dataset})

    def create_dataset(self, in_stream, **kwargs) -> tablib.Dataset:
        datasets = read_workbook(in_stream, first_only=True)
        return next(iter(datasets.values()), tablib.Dataset())


FORMATS = [CSV, XLSX]
FORMATS_BY_NAME = {"csv": CSV, "xlsx": XLSX}


def workbook_bytes(datasets: Mapping[str, tablib.Dataset]) -> bytes:
    """A workbook with a sheet per dataset (bold headers, text typed as text)."""
    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    for title, dataset in datasets.items():
        sheet = workbook.create_sheet(title=title[:31])
        header_cells = []
        for header in dataset.headers or []:
            cell = WriteOnlyCell(sheet, value=force_str(header))
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for row in dataset:
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


def read_workbook(
    content: bytes, *, first_only: bool = False, empty=None
) -> dict[str, tablib.Dataset]:
    """Every sheet of a workbook (or only the first) as a dataset, by the sheet's title; empty
    cells are `empty`."""
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise SpreadsheetFileError(_("The workbook cannot be read.")) from error
    datasets = {}
    for sheet in workbook.worksheets[:1] if first_only else workbook.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        if rows:
            datasets[sheet.title] = _dataset(rows[0], rows[1:], empty=empty)
    workbook.close()
    return datasets


def csv_zip_bytes(datasets: Mapping[str, tablib.Dataset]) -> bytes:
    """A ZIP file holding a CSV file per dataset, named after it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, dataset in datasets.items():
            archive.writestr(f"{name}.csv", CSV().export_data(dataset).encode("utf-8"))
    return buffer.getvalue()


def read_csv_zip(content: bytes, *, max_bytes: int) -> dict[str, tablib.Dataset]:
    """Every CSV file of a ZIP file as a dataset, by the file's name without `.csv`."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except zipfile.BadZipFile as error:
        raise SpreadsheetFileError(_("The ZIP file cannot be read.")) from error
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir()]
        if sum(info.file_size for info in members) > max_bytes:
            raise SpreadsheetFileError(_("The ZIP file holds too much data."))
        datasets = {}
        for info in members:
            name = info.filename.rsplit("/", 1)[-1]
            if not name.endswith(".csv"):
                raise SpreadsheetFileError(
                    _("The ZIP file may hold only CSV files; it holds “%(name)s”.") % {"name": name}
                )
            try:
                dataset = CSV(encoding="utf-8-sig").create_dataset(archive.read(info))
            except SpreadsheetFileError as error:
                raise SpreadsheetFileError(
                    _("“%(name)s” is not UTF-8 text.") % {"name": name}
                ) from error
            if dataset.headers:
                datasets[name.removesuffix(".csv")] = dataset
    return datasets


# Resources -------------------------------------------------------------------------------------


class Resource(resources.ModelResource):
    """The base of every resource: translated headers out, headers in either language in.

    `headers` maps a column's key (its field's `column_name`) to its header; a column without
    one is headed by its key. An import renames the file's headers to the keys, so rows are
    read by key whatever the file's language.
    """

    headers: Mapping[str, str] = {}

    def header(self, field) -> str:
        return force_str(self.headers.get(field.column_name, field.column_name))

    def get_export_fields(self, selected_fields=None):
        """The columns of an export: `selected_fields` in their order, or all of them."""
        if selected_fields:
            return [self.fields[name] for name in selected_fields]
        return super().get_export_fields()

    def get_export_headers(self, selected_fields=None):
        return [self.header(field) for field in self.get_export_fields(selected_fields)]

    def get_import_fields(self):
        """The columns an import writes: those read out for display only are left out."""
        return [
            field for field in super().get_import_fields() if field.attribute and not field.readonly
        ]

    def iter_queryset(self, queryset):
        # One evaluation with its prefetches, in the queryset's order (the library pages
        # through prefetching querysets in primary-key order).
        yield from queryset

    @classmethod
    def header_names(cls) -> dict[str, tuple[str, str | None]]:
        """The headers of every language, in lower case, each with its key and its language
        (a header spelled alike in both languages counts as the first language's)."""
        names: dict[str, tuple[str, str | None]] = {}
        for language in LANGUAGES:
            with translation.override(language):
                for key, header in cls.headers.items():
                    names.setdefault(force_str(header).casefold(), (key, language))
        return names

    def header_keys(self, headers) -> list[tuple[str | None, str | None]]:
        """(key, language) of each header of a file: (key, None) for a key as it is, (None,
        None) for an unknown header."""
        names = self.header_names()
        keys = {field.column_name for field in self.fields.values()}
        found = []
        for header in headers or []:
            text = "" if header is None else str(header).strip()
            named = names.get(text.casefold())
            # A key names its own column, even where another column's header reads the same.
            if text in keys and (named is None or named[0] != text):
                named = (text, None)
            found.append(named or (None, None))
        return found

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        if dataset.headers:
            dataset.headers = [
                key or header
                for (key, _language), header in zip(
                    self.header_keys(dataset.headers), dataset.headers, strict=True
                )
            ]


def _download(dataset: tablib.Dataset, output, *, filename: str, file_format: str) -> HttpResponse:
    dataset.title = filename
    response = HttpResponse(output.export_data(dataset), content_type=output.get_content_type())
    response["Content-Disposition"] = f'attachment; filename="{filename}.{file_format}"'
    return response


def _format(file_format: str):
    if file_format not in FORMATS_BY_NAME:
        raise ValueError(f"Unknown format {file_format!r}")
    return FORMATS_BY_NAME[file_format]()


def resource_response(
    resource: Resource,
    queryset,
    *,
    filename: str,
    file_format: str,
    export_fields: list[str] | None = None,
) -> HttpResponse:
    """A download of the resource's rows of `queryset` as `filename`.csv or `filename`.xlsx."""
    output = _format(file_format)
    dataset = resource.export(
        queryset, export_fields=export_fields, force_native_type=output.is_binary()
    )
    return _download(dataset, output, filename=filename, file_format=file_format)


def table_response(
    headers: Iterable, rows: Iterable[Iterable], *, filename: str, file_format: str
) -> HttpResponse:
    """A download of a computed table (figures, not a model's rows) in the same formats."""
    dataset = tablib.Dataset(*[list(row) for row in rows], headers=[str(h) for h in headers])
    return _download(dataset, _format(file_format), filename=filename, file_format=file_format)
