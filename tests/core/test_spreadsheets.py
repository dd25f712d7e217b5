"""The shared formats: the formula guard written and undone, text kept as text, the BOM."""

import csv
import io

import openpyxl
import pytest
import tablib
from django.contrib import admin
from import_export.admin import ExportMixin, ImportMixin

from core import spreadsheets
from core.spreadsheets import CSV, FORMULA_START, XLSX, Resource

RISKY = [f"{start}SUM(A1:A2)" for start in FORMULA_START]
SAFE = ["1.1", "Обычный текст", "it's fine", "'quoted"]
# openpyxl writes and reads workbooks through lxml (a dependency of the IATI file), which keeps
# a carriage return as it is.
IN_XLSX = [*RISKY, *SAFE]


def dataset() -> tablib.Dataset:
    data = tablib.Dataset(headers=["Number", "Summary"])
    for number, text in enumerate([*RISKY, *SAFE]):
        data.append([number, text])
    return data


def test_csv_writes_risky_cells_with_an_apostrophe_and_reading_removes_it():
    written = CSV().export_data(dataset())
    assert written.startswith("\ufeff")  # Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(written.removeprefix("\ufeff"))))
    assert [row[1] for row in rows[1 : len(RISKY) + 1]] == [f"'{text}" for text in RISKY]
    assert [row[1] for row in rows[len(RISKY) + 1 :]] == SAFE
    read = CSV(encoding="utf-8-sig").create_dataset(written.encode("utf-8"))
    assert read.headers == ["Number", "Summary"]
    assert list(read["Summary"]) == [*RISKY, *SAFE]


def test_xlsx_types_every_text_as_text_and_reads_it_back():
    written = XLSX().export_data(dataset())
    sheet = openpyxl.load_workbook(io.BytesIO(written)).active
    cells = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == IN_XLSX
    assert {cell.data_type for cell in cells} == {"s"}  # never "f", a formula
    assert list(XLSX().create_dataset(written)["Summary"]) == IN_XLSX


def test_a_workbook_and_a_zip_of_csv_files_hold_a_table_each():
    tables = {"first": dataset(), "second": dataset()}
    for read, expected in (
        (spreadsheets.read_workbook(spreadsheets.workbook_bytes(tables)), IN_XLSX),
        (
            spreadsheets.read_csv_zip(spreadsheets.csv_zip_bytes(tables), max_bytes=10**6),
            [*RISKY, *SAFE],
        ),
    ):
        assert list(read) == ["first", "second"]
        assert list(read["second"]["Summary"]) == expected


def test_blank_lines_are_not_rows_and_short_rows_are_filled():
    read = CSV().create_dataset("a,b\n\n1\n,\n2,x,extra\n")
    assert list(read) == [("1", ""), ("2", "x")]


def test_a_damaged_file_is_a_clear_error():
    with pytest.raises(spreadsheets.SpreadsheetFileError):
        XLSX().create_dataset(b"not a workbook")
    with pytest.raises(spreadsheets.SpreadsheetFileError):
        CSV(encoding="utf-8").create_dataset("Zа".encode("cp1251"))


def _all_subclasses(cls):
    for subclass in cls.__subclasses__():
        yield subclass
        yield from _all_subclasses(subclass)


def test_every_admin_import_and_export_uses_the_shared_resource_and_formats():
    checked = 0
    for model_admin in admin.site._registry.values():
        if not isinstance(model_admin, ImportMixin | ExportMixin):
            continue
        checked += 1
        formats = set()
        if isinstance(model_admin, ImportMixin):
            formats |= set(model_admin.get_import_formats())
        if isinstance(model_admin, ExportMixin):
            formats |= set(model_admin.get_export_formats())
        assert formats <= set(spreadsheets.FORMATS), model_admin
        for resource_class in model_admin.get_resource_classes(request=None):
            assert issubclass(resource_class, Resource), resource_class
    assert checked >= 7


def test_headers_of_a_resource_are_unambiguous_in_every_language():
    for resource_class in _all_subclasses(Resource):
        if resource_class._meta.model is None:
            continue
        names = resource_class.header_names()
        for language in spreadsheets.LANGUAGES:
            spelled = [name for name, (_key, lang) in names.items() if lang == language]
            keys = [key for _name, (key, lang) in names.items() if lang == language]
            assert len(spelled) == len(set(keys)) == len(resource_class.headers), resource_class
