import csv
import io

import openpyxl

from core.spreadsheets import clean_cell, table_response

HEADERS = ["Number", "Summary"]
ROWS = [["1.1", "- Needs collected"], ["1.2", '=HYPERLINK("http://x")'], ["1.3", "Обычный текст"]]


def test_csv_guards_formulas_and_round_trips():
    response = table_response(headers=HEADERS, rows=ROWS, filename="plan", file_format="csv")
    assert response["Content-Disposition"] == 'attachment; filename="plan.csv"'
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == HEADERS
    assert rows[1][1] == "'- Needs collected"
    assert [[clean_cell(cell) for cell in row] for row in rows[1:]] == ROWS


def test_xlsx_keeps_text_as_text():
    response = table_response(headers=HEADERS, rows=ROWS, filename="plan", file_format="xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values == [HEADERS, *ROWS]
    assert sheet["B3"].data_type == "s"
