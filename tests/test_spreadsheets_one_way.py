"""One way to write and read spreadsheets: only `core/spreadsheets.py` writes or reads CSV and
XLSX files; every other module goes through its resources and formats."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ["rocb", "core", "administrations", "accounts", "portal"] + [
    "contacts",
    "experts",
    "library",
    "workplan",
    "outreach",
    "competencies",
    "needs",
]
THE_ONE_MODULE = ROOT / "core" / "spreadsheets.py"
# Libraries that write or read CSV or XLSX files by hand.
BY_HAND = {"csv", "openpyxl", "xlsxwriter", "xlrd", "xlwt", "defusedcsv", "pandas"}
# The library's own formats: they would bypass the shared formula guard.
LIBRARY_FORMATS = "import_export.formats"


def offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        else:
            names = []
        for name in names:
            if name.split(".")[0] in BY_HAND or name.startswith(LIBRARY_FORMATS):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} imports {name}")
        if (  # tablib writing a file itself: dataset.export("csv"), dataset.csv, dataset.xlsx
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "export"
            and node.args
            and isinstance(node.args[0], ast.Constant)
        ) or (isinstance(node, ast.Attribute) and node.attr in {"csv", "xlsx", "tsv"}):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} writes a file with tablib")
    return found


def project_modules():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts and path != THE_ONE_MODULE:
                yield path


def test_no_module_outside_core_writes_or_reads_spreadsheets_by_hand():
    found = [offence for path in project_modules() for offence in offences(path)]
    assert not found, "\n".join(found)


def test_the_scan_sees_hand_written_files(tmp_path):
    sample = tmp_path / "views.py"
    sample.write_text(
        "import csv\nfrom openpyxl import Workbook\n"
        "from import_export.formats.base_formats import CSV\n"
        "rows = dataset.export('csv')\ncells = dataset.xlsx\n"
    )
    sample = sample.rename(ROOT / "core" / "_scan_sample_tmp.py")
    try:
        assert len(offences(sample)) == 5
    finally:
        sample.unlink()
